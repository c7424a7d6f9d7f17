/**
 * Benchmarks of the payload validator: full validation (structure, semantic rules, located issues)
 * against raw networknt on the same schema, and NDJSON streaming throughput with peak heap.
 */
package org.vansdk.benchmarks.schema;
