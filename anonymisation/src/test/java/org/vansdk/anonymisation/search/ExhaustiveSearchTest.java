package org.vansdk.anonymisation.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vansdk.anonymisation.AnonymisationException;
import org.vansdk.anonymisation.hierarchy.Hierarchy;

/**
 * Exactness: on small random datasets and hierarchies, the pruned search finds the same optimum as
 * an independent brute force over every transformation, written with plain collections of labels.
 */
class ExhaustiveSearchTest {

  static IntStream seeds() {
    return IntStream.range(0, 300);
  }

  /** A random functional hierarchy with {@code leaves} leaves and {@code levels} levels. */
  static Hierarchy randomHierarchy(Random random, String name, int leaves, int levels) {
    String[][] rows = new String[leaves][levels];
    int[] group = new int[leaves];
    for (int i = 0; i < leaves; i++) {
      group[i] = i;
      rows[i][0] = name + i;
    }
    for (int level = 1; level < levels; level++) {
      if (level == levels - 1) {
        for (int i = 0; i < leaves; i++) {
          rows[i][level] = "*";
        }
        continue;
      }
      int groups = Arrays.stream(group).max().getAsInt() + 1;
      int[] merged = new int[groups];
      int next = 0;
      for (int g = 0; g < groups; g++) {
        merged[g] = next;
        if (random.nextInt(3) != 0) {
          next++;
        }
      }
      for (int i = 0; i < leaves; i++) {
        group[i] = merged[group[i]];
        rows[i][level] = name + "L" + level + "G" + group[i];
      }
    }
    List<List<String>> list = new ArrayList<>();
    for (String[] row : rows) {
      list.add(Arrays.asList(row));
    }
    return Hierarchy.of(name, list);
  }

  static final class Case {
    Dataset data;
    List<PrivacyModel> models = new ArrayList<>();
    double limit;
    LossModel loss;
    String describe;
  }

  static Case randomCase(long seed) {
    Random random = new Random(seed);
    int m = 2 + random.nextInt(3);
    List<Hierarchy> hs = new ArrayList<>();
    for (int a = 0; a < m; a++) {
      hs.add(randomHierarchy(random, "q" + a, 2 + random.nextInt(8), 2 + random.nextInt(3)));
    }
    int n = 20 + random.nextInt(200);
    boolean sensitive = random.nextInt(3) == 0;
    Dataset.Builder b = Dataset.builder(hs);
    if (sensitive) {
      b.sensitive("s");
    }
    for (int i = 0; i < n; i++) {
      List<String> row = new ArrayList<>();
      for (Hierarchy h : hs) {
        // skewed values so that some classes are small
        int leaf = (int) Math.min(h.leafCount() - 1, Math.abs(random.nextGaussian()) * 2.5);
        row.add(h.label(0, h.code(leaf, 0)));
      }
      if (sensitive) {
        b.add(row, "s" + random.nextInt(1 + random.nextInt(4)));
      } else {
        b.add(row);
      }
    }
    Case c = new Case();
    c.data = b.build();
    c.models.add(PrivacyModel.kAnonymity(1 + random.nextInt(6)));
    if (sensitive) {
      switch (random.nextInt(3)) {
        case 0:
          c.models.add(PrivacyModel.distinctLDiversity(2));
          break;
        case 1:
          c.models.add(PrivacyModel.entropyLDiversity(1.5));
          break;
        default:
          c.models.add(PrivacyModel.recursiveCLDiversity(3, 2));
          break;
      }
    }
    double[] limits = {0, 0.02, 0.05, 0.1, 0.3};
    c.limit = limits[random.nextInt(limits.length)];
    c.loss = random.nextBoolean() ? LossModel.loss() : LossModel.precision();
    c.describe =
        "seed=" + seed + " n=" + n + " models=" + c.models + " limit=" + c.limit + " " + c.loss;
    return c;
  }

  /** Independent evaluation of one transformation; NaN when it does not satisfy the models. */
  static double bruteLoss(Case c, int[] levels) {
    Dataset d = c.data;
    int m = d.quasiIdentifierCount();
    Map<List<String>, List<Integer>> classes = new HashMap<>();
    for (int row = 0; row < d.size(); row++) {
      List<String> key = new ArrayList<>();
      for (int a = 0; a < m; a++) {
        key.add(d.hierarchy(a).generalise(labelOf(d, a, row), levels[a]));
      }
      classes.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
    }
    long max =
        new BigDecimal(Double.toString(c.limit))
            .multiply(BigDecimal.valueOf(d.size()))
            .setScale(0, RoundingMode.FLOOR)
            .longValue();
    double[] sums = new double[m];
    long suppressed = 0;
    for (Map.Entry<List<String>, List<Integer>> e : classes.entrySet()) {
      List<Integer> rows = e.getValue();
      Map<String, Integer> freq = new HashMap<>();
      if (d.sensitiveAttribute().isPresent()) {
        for (int row : rows) {
          freq.merge(d.sensitiveValue(row), 1, Integer::sum);
        }
      }
      int[] f = freq.values().stream().mapToInt(Integer::intValue).toArray();
      boolean ok = true;
      for (PrivacyModel model : c.models) {
        ok &= model.accepts(rows.size(), f, 0, f.length);
      }
      if (!ok) {
        suppressed += rows.size();
        continue;
      }
      for (int a = 0; a < m; a++) {
        Hierarchy h = d.hierarchy(a);
        double cost = costOf(c.loss, h, levels[a], e.getKey().get(a));
        sums[a] += cost * rows.size();
      }
    }
    if (suppressed > max) {
      return Double.NaN;
    }
    double[] v = new double[m];
    for (int a = 0; a < m; a++) {
      v[a] = (sums[a] + suppressed) / d.size();
    }
    if (c.loss == LossModel.loss()) {
      double p = 1;
      for (double x : v) {
        p *= Math.pow(1 + x, 1.0 / m);
      }
      return p - 1;
    }
    return Arrays.stream(v).sum() / m;
  }

  private static String labelOf(Dataset d, int a, int row) {
    Hierarchy h = d.hierarchy(a);
    return h.label(0, h.code(d.leaf(a, row), 0));
  }

  private static double costOf(LossModel loss, Hierarchy h, int level, String label) {
    if (loss == LossModel.loss()) {
      if (h.leafCount() == 1) {
        return 0;
      }
      long under = 0;
      for (int leaf = 0; leaf < h.leafCount(); leaf++) {
        if (h.label(level, h.code(leaf, level)).equals(label)) {
          under++;
        }
      }
      return (under - 1) / (double) (h.leafCount() - 1);
    }
    return h.levels() == 1 ? 0 : level / (double) (h.levels() - 1);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void search_randomLattice_equalsBruteForce(long seed) {
    Case c = randomCase(seed);
    int m = c.data.quasiIdentifierCount();
    int[] radix = new int[m];
    int nodes = 1;
    for (int a = 0; a < m; a++) {
      radix[a] = c.data.hierarchy(a).levels();
      nodes *= radix[a];
    }
    double best = Double.NaN;
    for (int node = 0; node < nodes; node++) {
      int[] levels = new int[m];
      int rest = node;
      for (int a = m - 1; a >= 0; a--) {
        levels[a] = rest % radix[a];
        rest /= radix[a];
      }
      double l = bruteLoss(c, levels);
      if (!Double.isNaN(l) && (Double.isNaN(best) || l < best)) {
        best = l;
      }
    }
    FullDomainSearch.Builder builder =
        FullDomainSearch.builder(c.data).suppressionLimit(c.limit).loss(c.loss);
    c.models.forEach(builder::privacy);
    if (Double.isNaN(best)) {
      AnonymisationException e = assertThrows(AnonymisationException.class, builder.build()::run);
      assertEquals(AnonymisationException.NO_SOLUTION, e.code(), c.describe);
      return;
    }
    SearchResult result = builder.build().run();
    assertEquals(best, result.loss(), 1e-12, c.describe + " " + result);
    double check = bruteLoss(c, result.levels());
    assertEquals(best, check, 1e-12, c.describe + " levels " + Arrays.toString(result.levels()));
    long flagged = IntStream.range(0, c.data.size()).filter(result::isSuppressed).count();
    assertEquals(result.suppressedCount(), flagged, c.describe);
    assertTrue(result.statistics().evaluated() <= nodes, c.describe);
  }
}
