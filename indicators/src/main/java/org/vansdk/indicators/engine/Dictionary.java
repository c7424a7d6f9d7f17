package org.vansdk.indicators.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.vansdk.core.internal.StringIndex;

/** Codes of an open dimension (admin area, country, year, month, reason); code 0 is unknown. */
final class Dictionary {
  static final String UNKNOWN = "unknown";

  private final StringIndex codes = new StringIndex();
  private final List<String> values = new ArrayList<>();
  // A cache from int keys (a year, a year-month) to codes, so that hot paths skip formatting text.
  private int[] intKeys = new int[64];
  private int[] intCodes = new int[64];
  private int intSize;

  Dictionary() {
    code(UNKNOWN);
  }

  int code(String value) {
    int c = codes.intern(value);
    if (c == values.size()) {
      values.add(value);
    }
    return c;
  }

  /**
   * The code of the value named by an int key; the name is formatted only the first time the key is
   * seen. Keys must name values consistently.
   */
  int code(int key, IntFunction<String> name) {
    int mask = intKeys.length - 1;
    int slot = (key * 0x9E3779B9 >>> 16) & mask;
    while (intCodes[slot] != 0) {
      if (intKeys[slot] == key) {
        return intCodes[slot] - 1;
      }
      slot = (slot + 1) & mask;
    }
    int c = code(name.apply(key));
    intKeys[slot] = key;
    intCodes[slot] = c + 1;
    if (++intSize * 2 > intKeys.length) {
      int[] oldKeys = intKeys;
      int[] oldCodes = intCodes;
      intKeys = new int[oldKeys.length * 2];
      intCodes = new int[oldKeys.length * 2];
      int m = intKeys.length - 1;
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldCodes[i] != 0) {
          int s = (oldKeys[i] * 0x9E3779B9 >>> 16) & m;
          while (intCodes[s] != 0) {
            s = (s + 1) & m;
          }
          intKeys[s] = oldKeys[i];
          intCodes[s] = oldCodes[i];
        }
      }
    }
    return c;
  }

  String value(int code) {
    return values.get(code);
  }

  int size() {
    return values.size();
  }
}
