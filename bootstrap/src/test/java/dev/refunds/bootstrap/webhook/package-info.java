/**
 * End-to-end webhook tests: the service on H2 or MariaDB delivering to a real local receiver that checks bodies,
 * headers and Standard Webhooks signatures. Each {@code …Contract} holds the tests; an {@code …OnH2Test} and an
 * {@code …OnMariaDbTest} run them against each backend.
 */
package dev.refunds.bootstrap.webhook;
