package org.vansdk.indicators.engine;

import java.util.Comparator;
import java.util.List;

/** Orders cells by their dimension values, element by element. */
enum CellOrder implements Comparator<List<String>> {
  INSTANCE;

  @Override
  public int compare(List<String> a, List<String> b) {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }
}
