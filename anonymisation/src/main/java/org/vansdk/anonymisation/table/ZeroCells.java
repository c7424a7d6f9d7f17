package org.vansdk.anonymisation.table;

/**
 * What small-cell protection does with cells that count zero.
 *
 * @since 1.0
 */
public enum ZeroCells {
  /** Zeros are published: an empty cell reveals no one (the default). */
  PUBLISH,
  /** Zeros are primary-suppressed like small counts, for tables where absence is disclosive. */
  SUPPRESS
}
