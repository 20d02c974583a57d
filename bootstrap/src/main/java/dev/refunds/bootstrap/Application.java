package dev.refunds.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;

/** Starts the refunds service; every setting comes from configuration or environment variables. */
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        ApplicationContext context = Micronaut.build(args)
                .mainClass(Application.class)
                .banner(false)
                .properties(DatabaseUrls.overrides(System.getenv("REFUNDS_DB_URL")))
                .start();
        if (ClassDataSharingTraining.requested()) {
            ClassDataSharingTraining.finish(context);
        }
    }
}
