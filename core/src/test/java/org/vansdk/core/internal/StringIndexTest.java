package org.vansdk.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StringIndexTest {
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 42})
  void intern_numbersStringsInFirstSeenOrder_likeAMap(long seed) {
    Random r = new Random(seed);
    StringIndex index = new StringIndex();
    Map<String, Integer> expected = new HashMap<>();
    for (int i = 0; i < 20_000; i++) {
      // Short keys collide often; long ones grow the arena; empty and repeated ones are allowed.
      int len = r.nextInt(4) == 0 ? r.nextInt(80) : r.nextInt(3);
      StringBuilder b = new StringBuilder();
      for (int k = 0; k < len; k++) {
        b.append((char) ('A' + r.nextInt(r.nextBoolean() ? 3 : 60)));
      }
      String key = b.toString();
      int want = expected.computeIfAbsent(key, k -> expected.size());
      assertEquals(want, index.intern(key), "seed " + seed + " key " + key);
      assertEquals(expected.size(), index.size(), "seed " + seed);
    }
    for (Map.Entry<String, Integer> e : expected.entrySet()) {
      assertEquals(e.getValue(), index.find(e.getKey()), "seed " + seed + " " + e.getKey());
    }
    assertEquals(-1, index.find("never-seen-" + seed), "seed " + seed);
  }

  @Test
  void hashCollisions_areToldApartByTheirCharacters() {
    StringIndex index = new StringIndex();
    // "Aa" and "BB" have the same String.hashCode.
    assertEquals(0, index.intern("Aa"));
    assertEquals(1, index.intern("BB"));
    assertEquals(0, index.find("Aa"));
    assertEquals(1, index.find("BB"));
    assertEquals(-1, index.find("AaBB"));
  }
}
