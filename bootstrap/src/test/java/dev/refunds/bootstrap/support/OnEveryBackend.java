package dev.refunds.bootstrap.support;

import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Like {@link OnH2AndMariaDb}, and a third time on the three-node Galera cluster ({@code REFUNDS_TEST_GALERA_URL};
 * without it the Galera run fails, it is never skipped).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ParameterizedClass(name = "on {0}")
@EnumSource(Backend.class)
public @interface OnEveryBackend {
}
