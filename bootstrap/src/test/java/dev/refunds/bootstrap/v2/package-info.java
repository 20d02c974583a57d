/**
 * HTTP-level contract tests of the SecPaid API (v2: refundPayment and refundStatus) against the seed
 * {@code secpaid-refunds.txt} and API.md. Each {@code …Test} runs its tests once per backend
 * ({@code @OnH2AndMariaDb}), each run with its own running service.
 */
package dev.refunds.bootstrap.v2;
