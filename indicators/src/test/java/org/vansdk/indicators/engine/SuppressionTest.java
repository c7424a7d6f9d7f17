package org.vansdk.indicators.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.vansdk.core.casualty.AgeGroup;
import org.vansdk.core.casualty.LandmineMonitorGroup;
import org.vansdk.core.incident.DeviceCategory;
import org.vansdk.core.person.Sex;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.submission.ReportingPeriod;
import org.vansdk.core.submission.Submission;
import org.vansdk.indicators.catalogue.Dimension;
import org.vansdk.indicators.table.IndicatorTable;
import org.vansdk.indicators.table.Observation;
import org.vansdk.indicators.table.ObservationStatus;
import org.vansdk.testkit.population.PopulationGenerator;
import org.vansdk.testkit.population.PopulationSpec;

/**
 * Small-cell protection of indicator tables, audited from the reader's side: the reader knows every
 * published cell and that each request is the sum of the finer requests of the same indicator (and
 * a coarse code the sum of its fine codes), and tries to recover withheld values.
 */
class SuppressionTest {
  private static final IndicatorRequest TOTAL = IndicatorRequest.of("CAS-01");
  private static final IndicatorRequest BY_SEX = IndicatorRequest.of("CAS-01", Dimension.SEX);
  private static final IndicatorRequest BY_AGE = IndicatorRequest.of("CAS-01", Dimension.AGE_GROUP);
  private static final IndicatorRequest BY_SEX_AGE =
      IndicatorRequest.of("CAS-01", Dimension.SEX, Dimension.AGE_GROUP);

  /** Casualties by sex (rows: male, female, unknown) and age group (child, adult, unknown). */
  private static final long[][] SEX_BY_AGE = {{2, 20, 9}, {7, 15, 8}, {6, 10, 12}};

  /** CAS-01 total, by sex, by age group and by both, from the hand-built counts. */
  static Accumulation handBuilt(long[][] sexByAge) {
    List<IndicatorRequest> reqs = List.of(TOTAL, BY_SEX, BY_AGE, BY_SEX_AGE);
    List<String> sexes = Dimension.SEX.codes();
    List<String> ages = Dimension.AGE_GROUP.codes();
    Map<IndicatorRequest, Map<List<String>, long[]>> cells = new LinkedHashMap<>();
    Map<IndicatorRequest, Map<List<String>, TreeMap<Integer, Long>>> histograms =
        new LinkedHashMap<>();
    for (IndicatorRequest r : reqs) {
      cells.put(r, new TreeMap<>(CellOrder.INSTANCE));
      histograms.put(r, new TreeMap<>(CellOrder.INSTANCE));
    }
    for (int s = 0; s < 3; s++) {
      for (int a = 0; a < 3; a++) {
        long n = sexByAge[s][a];
        if (n == 0) {
          continue;
        }
        add(cells.get(TOTAL), List.of(), n);
        add(cells.get(BY_SEX), List.of(sexes.get(s)), n);
        add(cells.get(BY_AGE), List.of(ages.get(a)), n);
        add(cells.get(BY_SEX_AGE), List.of(sexes.get(s), ages.get(a)), n);
      }
    }
    return new Accumulation(reqs, cells, histograms);
  }

  private static void add(Map<List<String>, long[]> cells, List<String> key, long n) {
    cells.computeIfAbsent(key, k -> new long[3])[0] += n;
  }

  static IndicatorTable table(Accumulation acc, int threshold) {
    return IndicatorEngine.builder()
        .period(Population.PERIOD)
        .threshold(threshold)
        .build()
        .table(acc);
  }

  @Test
  void handBuilt_primaryOnlyWouldBeRecoverable_secondaryHidesEnough() {
    Accumulation acc = handBuilt(SEX_BY_AGE);
    IndicatorTable open = table(acc, 1);
    Reader reader = new Reader(acc.requests(), open);

    // Control: withholding only the small cell lets the reader subtract it back.
    boolean[] onlySmall = new boolean[open.observations().size()];
    int small = index(open, BY_SEX_AGE, "male", "child");
    onlySmall[small] = true;
    assertEquals(List.of(small), reader.recoverable(onlySmall, 0));
    assertFalse(reader.movable(onlySmall, 0, small), "the control must be solvable");

    IndicatorTable safe = table(acc, 5);
    boolean[] hidden = hidden(safe);
    assertEquals(ObservationStatus.SUPPRESSED, safe.observations().get(small).status());
    int secondary = 0;
    for (int i = 0; i < hidden.length; i++) {
      Observation o = safe.observations().get(i);
      if (hidden[i]) {
        assertTrue(reader.movable(hidden, 0, i), "value of " + o + " is determined");
        if (i != small) {
          secondary++;
        }
      } else {
        assertEquals(open.observations().get(i).numerator(), o.numerator(), o.toString());
      }
    }
    assertTrue(secondary >= 3, "a rectangle of at least three cells protects the small one");
    assertEquals(List.of(), reader.recoverable(hidden, 0));
  }

  @Test
  void threshold_isTheCallers() {
    Accumulation acc = handBuilt(SEX_BY_AGE);
    Set<String> three = suppressedCells(table(acc, 3));
    Set<String> ten = suppressedCells(table(acc, 10));
    assertTrue(three.contains("male/child"), "threshold 3: counts 1 and 2 are small");
    assertTrue(
        ten.containsAll(
            Set.of(
                "male/child", "male/unknown", "female/child", "female/unknown", "unknown/child")),
        "threshold 10: counts 1 to 9 are small");
    assertFalse(three.containsAll(ten), "a higher threshold hides more");
    Reader reader = new Reader(acc.requests(), table(acc, 1));
    assertEquals(List.of(), reader.recoverable(hidden(table(acc, 10)), 0));
  }

  @ParameterizedTest(name = "threshold {0}")
  @ValueSource(ints = {-3, 0, 1})
  void thresholdOneOrLess_suppressesNothing(int threshold) {
    Accumulation acc = handBuilt(SEX_BY_AGE);
    IndicatorTable t = table(acc, threshold);
    assertFalse(t.observations().stream().anyMatch(o -> o.status().isSuppressed()));
    assertEquals(
        2L, t.observations().get(index(t, BY_SEX_AGE, "male", "child")).numerator().getAsLong());
  }

  @Test
  void zeros_areListedAndNotSmall() {
    long[][] withZero = {{0, 20, 9}, {7, 15, 8}, {6, 10, 12}};
    Accumulation acc = handBuilt(withZero);
    IndicatorTable t = table(acc, 5);
    Observation zero = t.observations().get(index(t, BY_SEX_AGE, "male", "child"));
    assertEquals(ObservationStatus.NORMAL, zero.status());
    assertEquals(0L, zero.numerator().getAsLong());
    assertEquals(
        1 + 3 + 3 + 9, t.observations().size(), "every code of sex and age group is listed");
  }

  @Test
  void quotient_smallDenominator_isSuppressedWithItsPartner() {
    IndicatorRequest total = IndicatorRequest.of("CAS-02");
    IndicatorRequest bySex = IndicatorRequest.of("CAS-02", Dimension.SEX);
    Map<IndicatorRequest, Map<List<String>, long[]>> cells = new LinkedHashMap<>();
    Map<List<String>, long[]> sex = new TreeMap<>(CellOrder.INSTANCE);
    sex.put(List.of("male"), new long[] {0, 3, 0}); // numerator 0 is not small; denominator 3 is
    sex.put(List.of("female"), new long[] {4, 30, 0});
    sex.put(List.of("unknown"), new long[] {6, 40, 5});
    Map<List<String>, long[]> all = new TreeMap<>(CellOrder.INSTANCE);
    all.put(List.of(), new long[] {10, 73, 5});
    cells.put(total, all);
    cells.put(bySex, sex);
    Map<IndicatorRequest, Map<List<String>, TreeMap<Integer, Long>>> h = new LinkedHashMap<>();
    h.put(total, new TreeMap<>(CellOrder.INSTANCE));
    h.put(bySex, new TreeMap<>(CellOrder.INSTANCE));
    IndicatorTable t = table(new Accumulation(List.of(total, bySex), cells, h), 5);
    Map<String, ObservationStatus> status = new HashMap<>();
    for (Observation o : t.observations()) {
      status.put(o.dimensions().getOrDefault(Dimension.SEX, "total"), o.status());
    }
    assertEquals(ObservationStatus.SUPPRESSED, status.get("male"));
    assertEquals(ObservationStatus.SUPPRESSED, status.get("female"), "numerator 4");
    // The two small cells protect each other's numerator and denominator (the numerator 0 may
    // grow, the 4 shrink), but not their unknowns: both are 0 and a zero can only grow, so the
    // total's 5 unknowns minus the 5 of sex unknown would pin them. The unknowns are withheld
    // values too (CAS-01 by sex minus them gives the denominators): a third cell is hidden.
    assertEquals(ObservationStatus.SUPPRESSED, status.get("unknown"));
    assertEquals(ObservationStatus.NORMAL, status.get("total"));
    for (Observation o : t.observations()) {
      if (o.status().isSuppressed()) {
        assertTrue(o.value().isEmpty() && o.numerator().isEmpty());
        assertTrue(o.denominator().isEmpty() && o.unknown().isEmpty(), o.toString());
      }
    }
  }

  @Test
  void quotient_smallUnknownCountAlone_isSuppressed() {
    IndicatorRequest total = IndicatorRequest.of("CAS-02");
    IndicatorRequest bySex = IndicatorRequest.of("CAS-02", Dimension.SEX);
    Map<IndicatorRequest, Map<List<String>, long[]>> cells = new LinkedHashMap<>();
    Map<List<String>, long[]> sex = new TreeMap<>(CellOrder.INSTANCE);
    sex.put(List.of("male"), new long[] {10, 40, 0});
    sex.put(List.of("female"), new long[] {12, 30, 0});
    sex.put(List.of("unknown"), new long[] {0, 0, 3}); // three people, all with unknown outcome
    Map<List<String>, long[]> all = new TreeMap<>(CellOrder.INSTANCE);
    all.put(List.of(), new long[] {22, 70, 3});
    cells.put(total, all);
    cells.put(bySex, sex);
    Map<IndicatorRequest, Map<List<String>, TreeMap<Integer, Long>>> h = new LinkedHashMap<>();
    h.put(total, new TreeMap<>(CellOrder.INSTANCE));
    h.put(bySex, new TreeMap<>(CellOrder.INSTANCE));
    IndicatorTable t = table(new Accumulation(List.of(total, bySex), cells, h), 5);
    for (Observation o : t.observations()) {
      if ("unknown".equals(o.dimensions().get(Dimension.SEX))) {
        assertEquals(ObservationStatus.SUPPRESSED, o.status(), o.toString());
      }
    }
  }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 8);
  }

  static final ReportingPeriod TEN_YEARS =
      ReportingPeriod.of(LocalDate.of(2016, 1, 1), PopulationSpec.DEFAULT_ANCHOR);

  /** Defaults, plus two-way requests whose one-way margins are requested too. */
  static List<IndicatorRequest> linkedRequests() {
    List<IndicatorRequest> reqs = new ArrayList<>(IndicatorRequest.defaults());
    reqs.add(IndicatorRequest.of("CAS-01", Dimension.SEX, Dimension.DEVICE_GROUP));
    reqs.add(IndicatorRequest.of("CAS-01", Dimension.DEVICE_CATEGORY, Dimension.YEAR));
    reqs.add(IndicatorRequest.of("CAS-02", Dimension.SEX, Dimension.AGE_GROUP));
    reqs.add(IndicatorRequest.of("SUR-01", Dimension.SEX, Dimension.ADMIN1));
    reqs.add(IndicatorRequest.of("SRV-01", Dimension.SEX, Dimension.AGE_GROUP));
    return reqs;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void testkitPopulations_noPublishedMarginMinusPublishedCellsRevealsAWithheldValue(long seed) {
    Submission s =
        PopulationGenerator.of(
                PopulationSpec.builder()
                    .country(seed % 2 == 0 ? CountryCode.KHM : CountryCode.LAO)
                    .casualties(300 + seed * 40)
                    .seed(seed)
                    .build())
            .toSubmission();
    List<IndicatorRequest> reqs = linkedRequests();
    IndicatorEngine.Builder b = IndicatorEngine.builder().period(TEN_YEARS);
    Accumulation acc = b.build().accumulate(s, reqs);
    IndicatorTable open = b.threshold(1).build().table(acc);
    IndicatorTable safe = b.threshold(5).build().table(acc);
    assertEquals(open.observations().size(), safe.observations().size(), "seed " + seed);
    boolean[] hidden = hidden(safe);
    int primary = 0;
    for (int i = 0; i < hidden.length; i++) {
      Observation o = open.observations().get(i);
      Observation p = safe.observations().get(i);
      boolean small = inRange(o.numerator().orElse(0), 5) || inRange(o.denominator().orElse(0), 5);
      if (small) {
        assertTrue(p.status().isSuppressed(), "seed " + seed + " small cell published: " + o);
      }
      if (small) {
        primary++;
      }
      if (!hidden[i]) {
        assertEquals(o.value(), p.value(), "seed " + seed + " " + o);
        assertEquals(o.numerator(), p.numerator(), "seed " + seed + " " + o);
        assertEquals(o.denominator(), p.denominator(), "seed " + seed + " " + o);
      }
    }
    assertTrue(primary > 0, "seed " + seed + ": the population must contain small cells");
    Reader reader = new Reader(reqs, open);
    for (int m = 0; m < 2; m++) {
      List<Integer> leaks = reader.recoverable(hidden, m);
      assertEquals(
          List.of(),
          leaks.stream().map(i -> open.observations().get(i)).collect(Collectors.toList()),
          "seed " + seed + " measure " + m + ": withheld values recoverable by subtraction");
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void cellHiddenInABaseCount_hiddenInEveryIndicatorOverTheSamePeople(long seed) {
    Submission s =
        PopulationGenerator.of(
                PopulationSpec.builder()
                    .country(CountryCode.KHM)
                    .casualties(300 + seed * 40)
                    .seed(seed)
                    .build())
            .toSubmission();
    IndicatorTable t =
        IndicatorEngine.builder().period(TEN_YEARS).build().compute(s, IndicatorRequest.defaults());
    Map<String, Set<String>> hiddenInBase = new HashMap<>();
    for (Observation o : t.observations()) {
      if (o.status().isSuppressed()
          && LinkedTableProtection.base(o.indicator()).equals(o.indicator())) {
        hiddenInBase
            .computeIfAbsent(o.indicator(), k -> new java.util.HashSet<>())
            .add(requestKey(o));
      }
    }
    assertFalse(hiddenInBase.getOrDefault("CAS-01", Set.of()).isEmpty(), "seed " + seed);
    for (Observation o : t.observations()) {
      String base = LinkedTableProtection.base(o.indicator());
      Set<String> hidden = hiddenInBase.getOrDefault(base, Set.of());
      if (!base.equals(o.indicator()) && hidden.contains(requestKey(o))) {
        assertTrue(
            o.status().isSuppressed(),
            "seed " + seed + ": " + o + " is published while its base count is hidden");
      }
    }
  }

  /** The dimensions and values of an observation, its indicator's intrinsic ones left out. */
  private static String requestKey(Observation o) {
    List<Dimension> intrinsic =
        org.vansdk.indicators.catalogue.IndicatorCatalogue.get(o.indicator()).intrinsicDimensions();
    StringBuilder key = new StringBuilder();
    for (Map.Entry<Dimension, String> e : o.dimensions().entrySet()) {
      if (!intrinsic.contains(e.getKey())) {
        key.append(e.getKey().name()).append('=').append(e.getValue()).append('|');
      }
    }
    return key.toString();
  }

  private static boolean inRange(long n, int threshold) {
    return n >= 1 && n < threshold;
  }

  private static boolean[] hidden(IndicatorTable t) {
    boolean[] h = new boolean[t.observations().size()];
    for (int i = 0; i < h.length; i++) {
      h[i] = t.observations().get(i).status().isSuppressed();
    }
    return h;
  }

  private static Set<String> suppressedCells(IndicatorTable t) {
    return t.observations().stream()
        .filter(o -> o.status().isSuppressed())
        .map(o -> o.dimensions().get(Dimension.SEX) + "/" + o.dimensions().get(Dimension.AGE_GROUP))
        .collect(Collectors.toSet());
  }

  private static int index(IndicatorTable t, IndicatorRequest r, String sex, String age) {
    for (int i = 0; i < t.observations().size(); i++) {
      Observation o = t.observations().get(i);
      if (o.indicator().equals(r.indicator().code())
          && o.dimensions().size() == 2
          && sex.equals(o.dimensions().get(Dimension.SEX))
          && age.equals(o.dimensions().get(Dimension.AGE_GROUP))) {
        return i;
      }
    }
    throw new AssertionError("no cell " + sex + "/" + age);
  }

  /**
   * The reader's knowledge, built independently of the engine: for every pair of requests of an
   * indicator where one's dimensions are a subset of the other's, each coarse cell is the sum of
   * the fine cells that project onto it; and a device group, a Landmine Monitor group, is the sum
   * of its device categories, of its sex and age group cells.
   */
  static final class Reader {
    /** Each sum: the index of the total, then the indices of its parts. */
    final List<int[]> sums = new ArrayList<>();

    final long[][] values; // per measure (numerator, denominator), per observation

    Reader(List<IndicatorRequest> requests, IndicatorTable open) {
      List<Observation> obs = open.observations();
      values = new long[2][obs.size()];
      Map<String, Map<Map<Dimension, String>, Integer>> byIndicator = new HashMap<>();
      Map<String, List<Set<Dimension>>> shapes = new HashMap<>();
      for (int i = 0; i < obs.size(); i++) {
        Observation o = obs.get(i);
        values[0][i] = o.numerator().orElse(0);
        values[1][i] = o.denominator().orElse(0);
        if ("p90".equals(o.dimensions().get(Dimension.STATISTIC))) {
          continue; // the same count as the median's
        }
        byIndicator.computeIfAbsent(o.indicator(), k -> new HashMap<>()).put(o.dimensions(), i);
      }
      for (IndicatorRequest r : requests) {
        List<Set<Dimension>> l =
            shapes.computeIfAbsent(r.indicator().code(), k -> new ArrayList<>());
        Set<Dimension> d = Set.copyOf(r.dimensions());
        if (!l.contains(d)) {
          l.add(d);
        }
      }
      for (Map.Entry<String, List<Set<Dimension>>> e : shapes.entrySet()) {
        Map<Map<Dimension, String>, Integer> cells = byIndicator.getOrDefault(e.getKey(), Map.of());
        for (Set<Dimension> fine : e.getValue()) {
          for (Set<Dimension> coarse : e.getValue()) {
            if (fine.containsAll(coarse) && fine.size() > coarse.size()) {
              addSums(
                  cells,
                  fine,
                  coarse,
                  m -> {
                    m.keySet().removeIf(d -> !coarse.contains(d) && !intrinsic().contains(d));
                    return m;
                  });
            }
          }
          if (fine.contains(Dimension.DEVICE_CATEGORY)) {
            addSums(
                cells,
                fine,
                swap(fine, Set.of(Dimension.DEVICE_CATEGORY), Dimension.DEVICE_GROUP),
                m -> {
                  m.put(
                      Dimension.DEVICE_GROUP,
                      DeviceCategory.fromCode(m.remove(Dimension.DEVICE_CATEGORY)).group().code());
                  return m;
                });
          }
          if (fine.contains(Dimension.SEX) && fine.contains(Dimension.AGE_GROUP)) {
            addSums(
                cells,
                fine,
                swap(
                    fine,
                    Set.of(Dimension.SEX, Dimension.AGE_GROUP),
                    Dimension.LANDMINE_MONITOR_GROUP),
                m -> {
                  Sex sex = Sex.fromCode(m.remove(Dimension.SEX));
                  AgeGroup age = AgeGroup.fromCode(m.remove(Dimension.AGE_GROUP));
                  m.put(Dimension.LANDMINE_MONITOR_GROUP, LandmineMonitorGroup.of(sex, age).code());
                  return m;
                });
          }
        }
      }
    }

    private static Set<Dimension> swap(Set<Dimension> dims, Set<Dimension> out, Dimension in) {
      Set<Dimension> s = new java.util.HashSet<>(dims);
      s.removeAll(out);
      s.add(in);
      return s;
    }

    private void addSums(
        Map<Map<Dimension, String>, Integer> cells,
        Set<Dimension> fine,
        Set<Dimension> coarse,
        java.util.function.UnaryOperator<Map<Dimension, String>> toCoarse) {
      Map<Integer, List<Integer>> parts = new LinkedHashMap<>();
      for (Map.Entry<Map<Dimension, String>, Integer> c : cells.entrySet()) {
        Set<Dimension> shape = new java.util.HashSet<>(c.getKey().keySet());
        shape.removeAll(intrinsic());
        if (!shape.equals(fine)) {
          continue;
        }
        Map<Dimension, String> m = new EnumMap<>(Dimension.class);
        m.putAll(c.getKey());
        Integer total = cells.get(toCoarse.apply(m));
        if (total == null) {
          return; // the coarse request is not in the table
        }
        parts.computeIfAbsent(total, k -> new ArrayList<>()).add(c.getValue());
      }
      for (Map.Entry<Integer, List<Integer>> e : parts.entrySet()) {
        int[] sum = new int[e.getValue().size() + 1];
        sum[0] = e.getKey();
        for (int i = 0; i < e.getValue().size(); i++) {
          sum[i + 1] = e.getValue().get(i);
        }
        long a = values[0][sum[0]];
        long parts0 = 0;
        for (int i = 1; i < sum.length; i++) {
          parts0 += values[0][sum[i]];
        }
        assertEquals(a, parts0, "the reader's sums must hold");
        sums.add(sum);
      }
    }

    private static Set<Dimension> intrinsic() {
      return Set.of(
          Dimension.PILLAR,
          Dimension.WG_IDENTIFIER,
          Dimension.INTERVAL,
          Dimension.STATISTIC,
          Dimension.FINAL_STATUS,
          Dimension.REASON,
          Dimension.FIELD);
    }

    /** Withheld cells that are the only withheld member of a sum: total minus parts gives them. */
    List<Integer> recoverable(boolean[] hidden, int measure) {
      List<Integer> out = new ArrayList<>();
      for (int[] sum : sums) {
        int only = -1;
        int count = 0;
        for (int i : sum) {
          if (hidden[i]) {
            count++;
            only = i;
          }
        }
        if (count == 1 && !out.contains(only)) {
          out.add(only);
        }
      }
      return out;
    }

    /**
     * Whether withheld cell {@code k} can take another value: some change of -1, 0 or +1 to the
     * withheld cells keeps every sum, keeps counts at zero or more, and moves cell k. (Solving the
     * reader's equations: if no such move exists among small tables' withheld cells, k is pinned.)
     */
    boolean movable(boolean[] hidden, int measure, int k) {
      List<Integer> vars = new ArrayList<>();
      for (int i = 0; i < hidden.length; i++) {
        if (hidden[i]) {
          vars.add(i);
        }
      }
      assertTrue(vars.size() <= 13, "too many withheld cells to search: " + vars.size());
      int[] delta = new int[hidden.length];
      int combos = 1;
      for (int i = 0; i < vars.size(); i++) {
        combos *= 3;
      }
      for (int code = 0; code < combos; code++) {
        int c = code;
        for (int v : vars) {
          delta[v] = c % 3 - 1;
          c /= 3;
        }
        if (delta[k] == 0) {
          continue;
        }
        boolean ok = true;
        for (int v : vars) {
          if (values[measure][v] + delta[v] < 0) {
            ok = false;
            break;
          }
        }
        for (int j = 0; ok && j < sums.size(); j++) {
          int[] sum = sums.get(j);
          int d = -delta[sum[0]];
          for (int i = 1; i < sum.length; i++) {
            d += delta[sum[i]];
          }
          ok = d == 0;
        }
        if (ok) {
          return true;
        }
      }
      return false;
    }
  }
}
