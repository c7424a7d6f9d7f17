package org.vansdk.indicators.engine;

import java.util.Arrays;

/**
 * Dense indexes for record identifiers: the first identifier seen gets 0, the next new one 1, and
 * so on. An open-addressing table of {@code long}s (hash in the high half, index + 1 in the low)
 * replaces a {@code HashMap<String, Integer>}: one cache line per probe instead of a node, a boxed
 * integer and a key, which is what joining a million casualties to their incidents costs. Keys are
 * compared with {@link String#equals} before a match is accepted. Not thread-safe.
 */
final class IdIndex {
  private long[] table = new long[1 << 12];
  private String[] keys = new String[1 << 11];
  private int size;

  /** The index of an identifier, a new one (equal to the previous {@link #size()}) if unseen. */
  int intern(String id) {
    int h = id.hashCode();
    int mask = table.length - 1;
    int slot = mix(h) & mask;
    while (true) {
      long e = table[slot];
      if (e == 0) {
        break;
      }
      if ((int) (e >>> 32) == h) {
        int i = (int) e - 1;
        if (keys[i].equals(id)) {
          return i;
        }
      }
      slot = (slot + 1) & mask;
    }
    int i = size++;
    if (i == keys.length) {
      keys = Arrays.copyOf(keys, i * 2);
    }
    keys[i] = id;
    table[slot] = ((long) h << 32) | (i + 1L);
    if (size * 2 > table.length) {
      grow();
    }
    return i;
  }

  int size() {
    return size;
  }

  private static int mix(int h) {
    int x = h * 0x9E3779B9;
    return x ^ (x >>> 15);
  }

  private void grow() {
    long[] old = table;
    long[] t = new long[old.length * 2];
    int mask = t.length - 1;
    for (long e : old) {
      if (e != 0) {
        int slot = mix((int) (e >>> 32)) & mask;
        while (t[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        t[slot] = e;
      }
    }
    table = t;
  }
}
