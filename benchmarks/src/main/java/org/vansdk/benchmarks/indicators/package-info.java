/**
 * Indicator benchmarks: the VAN indicator engine against DuckDB computing the same indicators over
 * the same synthetic casualty dataset, end to end from one NDJSON file and from data in memory.
 */
package org.vansdk.benchmarks.indicators;
