package org.vansdk.core.internal;

import java.util.Arrays;

/**
 * The SDK's table from strings to dense ints: the first string seen gets 0, the next new one 1, and
 * so on, so facts about identifiers can live in primitive arrays indexed by it. Joining a million
 * casualties to their persons and incidents is a million random lookups, so the layout is chosen
 * for cache misses: an open-addressing table of {@code long}s (the key's hash in the high half, its
 * position in a character arena in the low half), and the arena holding each key as {@code [index,
 * length, characters]}. A lookup touches the table and the arena, where a {@code HashMap<String,
 * Integer>} touches a node, a boxed integer, a string and its bytes. Keys are compared character by
 * character before a match is accepted; the arena is also smaller than the strings it replaces,
 * which may then be collected. Not thread-safe.
 */
public final class StringIndex {
  private static final int HEADER = 4;

  private long[] table = new long[1 << 6];
  private char[] arena = new char[1 << 9];
  private int used;
  private int size;

  /** Creates an empty index. */
  public StringIndex() {}

  /**
   * Returns the index of a string, giving it a new one (equal to the previous {@link #size()}) if
   * unseen.
   *
   * @param id the string
   * @return its index, from 0
   */
  public int intern(String id) {
    int h = id.hashCode();
    int len = id.length();
    int slot = probe(id, h, len);
    long e = table[slot];
    if (e != 0) {
      return indexAt((int) e - 1);
    }
    int i = size++;
    int off = used;
    if (off + HEADER + len > arena.length) {
      arena = Arrays.copyOf(arena, Math.max(arena.length * 2, off + HEADER + len));
    }
    arena[off] = (char) (i >>> 16);
    arena[off + 1] = (char) i;
    arena[off + 2] = (char) (len >>> 16);
    arena[off + 3] = (char) len;
    id.getChars(0, len, arena, off + HEADER);
    used = off + HEADER + len;
    table[slot] = ((long) h << 32) | (off + 1L);
    if (size * 2 > table.length) {
      grow();
    }
    return i;
  }

  /**
   * Returns the index of a string, or -1 if it was never given one.
   *
   * @param id the string
   * @return its index or -1
   */
  public int find(String id) {
    long e = table[probe(id, id.hashCode(), id.length())];
    return e == 0 ? -1 : indexAt((int) e - 1);
  }

  /** The table slot holding the string, or the empty slot where it would go. */
  private int probe(String id, int h, int len) {
    int mask = table.length - 1;
    int slot = mix(h) & mask;
    while (true) {
      long e = table[slot];
      if (e == 0 || ((int) (e >>> 32) == h && matches((int) e - 1, id, len))) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
  }

  private int indexAt(int off) {
    return arena[off] << 16 | arena[off + 1];
  }

  private boolean matches(int off, String id, int len) {
    if ((arena[off + 2] << 16 | arena[off + 3]) != len) {
      return false;
    }
    int base = off + HEADER;
    for (int k = 0; k < len; k++) {
      if (arena[base + k] != id.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the number of strings held.
   *
   * @return the count
   */
  public int size() {
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
