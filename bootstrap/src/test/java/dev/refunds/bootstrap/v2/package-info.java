/**
 * HTTP-level contract tests of the SecPaid API (v2: refundPayment and refundStatus) against the seed
 * {@code secpaid-refunds.txt} and API.md. Each {@code …Contract} holds the tests; an {@code …OnH2Test} and an
 * {@code …OnMariaDbTest} run them against each backend, each with its own running service.
 */
package dev.refunds.bootstrap.v2;
