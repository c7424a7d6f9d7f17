package org.vansdk.anonymisation.search;

import java.util.ArrayList;
import java.util.List;
import org.vansdk.anonymisation.AnonymisationException;
import org.vansdk.anonymisation.hierarchy.Hierarchy;

/**
 * The generalisation lattice of a dataset under a search configuration: node numbering, packed
 * class keys, per-level code maps and costs, and the evaluation of one transformation (classes,
 * privacy, suppression, loss). Classes are computed from the data or rolled up from the classes of
 * a finer transformation kept in a small cache.
 */
final class Lattice {
  final Dataset data;
  final int m;
  final int n;
  final int[] minLevel;
  final int[] maxLevel;
  final int[] radix;
  final long[] stride; // attribute 0 most significant: node order is lexicographic
  final long nodeCount;
  final int[] shift;
  final long[] fieldMask;
  final int sensitiveBits;
  final boolean withSensitive;
  final int[][][] codes; // [a][level][leaf] -> code
  final int[][][][] maps; // [a][from][to][code] -> code
  final long[][][] cost; // [a][level][code] -> numerator
  final long[] denominator;
  final long[][] boundNumerator; // [a][level]
  final PrivacyModel[] models;
  final boolean monotone;
  final int minimumClassSize;
  final long maxSuppressed;
  final LossModel loss;

  private final List<ClassTable> cache = new ArrayList<>();
  private long cachedEntries;
  private final long cacheBudget;
  long rollUps;
  long scans;

  Lattice(
      Dataset data,
      List<PrivacyModel> models,
      LossModel loss,
      long maxSuppressed,
      int[] minLevel,
      int[] maxLevel) {
    this.data = data;
    this.m = data.quasiIdentifierCount();
    this.n = data.size();
    this.minLevel = minLevel;
    this.maxLevel = maxLevel;
    this.models = models.toArray(new PrivacyModel[0]);
    this.loss = loss;
    this.maxSuppressed = maxSuppressed;
    boolean needsSensitive = false;
    boolean allMonotone = true;
    int minSize = 1;
    for (PrivacyModel model : this.models) {
      needsSensitive |= model.needsSensitive();
      allMonotone &= model.monotoneWithSuppression();
      minSize = Math.max(minSize, model.minimumClassSize());
    }
    if (needsSensitive && data.sensitive == null) {
      throw new AnonymisationException(
          AnonymisationException.INVALID_CONFIGURATION,
          "an l-diversity model needs a sensitive attribute; the dataset declares none");
    }
    // Without suppression every model here is monotone (classes only merge).
    this.monotone = allMonotone || maxSuppressed == 0;
    this.minimumClassSize = minSize;
    this.withSensitive = needsSensitive;
    this.sensitiveBits = needsSensitive ? bitsFor(data.sensitiveCodeCount()) : 0;
    this.radix = new int[m];
    this.stride = new long[m];
    this.shift = new int[m];
    this.fieldMask = new long[m];
    long count = 1;
    for (int a = m - 1; a >= 0; a--) {
      radix[a] = maxLevel[a] - minLevel[a] + 1;
      stride[a] = count;
      count = Math.multiplyExact(count, radix[a]);
    }
    this.nodeCount = count;
    int bits = sensitiveBits;
    for (int a = 0; a < m; a++) {
      int b = bitsFor(data.hierarchies[a].codeCount(minLevel[a]));
      shift[a] = bits;
      fieldMask[a] = (1L << b) - 1;
      bits += b;
    }
    if (bits > 63) {
      throw new AnonymisationException(
          AnonymisationException.INVALID_CONFIGURATION,
          "the quasi-identifiers need "
              + bits
              + " bits to pack a class key; at most 63 are supported: raise the minimum level of"
              + " an attribute with many values or drop a quasi-identifier");
    }
    this.codes = new int[m][][];
    this.maps = new int[m][][][];
    this.cost = new long[m][][];
    this.denominator = new long[m];
    this.boundNumerator = new long[m][];
    for (int a = 0; a < m; a++) {
      Hierarchy h = data.hierarchies[a];
      int levels = h.levels();
      int leaves = h.leafCount();
      codes[a] = new int[levels][];
      maps[a] = new int[levels][levels][];
      cost[a] = new long[levels][];
      denominator[a] = loss.denominator(h);
      for (int level = 0; level < levels; level++) {
        int[] c = new int[leaves];
        for (int leaf = 0; leaf < leaves; leaf++) {
          c[leaf] = h.code(leaf, level);
        }
        codes[a][level] = c;
        for (int to = level; to < levels; to++) {
          maps[a][level][to] = h.mapping(level, to);
        }
        long[] k = new long[h.codeCount(level)];
        for (int code = 0; code < k.length; code++) {
          k[code] = loss.numerator(h, level, code);
        }
        cost[a][level] = k;
      }
      long[] histogram = new long[leaves];
      for (int v : data.columns[a]) {
        histogram[v]++;
      }
      boundNumerator[a] = new long[levels];
      for (int level = 0; level < levels; level++) {
        long sum = 0;
        for (int leaf = 0; leaf < leaves; leaf++) {
          if (histogram[leaf] != 0) {
            sum += histogram[leaf] * cost[a][level][codes[a][level][leaf]];
          }
        }
        boundNumerator[a][level] = sum;
      }
    }
    this.cacheBudget = Math.max(1L << 20, 4L * n);
  }

  static int bitsFor(int values) {
    return values <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(values - 1);
  }

  int[] levels(long node) {
    int[] levels = new int[m];
    for (int a = 0; a < m; a++) {
      levels[a] = minLevel[a] + (int) ((node / stride[a]) % radix[a]);
    }
    return levels;
  }

  long node(int[] levels) {
    long node = 0;
    for (int a = 0; a < m; a++) {
      node += (levels[a] - minLevel[a]) * stride[a];
    }
    return node;
  }

  int height(int[] levels) {
    int h = 0;
    for (int level : levels) {
      h += level;
    }
    return h;
  }

  /** The loss of a transformation if no record were suppressed: a monotone lower bound. */
  double bound(int[] levels) {
    long[] sums = new long[m];
    for (int a = 0; a < m; a++) {
      sums[a] = boundNumerator[a][levels[a]];
    }
    return lossOf(sums);
  }

  double[] attributeLoss(long[] sums) {
    double[] v = new double[m];
    for (int a = 0; a < m; a++) {
      v[a] = denominator[a] == 0 || n == 0 ? 0d : sums[a] / ((double) n * denominator[a]);
    }
    return v;
  }

  double lossOf(long[] sums) {
    return loss.aggregate(attributeLoss(sums));
  }

  /** Result of evaluating one transformation. */
  static final class Evaluation {
    final int[] levels;
    final boolean anonymous;
    final long suppressed;
    final int classes;
    final long[] sums;
    final double loss;

    Evaluation(
        int[] levels, boolean anonymous, long suppressed, int classes, long[] sums, double l) {
      this.levels = levels;
      this.anonymous = anonymous;
      this.suppressed = suppressed;
      this.classes = classes;
      this.sums = sums;
      this.loss = l;
    }
  }

  Evaluation evaluate(int[] levels) {
    ClassTable table = classes(levels);
    return withSensitive ? evaluateDiverse(levels, table) : evaluatePlain(levels, table);
  }

  private Evaluation evaluatePlain(int[] levels, ClassTable table) {
    long[] keys = table.keys;
    int[] counts = table.counts;
    long suppressed = 0;
    int classes = 0;
    for (int e = 0; e < keys.length; e++) {
      int size = counts[e];
      if (!accepts(size, null, 0, 0)) {
        suppressed += size;
        if (suppressed > maxSuppressed) {
          return new Evaluation(levels, false, suppressed, -1, null, Double.NaN);
        }
      }
    }
    long[] sums = new long[m];
    for (int e = 0; e < keys.length; e++) {
      int size = counts[e];
      if (accepts(size, null, 0, 0)) {
        classes++;
        long key = keys[e];
        for (int a = 0; a < m; a++) {
          sums[a] += size * cost[a][levels[a]][(int) ((key >>> shift[a]) & fieldMask[a])];
        }
      }
    }
    return finish(levels, suppressed, classes, sums);
  }

  private Evaluation finish(int[] levels, long suppressed, int classes, long[] sums) {
    for (int a = 0; a < m; a++) {
      sums[a] += suppressed * denominator[a];
    }
    return new Evaluation(levels, true, suppressed, classes, sums, lossOf(sums));
  }

  private boolean accepts(int size, int[] frequencies, int off, int len) {
    if (size < minimumClassSize) {
      return false;
    }
    for (PrivacyModel model : models) {
      if (!model.accepts(size, frequencies, off, len)) {
        return false;
      }
    }
    return true;
  }

  private Evaluation evaluateDiverse(int[] levels, ClassTable table) {
    long[] keys = table.keys;
    int[] counts = table.counts;
    int entries = keys.length;
    ClassCounter groups = new ClassCounter(entries);
    int[] slotOfEntry = new int[entries];
    for (int e = 0; e < entries; e++) {
      slotOfEntry[e] = groups.slotOf(keys[e] >>> sensitiveBits);
    }
    // Re-resolve slots: the table may have grown while inserting.
    for (int e = 0; e < entries; e++) {
      slotOfEntry[e] = groups.find(keys[e] >>> sensitiveBits);
    }
    int capacity = groups.capacity();
    int[] distinct = new int[capacity];
    int[] size = new int[capacity];
    for (int e = 0; e < entries; e++) {
      distinct[slotOfEntry[e]]++;
      size[slotOfEntry[e]] += counts[e];
    }
    int[] offset = new int[capacity + 1];
    for (int s = 0; s < capacity; s++) {
      offset[s + 1] = offset[s] + distinct[s];
    }
    int[] fill = new int[capacity];
    int[] frequencies = new int[entries];
    for (int e = 0; e < entries; e++) {
      int s = slotOfEntry[e];
      frequencies[offset[s] + fill[s]++] = counts[e];
    }
    long suppressed = 0;
    int classes = 0;
    long[] sums = new long[m];
    for (int s = 0; s < capacity; s++) {
      if (distinct[s] == 0) {
        continue;
      }
      if (accepts(size[s], frequencies, offset[s], distinct[s])) {
        classes++;
        long key = groups.keys[s] << sensitiveBits;
        for (int a = 0; a < m; a++) {
          sums[a] += size[s] * cost[a][levels[a]][(int) ((key >>> shift[a]) & fieldMask[a])];
        }
      } else {
        suppressed += size[s];
        if (suppressed > maxSuppressed) {
          return new Evaluation(levels, false, suppressed, -1, null, Double.NaN);
        }
      }
    }
    return finish(levels, suppressed, classes, sums);
  }

  /** The classes of a transformation, rolled up from the finest cached source or scanned. */
  ClassTable classes(int[] levels) {
    ClassTable source = null;
    for (ClassTable t : cache) {
      if ((source == null || t.size() < source.size()) && finerOrEqual(t.levels, levels)) {
        source = t;
      }
    }
    long bound = upperBoundOfClasses(levels);
    ClassTable result;
    if (source != null && source.size() < n) {
      result = rollUp(source, levels, (int) Math.min(bound, source.size()));
      rollUps++;
    } else {
      result = scan(levels, (int) Math.min(bound, n));
      scans++;
    }
    remember(result);
    return result;
  }

  private long upperBoundOfClasses(int[] levels) {
    long product = withSensitive ? data.sensitiveCodeCount() : 1;
    for (int a = 0; a < m; a++) {
      product *= data.hierarchies[a].codeCount(levels[a]);
      if (product > n) {
        return n;
      }
    }
    return product;
  }

  private static boolean finerOrEqual(int[] finer, int[] coarser) {
    for (int a = 0; a < finer.length; a++) {
      if (finer[a] > coarser[a]) {
        return false;
      }
    }
    return true;
  }

  private ClassTable scan(int[] levels, int expected) {
    ClassCounter counter = new ClassCounter(expected);
    long[] keys = new long[Math.min(n, 1 << 16)];
    int[][] gen = new int[m][];
    for (int a = 0; a < m; a++) {
      gen[a] = codes[a][levels[a]];
    }
    int[] sensitive = data.sensitive;
    for (int start = 0; start < n; start += keys.length) {
      int end = Math.min(n, start + keys.length);
      int len = end - start;
      if (withSensitive) {
        for (int i = 0; i < len; i++) {
          keys[i] = sensitive[start + i];
        }
      } else {
        java.util.Arrays.fill(keys, 0, len, 0L);
      }
      for (int a = 0; a < m; a++) {
        int[] g = gen[a];
        int[] column = data.columns[a];
        int s = shift[a];
        for (int i = 0; i < len; i++) {
          keys[i] |= ((long) g[column[start + i]]) << s;
        }
      }
      for (int i = 0; i < len; i++) {
        counter.add(keys[i], 1);
      }
    }
    return counter.compact(levels.clone());
  }

  private ClassTable rollUp(ClassTable source, int[] levels, int expected) {
    ClassCounter counter = new ClassCounter(expected);
    int changed = 0;
    int[] changedAttr = new int[m];
    int[][] map = new int[m][];
    for (int a = 0; a < m; a++) {
      if (source.levels[a] != levels[a]) {
        changedAttr[changed] = a;
        map[changed] = maps[a][source.levels[a]][levels[a]];
        changed++;
      }
    }
    long keep = -1L;
    for (int c = 0; c < changed; c++) {
      keep &= ~(fieldMask[changedAttr[c]] << shift[changedAttr[c]]);
    }
    long[] keys = source.keys;
    int[] counts = source.counts;
    for (int e = 0; e < keys.length; e++) {
      long key = keys[e];
      long out = key & keep;
      for (int c = 0; c < changed; c++) {
        int a = changedAttr[c];
        int s = shift[a];
        out |= ((long) map[c][(int) ((key >>> s) & fieldMask[a])]) << s;
      }
      counter.add(out, counts[e]);
    }
    return counter.compact(levels.clone());
  }

  private void remember(ClassTable table) {
    for (ClassTable t : cache) {
      if (java.util.Arrays.equals(t.levels, table.levels)) {
        return;
      }
    }
    while (!cache.isEmpty()
        && (cachedEntries + table.size() > cacheBudget || cache.size() >= 1024)) {
      int largest = 0;
      for (int i = 1; i < cache.size(); i++) {
        if (cache.get(i).size() > cache.get(largest).size()) {
          largest = i;
        }
      }
      cachedEntries -= cache.remove(largest).size();
    }
    if (table.size() <= cacheBudget) {
      cache.add(table);
      cachedEntries += table.size();
    }
  }

  /** The class key of a record under a transformation, without the sensitive field. */
  long recordKey(int[] levels, int row) {
    long key = 0;
    for (int a = 0; a < m; a++) {
      key |= ((long) codes[a][levels[a]][data.columns[a][row]]) << shift[a];
    }
    return key >>> sensitiveBits;
  }

  /** The class keys (without the sensitive field) of the classes that pass every model. */
  ClassCounter acceptedClasses(int[] levels) {
    ClassTable table = classes(levels);
    ClassCounter accepted = new ClassCounter(table.size());
    if (!withSensitive) {
      for (int e = 0; e < table.size(); e++) {
        if (accepts(table.counts[e], null, 0, 0)) {
          accepted.add(table.keys[e], table.counts[e]);
        }
      }
      return accepted;
    }
    // Gather each class's sensitive frequencies.
    java.util.Map<Long, List<Integer>> byClass = new java.util.HashMap<>();
    for (int e = 0; e < table.size(); e++) {
      byClass
          .computeIfAbsent(table.keys[e] >>> sensitiveBits, k -> new ArrayList<>())
          .add(table.counts[e]);
    }
    for (java.util.Map.Entry<Long, List<Integer>> entry : byClass.entrySet()) {
      int[] f = entry.getValue().stream().mapToInt(Integer::intValue).toArray();
      int size = 0;
      for (int x : f) {
        size += x;
      }
      if (accepts(size, f, 0, f.length)) {
        accepted.add(entry.getKey(), size);
      }
    }
    return accepted;
  }
}
