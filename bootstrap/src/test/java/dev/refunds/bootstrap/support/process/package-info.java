/**
 * The one harness that starts the service as a process of its own (the jar, or the application from the test class
 * path): tests and benchmarks alike, with SIGKILL, SIGTERM, restarts on the same data folder, a log per start.
 */
package dev.refunds.bootstrap.support.process;
