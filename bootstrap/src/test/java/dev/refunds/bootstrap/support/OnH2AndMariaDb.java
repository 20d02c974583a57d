package dev.refunds.bootstrap.support;

import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs every test of the class once on the embedded H2 database and once on MariaDB, in that order. The class takes
 * its backend in a {@code @Parameter Backend} field and starts its service in a
 * {@code @BeforeParameterizedClassInvocation} method (one per backend; {@code @BeforeAll} runs once, before any).
 * MariaDB comes from {@code REFUNDS_TEST_JDBC_URL}; without it the MariaDB run fails, it is never skipped.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ParameterizedClass(name = "on {0}")
@EnumSource(value = Backend.class, names = {"H2", "MARIADB"})
public @interface OnH2AndMariaDb {
}
