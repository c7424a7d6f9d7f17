/**
 * VAN SDK exchange: the standard exports other systems read (Open Referral HSDS 3.0 for the service
 * directory, SDMX-CSV 2.0 and ADX for indicator tables, treaty and Landmine Monitor tables, records
 * as spreadsheets) and the HSDS import of another network's directory.
 */
module org.vansdk.exchange {
  requires transitive org.vansdk.core;
  requires transitive org.vansdk.indicators;
  requires tools.jackson.dataformat.csv;
  requires org.apache.poi.poi;
  requires org.apache.poi.ooxml;
  requires java.xml;
  requires static org.immutables.value;

  exports org.vansdk.exchange;
  exports org.vansdk.exchange.hsds;
  exports org.vansdk.exchange.sdmx;
  exports org.vansdk.exchange.treaty;
  exports org.vansdk.exchange.sheet;
}
