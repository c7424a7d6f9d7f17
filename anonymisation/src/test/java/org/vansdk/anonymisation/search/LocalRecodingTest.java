package org.vansdk.anonymisation.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vansdk.anonymisation.hierarchy.Hierarchy;
import org.vansdk.anonymisation.hierarchy.VaHierarchies;

class LocalRecodingTest {

  /** VA-shaped: a few dense provinces and many sparse ones; outcome as the sensitive attribute. */
  static Dataset population(int n, long seed) {
    List<String> communes = new ArrayList<>();
    for (int p = 1; p <= 25; p++) {
      for (int d = 1; d <= 4; d++) {
        for (int c = 1; c <= 4; c++) {
          communes.add(String.format("KH%02d%02d%02d", p, d, c));
        }
      }
    }
    Map<String, String> device = new LinkedHashMap<>();
    device.put("antipersonnel_mine", "mine");
    device.put("antivehicle_mine", "mine");
    device.put("cluster_munition_remnant", "erw");
    device.put("other_erw", "erw");
    List<Hierarchy> hs =
        List.of(
            VaHierarchies.flat("sex", List.of("male", "female")),
            VaHierarchies.age(100),
            VaHierarchies.place("KHM", communes),
            VaHierarchies.partialDate("incidentDate", 1979, 2025),
            VaHierarchies.grouped("device", device));
    Random random = new Random(seed);
    Dataset.Builder b = Dataset.builder(hs).sensitive("outcome");
    String[] devices = device.keySet().toArray(new String[0]);
    String[] outcomes = {"injured", "injured", "killed", "unknown"};
    for (int i = 0; i < n; i++) {
      int p = 1 + Math.min(24, (int) Math.abs(random.nextGaussian() * 3));
      b.add(
          List.of(
              random.nextInt(5) == 0 ? "female" : "male",
              Integer.toString(
                  random.nextInt(3) == 0 ? 5 + random.nextInt(13) : 18 + random.nextInt(50)),
              String.format("KH%02d%02d%02d", p, 1 + random.nextInt(4), 1 + random.nextInt(4)),
              String.format(
                  "%d-%02d-%02d",
                  1979 + Math.min(46, (int) Math.abs(random.nextGaussian() * 10)),
                  1 + random.nextInt(12),
                  1 + random.nextInt(28)),
              devices[random.nextInt(devices.length)]),
          outcomes[random.nextInt(outcomes.length)]);
    }
    return b.build();
  }

  private static LocalRecoding.Builder configure(Dataset data, PrivacyModel... models) {
    LocalRecoding.Builder b = LocalRecoding.builder(data).suppressionLimit(0.05);
    for (PrivacyModel model : models) {
      b.privacy(model);
    }
    return b;
  }

  @Test
  void run_vaShapedData_losesUnderHalfTheGlobalLoss() {
    Dataset data = population(20_000, 3);
    LocalRecodingResult local = configure(data, PrivacyModel.kAnonymity(5)).build().run();
    SearchResult global = local.global().orElseThrow();
    assertTrue(local.isLocal(), local.toString());
    assertTrue(local.loss() < global.loss() * 0.5, local.toString());
    assertTrue(local.suppressedCount() <= 1000, local.toString());
    int detailed = 0;
    for (int row = 0; row < data.size(); row++) {
      if (!local.isSuppressed(row) && local.level(2, row) <= 2 && local.level(3, row) <= 3) {
        detailed++;
      }
    }
    assertTrue(detailed > data.size() * 0.5, "province and year kept: " + detailed);
    Recount.check(data, local, 5, 1, false);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void run_anySeed_kAnonymousAndDiverseByRecount(long seed) {
    Dataset data = population(500 + (int) (seed * 397), seed);
    for (PrivacyModel diversity :
        List.of(PrivacyModel.distinctLDiversity(2), PrivacyModel.entropyLDiversity(1.5))) {
      LocalRecodingResult r = configure(data, PrivacyModel.kAnonymity(3), diversity).build().run();
      assertTrue(r.suppressedCount() <= data.size() * 0.05, "seed " + seed + ": " + r);
      assertTrue(
          r.loss() <= r.global().orElseThrow().loss(), "seed " + seed + " worse than global: " + r);
      Recount.check(data, r, 3, 2, diversity.toString().startsWith("entropy"));
    }
  }

  @Test
  void run_sameInput_sameLevels() {
    Dataset data = population(3000, 9);
    LocalRecodingResult first = configure(data, PrivacyModel.kAnonymity(5)).build().run();
    LocalRecodingResult second = configure(data, PrivacyModel.kAnonymity(5)).build().run();
    assertEquals(first.loss(), second.loss());
    for (int row = 0; row < data.size(); row++) {
      assertEquals(first.isSuppressed(row), second.isSuppressed(row));
      for (int a = 0; a < data.quasiIdentifierCount(); a++) {
        assertEquals(first.releasedValue(a, row), second.releasedValue(a, row));
      }
    }
  }

  @Test
  void run_nothingToGain_returnsGlobal() {
    Hierarchy sex = VaHierarchies.flat("sex", List.of("male", "female"));
    Dataset.Builder b = Dataset.builder(List.of(sex));
    for (int i = 0; i < 10; i++) {
      b.add(List.of(i < 5 ? "male" : "female"));
    }
    LocalRecodingResult r =
        LocalRecoding.builder(b.build()).privacy(PrivacyModel.kAnonymity(5)).build().run();
    assertFalse(r.isLocal(), r.toString());
    assertEquals(0d, r.loss());
  }

  /**
   * Seven records in one commune and three in another of the same province, k = 5: the failing
   * remainder borrows two records of the first commune instead of taking all seven up.
   */
  @Test
  void run_smallRemainder_borrowsFromAPassingGroup() {
    Hierarchy place = Hierarchy.builder("place").add("a1", "A", "*").add("a2", "A", "*").build();
    Dataset.Builder b = Dataset.builder(List.of(place));
    for (int i = 0; i < 10; i++) {
      b.add(List.of(i < 7 ? "a1" : "a2"));
    }
    Dataset data = b.build();
    LocalRecodingResult r =
        LocalRecoding.builder(data).privacy(PrivacyModel.kAnonymity(5)).build().run();
    int atCommune = 0;
    for (int row = 0; row < data.size(); row++) {
      atCommune += r.level(0, row) == 0 ? 1 : 0;
    }
    assertEquals(5, atCommune, r.toString());
    assertTrue(r.isLocal(), r.toString());
    assertEquals(0.5, r.loss(), 1e-12);
    Recount.check(data, r, 5, 1, false);
  }

  @Test
  void run_withPriorities_keepsMoreRecordsAtThePriorityLevels_underTheGlobalLoss() {
    Dataset data = population(20_000, 12);
    LocalRecodingResult plain = configure(data, PrivacyModel.kAnonymity(5)).build().run();
    LocalRecodingResult prioritised =
        configure(data, PrivacyModel.kAnonymity(5))
            .priority(9, 9, 2, 3, 9)
            .priority(0, 1, 9, 9, 9)
            .build()
            .run();
    int plainShare = 0;
    int prioritisedShare = 0;
    for (int row = 0; row < data.size(); row++) {
      plainShare += provinceAndYear(plain, row) ? 1 : 0;
      prioritisedShare += provinceAndYear(prioritised, row) ? 1 : 0;
    }
    assertTrue(
        prioritisedShare > plainShare && prioritisedShare > data.size() * 0.9,
        "province and year: " + prioritisedShare + " prioritised, " + plainShare + " not");
    assertTrue(
        prioritised.loss() < prioritised.global().orElseThrow().loss(), prioritised.toString());
    Recount.check(data, prioritised, 5, 1, false);
  }

  private static boolean provinceAndYear(LocalRecodingResult r, int row) {
    return !r.isSuppressed(row) && r.level(2, row) <= 2 && r.level(3, row) <= 3;
  }

  private static boolean sexAndBand(LocalRecodingResult r, int row) {
    return !r.isSuppressed(row) && r.level(0, row) == 0 && r.level(1, row) <= 1;
  }

  private static double share(
      Dataset data,
      LocalRecodingResult r,
      java.util.function.BiPredicate<LocalRecodingResult, Integer> meets) {
    int count = 0;
    for (int row = 0; row < data.size(); row++) {
      count += meets.test(r, row) ? 1 : 0;
    }
    return count / (double) data.size();
  }

  /**
   * Province and year for 90%, sex and 5-year band for 80%: the cascade keeps both pairs where the
   * specialisation from one start (the previous method) kept the second for about half the records,
   * and still loses less than the global optimum.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {12, 13, 14})
  void run_withWantedShares_meetsThemUnderTheGlobalLoss(long seed) {
    Dataset data = population(20_000, seed);
    LocalRecodingResult r =
        configure(data, PrivacyModel.kAnonymity(5))
            .priority(0.9, 9, 9, 2, 3, 9)
            .priority(0.8, 0, 1, 9, 9, 9)
            .build()
            .run();
    double provinceYear = share(data, r, LocalRecodingTest::provinceAndYear);
    double sexBand = share(data, r, LocalRecodingTest::sexAndBand);
    assertTrue(
        provinceYear >= 0.9 && sexBand >= 0.8,
        "seed " + seed + ": " + provinceYear + ", " + sexBand + ", " + r);
    assertTrue(r.loss() < r.global().orElseThrow().loss(), r.toString());
    Recount.check(data, r, 5, 1, false);
  }

  /**
   * Without wanted shares the score favours the first priority and the second stays under 80%; a
   * wanted share of 80% for the second moves the choice to a candidate meeting it.
   */
  @Test
  void run_secondShareWanted_choosesACandidateMeetingIt() {
    Dataset data = population(20_000, 12);
    LocalRecodingResult plain =
        configure(data, PrivacyModel.kAnonymity(5))
            .priority(9, 9, 2, 3, 9)
            .priority(0, 1, 9, 9, 9)
            .build()
            .run();
    LocalRecodingResult wanted =
        configure(data, PrivacyModel.kAnonymity(5))
            .priority(9, 9, 2, 3, 9)
            .priority(0.8, 0, 1, 9, 9, 9)
            .build()
            .run();
    double plainShare = share(data, plain, LocalRecodingTest::sexAndBand);
    double wantedShare = share(data, wanted, LocalRecodingTest::sexAndBand);
    assertTrue(plainShare < 0.8 && wantedShare >= 0.8, plainShare + " then " + wantedShare);
    assertTrue(wanted.loss() < wanted.global().orElseThrow().loss(), wanted.toString());
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4})
  void run_withPrioritiesAndDiversity_kAnonymousAndDiverseByRecount(long seed) {
    Dataset data = population(1500 + (int) (seed * 997), seed);
    for (PrivacyModel diversity :
        List.of(PrivacyModel.distinctLDiversity(2), PrivacyModel.entropyLDiversity(1.5))) {
      LocalRecodingResult r =
          configure(data, PrivacyModel.kAnonymity(3), diversity)
              .priority(0.9, 9, 9, 2, 3, 9)
              .priority(0.8, 0, 1, 9, 9, 9)
              .build()
              .run();
      assertTrue(r.suppressedCount() <= data.size() * 0.05, "seed " + seed + ": " + r);
      assertTrue(
          r.loss() <= r.global().orElseThrow().loss(), "seed " + seed + " worse than global: " + r);
      Recount.check(data, r, 3, 2, diversity.toString().startsWith("entropy"));
    }
  }

  /** Counts released classes from the released labels only; shares nothing with the search. */
  static final class Recount {
    static void check(Dataset data, LocalRecodingResult r, int k, int l, boolean entropy) {
      Map<String, Map<String, Integer>> classes = new HashMap<>();
      for (int row = 0; row < data.size(); row++) {
        if (r.isSuppressed(row)) {
          continue;
        }
        StringBuilder key = new StringBuilder();
        for (int a = 0; a < data.quasiIdentifierCount(); a++) {
          key.append(r.releasedValue(a, row)).append('|');
        }
        String sensitive = data.sensitiveAttribute().isPresent() ? data.sensitiveValue(row) : "";
        classes
            .computeIfAbsent(key.toString(), x -> new HashMap<>())
            .merge(sensitive, 1, Integer::sum);
      }
      for (Map.Entry<String, Map<String, Integer>> e : classes.entrySet()) {
        int size = e.getValue().values().stream().mapToInt(Integer::intValue).sum();
        assertTrue(size >= k, "class of " + size + " < k: " + e.getKey());
        Set<String> values = new HashSet<>(e.getValue().keySet());
        assertTrue(values.size() >= l, "class with " + values.size() + " values: " + e.getKey());
        if (entropy) {
          double h = 0;
          for (int f : e.getValue().values()) {
            double p = f / (double) size;
            h -= p * Math.log(p);
          }
          assertTrue(h >= Math.log(1.5) - 1e-9, "entropy " + h + ": " + e.getKey());
        }
      }
    }
  }
}
