/** What only a database cluster can break: reads through one node right after writes through another. */
package dev.refunds.bootstrap.galera;
