/**
 * HTTP-level contract tests of the v1 payments and refunds API, the admin review and dispute API and the error
 * envelope (API.md). Each {@code …Contract} holds the tests; an {@code …OnH2Test} and an {@code …OnMariaDbTest}
 * run them against each backend.
 */
package dev.refunds.bootstrap.v1;
