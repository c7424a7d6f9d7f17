package org.vansdk.core.json;

import org.vansdk.core.submission.RecordType;

/**
 * One decoded NDJSON line: its line number, its type and the record.
 *
 * @param line the 1-based line number
 * @param type the record type
 * @param record the record, an instance of {@link RecordType#javaType()}
 * @since 1.0
 */
public record NdjsonRecord(long line, RecordType type, Object record) {
  /**
   * Returns the record as a given type.
   *
   * @param kind the model type
   * @param <T> the type
   * @return the record
   * @throws ClassCastException if it is of another type
   */
  public <T> T as(Class<T> kind) {
    return kind.cast(record);
  }
}
