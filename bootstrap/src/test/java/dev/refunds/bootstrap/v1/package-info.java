/**
 * HTTP-level contract tests of the v1 payments and refunds API, the admin review and dispute API and the error
 * envelope (API.md). Each {@code …Test} runs its tests once per backend ({@code @OnH2AndMariaDb}), each run with
 * its own service ({@link dev.refunds.bootstrap.v1.ServiceContract}).
 */
package dev.refunds.bootstrap.v1;
