package dev.refunds.bootstrap.support;

import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Like {@link OnEveryBackend} without H2: for suites of several instances, which one embedded file cannot serve. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ParameterizedClass(name = "on {0}")
@EnumSource(value = Backend.class, names = {"MARIADB", "GALERA"})
public @interface OnMariaDbAndGalera {
}
