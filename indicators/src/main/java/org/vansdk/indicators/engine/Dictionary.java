package org.vansdk.indicators.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Codes of an open dimension (admin area, country, year, month, reason); code 0 is unknown. */
final class Dictionary {
  static final String UNKNOWN = "unknown";

  private final Map<String, Integer> codes = new HashMap<>();
  private final List<String> values = new ArrayList<>();

  Dictionary() {
    code(UNKNOWN);
  }

  int code(String value) {
    Integer c = codes.get(value);
    if (c == null) {
      c = values.size();
      codes.put(value, c);
      values.add(value);
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
