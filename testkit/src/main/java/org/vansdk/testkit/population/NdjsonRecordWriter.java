package org.vansdk.testkit.population;

import java.io.OutputStream;
import java.util.function.Consumer;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.submission.RecordType;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;

/**
 * Writes records as NDJSON lines through one reused generator, byte for byte what {@code
 * org.vansdk.core.json.Ndjson#line} produces, without a buffer per line. Not thread-safe.
 */
final class NdjsonRecordWriter implements Consumer<Object> {
  private final JsonGenerator generator;
  private final ObjectWriter writer;
  private long lines;

  NdjsonRecordWriter(VanJson json, OutputStream out) {
    this.writer =
        json.mapper()
            .writer()
            .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            .withRootValueSeparator((String) null);
    this.generator = writer.createGenerator(out);
  }

  @Override
  public void accept(Object record) {
    generator.writeStartObject();
    generator.writeStringProperty("type", RecordType.of(record).code());
    generator.writeName("record");
    writer.writeValue(generator, record);
    generator.writeEndObject();
    generator.writeRaw('\n');
    lines++;
  }

  /** Returns the number of lines written. */
  long lines() {
    return lines;
  }

  /** Flushes buffered output to the stream, which stays open. */
  void flush() {
    generator.flush();
  }
}
