package org.vansdk.anonymisation.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The starting nodes of {@link LocalRecoding}'s prioritised cascade, and their order.
 *
 * <p>A node is one level per quasi-identifier. The attributes a priority names range from the
 * finest level any priority asks for up to their highest allowed level; the others stay at their
 * highest level (specialisation brings them down afterwards, class by class). Each node has a
 * value, the sum over the priorities it meets of their weights (the first 1, each next half the one
 * before), and a cost, the declared loss if every record were released at that node. Nodes are
 * ordered by value minus {@code lambda} times cost, so {@code lambda = 0} tries every node meeting
 * more of the priorities first and larger values let cheaper nodes go first; ties go to the cheaper
 * node, then to the enumeration order. The highest allowed levels come last in every order.
 *
 * <p>Immutable after construction.
 */
final class CascadeNodes {
  /** Above this many nodes, each attribute keeps only the priorities' levels and its highest. */
  private static final int MAX_NODES = 512;

  private final int[][] nodes;
  private final boolean[][] meets; // [node][priority]
  private final double[] cost;

  /**
   * Enumerates the nodes.
   *
   * @param data the dataset
   * @param loss the loss model
   * @param min the lowest allowed level of each quasi-identifier
   * @param max the highest allowed level of each quasi-identifier
   * @param priorities the priorities' levels, each clamped to the allowed range
   */
  CascadeNodes(Dataset data, LossModel loss, int[] min, int[] max, int[][] priorities) {
    int m = min.length;
    int[][] choices = new int[m][];
    long count = 1;
    for (int a = 0; a < m; a++) {
      choices[a] = range(priorities, a, max[a], true);
      count *= choices[a].length;
    }
    if (count > MAX_NODES) {
      for (int a = 0; a < m; a++) {
        choices[a] = range(priorities, a, max[a], false);
      }
    }
    List<int[]> all = new ArrayList<>();
    enumerate(choices, 0, new int[m], all);
    this.nodes = all.toArray(new int[0][]);
    double[][] meanCost = meanCost(data, loss);
    this.meets = new boolean[nodes.length][priorities.length];
    this.cost = new double[nodes.length];
    for (int i = 0; i < nodes.length; i++) {
      for (int p = 0; p < priorities.length; p++) {
        boolean meetsAll = true;
        for (int a = 0; a < m && meetsAll; a++) {
          meetsAll = nodes[i][a] <= priorities[p][a];
        }
        meets[i][p] = meetsAll;
      }
      double[] perAttribute = new double[m];
      for (int a = 0; a < m; a++) {
        perAttribute[a] = meanCost[a][nodes[i][a]];
      }
      cost[i] = loss.combine(perAttribute);
    }
  }

  /**
   * Returns the nodes in the order for one trade-off between priorities and loss; the highest
   * allowed levels come last.
   *
   * @param lambda how much a node's loss counts against the priorities it meets, at least 0
   * @return the nodes, first choice first (copies)
   */
  int[][] ordered(double lambda, double[] weights) {
    double[] value = new double[nodes.length];
    for (int i = 0; i < nodes.length; i++) {
      for (int p = 0; p < weights.length; p++) {
        value[i] += meets[i][p] ? weights[p] : 0;
      }
    }
    Integer[] order = new Integer[nodes.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Comparator<Integer> byScore =
        Comparator.comparingDouble((Integer i) -> -(value[i] - lambda * cost[i]))
            .thenComparingDouble(i -> cost[i])
            .thenComparingInt(i -> i);
    Arrays.sort(order, byScore);
    int[][] result = new int[nodes.length][];
    for (int i = 0; i < order.length; i++) {
      result[i] = nodes[order[i]].clone();
    }
    // The enumeration ends with the highest levels; no record is left out before them.
    int top = nodes.length - 1;
    for (int i = 0; i < result.length; i++) {
      if (Arrays.equals(result[i], nodes[top]) && i != result.length - 1) {
        int[] last = result[i];
        System.arraycopy(result, i + 1, result, i, result.length - 1 - i);
        result[result.length - 1] = last;
        break;
      }
    }
    return result;
  }

  /** The levels an attribute takes: from the finest a priority asks for up to the highest. */
  private static int[] range(int[][] priorities, int a, int max, boolean everyLevel) {
    int finest = max;
    for (int[] p : priorities) {
      finest = Math.min(finest, p[a]);
    }
    if (everyLevel) {
      int[] levels = new int[max - finest + 1];
      for (int i = 0; i < levels.length; i++) {
        levels[i] = finest + i;
      }
      return levels;
    }
    TreeSet<Integer> levels = new TreeSet<>();
    for (int[] p : priorities) {
      levels.add(Math.min(p[a], max));
    }
    levels.add(max);
    return levels.stream().mapToInt(Integer::intValue).toArray();
  }

  private static void enumerate(int[][] choices, int a, int[] node, List<int[]> out) {
    if (a == choices.length) {
      out.add(node.clone());
      return;
    }
    for (int level : choices[a]) {
      node[a] = level;
      enumerate(choices, a + 1, node, out);
    }
  }

  /** The mean cost over records of each attribute at each level, as the loss model counts it. */
  private static double[][] meanCost(Dataset data, LossModel loss) {
    int m = data.quasiIdentifierCount();
    int n = data.size();
    double[][] mean = new double[m][];
    for (int a = 0; a < m; a++) {
      var h = data.hierarchy(a);
      long denominator = loss.denominator(h);
      mean[a] = new double[h.levels()];
      int[] column = data.columns[a];
      for (int level = 0; level < h.levels() && denominator > 0 && n > 0; level++) {
        long[] numerator = new long[h.codeCount(level)];
        for (int code = 0; code < numerator.length; code++) {
          numerator[code] = loss.numerator(h, level, code);
        }
        long sum = 0;
        for (int row = 0; row < n; row++) {
          sum += numerator[h.code(column[row], level)];
        }
        mean[a][level] = sum / ((double) n * denominator);
      }
    }
    return mean;
  }
}
