/**
 * JDBC for tests: a connection wrapper that records the requests a store makes to its database
 * server, so that a test can bound them (on PostgreSQL each is a round trip).
 */
package org.vansdk.testkit.jdbc;
