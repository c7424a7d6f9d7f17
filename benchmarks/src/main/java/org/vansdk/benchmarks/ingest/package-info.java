/**
 * Benchmarks of import from national exports: a million CSV rows through parse, map, build,
 * validate and NDJSON write; a million-row XLSX read as a stream in a small heap.
 */
package org.vansdk.benchmarks.ingest;
