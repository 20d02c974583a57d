/**
 * End-to-end webhook tests: the service on H2 or MariaDB delivering to a real local receiver that checks bodies,
 * headers and Standard Webhooks signatures. Each {@code …Test} runs its tests once per
 * backend ({@code @OnH2AndMariaDb}).
 */
package dev.refunds.bootstrap.webhook;
