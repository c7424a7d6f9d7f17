/**
 * The VAN SDK import: declarative mappings turn national exports (CSV in any common encoding, XLSX
 * read as a stream) into canonical records validated by the schema module, with every rejected row
 * accounted for.
 */
module org.vansdk.ingest {
  requires transitive org.vansdk.core;
  requires org.vansdk.schema;
  requires tools.jackson.core;
  requires tools.jackson.databind;
  requires tools.jackson.dataformat.csv;
  requires org.apache.poi.poi;
  requires org.apache.poi.ooxml;
  requires java.xml;

  exports org.vansdk.ingest;
}
