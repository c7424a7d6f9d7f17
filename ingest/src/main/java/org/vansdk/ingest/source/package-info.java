/**
 * Source files read as streams of rows: CSV through Jackson's CSV parser with the declared encoding
 * checked, XLSX through POI's SAX sheet reader, both under size limits.
 */
package org.vansdk.ingest.source;
