/**
 * Import from national systems: {@link org.vansdk.ingest.Mapping} (the mapping document), {@link
 * org.vansdk.ingest.Importer} (runs an import), {@link org.vansdk.ingest.ImportSummary} (its
 * counts), {@link org.vansdk.ingest.RejectReason} (why a row was rejected) and the {@link
 * org.vansdk.ingest.ShippedMapping shipped mappings}.
 */
package org.vansdk.ingest;
