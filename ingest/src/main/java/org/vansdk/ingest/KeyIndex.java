package org.vansdk.ingest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The records of one type written so far in an import: for each identifier, the fingerprint of the
 * record written under it, so a later row naming the same key is checked against it. Identifiers
 * are held as 128-bit hashes in one primitive array (open addressing, the two halves of the hash
 * and the fingerprint side by side, so a lookup mostly touches one cache line), 48 to 96 bytes a
 * record and no object per entry, so a million-row import keeps its memory and the collector's work
 * small. Two identifiers with the same 128-bit hash would be taken for one (a chance of about n² /
 * 2¹²⁹ for n records: below 10⁻²⁶ for ten million). Not thread-safe.
 */
final class KeyIndex {
  private static final int FIRST_CAPACITY = 1 << 10;
  private static final int STRIDE = 3; // high, low, fingerprint: 24 bytes a slot
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private long[] table = new long[FIRST_CAPACITY * STRIDE];
  private int capacity = FIRST_CAPACITY;
  private int size;
  // the hashes of the identifier last looked up, so a put after a find does not hash it again
  private String lastId;
  private long lastHigh;
  private long lastLow;

  /**
   * Returns a 64-bit fingerprint of a record's bytes, read eight at a time, for telling whether a
   * record given again under the same key has the same content.
   *
   * @param bytes the record's bytes
   * @return the fingerprint
   */
  static long fingerprint(byte[] bytes) {
    return fingerprint(bytes, 0, bytes.length);
  }

  /**
   * Returns the fingerprint of a range of bytes, the same as of an array holding only that range.
   *
   * @param bytes the bytes
   * @param from the first byte's index
   * @param to the index after the last byte
   * @return the fingerprint
   */
  static long fingerprint(byte[] bytes, int from, int to) {
    long h = 0x9e3779b97f4a7c15L ^ (to - from);
    int i = from;
    for (; i + 8 <= to; i += 8) {
      h = (h ^ mix((long) LONGS.get(bytes, i))) * 0xc2b2ae3d27d4eb4fL;
    }
    long tail = 0;
    for (int shift = 0; i < to; i++, shift += 8) {
      tail |= (bytes[i] & 0xffL) << shift;
    }
    return mix(h ^ mix(tail + 1));
  }

  /**
   * Hashes an identifier ahead of its {@link #find}, so the row's lookups can be started together
   * (see {@link #touch}).
   *
   * @param id the identifier
   */
  void hash(String id) {
    if (id.equals(lastId)) { // usually the same instance: a put right after its find
      return;
    }
    long h = 0xcbf29ce484222325L;
    long l = 0x9e3779b97f4a7c15L ^ id.length();
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      h = (h ^ c) * 0x100000001b3L;
      l = (l + c) * 0xc2b2ae3d27d4eb4fL;
      l ^= l >>> 29;
    }
    lastId = id;
    lastHigh = mix(h);
    long m = mix(l);
    lastLow = m == 0 ? 1 : m; // a low half of 0 marks a free slot
  }

  /** MurmurHash3's 64-bit finaliser: every input bit affects every output bit. */
  private static long mix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }

  /**
   * Loads the first slot of the identifier last hashed and returns a word of it. A lookup in a
   * table of millions of slots is a cache miss; a row's loads issued one after another overlap, so
   * the misses of its records cost about one, and the finds that follow hit the cache.
   *
   * @return a word of the slot, for the caller to keep (so the load is not optimised away)
   */
  long touch() {
    return table[((int) lastHigh & (capacity - 1)) * STRIDE + 1];
  }

  /**
   * Returns where an identifier is recorded.
   *
   * @param id the identifier
   * @return its slot for {@link #fingerprintAt}, or -1 when it has not been recorded
   */
  int find(String id) {
    hash(id);
    int mask = capacity - 1;
    for (int i = (int) lastHigh & mask; ; i = (i + 1) & mask) {
      int at = i * STRIDE;
      if (table[at + 1] == 0) {
        return -1;
      }
      if (table[at] == lastHigh && table[at + 1] == lastLow) {
        return i;
      }
    }
  }

  /**
   * Returns the fingerprint recorded in a slot.
   *
   * @param slot a slot returned by {@link #find}, with no {@link #put} since
   * @return the fingerprint
   */
  long fingerprintAt(int slot) {
    return table[slot * STRIDE + 2];
  }

  /**
   * Records the fingerprint of the record written under an identifier not recorded before.
   *
   * @param id the identifier
   * @param fingerprint the record's fingerprint
   */
  void put(String id, long fingerprint) {
    if (2 * (size + 1) > capacity) {
      grow();
    }
    hash(id);
    insert(table, capacity, lastHigh, lastLow, fingerprint);
    size++;
  }

  private static void insert(long[] table, int capacity, long h, long l, long fingerprint) {
    int mask = capacity - 1;
    int i = (int) h & mask;
    while (table[i * STRIDE + 1] != 0 && !(table[i * STRIDE] == h && table[i * STRIDE + 1] == l)) {
      i = (i + 1) & mask;
    }
    table[i * STRIDE] = h;
    table[i * STRIDE + 1] = l;
    table[i * STRIDE + 2] = fingerprint;
  }

  private void grow() {
    long[] old = table;
    capacity *= 2;
    table = new long[capacity * STRIDE];
    for (int at = 0; at < old.length; at += STRIDE) {
      if (old[at + 1] != 0) {
        insert(table, capacity, old[at], old[at + 1], old[at + 2]);
      }
    }
  }
}
