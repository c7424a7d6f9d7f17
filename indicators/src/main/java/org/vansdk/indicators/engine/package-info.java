/**
 * The indicator engine: reads VAN records once (from memory, a submission or an NDJSON stream),
 * joins them in compact per-id tables, and accumulates every requested indicator and disaggregation
 * in mergeable accumulators, sequentially or in parallel, before building a table with small cells
 * suppressed.
 */
package org.vansdk.indicators.engine;
