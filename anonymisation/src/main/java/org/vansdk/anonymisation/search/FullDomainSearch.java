package org.vansdk.anonymisation.search;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.vansdk.anonymisation.AnonymisationException;

/**
 * The optimal full-domain generalisation of a dataset: among all transformations (one
 * generalisation level per quasi-identifier) whose classes satisfy every privacy model after
 * suppressing at most {@code floor(limit * n)} records, the one of least information loss.
 *
 * <p>The search visits transformations in order of a lower bound of their loss (the loss if no
 * record were suppressed, computable from per-attribute histograms without building classes; it
 * only grows with generalisation) and stops as soon as that bound exceeds the best loss found. It
 * prunes in both directions: when the privacy models are monotone, a transformation that fails
 * marks every specialisation as failing without evaluating it; a transformation that passes without
 * suppressing anyone marks every generalisation as unable to do better. Classes of a transformation
 * are rolled up from the cached classes of a finer one instead of re-reading the records. Ties in
 * loss go to the lower total level, then to the lexicographically smaller levels.
 *
 * <p>Instances are immutable; {@link #run()} may be called from several threads.
 */
public final class FullDomainSearch {
  private final Dataset data;
  private final List<PrivacyModel> models;
  private final LossModel loss;
  private final BigDecimal suppressionLimit;
  private final int[] minLevel;
  private final int[] maxLevel;

  private FullDomainSearch(Builder b) {
    this.data = b.data;
    this.models = List.copyOf(b.models);
    this.loss = b.loss;
    this.suppressionLimit = b.suppressionLimit;
    this.minLevel = b.minLevel.clone();
    this.maxLevel = b.maxLevel.clone();
  }

  /**
   * Starts configuring a search over a dataset.
   *
   * @param data the dataset
   * @return a builder with no privacy model, no suppression and the {@link LossModel#loss()} model
   */
  public static Builder builder(Dataset data) {
    return new Builder(data);
  }

  /** Configures a {@link FullDomainSearch}. Not thread-safe. */
  public static final class Builder {
    private final Dataset data;
    private final List<PrivacyModel> models = new ArrayList<>();
    private LossModel loss = LossModel.loss();
    private BigDecimal suppressionLimit = BigDecimal.ZERO;
    private final int[] minLevel;
    private final int[] maxLevel;

    private Builder(Dataset data) {
      this.data = data;
      int m = data.quasiIdentifierCount();
      this.minLevel = new int[m];
      this.maxLevel = new int[m];
      for (int a = 0; a < m; a++) {
        maxLevel[a] = data.hierarchy(a).levels() - 1;
      }
    }

    /**
     * Adds a privacy model every released class must satisfy.
     *
     * @param model the model
     * @return this builder
     */
    public Builder privacy(PrivacyModel model) {
      models.add(model);
      return this;
    }

    /**
     * Sets the information-loss model to minimise.
     *
     * @param model the model
     * @return this builder
     */
    public Builder loss(LossModel model) {
      this.loss = model;
      return this;
    }

    /**
     * Sets the record suppression limit as a fraction of the records: at most {@code floor(limit *
     * n)} records may be suppressed, computed in decimal so {@code 0.29 * 100} allows 29.
     *
     * @param limit between 0 and 1 inclusive
     * @return this builder
     * @throws AnonymisationException {@code VAN-A-0003} if out of range
     */
    public Builder suppressionLimit(double limit) {
      if (!(limit >= 0 && limit <= 1)) {
        throw new AnonymisationException(
            AnonymisationException.INVALID_CONFIGURATION,
            "suppression limit " + limit + " is outside [0, 1]");
      }
      this.suppressionLimit = new BigDecimal(Double.toString(limit));
      return this;
    }

    /**
     * Restricts the levels a quasi-identifier may take, e.g. to force commune to at least district.
     *
     * @param qi the quasi-identifier index
     * @param min the lowest allowed level
     * @param max the highest allowed level, at least {@code min}
     * @return this builder
     * @throws AnonymisationException {@code VAN-A-0003} if the range is outside the hierarchy
     */
    public Builder levels(int qi, int min, int max) {
      int top = data.hierarchy(qi).levels() - 1;
      if (min < 0 || max > top || min > max) {
        throw new AnonymisationException(
            AnonymisationException.INVALID_CONFIGURATION,
            "levels "
                + min
                + ".."
                + max
                + " of "
                + data.hierarchy(qi).attribute()
                + " are outside 0.."
                + top);
      }
      minLevel[qi] = min;
      maxLevel[qi] = max;
      return this;
    }

    /**
     * Builds the search.
     *
     * @return the search
     */
    public FullDomainSearch build() {
      return new FullDomainSearch(this);
    }
  }

  Dataset data() {
    return data;
  }

  List<PrivacyModel> models() {
    return models;
  }

  LossModel loss() {
    return loss;
  }

  int[] minLevels() {
    return minLevel.clone();
  }

  int[] maxLevels() {
    return maxLevel.clone();
  }

  /**
   * Returns the largest number of records the configuration may suppress.
   *
   * @return {@code floor(limit * n)}
   */
  public long maxSuppressed() {
    return suppressionLimit
        .multiply(BigDecimal.valueOf(data.size()))
        .setScale(0, RoundingMode.FLOOR)
        .longValueExact();
  }

  private static final byte UNKNOWN = 0;
  private static final byte PASSES = 1;
  private static final byte CANNOT_IMPROVE = 2;
  private static final byte FAILS = 3;

  /**
   * Runs the search.
   *
   * @return the optimal transformation and what it costs
   * @throws AnonymisationException {@code VAN-A-0006} if no transformation satisfies the models
   *     within the suppression limit
   */
  public SearchResult run() {
    Lattice lattice = new Lattice(data, models, loss, maxSuppressed(), minLevel, maxLevel);
    if (lattice.nodeCount > Integer.MAX_VALUE - 8) {
      throw new AnonymisationException(
          AnonymisationException.INVALID_CONFIGURATION,
          "the lattice has " + lattice.nodeCount + " transformations; restrict levels");
    }
    int nodes = (int) lattice.nodeCount;
    double[] bounds = new double[nodes];
    int[] heights = new int[nodes];
    Integer[] order = new Integer[nodes];
    for (int node = 0; node < nodes; node++) {
      int[] levels = lattice.levels(node);
      bounds[node] = lattice.bound(levels);
      heights[node] = lattice.height(levels);
      order[node] = node;
    }
    Arrays.sort(
        order,
        (x, y) -> {
          int c = Double.compare(bounds[x], bounds[y]);
          if (c != 0) {
            return c;
          }
          c = Integer.compare(heights[x], heights[y]);
          return c != 0 ? c : Integer.compare(x, y);
        });
    Run run = new Run(lattice, bounds, heights);
    for (int node : order) {
      if (run.best != null && bounds[node] > run.best.loss) {
        break;
      }
      if (run.evaluated[node] || run.state[node] == FAILS || run.state[node] == CANNOT_IMPROVE) {
        continue;
      }
      if (run.state[node] == PASSES || !lattice.monotone) {
        run.evaluate(node);
      } else {
        run.searchPath(node);
      }
    }
    if (run.best == null) {
      throw new AnonymisationException(
          AnonymisationException.NO_SOLUTION,
          "no transformation satisfies "
              + models
              + " with at most "
              + lattice.maxSuppressed
              + " suppressed records; relax a model or raise the suppression limit");
    }
    Lattice.Evaluation best = run.best;
    int evaluated = run.evaluations;
    int skipped = 0;
    for (int node = 0; node < nodes; node++) {
      if (!run.evaluated[node] && run.state[node] != UNKNOWN && bounds[node] <= best.loss) {
        skipped++;
      }
    }
    BitSet suppressed = new BitSet(data.size());
    if (best.suppressed > 0) {
      ClassCounter accepted = lattice.acceptedClasses(best.levels);
      for (int row = 0; row < data.size(); row++) {
        if (accepted.find(lattice.recordKey(best.levels, row)) < 0) {
          suppressed.set(row);
        }
      }
    }
    return new SearchResult(
        data,
        best.levels,
        best.loss,
        lattice.attributeLoss(best.sums),
        best.suppressed,
        best.classes,
        suppressed,
        new SearchResult.Statistics(
            nodes,
            evaluated,
            skipped,
            nodes - evaluated - skipped,
            lattice.rollUps,
            lattice.scans));
  }

  /** The mutable state of one run: what is known of each transformation, and the best so far. */
  private static final class Run {
    final Lattice lattice;
    final double[] bounds;
    final int[] heights;
    final byte[] state;
    final boolean[] evaluated;
    Lattice.Evaluation best;
    int bestNode = -1;
    int evaluations;

    Run(Lattice lattice, double[] bounds, int[] heights) {
      this.lattice = lattice;
      this.bounds = bounds;
      this.heights = heights;
      this.state = new byte[bounds.length];
      this.evaluated = new boolean[bounds.length];
    }

    /**
     * Evaluates a node, records what it implies for its neighbours, and returns whether it passes.
     */
    boolean evaluate(int node) {
      Lattice.Evaluation e = lattice.evaluate(lattice.levels(node));
      evaluated[node] = true;
      evaluations++;
      if (!e.anonymous) {
        if (lattice.monotone) {
          state[node] = FAILS;
          mark(node, FAILS, -1);
        }
        return false;
      }
      if (e.suppressed == 0) {
        // Every generalisation has a loss at least this node's bound, which is its loss.
        mark(node, CANNOT_IMPROVE, +1);
      } else if (lattice.monotone) {
        mark(node, PASSES, +1);
      }
      if (best == null
          || e.loss < best.loss
          || (e.loss == best.loss
              && (heights[node] < heights[bestNode]
                  || (heights[node] == heights[bestNode] && node < bestNode)))) {
        best = e;
        bestNode = node;
      }
      return true;
    }

    /**
     * Decides a node of unknown status by a binary search for the anonymity boundary on a path from
     * it to the top of the lattice (Flash): each failure found prunes a whole cone of
     * specialisations, each success a cone of generalisations.
     */
    void searchPath(int node) {
      int steps = 0;
      for (int a = 0; a < lattice.m; a++) {
        steps += lattice.radix[a] - 1;
      }
      int[] path = new int[steps + 1];
      int length = 0;
      path[length++] = node;
      int[] levels = lattice.levels(node);
      while (true) {
        int bestAttribute = -1;
        double bestBound = Double.POSITIVE_INFINITY;
        int current = path[length - 1];
        for (int a = 0; a < lattice.m; a++) {
          if (levels[a] < lattice.maxLevel[a]) {
            int next = (int) (current + lattice.stride[a]);
            if (bounds[next] < bestBound) {
              bestBound = bounds[next];
              bestAttribute = a;
            }
          }
        }
        if (bestAttribute < 0) {
          break;
        }
        levels[bestAttribute]++;
        path[length++] = (int) (current + lattice.stride[bestAttribute]);
      }
      // Invariant: path[lo - 1] fails (or lo == 0), path[hi] passes (or hi == length).
      int lo = 0;
      int hi = length;
      while (lo < hi && state[path[lo]] != FAILS) {
        int mid = (lo + hi) >>> 1;
        int p = path[mid];
        boolean passes;
        if (state[p] == FAILS) {
          passes = false;
        } else if (state[p] != UNKNOWN || evaluated[p]) {
          passes = true;
        } else {
          passes = evaluate(p);
        }
        if (passes) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      if (state[node] != FAILS && !evaluated[node]) {
        evaluate(node);
      }
    }

    /** Marks a node's specialisations (direction -1) or generalisations (+1), transitively. */
    private void mark(int node, byte value, int direction) {
      int[] stack = new int[64];
      int top = 0;
      stack[top++] = node;
      while (top > 0) {
        int current = stack[--top];
        int[] levels = lattice.levels(current);
        for (int a = 0; a < lattice.m; a++) {
          int next = levels[a] + direction;
          if (next < lattice.minLevel[a] || next > lattice.maxLevel[a]) {
            continue;
          }
          int neighbour = (int) (current + direction * lattice.stride[a]);
          if (direction < 0 ? state[neighbour] == FAILS : state[neighbour] >= value) {
            continue;
          }
          state[neighbour] = value;
          if (top == stack.length) {
            stack = Arrays.copyOf(stack, top * 2);
          }
          stack[top++] = neighbour;
        }
      }
    }
  }
}
