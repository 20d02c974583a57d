package dev.refunds.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanInstantiationException;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.exceptions.ApplicationStartupException;
import org.slf4j.LoggerFactory;

/** Starts the refunds service; every setting comes from configuration or environment variables. */
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        ApplicationContext context;
        try {
            context = Micronaut.build(args)
                    .mainClass(Application.class)
                    .banner(false)
                    .properties(DatabaseUrls.overrides(System.getenv("REFUNDS_DB_URL")))
                    .mapError(BeanInstantiationException.class, StartupRefusal::micronautExitCode)
                    .start();
        } catch (ApplicationStartupException failure) {
            StartupRefusal refusal = StartupRefusal.in(failure).orElseThrow(() -> failure);
            LoggerFactory.getLogger(Application.class).error(refusal.getMessage());
            System.exit(StartupRefusal.EXIT_CODE);
            return;
        }
        if (ClassDataSharingTraining.requested()) {
            ClassDataSharingTraining.finish(context);
        }
    }
}
