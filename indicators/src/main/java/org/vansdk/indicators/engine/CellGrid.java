package org.vansdk.indicators.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.vansdk.indicators.catalogue.Dimension;
import org.vansdk.indicators.catalogue.Unit;
import org.vansdk.indicators.table.Observation;
import org.vansdk.indicators.table.ObservationStatus;

/**
 * The cells of one request as they are published: every combination of the values of its key
 * dimensions (the whole code list of a closed dimension, the values met in the data for an open
 * one), zeros included, in {@link CellOrder}, with the counts from the accumulation and a status
 * per cell. Not thread-safe (statuses are set while protecting).
 */
final class CellGrid {
  final IndicatorRequest request;
  final List<Dimension> keyDimensions;
  final Set<Dimension> dimensions;

  /** For each key dimension, its values in this grid. */
  final List<List<String>> values;

  final List<List<String>> keys;
  final long[][] counts;
  private final Map<List<String>, Integer> index;
  private final Map<List<String>, TreeMap<Integer, Long>> histograms;
  final ObservationStatus[] suppression;

  private CellGrid(IndicatorRequest request, Accumulation acc) {
    this.request = request;
    this.keyDimensions = request.keyDimensions();
    this.dimensions =
        request.dimensions().isEmpty()
            ? EnumSet.noneOf(Dimension.class)
            : EnumSet.copyOf(request.dimensions());
    Map<List<String>, long[]> cells = acc.cells(request);
    this.histograms = acc.histograms(request);
    List<List<String>> vals = new ArrayList<>();
    for (int i = 0; i < keyDimensions.size(); i++) {
      Dimension d = keyDimensions.get(i);
      TreeSet<String> seen = new TreeSet<>();
      for (List<String> k : cells.keySet()) {
        seen.add(k.get(i));
      }
      // A closed dimension lists its whole code list (and, defensively, any value met beyond it).
      List<String> v = new ArrayList<>(d.codes());
      seen.removeAll(v);
      v.addAll(seen);
      vals.add(List.copyOf(v));
    }
    this.values = List.copyOf(vals);
    List<List<String>> product = new ArrayList<>();
    product(0, new String[keyDimensions.size()], product);
    product.sort(CellOrder.INSTANCE);
    this.keys = product;
    this.counts = new long[product.size()][];
    this.index = new HashMap<>(product.size() * 2);
    for (int i = 0; i < product.size(); i++) {
      long[] c = cells.get(product.get(i));
      counts[i] = c == null ? new long[3] : c.clone();
      index.put(product.get(i), i);
    }
    this.suppression = new ObservationStatus[product.size()];
  }

  static CellGrid of(IndicatorRequest request, Accumulation acc) {
    return new CellGrid(request, acc);
  }

  private void product(int at, String[] key, List<List<String>> out) {
    if (at == key.length) {
      out.add(List.of(key));
      return;
    }
    for (String v : values.get(at)) {
      key[at] = v;
      product(at + 1, key, out);
    }
  }

  int size() {
    return keys.size();
  }

  /** The index of the cell whose key dimensions take these values, or -1. */
  int indexOf(Map<Dimension, String> cell) {
    String[] key = new String[keyDimensions.size()];
    for (int i = 0; i < key.length; i++) {
      key[i] = cell.get(keyDimensions.get(i));
      if (key[i] == null) {
        return -1;
      }
    }
    Integer i = index.get(Arrays.asList(key));
    return i == null ? -1 : i;
  }

  /** The values of cell i, by dimension. */
  Map<Dimension, String> cell(int i) {
    Map<Dimension, String> m = new HashMap<>();
    List<String> k = keys.get(i);
    for (int j = 0; j < k.size(); j++) {
      m.put(keyDimensions.get(j), k.get(j));
    }
    return m;
  }

  /** The counts that small-cell protection looks at: the count, numerator and denominator. */
  static int[] measures(Unit unit) {
    switch (unit) {
      case COUNT:
        return new int[] {0};
      case DAYS:
        return new int[] {1};
      default:
        return new int[] {0, 1};
    }
  }

  /** The observations of this grid, in order, suppressed where flagged. */
  List<Observation> observations() {
    String code = request.indicator().code();
    Unit unit = request.indicator().unit();
    List<Observation> out = new ArrayList<>(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      List<String> key = keys.get(i);
      Map<Dimension, String> dims = new TreeMap<>();
      for (int j = 0; j < keyDimensions.size(); j++) {
        dims.put(keyDimensions.get(j), key.get(j));
      }
      long[] c = counts[i];
      List<Observation> cell = new ArrayList<>(2);
      if (unit == Unit.DAYS) {
        TreeMap<Integer, Long> h = histograms.get(key);
        for (String stat : Dimension.STATISTIC.codes()) {
          Map<Dimension, String> withStat = new TreeMap<>(dims);
          withStat.put(Dimension.STATISTIC, stat);
          double days =
              h == null ? Double.NaN : percentile(h, c[1], stat.equals("median") ? 50 : 90);
          cell.add(Observation.of(code, withStat, days, c[1], -1, c[2]));
        }
      } else if (request.indicator().isQuotient()) {
        double v = c[1] == 0 ? Double.NaN : (double) c[0] / c[1];
        cell.add(Observation.of(code, dims, v, c[0], c[1], c[2]));
      } else {
        cell.add(Observation.of(code, dims, c[0], c[0], -1, c[2]));
      }
      for (Observation o : cell) {
        out.add(suppression[i] == null ? o : o.suppressed());
      }
    }
    return out;
  }

  /** Nearest-rank percentile: the smallest value whose cumulative count reaches ceil(p/100 n). */
  static double percentile(TreeMap<Integer, Long> histogram, long n, int p) {
    long rank = (n * p + 99) / 100;
    long seen = 0;
    for (Map.Entry<Integer, Long> e : histogram.entrySet()) {
      seen += e.getValue();
      if (seen >= rank) {
        return e.getKey();
      }
    }
    return Double.NaN;
  }
}
