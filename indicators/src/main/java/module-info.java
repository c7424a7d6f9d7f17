/**
 * VAN SDK indicators: the indicator catalogue, a single-pass engine over mergeable accumulators,
 * disaggregation, suppressed output tables and CSV/JSON export.
 */
module org.vansdk.indicators {
  requires transitive org.vansdk.core;
  requires org.vansdk.anonymisation;

  exports org.vansdk.indicators.catalogue;
  exports org.vansdk.indicators.engine;
  exports org.vansdk.indicators.table;
  exports org.vansdk.indicators.export;
}
