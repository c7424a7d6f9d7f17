/**
 * End-to-end measurements of the referral protocol over HTTPS on loopback: two nodes with durable
 * stores (H2 file, PostgreSQL) served by Jetty, throughput and latency at a fixed offered rate.
 */
package org.vansdk.benchmarks.transport;
