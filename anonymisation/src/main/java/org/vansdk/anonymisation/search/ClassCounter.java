package org.vansdk.anonymisation.search;

import java.util.Arrays;

/**
 * Open-addressing hash table from a packed class key (non-negative long) to a record count: the
 * equivalence classes of one transformation. No per-entry objects.
 */
final class ClassCounter {
  static final long EMPTY = -1L;

  long[] keys;
  int[] counts;
  int size;
  private int mask;
  private int shift;
  private int threshold;

  ClassCounter(int expected) {
    int capacity = Integer.highestOneBit(Math.max(8, expected) * 2 - 1) << 1;
    allocate(capacity);
  }

  private void allocate(int capacity) {
    keys = new long[capacity];
    Arrays.fill(keys, EMPTY);
    counts = new int[capacity];
    mask = capacity - 1;
    shift = 64 - Integer.numberOfTrailingZeros(capacity);
    threshold = capacity / 2;
  }

  private int slot(long key) {
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
  }

  /** Adds {@code count} records to the class of {@code key}. */
  void add(long key, int count) {
    int i = slot(key);
    while (true) {
      long k = keys[i];
      if (k == key) {
        counts[i] += count;
        return;
      }
      if (k == EMPTY) {
        keys[i] = key;
        counts[i] = count;
        if (++size > threshold) {
          grow();
        }
        return;
      }
      i = (i + 1) & mask;
    }
  }

  /** Returns the slot of {@code key}, inserting it with count 0 when absent. */
  int slotOf(long key) {
    int i = slot(key);
    while (true) {
      long k = keys[i];
      if (k == key) {
        return i;
      }
      if (k == EMPTY) {
        if (size + 1 > threshold) {
          grow();
          return slotOf(key);
        }
        keys[i] = key;
        size++;
        return i;
      }
      i = (i + 1) & mask;
    }
  }

  /** Returns the slot of {@code key}, or -1 when absent. */
  int find(long key) {
    int i = slot(key);
    while (true) {
      long k = keys[i];
      if (k == key) {
        return i;
      }
      if (k == EMPTY) {
        return -1;
      }
      i = (i + 1) & mask;
    }
  }

  int capacity() {
    return keys.length;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldCounts = counts;
    allocate(oldKeys.length * 2);
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        add(oldKeys[i], oldCounts[i]);
      }
    }
  }

  /** Copies the occupied entries into exact-size arrays. */
  ClassTable compact(int[] levels) {
    long[] k = new long[size];
    int[] c = new int[size];
    int j = 0;
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY) {
        k[j] = keys[i];
        c[j] = counts[i];
        j++;
      }
    }
    return new ClassTable(levels, k, c);
  }
}
