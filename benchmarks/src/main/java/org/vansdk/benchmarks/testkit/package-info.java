/**
 * Testkit benchmarks: throughput of synthetic population generation to NDJSON, and a runner that
 * reports time and peak heap for a million casualties.
 */
package org.vansdk.benchmarks.testkit;
