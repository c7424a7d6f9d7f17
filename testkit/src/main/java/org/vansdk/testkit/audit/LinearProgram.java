package org.vansdk.testkit.audit;

/**
 * A small dense two-phase simplex with Bland's rule, for auditing small-cell protection: the
 * smallest and largest value a suppressed count can take, given everything published beside it, is
 * two linear programmes over non-negative counts. Meant for the few hundred variables of a test's
 * table, not for production use. Stateless and thread-safe.
 *
 * @since 1.0
 */
public final class LinearProgram {
  private static final double EPS = 1e-9;

  private LinearProgram() {}

  /**
   * Maximises {@code c.x} subject to {@code A x = b} and {@code x >= 0}.
   *
   * @param a the equality constraints, one row each (not modified)
   * @param b the right-hand sides, one per row (not modified)
   * @param c the objective, one coefficient per variable (not modified)
   * @return the maximum, or positive infinity if unbounded
   * @throws IllegalStateException if the constraints have no solution (the published table is
   *     inconsistent)
   */
  public static double maximise(double[][] a, double[] b, double[] c) {
    int m = a.length;
    int n = c.length;
    int width = n + m + 1;
    double[][] t = new double[m + 1][width];
    int[] basis = new int[m];
    for (int i = 0; i < m; i++) {
      double sign = b[i] < 0 ? -1 : 1;
      for (int j = 0; j < n; j++) {
        t[i][j] = sign * a[i][j];
      }
      t[i][n + i] = 1;
      t[i][width - 1] = sign * b[i];
      basis[i] = n + i;
    }
    // Phase 1: maximise -sum(artificials).
    for (int j = 0; j < width; j++) {
      double s = 0;
      for (int i = 0; i < m; i++) {
        s += t[i][j];
      }
      t[m][j] = j >= n && j < n + m ? 0 : -s;
    }
    run(t, basis, n + m);
    if (t[m][width - 1] < -1e-6) {
      throw new IllegalStateException("audit LP infeasible: published table is inconsistent");
    }
    for (int i = 0; i < m; i++) {
      if (basis[i] >= n) {
        for (int j = 0; j < n; j++) {
          if (Math.abs(t[i][j]) > EPS) {
            pivot(t, basis, i, j);
            break;
          }
        }
      }
    }
    // Phase 2.
    for (int j = 0; j < width; j++) {
      double s = 0;
      for (int i = 0; i < m; i++) {
        if (basis[i] < n) {
          s += c[basis[i]] * t[i][j];
        }
      }
      t[m][j] = s - (j < n ? c[j] : 0);
    }
    if (!run(t, basis, n)) {
      return Double.POSITIVE_INFINITY;
    }
    return t[m][width - 1];
  }

  /** Runs simplex iterations with entering columns below {@code limit}; false if unbounded. */
  private static boolean run(double[][] t, int[] basis, int limit) {
    int m = basis.length;
    int rhs = t[0].length - 1;
    while (true) {
      int enter = -1;
      for (int j = 0; j < limit; j++) {
        if (t[m][j] < -EPS) {
          enter = j;
          break;
        }
      }
      if (enter < 0) {
        return true;
      }
      int leave = -1;
      double best = Double.POSITIVE_INFINITY;
      for (int i = 0; i < m; i++) {
        if (t[i][enter] > EPS) {
          double ratio = t[i][rhs] / t[i][enter];
          if (ratio < best - EPS || (Math.abs(ratio - best) <= EPS && basis[i] < basis[leave])) {
            best = ratio;
            leave = i;
          }
        }
      }
      if (leave < 0) {
        return false;
      }
      pivot(t, basis, leave, enter);
    }
  }

  private static void pivot(double[][] t, int[] basis, int row, int column) {
    double p = t[row][column];
    for (int j = 0; j < t[row].length; j++) {
      t[row][j] /= p;
    }
    for (int i = 0; i < t.length; i++) {
      if (i != row && Math.abs(t[i][column]) > 0) {
        double f = t[i][column];
        for (int j = 0; j < t[i].length; j++) {
          t[i][j] -= f * t[row][j];
        }
      }
    }
    basis[row] = column;
  }
}
