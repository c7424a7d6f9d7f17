package org.vansdk.indicators.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vansdk.core.casualty.AgeGroup;
import org.vansdk.core.casualty.LandmineMonitorGroup;
import org.vansdk.core.person.Sex;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.submission.ReportingPeriod;
import org.vansdk.core.submission.Submission;
import org.vansdk.indicators.catalogue.Dimension;
import org.vansdk.indicators.table.IndicatorTable;
import org.vansdk.indicators.table.Observation;
import org.vansdk.testkit.audit.LinearProgram;
import org.vansdk.testkit.population.PopulationGenerator;
import org.vansdk.testkit.population.PopulationSpec;

/**
 * Suppression across the indicators of one output, audited from the reader's side by linear
 * programming, independently of the engine's own model of what can be subtracted.
 *
 * <p>The reader knows what every published count counts: the casualties of the period with given
 * sex, age group, civilian status, outcome, amputation and province (CAS-02's numerator by sex is
 * the killed of that sex; CAS-08's denominator in a province is the injured there). So the reader
 * knows the number of casualties in each combination of those attributes (an atom) only through
 * linear equations: every published count, numerator, denominator and count of unknowns is the sum
 * of its atoms. Every sum and difference of published values a reader can form (totals, margins,
 * numerators and denominators across indicators) is a combination of those equations. For each
 * suppressed count, numerator and denominator, two linear programmes over non-negative atoms give
 * the smallest and the largest value it can take; it must never be a single value. The outputs are
 * the cases: Lao, Cambodian and Vietnamese populations in 2025, CAS-01 to CAS-06 and CAS-08
 * by sex, age group, Landmine Monitor group and civilian status, and by province.
 */
class CrossIndicatorAuditTest {
  private static final ReportingPeriod YEAR_2025 =
      ReportingPeriod.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));

  private static final List<String> PEOPLE_INDICATORS =
      List.of("CAS-01", "CAS-02", "CAS-03", "CAS-04", "CAS-05", "CAS-06", "CAS-08");

  /** The attributes of an atom, in order. */
  private static final int SEX = 0;

  private static final int AGE = 1;
  private static final int CIVILIAN = 2;
  private static final int OUTCOME = 3;
  private static final int AMPUTATION = 4;
  private static final int ADMIN1 = 5;

  static Stream<Arguments> populations() {
    List<Arguments> out = new ArrayList<>();
    for (CountryCode country : List.of(CountryCode.LAO, CountryCode.KHM, CountryCode.VNM)) {
      for (long seed = 1; seed <= 3; seed++) {
        out.add(Arguments.of(country, seed, seed == 3 ? 20_000L : 6_000L * seed));
      }
    }
    return out.stream();
  }

  /** Casualty indicators by sex, age group, Landmine Monitor group and civilian status. */
  static List<IndicatorRequest> people() {
    List<List<Dimension>> shapes =
        List.of(
            List.of(),
            List.of(Dimension.SEX),
            List.of(Dimension.AGE_GROUP),
            List.of(Dimension.LANDMINE_MONITOR_GROUP),
            List.of(Dimension.CIVILIAN_STATUS),
            List.of(Dimension.SEX, Dimension.AGE_GROUP));
    List<IndicatorRequest> reqs = new ArrayList<>();
    for (String code : PEOPLE_INDICATORS) {
      for (List<Dimension> d : shapes) {
        reqs.add(IndicatorRequest.of(code, d.toArray(new Dimension[0])));
      }
    }
    reqs.add(IndicatorRequest.of("CAS-01", Dimension.OUTCOME));
    return reqs;
  }

  /** Casualty indicators by province, with civilian status and outcome beside them. */
  static List<IndicatorRequest> places() {
    List<IndicatorRequest> reqs = new ArrayList<>();
    for (String code : List.of("CAS-01", "CAS-02", "CAS-03", "CAS-06", "CAS-08")) {
      reqs.add(IndicatorRequest.of(code));
      reqs.add(IndicatorRequest.of(code, Dimension.ADMIN1));
      reqs.add(IndicatorRequest.of(code, Dimension.CIVILIAN_STATUS));
    }
    reqs.add(IndicatorRequest.of("CAS-01", Dimension.OUTCOME));
    return reqs;
  }

  /** Survivor indicators by sex, age group and disability. */
  static List<IndicatorRequest> survivors() {
    List<List<Dimension>> shapes =
        List.of(
            List.of(),
            List.of(Dimension.SEX),
            List.of(Dimension.AGE_GROUP),
            List.of(Dimension.LANDMINE_MONITOR_GROUP),
            List.of(Dimension.SEX, Dimension.AGE_GROUP));
    List<IndicatorRequest> reqs = new ArrayList<>();
    for (String code : List.of("SUR-01", "SUR-02", "NEED-01")) {
      for (List<Dimension> d : shapes) {
        reqs.add(IndicatorRequest.of(code, d.toArray(new Dimension[0])));
      }
    }
    for (String code : List.of("SUR-01", "NEED-01")) {
      reqs.add(IndicatorRequest.of(code, Dimension.DISABILITY3));
      reqs.add(
          IndicatorRequest.of(code, Dimension.SEX, Dimension.AGE_GROUP, Dimension.DISABILITY3));
    }
    return reqs;
  }

  @ParameterizedTest(name = "{0} seed {1}, {2} casualties")
  @MethodSource("populations")
  void people_noSuppressedValueIsPinned(CountryCode country, long seed, long casualties) {
    audit(country, seed, casualties, people(), "by person", o -> new Atoms(o, false));
  }

  @ParameterizedTest(name = "{0} seed {1}, {2} casualties")
  @MethodSource("populations")
  void places_noSuppressedValueIsPinned(CountryCode country, long seed, long casualties) {
    audit(country, seed, casualties, places(), "by province", o -> new Atoms(o, true));
  }

  @ParameterizedTest(name = "{0} seed {1}, {2} casualties")
  @MethodSource("populations")
  void survivors_noSuppressedValueIsPinned(CountryCode country, long seed, long casualties) {
    audit(country, seed, casualties / 20, survivors(), "survivors", o -> new SurvivorAtoms());
  }

  private static void audit(
      CountryCode country,
      long seed,
      long casualties,
      List<IndicatorRequest> reqs,
      String shape,
      java.util.function.Function<List<Observation>, Model> model) {
    Submission s =
        PopulationGenerator.of(
                PopulationSpec.builder().country(country).seed(seed).casualties(casualties).build())
            .toSubmission();
    IndicatorEngine.Builder b = IndicatorEngine.builder().period(YEAR_2025);
    Accumulation acc = b.build().accumulate(s, reqs);
    IndicatorTable open = b.threshold(1).build().table(acc);
    IndicatorTable safe = b.threshold(5).build().table(acc);
    List<Observation> truth = open.observations();
    String context =
        String.format(
            "%s seed %d (%d casualties; first cell %d) %s",
            country, seed, casualties, truth.get(0).numerator().getAsLong(), shape);
    List<Observation> shown = safe.observations();
    assertEquals(truth.size(), shown.size(), context);

    Model atoms = model.apply(truth);
    List<BitSet> rows = new ArrayList<>();
    List<Long> values = new ArrayList<>();
    List<BitSet> targets = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<Long> trueValues = new ArrayList<>();
    int suppressed = 0;
    for (int i = 0; i < truth.size(); i++) {
      Observation t = truth.get(i);
      boolean hidden = shown.get(i).status().isSuppressed();
      suppressed += hidden ? 1 : 0;
      for (Measure m : Measure.values()) {
        BitSet counted = atoms.counted(t, m);
        if (counted == null) {
          continue;
        }
        long value = m.of(t);
        if (!hidden) {
          assertEquals(m.of(t), m.of(shown.get(i)), context + " published " + t);
          rows.add(counted);
          values.add(value);
        } else if (m != Measure.UNKNOWN && !counted.isEmpty()) {
          // (a number that counts nobody by definition, such as civilians among deminers, is
          // known to every reader whatever the data)
          targets.add(counted);
          names.add(t + " " + m);
          trueValues.add(value);
        }
      }
    }
    assertTrue(suppressed > 0, context + ": the population must contain suppressed cells");

    // Atoms in a published zero are zero: leave them out of the programme.
    BitSet zero = new BitSet();
    for (int r = 0; r < rows.size(); r++) {
      if (values.get(r) == 0) {
        zero.or(rows.get(r));
      }
    }
    int[] column = new int[atoms.size()];
    int n = 0;
    for (int a = 0; a < atoms.size(); a++) {
      column[a] = zero.get(a) ? -1 : n++;
    }
    Map<BitSet, Long> equations = new LinkedHashMap<>();
    for (int r = 0; r < rows.size(); r++) {
      BitSet live = (BitSet) rows.get(r).clone();
      live.andNot(zero);
      if (live.isEmpty()) {
        continue;
      }
      Long before = equations.put(live, values.get(r));
      assertTrue(
          before == null || before.equals(values.get(r)), context + ": the model is inconsistent");
    }
    double[][] a = new double[equations.size()][n];
    double[] rhs = new double[equations.size()];
    int r = 0;
    for (Map.Entry<BitSet, Long> e : equations.entrySet()) {
      final int row = r;
      e.getKey().stream().forEach(atom -> a[row][column[atom]] = 1);
      rhs[row] = e.getValue();
      r++;
    }
    int variables = n;
    Map<BitSet, double[]> ranges = new HashMap<>();
    for (int k = 0; k < targets.size(); k++) {
      BitSet live = (BitSet) targets.get(k).clone();
      live.andNot(zero);
      double[] range =
          ranges.computeIfAbsent(
              live,
              t -> {
                double[] objective = new double[variables];
                t.stream().forEach(atom -> objective[column[atom]] = 1);
                double max = LinearProgram.maximise(a, rhs, objective);
                for (int j = 0; j < objective.length; j++) {
                  objective[j] = -objective[j];
                }
                double min = -LinearProgram.maximise(a, rhs, objective);
                return new double[] {min, max};
              });
      long v = trueValues.get(k);
      String what = context + ": " + names.get(k);
      assertTrue(
          range[0] <= v + 1e-6 && v <= range[1] + 1e-6,
          what + " true value " + v + " outside " + range[0] + ".." + range[1]);
      if (range[1] - range[0] < 1 - 1e-6) {
        fail(what + " is pinned to " + range[0] + " by what is published beside it");
      }
    }
  }

  /** Which atoms each published number counts. */
  private interface Model {
    int size();

    /** The atoms a number of an observation counts, or null if it publishes no such number. */
    BitSet counted(Observation o, Measure m);
  }

  /**
   * Survivors at the period end by sex, age group, their latest assessment (not assessed; all six
   * answers missing; or the highest WG-SS identifier met: none, DISABILITY1, 2, 3 or 4, each
   * implying the lower ones) and whether their needs were assessed in the last 12 months.
   */
  private static final class SurvivorAtoms implements Model {
    private static final List<String> LEVELS =
        List.of("not_assessed", "all_missing", "none", "d1", "d2", "d3", "d4");
    final List<int[]> list = new ArrayList<>();

    SurvivorAtoms() {
      for (int sex = 0; sex < 3; sex++) {
        for (int age = 0; age < 3; age++) {
          for (int level = 0; level < LEVELS.size(); level++) {
            for (int needs = 0; needs < 2; needs++) {
              list.add(new int[] {sex, age, level, needs});
            }
          }
        }
      }
    }

    @Override
    public int size() {
      return list.size();
    }

    @Override
    public BitSet counted(Observation o, Measure m) {
      if (m.of(o) < 0) {
        return null;
      }
      BitSet out = new BitSet();
      for (int a = 0; a < list.size(); a++) {
        int[] atom = list.get(a);
        if (inCell(atom, o.dimensions()) && measure(atom, o, m)) {
          out.set(a);
        }
      }
      return out;
    }

    private static boolean inCell(int[] atom, Map<Dimension, String> cell) {
      String sex = Dimension.SEX.codes().get(atom[0]);
      String age = Dimension.AGE_GROUP.codes().get(atom[1]);
      int level = atom[2];
      for (Map.Entry<Dimension, String> e : cell.entrySet()) {
        String v = e.getValue();
        switch (e.getKey()) {
          case SEX:
            if (!sex.equals(v)) {
              return false;
            }
            break;
          case AGE_GROUP:
            if (!age.equals(v)) {
              return false;
            }
            break;
          case LANDMINE_MONITOR_GROUP:
            if (!LandmineMonitorGroup.of(Sex.fromCode(sex), AgeGroup.fromCode(age))
                .code()
                .equals(v)) {
              return false;
            }
            break;
          case DISABILITY3:
            String d3 = level <= 1 ? "unknown" : level >= 5 ? "yes" : "no";
            if (!d3.equals(v)) {
              return false;
            }
            break;
          case WG_IDENTIFIER:
            break;
          default:
            throw new IllegalArgumentException("no attribute for " + e.getKey());
        }
      }
      return true;
    }

    /** SUR-01 counts; SUR-02 by identifier k; NEED-01 assessed in 12 months over all. */
    private static boolean measure(int[] atom, Observation o, Measure m) {
      int level = atom[2];
      switch (o.indicator()) {
        case "SUR-01":
          return m == Measure.COUNT_OR_NUMERATOR;
        case "SUR-02":
          int k = 2 + Integer.parseInt(o.dimensions().get(Dimension.WG_IDENTIFIER).substring(10));
          switch (m) {
            case COUNT_OR_NUMERATOR:
              return level >= k;
            case DENOMINATOR:
              return level >= 2;
            default:
              return level == 1;
          }
        case "NEED-01":
          switch (m) {
            case COUNT_OR_NUMERATOR:
              return atom[3] == 1;
            case DENOMINATOR:
              return true;
            default:
              return false;
          }
        default:
          throw new IllegalArgumentException("not modelled: " + o.indicator());
      }
    }
  }

  /** What a published number of an observation is. */
  private enum Measure {
    COUNT_OR_NUMERATOR,
    DENOMINATOR,
    UNKNOWN;

    long of(Observation o) {
      switch (this) {
        case COUNT_OR_NUMERATOR:
          return o.numerator().orElse(-1);
        case DENOMINATOR:
          return o.denominator().orElse(-1);
        default:
          return o.unknown().orElse(-1);
      }
    }
  }

  /**
   * The combinations of sex, age group, civilian status, outcome, amputation (for the injured) and,
   * by province, the province; and which of them each published number counts, written from the
   * catalogue's definitions.
   */
  private static final class Atoms implements Model {
    final List<int[]> list = new ArrayList<>();
    final List<List<String>> domains = new ArrayList<>();

    Atoms(List<Observation> observations, boolean byProvince) {
      domains.add(Dimension.SEX.codes());
      domains.add(Dimension.AGE_GROUP.codes());
      domains.add(Dimension.CIVILIAN_STATUS.codes());
      domains.add(Dimension.OUTCOME.codes());
      domains.add(List.of("yes", "no"));
      List<String> provinces = new ArrayList<>();
      for (Observation o : observations) {
        String p = o.dimensions().get(Dimension.ADMIN1);
        if (p != null && !provinces.contains(p)) {
          provinces.add(p);
        }
      }
      domains.add(byProvince ? provinces : List.of("*"));
      int[] atom = new int[domains.size()];
      enumerate(0, atom);
    }

    private void enumerate(int at, int[] atom) {
      if (at == atom.length) {
        boolean injured = domains.get(OUTCOME).get(atom[OUTCOME]).equals("injured");
        if (injured || atom[AMPUTATION] == 1) {
          list.add(atom.clone());
        }
        return;
      }
      for (int v = 0; v < domains.get(at).size(); v++) {
        atom[at] = v;
        enumerate(at + 1, atom);
      }
    }

    @Override
    public int size() {
      return list.size();
    }

    private String value(int[] atom, int attribute) {
      return domains.get(attribute).get(atom[attribute]);
    }

    @Override
    public BitSet counted(Observation o, Measure m) {
      if (m.of(o) < 0) {
        return null;
      }
      IntPredicate measure = measure(o.indicator(), m);
      if (measure == null) {
        return null;
      }
      BitSet out = new BitSet();
      for (int a = 0; a < list.size(); a++) {
        if (inCell(list.get(a), o.dimensions()) && measure.test(a)) {
          out.set(a);
        }
      }
      return out;
    }

    private boolean inCell(int[] atom, Map<Dimension, String> cell) {
      for (Map.Entry<Dimension, String> e : cell.entrySet()) {
        String v = e.getValue();
        switch (e.getKey()) {
          case SEX:
            if (!value(atom, SEX).equals(v)) {
              return false;
            }
            break;
          case AGE_GROUP:
            if (!value(atom, AGE).equals(v)) {
              return false;
            }
            break;
          case CIVILIAN_STATUS:
            if (!value(atom, CIVILIAN).equals(v)) {
              return false;
            }
            break;
          case OUTCOME:
            if (!value(atom, OUTCOME).equals(v)) {
              return false;
            }
            break;
          case ADMIN1:
            if (!value(atom, ADMIN1).equals(v)) {
              return false;
            }
            break;
          case LANDMINE_MONITOR_GROUP:
            String group =
                LandmineMonitorGroup.of(
                        Sex.fromCode(value(atom, SEX)), AgeGroup.fromCode(value(atom, AGE)))
                    .code();
            if (!group.equals(v)) {
              return false;
            }
            break;
          default:
            throw new IllegalArgumentException("no attribute for " + e.getKey());
        }
      }
      return true;
    }

    /** The catalogue's definitions of numerator, denominator and unknowns, per atom. */
    private IntPredicate measure(String indicator, Measure m) {
      switch (indicator) {
        case "CAS-01":
          return m == Measure.COUNT_OR_NUMERATOR ? a -> true : a -> false;
        case "CAS-02":
          return split(m, OUTCOME, "killed");
        case "CAS-03":
          return split(m, CIVILIAN, "civilian");
        case "CAS-04":
          IntPredicate age = split(m, AGE, "child");
          return a -> is(a, CIVILIAN, "civilian") && age.test(a);
        case "CAS-05":
          return split(m, SEX, "female");
        case "CAS-06":
          if (m == Measure.COUNT_OR_NUMERATOR) {
            return a -> is(a, CIVILIAN, "deminer");
          }
          return m == Measure.UNKNOWN ? a -> is(a, CIVILIAN, "unknown") : null;
        case "CAS-08":
          IntPredicate injured = a -> is(a, OUTCOME, "injured");
          if (m == Measure.COUNT_OR_NUMERATOR) {
            return a -> injured.test(a) && is(a, AMPUTATION, "yes");
          }
          return m == Measure.DENOMINATOR ? injured : a -> false;
        default:
          throw new IllegalArgumentException("not modelled: " + indicator);
      }
    }

    /** Numerator: the value; denominator: any known value; unknowns: unknown. */
    private IntPredicate split(Measure m, int attribute, String numerator) {
      switch (m) {
        case COUNT_OR_NUMERATOR:
          return a -> is(a, attribute, numerator);
        case DENOMINATOR:
          return a -> !is(a, attribute, "unknown");
        default:
          return a -> is(a, attribute, "unknown");
      }
    }

    private boolean is(int a, int attribute, String value) {
      return value(list.get(a), attribute).equals(value);
    }
  }
}
