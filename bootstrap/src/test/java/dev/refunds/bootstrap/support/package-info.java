/** Starts the service against H2 or MariaDB and talks to it over HTTP, as a client would. */
package dev.refunds.bootstrap.support;
