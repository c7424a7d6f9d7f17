package org.vansdk.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyIndexTest {
  @Test
  void manyIdentifiers_eachFoundWithItsFingerprint_othersAbsent() {
    Random random = new Random(7);
    KeyIndex index = new KeyIndex();
    Map<String, Long> expected = new HashMap<>();
    for (int i = 0; i < 200_000; i++) {
      String id = "KHM-CMAA-P" + Integer.toString(random.nextInt(1_000_000), 36);
      if (index.find(id) < 0) {
        long fingerprint = random.nextLong();
        index.put(id, fingerprint);
        expected.put(id, fingerprint);
      }
    }
    for (Map.Entry<String, Long> e : expected.entrySet()) {
      int slot = index.find(e.getKey());
      assertEquals(e.getValue(), slot < 0 ? null : index.fingerprintAt(slot), e.getKey());
    }
    for (int i = 0; i < 10_000; i++) {
      String other = "LAO-NRA-" + i;
      assertEquals(-1, index.find(other), other);
    }
  }

  @Test
  void fingerprint_sameBytesSameValue_anyOneByteChangedOrAddedGivesAnother() {
    Random random = new Random(11);
    for (int length = 0; length <= 40; length++) {
      byte[] bytes = new byte[length];
      random.nextBytes(bytes);
      long f = KeyIndex.fingerprint(bytes);
      assertEquals(f, KeyIndex.fingerprint(bytes.clone()), "length " + length);
      byte[] within = new byte[length + 13];
      random.nextBytes(within);
      System.arraycopy(bytes, 0, within, 5, length);
      assertEquals(f, KeyIndex.fingerprint(within, 5, 5 + length), "a range, length " + length);
      Set<Long> seen = new HashSet<>();
      seen.add(f);
      for (int i = 0; i < length; i++) {
        byte[] changed = bytes.clone();
        changed[i] ^= (byte) (1 << random.nextInt(8));
        assertTrue(seen.add(KeyIndex.fingerprint(changed)), "length " + length + " byte " + i);
      }
      // a trailing zero byte, or one byte fewer, is other content
      assertTrue(seen.add(KeyIndex.fingerprint(Arrays.copyOf(bytes, length + 1))), "longer");
      if (length > 0) {
        assertTrue(seen.add(KeyIndex.fingerprint(Arrays.copyOf(bytes, length - 1))), "shorter");
      }
    }
  }
}
