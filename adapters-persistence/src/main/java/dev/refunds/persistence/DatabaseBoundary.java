package dev.refunds.persistence;

import io.micronaut.aop.Around;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An adapter whose methods the application calls: a driver error that means "the database is away" leaves it as
 * the application's {@link dev.refunds.application.DatabaseUnavailableException} (see {@link DatabaseErrors}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE})
@Around
public @interface DatabaseBoundary {
}
