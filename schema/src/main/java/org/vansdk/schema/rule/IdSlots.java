package org.vansdk.schema.rule;

import java.util.Arrays;

/**
 * Numbers identifiers densely in the order they are first seen (0, 1, 2, ...), so facts about them
 * can live in primitive arrays indexed by slot. Open addressing over two parallel arrays: one
 * reference and one int per identifier, no entry objects. Not thread-safe.
 *
 * @since 1.0
 */
public final class IdSlots {
  private String[] keys = new String[64];
  private int[] slots = new int[64];
  private int size;

  /** Creates an empty table. */
  public IdSlots() {}

  /**
   * Returns the slot of an identifier, giving it the next free slot when new.
   *
   * @param id the identifier
   * @return its slot, from 0
   */
  public int slot(String id) {
    int mask = keys.length - 1;
    int i = mix(id.hashCode()) & mask;
    while (keys[i] != null) {
      if (keys[i].equals(id)) {
        return slots[i];
      }
      i = (i + 1) & mask;
    }
    keys[i] = id;
    slots[i] = size;
    size++;
    if (size * 2 > keys.length) {
      grow();
    }
    return size - 1;
  }

  /**
   * Returns the slot of an identifier, or -1 when it was never given one.
   *
   * @param id the identifier
   * @return its slot or -1
   */
  public int find(String id) {
    int mask = keys.length - 1;
    int i = mix(id.hashCode()) & mask;
    while (keys[i] != null) {
      if (keys[i].equals(id)) {
        return slots[i];
      }
      i = (i + 1) & mask;
    }
    return -1;
  }

  /**
   * Returns the number of identifiers held.
   *
   * @return the count
   */
  public int size() {
    return size;
  }

  private void grow() {
    String[] oldKeys = keys;
    int[] oldSlots = slots;
    keys = new String[oldKeys.length * 2];
    slots = new int[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != null) {
        int i = mix(oldKeys[j].hashCode()) & mask;
        while (keys[i] != null) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        slots[i] = oldSlots[j];
      }
    }
  }

  private static int mix(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  /** Grows an int column to hold a slot, filling new cells with a value. */
  static int[] fit(int[] column, int slot, int fill) {
    if (slot < column.length) {
      return column;
    }
    int old = column.length;
    int[] grown = Arrays.copyOf(column, Math.max(slot + 1, old * 2));
    Arrays.fill(grown, old, grown.length, fill);
    return grown;
  }
}
