package org.vansdk.indicators.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vansdk.core.json.Ndjson;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.submission.ReportingPeriod;
import org.vansdk.core.submission.Submission;
import org.vansdk.indicators.catalogue.Dimension;
import org.vansdk.indicators.catalogue.Indicator;
import org.vansdk.indicators.catalogue.IndicatorCatalogue;
import org.vansdk.indicators.catalogue.Unit;
import org.vansdk.indicators.table.IndicatorTable;
import org.vansdk.indicators.table.Observation;

class EngineReferenceTest {
  static LongStream seeds() {
    return LongStream.rangeClosed(1, 40);
  }

  static LongStream propertySeeds() {
    return LongStream.rangeClosed(1, 20);
  }

  /** Defaults, every single allowed dimension, and a few random combinations per indicator. */
  static List<IndicatorRequest> requests(long seed) {
    Random rnd = new Random(seed * 31 + 7);
    Set<IndicatorRequest> all = new LinkedHashSet<>(IndicatorRequest.defaults());
    for (Indicator i : IndicatorCatalogue.all()) {
      List<Dimension> allowed = new ArrayList<>(i.allowedDimensions());
      Collections.sort(allowed);
      for (Dimension d : allowed) {
        all.add(new IndicatorRequest(i, List.of(d)));
      }
      for (int k = 0; k < 3; k++) {
        Collections.shuffle(allowed, rnd);
        int n = Math.min(allowed.size(), 2 + rnd.nextInt(2));
        all.add(new IndicatorRequest(i, allowed.subList(0, n)));
      }
    }
    return List.copyOf(all);
  }

  static IndicatorEngine engine(int parallelism) {
    return IndicatorEngine.builder()
        .period(Population.PERIOD)
        .threshold(1)
        .parallelism(parallelism)
        .build();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyIndicatorAndDisaggregation_equalsNaiveReference(long seed) {
    Submission s = Population.generate(seed, 150 + (int) (seed * 7 % 200));
    List<IndicatorRequest> reqs = requests(seed);
    Accumulation acc = engine(1).accumulate(s, reqs);
    ReferenceIndicators ref = new ReferenceIndicators(s, Population.PERIOD);
    for (IndicatorRequest r : reqs) {
      assertEquals(ref.counts(r), acc.counts(r), "seed " + seed + " request " + r);
      if (r.indicator().code().equals("REF-03")) {
        checkPercentiles(seed, r, acc, ref.days(r));
      }
    }
  }

  /** A period before every generated record: nothing happens in it, nobody survives by its end. */
  static final ReportingPeriod EMPTY =
      ReportingPeriod.of(LocalDate.of(1950, 1, 1), LocalDate.of(1950, 12, 31));

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("propertySeeds")
  void publishedCells_zerosIncluded_equalNaiveReference(long seed) {
    Submission s = Population.generate(seed, 150);
    List<IndicatorRequest> reqs = requests(seed);
    for (ReportingPeriod period : List.of(Population.PERIOD, EMPTY)) {
      IndicatorTable table =
          IndicatorEngine.builder().period(period).threshold(1).build().compute(s, reqs);
      ReferenceIndicators ref = new ReferenceIndicators(s, period);
      int at = 0;
      for (IndicatorRequest r : reqs) {
        Map<List<String>, List<Long>> expected = ref.publishedCells(r);
        boolean days = r.indicator().unit() == Unit.DAYS;
        Map<List<String>, List<Long>> actual = new TreeMap<>(CellOrder.INSTANCE);
        int n = expected.size() * (days ? 2 : 1);
        for (Observation o :
            table.observations().subList(at, Math.min(at + n, table.observations().size()))) {
          List<String> key = new ArrayList<>();
          for (Dimension d : r.keyDimensions()) {
            key.add(o.dimensions().get(d));
          }
          long num = o.numerator().getAsLong();
          long unk = o.unknown().getAsLong();
          actual.put(
              key, days ? List.of(0L, num, unk) : List.of(num, o.denominator().orElse(0), unk));
        }
        at += n;
        String where = "seed " + seed + " period " + period + " request " + r;
        assertEquals(expected, actual, where);
        if (period == EMPTY
            && r.dimensions().isEmpty()
            && r.indicator().unit() == Unit.COUNT
            && r.indicator().intrinsicDimensions().isEmpty()) {
          assertEquals(List.of(List.of()), List.copyOf(actual.keySet()), where);
          assertEquals(0L, actual.get(List.of()).get(0), where);
        }
      }
      assertEquals(at, table.observations().size(), "seed " + seed + " period " + period);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("ndjsonSeeds")
  void largerThanInitialCapacity_equalsNaiveReference(long seed) {
    Submission s = Population.generate(seed, 2500);
    List<IndicatorRequest> reqs = IndicatorRequest.defaults();
    Accumulation acc = engine(2).accumulate(s, reqs);
    ReferenceIndicators ref = new ReferenceIndicators(s, Population.PERIOD);
    for (IndicatorRequest r : reqs) {
      assertEquals(ref.counts(r), acc.counts(r), "seed " + seed + " request " + r);
    }
  }

  private static void checkPercentiles(
      long seed, IndicatorRequest r, Accumulation acc, Map<List<String>, List<Long>> days) {
    List<Observation> obs = CellGrid.of(r, acc).observations();
    for (Observation o : obs) {
      List<String> key = new ArrayList<>();
      for (Dimension d : r.keyDimensions()) {
        key.add(o.dimensions().get(d));
      }
      List<Long> sorted = days.get(key);
      if (sorted == null) {
        assertTrue(o.value().isEmpty(), "seed " + seed + " " + o);
        continue;
      }
      double p = o.dimensions().get(Dimension.STATISTIC).equals("median") ? 0.5 : 0.9;
      long expected = sorted.get((int) Math.ceil(p * sorted.size()) - 1);
      assertEquals((double) expected, o.value().getAsDouble(), "seed " + seed + " " + o);
      assertEquals(sorted.size(), o.numerator().getAsLong(), "seed " + seed + " " + o);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("propertySeeds")
  void sequential_equalsParallel_equalsAnySplit(long seed) {
    Submission s = Population.generate(seed, 200);
    List<IndicatorRequest> reqs = requests(seed);
    Accumulation sequential = engine(1).accumulate(s, reqs);
    Accumulation parallel = engine(3).accumulate(s, reqs);
    Dataset d = new Dataset(Population.PERIOD);
    records(s).forEach(d::accept);
    d.join();
    Random rnd = new Random(seed);
    int c = rnd.nextInt(d.casualties + 1);
    int i = rnd.nextInt(d.incidentCount() + 1);
    int a = rnd.nextInt(d.attempts + 1);
    Accumulation left = new Aggregation(d, reqs).run(0, c, 0, i, 0, a);
    Accumulation right =
        new Aggregation(d, reqs).run(c, d.casualties, i, d.incidentCount(), a, d.attempts);
    Accumulation merged = right.merge(left);
    for (IndicatorRequest r : reqs) {
      assertEquals(sequential.counts(r), parallel.counts(r), "seed " + seed + " parallel " + r);
      assertEquals(sequential.counts(r), merged.counts(r), "seed " + seed + " split " + r);
      assertEquals(
          sequential.dayHistograms(r), merged.dayHistograms(r), "seed " + seed + " split " + r);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("propertySeeds")
  void totals_equalSumOfDisaggregations(long seed) {
    Submission s = Population.generate(seed, 200);
    List<IndicatorRequest> reqs = requests(seed);
    Accumulation acc = engine(1).accumulate(s, reqs);
    for (IndicatorRequest r : reqs) {
      if (r.dimensions().size() != 1) {
        continue;
      }
      IndicatorRequest total = new IndicatorRequest(r.indicator(), List.of());
      if (!reqs.contains(total)) {
        continue;
      }
      Map<List<String>, List<Long>> byTotal = acc.counts(total);
      Map<List<String>, List<Long>> summed =
          acc.counts(r).entrySet().stream()
              .collect(
                  Collectors.toMap(
                      e -> e.getKey().subList(1, e.getKey().size()),
                      Map.Entry::getValue,
                      (x, y) ->
                          List.of(x.get(0) + y.get(0), x.get(1) + y.get(1), x.get(2) + y.get(2))));
      assertEquals(byTotal, summed, "seed " + seed + " " + r);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("ndjsonSeeds")
  void ndjsonStream_inAnyOrder_equalsInMemory(long seed) {
    Submission s = Population.generate(seed, 120);
    List<IndicatorRequest> reqs = IndicatorRequest.defaults();
    byte[] ndjson = shuffledNdjson(s, seed);
    Accumulation fromStream = engine(1).accumulate(new ByteArrayInputStream(ndjson), reqs);
    Accumulation inMemory = engine(1).accumulate(s, reqs);
    for (IndicatorRequest r : reqs) {
      assertEquals(inMemory.counts(r), fromStream.counts(r), "seed " + seed + " " + r);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("ndjsonSeeds")
  void ndjsonChunksOnSeveralThreads_equalSequentialRead(long seed) {
    Submission s = Population.generate(seed, 120);
    List<IndicatorRequest> reqs = IndicatorRequest.defaults();
    byte[] ndjson = shuffledNdjson(s, seed);
    Accumulation expected = engine(1).accumulate(s, reqs);
    for (int chunk : new int[] {16, 700, 1 << 20}) {
      for (int threads : new int[] {1, 3}) {
        Dataset d = new Dataset(Population.PERIOD);
        new NdjsonFieldReader(VanJson.strict(), new ByteArrayInputStream(ndjson), d, threads, chunk)
            .readAll();
        d.join();
        Accumulation actual = new Aggregation(d, reqs).run(0, 1);
        for (IndicatorRequest r : reqs) {
          assertEquals(
              expected.counts(r),
              actual.counts(r),
              "seed " + seed + " chunk " + chunk + " threads " + threads + " " + r);
        }
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("ndjsonSeeds")
  void loadedData_computedTwice_equalsComputingFromRecords(long seed) {
    Submission s = Population.generate(seed, 120);
    IndicatorEngine engine = engine(2);
    IndicatorData data = engine.load(s);
    List<IndicatorRequest> reqs = requests(seed);
    assertEquals(s.casualties().size(), data.casualties());
    String once = engine.compute(data, reqs).observations().toString();
    assertTrue(once.equals(engine.compute(data, reqs).observations().toString()), "seed " + seed);
    assertTrue(once.equals(engine.compute(s, reqs).observations().toString()), "seed " + seed);
    IndicatorEngine other = IndicatorEngine.builder().period(EMPTY).build();
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> other.compute(data, reqs));
    assertTrue(e.getMessage().contains("load it again"), e.getMessage());
  }

  /** The records of a submission as NDJSON lines in a seeded random order. */
  static byte[] shuffledNdjson(Submission s, long seed) {
    List<Object> records = records(s).collect(Collectors.toList());
    Collections.shuffle(records, new Random(seed));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object r : records) {
      Ndjson.writeLine(VanJson.strict(), r, out);
    }
    return out.toByteArray();
  }

  static LongStream ndjsonSeeds() {
    return LongStream.rangeClosed(1, 5);
  }

  static Stream<Object> records(Submission s) {
    return Stream.of(
            s.persons(),
            s.incidents(),
            s.casualties(),
            s.functioningAssessments(),
            s.needsAssessments(),
            s.serviceDeliveries(),
            s.referralAttempts())
        .flatMap(List::stream);
  }
}
