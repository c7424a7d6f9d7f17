package org.vansdk.anonymisation.search;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The engine of {@link LocalRecoding}: top-down specialisation of partitions of records, each
 * partition holding the records of one released class with its own generalisation levels.
 *
 * <p>A partition specialises one quasi-identifier by one level at a time. Its records are grouped
 * by their code at the finer level; groups that satisfy every privacy model become partitions of
 * their own, groups that do not are merged into a remainder that keeps the coarser level and never
 * specialises that attribute again. A remainder that does not pass alone is completed by records
 * lent by passing groups that stay large enough (only k-anonymity applies), else by the smallest
 * passing groups whole. Among the attributes that can be specialised, the one with the largest
 * weighted drop in information loss is taken (ties to the lower attribute index), and the children
 * are specialised in turn until none can, down to the lowest allowed levels. Records are suppressed
 * only where a starting group fails the models. Every released class is therefore a partition that
 * passed every model when it was formed. Work per record is one counting pass per attribute per
 * specialisation step, with arrays only (no per-record objects).
 *
 * <p>Not thread-safe: one instance per run.
 */
final class TopDownSpecialisation {
  final Dataset data;
  final int m;
  private final PrivacyModel[] models;
  private final int minimumSize;
  final boolean needsSensitive;
  final int sensitiveCount;
  final int[][][] codeAt; // [qi][level][leaf]
  private final long[][][] cost; // [qi][level][code] loss numerator
  private final long[] denominator;
  private final double[] weight;
  private final int[] floor; // the lowest allowed level of each quasi-identifier

  /** Levels of each record, [qi][row]; valid for released records once {@link #run} returns. */
  final byte[][] levels;

  /** Records withheld. */
  final BitSet suppressed;

  final int[] rows;
  final int[] scratch;
  private int partitions;

  // Scratch of one split, reused.
  private int[] childOfCode;
  private int[] childCode = new int[16];
  private int[] childSize = new int[16];
  private int[] childFreq = new int[16];
  private boolean[] childPasses = new boolean[16];
  private int[] childSlot = new int[16];
  private int[] childBorrow = new int[16]; // records a passing child lends to the remainder
  private int childCount;
  private final int[] frequencyBuffer;
  private final int[] remainderFreq;

  TopDownSpecialisation(
      Dataset data,
      PrivacyModel[] models,
      LossModel loss,
      int[] floor,
      double[] startingAttributeLoss) {
    this.data = data;
    this.m = data.quasiIdentifierCount();
    this.models = models;
    int min = 1;
    boolean sensitive = false;
    for (PrivacyModel model : models) {
      min = Math.max(min, model.minimumClassSize());
      sensitive |= model.needsSensitive();
    }
    this.minimumSize = min;
    this.needsSensitive = sensitive;
    this.sensitiveCount = sensitive ? Math.max(1, data.sensitiveCodeCount()) : 0;
    this.codeAt = new int[m][][];
    this.cost = new long[m][][];
    this.denominator = new long[m];
    int widest = 1;
    for (int a = 0; a < m; a++) {
      var h = data.hierarchy(a);
      codeAt[a] = new int[h.levels()][h.leafCount()];
      cost[a] = new long[h.levels()][];
      for (int level = 0; level < h.levels(); level++) {
        for (int leaf = 0; leaf < h.leafCount(); leaf++) {
          codeAt[a][level][leaf] = h.code(leaf, level);
        }
        cost[a][level] = new long[h.codeCount(level)];
        for (int code = 0; code < h.codeCount(level); code++) {
          cost[a][level][code] = loss.numerator(h, level, code);
        }
        widest = Math.max(widest, h.codeCount(level));
      }
      denominator[a] = loss.denominator(h);
    }
    // The weight of a unit drop in one attribute's loss in the aggregate, at the starting point.
    this.weight = new double[m];
    double base = loss.aggregate(startingAttributeLoss.clone());
    for (int a = 0; a < m; a++) {
      double[] nudged = startingAttributeLoss.clone();
      nudged[a] += 1e-6;
      weight[a] = Math.max(1e-9, (loss.aggregate(nudged) - base) / 1e-6);
    }
    this.floor = floor.clone();
    int n = data.size();
    this.levels = new byte[m][n];
    this.suppressed = new BitSet(n);
    this.rows = new int[n];
    this.scratch = new int[n];
    this.childOfCode = new int[widest];
    Arrays.fill(childOfCode, -1);
    this.frequencyBuffer = new int[Math.max(1, sensitiveCount)];
    this.remainderFreq = new int[Math.max(1, sensitiveCount)];
  }

  /** The number of released partitions after {@link #run}; classes with equal values may merge. */
  int partitions() {
    return partitions;
  }

  /**
   * Runs from a starting point: records not withheld are grouped by their values at {@code start},
   * withheld records by their values at {@code top}; groups that pass are specialised, the others
   * suppressed (the caller checks the suppression limit).
   *
   * @param start the starting levels of released records
   * @param top the highest allowed levels
   * @param withheld records the starting point suppresses
   */
  void run(int[] start, int[] top, BitSet withheld) {
    int n = data.size();
    int released = 0;
    for (int row = 0; row < n; row++) {
      if (!withheld.get(row)) {
        rows[released++] = row;
      }
    }
    int end = released;
    for (int row = withheld.nextSetBit(0); row >= 0; row = withheld.nextSetBit(row + 1)) {
      rows[end++] = row;
    }
    int[][] startGroups = group(0, released, start);
    int[][] topGroups = group(released, n, top);
    for (int[] g : startGroups) {
      startFrom(g, start);
    }
    for (int[] g : topGroups) {
      startFrom(g, top);
    }
  }

  private void startFrom(int[] range, int[] at) {
    if (passesRange(range[0], range[1])) {
      specialise(range[0], range[1], at.clone(), 0);
    } else {
      for (int i = range[0]; i < range[1]; i++) {
        suppressed.set(rows[i]);
      }
    }
  }

  /** Groups {@code rows[from, to)} by their codes at the given levels; returns the ranges. */
  int[][] group(int from, int to, int[] at) {
    int[][] ranges = {{from, to}};
    if (from == to) {
      return new int[0][];
    }
    for (int a = 0; a < m; a++) {
      int[][] next = new int[0][];
      int count = 0;
      for (int[] r : ranges) {
        count(r[0], r[1], a, at[a]);
        for (int c = 0; c < childCount; c++) {
          childPasses[c] = true;
        }
        int[] bounds = reorder(r[0], r[1], a, at[a], childCount);
        resetChildren();
        if (next.length < count + bounds.length - 1) {
          next = Arrays.copyOf(next, Math.max(16, (count + bounds.length) * 2));
        }
        for (int s = 0; s + 1 < bounds.length; s++) {
          if (bounds[s + 1] > bounds[s]) {
            next[count++] = new int[] {bounds[s], bounds[s + 1]};
          }
        }
      }
      ranges = Arrays.copyOf(next, count);
    }
    return ranges;
  }

  void specialise(int from, int to, int[] at, int frozen) {
    int bestAttribute = -1;
    double bestGain = -1;
    for (int a = 0; a < m; a++) {
      if (at[a] <= floor[a] || (frozen & (1 << a)) != 0) {
        continue;
      }
      double gain = plan(from, to, a, at[a]);
      resetChildren();
      if (gain > bestGain) {
        bestGain = gain;
        bestAttribute = a;
      }
    }
    if (bestAttribute < 0) {
      release(from, to, at);
      return;
    }
    int a = bestAttribute;
    plan(from, to, a, at[a]);
    int passing = 0;
    for (int c = 0; c < childCount; c++) {
      childSlot[c] = childPasses[c] ? passing++ : -1;
    }
    for (int c = 0; c < childCount; c++) {
      if (childSlot[c] < 0) {
        childSlot[c] = passing;
      }
    }
    int[] bounds = reorderBySlot(from, to, a, at[a] - 1, passing + 1);
    resetChildren();
    int[] finer = at.clone();
    finer[a]--;
    for (int s = 0; s < passing; s++) {
      specialise(bounds[s], bounds[s + 1], finer.clone(), frozen);
    }
    if (bounds[passing + 1] > bounds[passing]) {
      specialise(bounds[passing], bounds[passing + 1], at, frozen | (1 << a));
    }
  }

  /**
   * Plans the specialisation of attribute {@code a} from {@code level} to {@code level - 1}: marks
   * which children stay apart ({@code childPasses}) and returns the weighted loss drop, or a
   * negative number when no child can stay apart. Leaves the children mapped; the caller resets.
   */
  private double plan(int from, int to, int a, int level) {
    count(from, to, a, level - 1);
    int passing = 0;
    int remainderSize = 0;
    if (needsSensitive) {
      Arrays.fill(remainderFreq, 0);
    }
    for (int c = 0; c < childCount; c++) {
      childPasses[c] = passes(childSize[c], childFreq, c * sensitiveCount);
      if (childPasses[c]) {
        passing++;
      } else {
        remainderSize += absorb(c);
      }
    }
    if (passing == 0) {
      return -1;
    }
    if (remainderSize > 0
        && !passes(remainderSize, remainderFreq, 0)
        && !needsSensitive
        && borrow(minimumSize - remainderSize, level - 1, a)) {
      remainderSize = minimumSize;
    }
    if (remainderSize > 0 && !passes(remainderSize, remainderFreq, 0)) {
      // Merge the smallest passing children into the remainder until it passes.
      Integer[] order = new Integer[childCount];
      for (int c = 0; c < childCount; c++) {
        order[c] = c;
      }
      Arrays.sort(
          order,
          (x, y) -> {
            int d = Integer.compare(childSize[x], childSize[y]);
            return d != 0 ? d : Integer.compare(childCode[x], childCode[y]);
          });
      for (int i = 0; i < childCount && !passes(remainderSize, remainderFreq, 0); i++) {
        int c = order[i];
        if (childPasses[c]) {
          childPasses[c] = false;
          childBorrow[c] = 0;
          passing--;
          remainderSize += absorb(c);
        }
      }
      if (passing == 0 || !passes(remainderSize, remainderFreq, 0)) {
        return -1;
      }
    }
    if (denominator[a] == 0) {
      return remainderSize == 0 && childCount == 1 ? 0 : -1;
    }
    int parent = codeAt[a][level][data.columns[a][rows[from]]];
    long parentCost = cost[a][level][parent];
    long drop = 0;
    for (int c = 0; c < childCount; c++) {
      if (childPasses[c]) {
        drop +=
            (long) (childSize[c] - childBorrow[c])
                * (parentCost - cost[a][level - 1][childCode[c]]);
      }
    }
    if (drop == 0 && (remainderSize > 0 || childCount > 1)) {
      return -1;
    }
    return weight[a] * drop / denominator[a];
  }

  /**
   * Completes a failing remainder with {@code need} records of passing children that can spare them
   * and still pass (a child keeps at least the minimum class size), taking first from the children
   * whose records lose least by moving (the widest codes), then the largest. Only used when no
   * model looks at the sensitive attribute, so a class passes exactly when it is large enough.
   * Records of equal values may so end in two classes; each class still passes. Returns false,
   * borrowing nothing, when the passing children cannot spare enough.
   */
  private boolean borrow(int need, int childLevel, int a) {
    long spare = 0;
    for (int c = 0; c < childCount; c++) {
      if (childPasses[c]) {
        spare += childSize[c] - minimumSize;
      }
    }
    if (spare < need) {
      return false;
    }
    long[] lender = new long[childCount];
    int lenders = 0;
    for (int c = 0; c < childCount; c++) {
      if (childPasses[c] && childSize[c] > minimumSize) {
        lender[lenders++] = c;
      }
    }
    long[] costs = cost[a][childLevel];
    Long[] order = new Long[lenders];
    for (int i = 0; i < lenders; i++) {
      order[i] = lender[i];
    }
    Arrays.sort(
        order,
        (x, y) -> {
          int cx = (int) (long) x;
          int cy = (int) (long) y;
          int d = Long.compare(costs[childCode[cy]], costs[childCode[cx]]);
          if (d != 0) {
            return d;
          }
          d = Integer.compare(childSize[cy], childSize[cx]);
          return d != 0 ? d : Integer.compare(childCode[cx], childCode[cy]);
        });
    for (int i = 0; i < lenders && need > 0; i++) {
      int c = (int) (long) order[i];
      int take = Math.min(need, childSize[c] - minimumSize);
      childBorrow[c] = take;
      need -= take;
    }
    return true;
  }

  private int absorb(int c) {
    if (needsSensitive) {
      for (int s = 0; s < sensitiveCount; s++) {
        remainderFreq[s] += childFreq[c * sensitiveCount + s];
      }
    }
    return childSize[c];
  }

  /** Counts the children of {@code rows[from, to)} by code of attribute a at a level. */
  private void count(int from, int to, int a, int level) {
    int[] map = codeAt[a][level];
    int[] column = data.columns[a];
    int[] sens = data.sensitive;
    childCount = 0;
    for (int i = from; i < to; i++) {
      int row = rows[i];
      int code = map[column[row]];
      int c = childOfCode[code];
      if (c < 0) {
        c = childCount++;
        if (c == childCode.length) {
          int size = c * 2;
          childCode = Arrays.copyOf(childCode, size);
          childSize = Arrays.copyOf(childSize, size);
          childPasses = Arrays.copyOf(childPasses, size);
          childSlot = Arrays.copyOf(childSlot, size);
          childBorrow = Arrays.copyOf(childBorrow, size);
        }
        childOfCode[code] = c;
        childCode[c] = code;
        childSize[c] = 0;
        childBorrow[c] = 0;
        if (needsSensitive) {
          if (childFreq.length < (c + 1) * sensitiveCount) {
            childFreq =
                Arrays.copyOf(
                    childFreq, Math.max(childFreq.length * 2, (c + 1) * sensitiveCount * 2));
          }
          Arrays.fill(childFreq, c * sensitiveCount, (c + 1) * sensitiveCount, 0);
        }
      }
      childSize[c]++;
      if (needsSensitive) {
        childFreq[c * sensitiveCount + sens[row]]++;
      }
    }
  }

  private void resetChildren() {
    for (int c = 0; c < childCount; c++) {
      childOfCode[childCode[c]] = -1;
    }
    childCount = 0;
  }

  /** Reorders a range so each child is contiguous, children in first-seen order. */
  private int[] reorder(int from, int to, int a, int level, int slots) {
    for (int c = 0; c < childCount; c++) {
      childSlot[c] = c;
    }
    return reorderBySlot(from, to, a, level, slots);
  }

  /** Reorders a range by {@code childSlot}; returns {@code slots + 1} boundaries. */
  private int[] reorderBySlot(int from, int to, int a, int level, int slots) {
    int[] bounds = new int[slots + 1];
    for (int c = 0; c < childCount; c++) {
      bounds[childSlot[c] + 1] += childSize[c] - childBorrow[c];
      bounds[slots] += childBorrow[c];
    }
    bounds[0] = from;
    for (int s = 1; s <= slots; s++) {
      bounds[s] += bounds[s - 1];
    }
    int[] next = Arrays.copyOf(bounds, slots);
    int[] map = codeAt[a][level];
    int[] column = data.columns[a];
    for (int i = from; i < to; i++) {
      int row = rows[i];
      int c = childOfCode[map[column[row]]];
      // A lending child's last records go to the remainder (the last slot).
      int slot = childSize[c]-- > childBorrow[c] ? childSlot[c] : slots - 1;
      scratch[next[slot]++] = row;
    }
    System.arraycopy(scratch, from, rows, from, to - from);
    return bounds;
  }

  boolean passesRange(int from, int to) {
    int size = to - from;
    if (needsSensitive) {
      Arrays.fill(remainderFreq, 0);
      for (int i = from; i < to; i++) {
        remainderFreq[data.sensitive[rows[i]]]++;
      }
    }
    return passes(size, remainderFreq, 0);
  }

  boolean passes(int size, int[] freq, int off) {
    if (size < minimumSize) {
      return false;
    }
    int len = 0;
    if (needsSensitive) {
      for (int s = 0; s < sensitiveCount; s++) {
        if (freq[off + s] > 0) {
          frequencyBuffer[len++] = freq[off + s];
        }
      }
    }
    for (PrivacyModel model : models) {
      if (!model.accepts(size, frequencyBuffer, 0, len)) {
        return false;
      }
    }
    return true;
  }

  private void release(int from, int to, int[] at) {
    partitions++;
    for (int a = 0; a < m; a++) {
      byte level = (byte) at[a];
      byte[] column = levels[a];
      for (int i = from; i < to; i++) {
        column[rows[i]] = level;
      }
    }
  }

  /** Returns the exact loss numerator sums of the current release (suppressed records cost 1). */
  long[] sums() {
    long[] sums = new long[m];
    int n = data.size();
    for (int a = 0; a < m; a++) {
      int[] column = data.columns[a];
      byte[] lv = levels[a];
      long s = 0;
      for (int row = 0; row < n; row++) {
        if (suppressed.get(row)) {
          s += denominator[a];
        } else {
          int level = lv[row];
          s += cost[a][level][codeAt[a][level][column[row]]];
        }
      }
      sums[a] = s;
    }
    return sums;
  }
}
