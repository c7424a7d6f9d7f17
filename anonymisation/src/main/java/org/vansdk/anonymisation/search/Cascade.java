package org.vansdk.anonymisation.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The prioritised start of {@link LocalRecoding}: places records in classes at the first of an
 * ordered list of nodes (levels per quasi-identifier) where their group passes the models, then
 * lets {@link TopDownSpecialisation} specialise every class. Records no node places are taken care
 * of at the last node, which should be the highest allowed levels.
 *
 * <p>Not thread-safe: one instance per run, working on its engine's rows.
 */
final class Cascade {
  private final TopDownSpecialisation e;

  private Cascade(TopDownSpecialisation engine) {
    this.e = engine;
  }

  /**
   * Runs from a cascade of starting nodes (levels per quasi-identifier), tried in order: at each
   * node the records not yet placed are grouped by their values there, and every group that passes
   * the models becomes a class at that node; the other records go on to the next node. A group
   * still failing at the last node (which should be the highest allowed levels) takes back the
   * classes placed last that share its values there, until it passes; if it never does, its records
   * are suppressed (the caller checks the limit). Every class is then specialised, never above its
   * node's levels.
   *
   * @param nodes the starting nodes, first choice first
   */
  static void run(TopDownSpecialisation engine, int[][] nodes) {
    new Cascade(engine).run(nodes);
  }

  private void run(int[][] nodes) {
    int n = e.data.size();
    for (int row = 0; row < n; row++) {
      e.rows[row] = row;
    }
    List<int[]> classes = new ArrayList<>(); // {from, to, node}
    int placed = 0;
    for (int node = 0; node < nodes.length && placed < n; node++) {
      int[][] groups = e.group(placed, n, nodes[node]);
      boolean[] passing = new boolean[groups.length];
      int next = placed;
      for (int i = 0; i < groups.length; i++) {
        int[] g = groups[i];
        passing[i] = e.passesRange(g[0], g[1]);
        if (passing[i]) {
          System.arraycopy(e.rows, g[0], e.scratch, next, g[1] - g[0]);
          classes.add(new int[] {next, next + g[1] - g[0], node});
          next += g[1] - g[0];
        }
      }
      int rest = next;
      for (int i = 0; i < groups.length; i++) {
        int[] g = groups[i];
        if (!passing[i]) {
          System.arraycopy(e.rows, g[0], e.scratch, rest, g[1] - g[0]);
          rest += g[1] - g[0];
        }
      }
      System.arraycopy(e.scratch, placed, e.rows, placed, n - placed);
      placed = next;
    }
    int[] top = nodes[nodes.length - 1];
    int[][] left = placed < n ? e.group(placed, n, top) : new int[0][];
    int[] takenBy = new int[classes.size()];
    Arrays.fill(takenBy, -1);
    boolean[] released = new boolean[left.length];
    for (int g = 0; g < left.length; g++) {
      released[g] = takeBack(left[g], g, classes, takenBy, top);
    }
    // Lay the rows out again: kept classes, then each released group with what it took back, then
    // the suppressed records; then specialise.
    List<int[]> ranges = new ArrayList<>(); // {from, to, node}
    int next = 0;
    for (int c = 0; c < classes.size(); c++) {
      if (takenBy[c] < 0) {
        int[] k = classes.get(c);
        next = copy(k[0], k[1], next);
        ranges.add(new int[] {next - (k[1] - k[0]), next, k[2]});
      }
    }
    for (int g = 0; g < left.length; g++) {
      if (released[g]) {
        int from = next;
        next = copy(left[g][0], left[g][1], next);
        for (int c = 0; c < classes.size(); c++) {
          if (takenBy[c] == g) {
            next = copy(classes.get(c)[0], classes.get(c)[1], next);
          }
        }
        ranges.add(new int[] {from, next, nodes.length - 1});
      }
    }
    for (int g = 0; g < left.length; g++) {
      if (!released[g]) {
        for (int i = left[g][0]; i < left[g][1]; i++) {
          e.suppressed.set(e.rows[i]);
        }
        next = copy(left[g][0], left[g][1], next);
      }
    }
    System.arraycopy(e.scratch, 0, e.rows, 0, n);
    for (int[] r : ranges) {
      e.specialise(r[0], r[1], nodes[r[2]].clone(), 0);
    }
  }

  /**
   * Whether a group failing at the last node passes once it takes back the classes placed last that
   * share its values there (marking them in {@code takenBy}); nothing is taken when it cannot pass.
   */
  private boolean takeBack(int[] group, int g, List<int[]> classes, int[] takenBy, int[] top) {
    int[] freq = new int[Math.max(1, e.sensitiveCount)];
    int size = frequencies(group[0], group[1], freq);
    int c = classes.size() - 1;
    List<Integer> taken = new ArrayList<>();
    while (!e.passes(size, freq, 0) && c >= 0) {
      int[] k = classes.get(c);
      if (takenBy[c] < 0 && sameCodes(e.rows[k[0]], e.rows[group[0]], top)) {
        taken.add(c);
        size += frequencies(k[0], k[1], freq);
      }
      c--;
    }
    if (!e.passes(size, freq, 0)) {
      return false;
    }
    taken.forEach(t -> takenBy[t] = g);
    return true;
  }

  /** Adds the sensitive values of {@code e.rows[from, to)} to {@code freq}; returns the count. */
  private int frequencies(int from, int to, int[] freq) {
    if (e.needsSensitive) {
      for (int i = from; i < to; i++) {
        freq[e.data.sensitive[e.rows[i]]]++;
      }
    }
    return to - from;
  }

  private boolean sameCodes(int rowA, int rowB, int[] at) {
    for (int a = 0; a < e.m; a++) {
      int[] map = e.codeAt[a][at[a]];
      if (map[e.data.columns[a][rowA]] != map[e.data.columns[a][rowB]]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Copies {@code e.rows[from, to)} to {@code scratch} at {@code at}; returns the next position.
   */
  private int copy(int from, int to, int at) {
    System.arraycopy(e.rows, from, e.scratch, at, to - from);
    return at + to - from;
  }
}
