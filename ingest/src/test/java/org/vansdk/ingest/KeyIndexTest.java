package org.vansdk.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
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
}
