package org.vansdk.ingest;

/**
 * The records of one type written so far in an import: for each identifier, the fingerprint of the
 * record written under it, so a later row naming the same key is checked against it. Identifiers
 * are held as 128-bit hashes in primitive arrays (open addressing), 24 to 48 bytes a record and no
 * object per entry, so a million-row import keeps its memory and the collector's work small. Two
 * identifiers with the same 128-bit hash would be taken for one (a chance of about n² / 2¹²⁹ for n
 * records: below 10⁻²⁶ for ten million). Not thread-safe.
 */
final class KeyIndex {
  private static final int FIRST_CAPACITY = 1 << 10;

  private long[] high = new long[FIRST_CAPACITY];
  private long[] low = new long[FIRST_CAPACITY];
  private long[] fingerprints = new long[FIRST_CAPACITY];
  private int size;

  /** The 128-bit hash of an identifier, never (0, 0), which marks a free slot. */
  private static long high(String id) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < id.length(); i++) {
      h ^= id.charAt(i);
      h *= 0x100000001b3L;
    }
    return mix(h);
  }

  private static long low(String id) {
    long h = 0x9e3779b97f4a7c15L ^ id.length();
    for (int i = 0; i < id.length(); i++) {
      h = (h + id.charAt(i)) * 0xc2b2ae3d27d4eb4fL;
      h ^= h >>> 29;
    }
    long m = mix(h);
    return m == 0 ? 1 : m;
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
   * Returns where an identifier is recorded.
   *
   * @param id the identifier
   * @return its slot for {@link #fingerprintAt}, or -1 when it has not been recorded
   */
  int find(String id) {
    long h = high(id);
    long l = low(id);
    int mask = high.length - 1;
    for (int i = (int) h & mask; ; i = (i + 1) & mask) {
      if (low[i] == 0) {
        return -1;
      }
      if (high[i] == h && low[i] == l) {
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
    return fingerprints[slot];
  }

  /**
   * Records the fingerprint of the record written under an identifier not recorded before.
   *
   * @param id the identifier
   * @param fingerprint the record's fingerprint
   */
  void put(String id, long fingerprint) {
    if (2 * (size + 1) > high.length) {
      grow();
    }
    insert(high(id), low(id), fingerprint);
    size++;
  }

  private void insert(long h, long l, long fingerprint) {
    int mask = high.length - 1;
    int i = (int) h & mask;
    while (low[i] != 0 && !(high[i] == h && low[i] == l)) {
      i = (i + 1) & mask;
    }
    high[i] = h;
    low[i] = l;
    fingerprints[i] = fingerprint;
  }

  private void grow() {
    long[] oldHigh = high;
    long[] oldLow = low;
    long[] oldFingerprints = fingerprints;
    high = new long[oldHigh.length * 2];
    low = new long[oldHigh.length * 2];
    fingerprints = new long[oldHigh.length * 2];
    for (int i = 0; i < oldHigh.length; i++) {
      if (oldLow[i] != 0) {
        insert(oldHigh[i], oldLow[i], oldFingerprints[i]);
      }
    }
  }
}
