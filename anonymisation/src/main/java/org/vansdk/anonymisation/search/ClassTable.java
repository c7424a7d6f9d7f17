package org.vansdk.anonymisation.search;

/**
 * The equivalence classes of one transformation as parallel arrays of packed keys and counts (when
 * the privacy model reads the sensitive attribute, one entry per class and sensitive value).
 */
final class ClassTable {
  final int[] levels;
  final long[] keys;
  final int[] counts;

  ClassTable(int[] levels, long[] keys, int[] counts) {
    this.levels = levels;
    this.keys = keys;
    this.counts = counts;
  }

  int size() {
    return keys.length;
  }
}
