package org.vansdk.indicators.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The mergeable partial result of an indicator run: for each request, for each cell (its dimension
 * values), a numerator, a denominator and a count of unknowns, plus, for the time indicator
 * (REF-03), a histogram of whole days. Merging adds counts, so it is associative and commutative:
 * results computed in parallel, or over several self-contained files or countries, merge to the
 * same answer as one sequential run. Immutable and thread-safe.
 */
public final class Accumulation {
  private final List<IndicatorRequest> requests;
  private final Map<IndicatorRequest, Map<List<String>, long[]>> cells;
  private final Map<IndicatorRequest, Map<List<String>, TreeMap<Integer, Long>>> histograms;

  Accumulation(
      List<IndicatorRequest> requests,
      Map<IndicatorRequest, Map<List<String>, long[]>> cells,
      Map<IndicatorRequest, Map<List<String>, TreeMap<Integer, Long>>> histograms) {
    this.requests = List.copyOf(requests);
    this.cells = cells;
    this.histograms = histograms;
  }

  /** The requests this accumulation answers, in order. */
  public List<IndicatorRequest> requests() {
    return requests;
  }

  /**
   * The sum of this and another accumulation over the same requests.
   *
   * @throws IllegalArgumentException if the requests differ
   */
  public Accumulation merge(Accumulation other) {
    if (!requests.equals(other.requests)) {
      throw new IllegalArgumentException(
          "cannot merge accumulations of different requests: "
              + requests
              + " and "
              + other.requests);
    }
    Map<IndicatorRequest, Map<List<String>, long[]>> c = new LinkedHashMap<>();
    Map<IndicatorRequest, Map<List<String>, TreeMap<Integer, Long>>> h = new LinkedHashMap<>();
    for (IndicatorRequest r : requests) {
      Map<List<String>, long[]> m = new TreeMap<>(CellOrder.INSTANCE);
      addCells(m, cells.get(r));
      addCells(m, other.cells.get(r));
      c.put(r, m);
      Map<List<String>, TreeMap<Integer, Long>> hm = new TreeMap<>(CellOrder.INSTANCE);
      addHistograms(hm, histograms.get(r));
      addHistograms(hm, other.histograms.get(r));
      h.put(r, hm);
    }
    return new Accumulation(requests, c, h);
  }

  private static void addCells(Map<List<String>, long[]> into, Map<List<String>, long[]> from) {
    for (Map.Entry<List<String>, long[]> e : from.entrySet()) {
      long[] t = into.computeIfAbsent(e.getKey(), k -> new long[3]);
      for (int i = 0; i < 3; i++) {
        t[i] += e.getValue()[i];
      }
    }
  }

  private static void addHistograms(
      Map<List<String>, TreeMap<Integer, Long>> into,
      Map<List<String>, TreeMap<Integer, Long>> from) {
    for (Map.Entry<List<String>, TreeMap<Integer, Long>> e : from.entrySet()) {
      TreeMap<Integer, Long> t = into.computeIfAbsent(e.getKey(), k -> new TreeMap<>());
      e.getValue().forEach((day, n) -> t.merge(day, n, Long::sum));
    }
  }

  /**
   * The cells of one request: dimension values (in {@link IndicatorRequest#dimensions()} order,
   * then intrinsic dimensions) to {numerator, denominator, unknown}. Counts put the count in the
   * numerator.
   */
  Map<List<String>, long[]> cells(IndicatorRequest r) {
    return Collections.unmodifiableMap(cells.get(r));
  }

  Map<List<String>, TreeMap<Integer, Long>> histograms(IndicatorRequest r) {
    return Collections.unmodifiableMap(histograms.get(r));
  }

  /**
   * The raw counts of one request, for inspection and tests: each cell's dimension values mapped to
   * a copy of {numerator, denominator, unknown}.
   */
  public Map<List<String>, List<Long>> counts(IndicatorRequest r) {
    Map<List<String>, List<Long>> out = new TreeMap<>(CellOrder.INSTANCE);
    cells.get(r).forEach((k, v) -> out.put(k, List.of(v[0], v[1], v[2])));
    return out;
  }

  /** The REF-03 day histograms of one request, for inspection and tests. */
  public Map<List<String>, Map<Integer, Long>> dayHistograms(IndicatorRequest r) {
    Map<List<String>, Map<Integer, Long>> out = new TreeMap<>(CellOrder.INSTANCE);
    histograms.get(r).forEach((k, v) -> out.put(k, Collections.unmodifiableMap(new TreeMap<>(v))));
    return out;
  }

  static List<String> key(String... values) {
    List<String> l = new ArrayList<>(values.length);
    Collections.addAll(l, values);
    return List.copyOf(l);
  }
}
