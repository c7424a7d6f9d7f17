package org.vansdk.anonymisation.search;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.vansdk.anonymisation.AnonymisationException;

/**
 * Local (multidimensional) recoding over the generalisation hierarchies: records of one released
 * class may be generalised to other levels than records of another, so a few rare records no longer
 * drag everyone up as they do in full-domain recoding.
 *
 * <p><b>Method: top-down specialisation constrained to hierarchy cuts.</b> The optimal full-domain
 * solution ({@link FullDomainSearch}, same models, loss and limit) is computed first. Its classes
 * are the starting partitions; each is then specialised one hierarchy level at a time, choosing at
 * every step the quasi-identifier whose specialisation lowers the declared loss most. The records
 * of a step are grouped by their finer value; groups that satisfy every privacy model become
 * partitions of their own, and groups that do not stay together at the coarser value (a remainder).
 * When the remainder is too small, passing groups that can spare records lend it just enough of
 * them (k-anonymity alone; with a model on the sensitive attribute the smallest passing groups join
 * it whole), so a few rare values no longer pull whole groups up. Records the full-domain solution
 * suppresses are grouped at the highest allowed levels and specialised the same way, so they are
 * released whenever their group passes. A second run starts from the highest levels instead of the
 * full-domain solution, and the better of the two is kept. A caller may also set priorities ({@link
 * Builder#priority}): four runs from the highest levels then specialise every class towards them
 * first (see there), and the one keeping most records at the priorities' levels is returned when it
 * loses less than the global optimum; otherwise the loss decides.
 *
 * <p>Why this method: starting from the full-domain optimum and only ever specialising makes every
 * record's cost at most its full-domain cost, so the result is never worse than the global optimum
 * (it is still compared with it, and the global solution is returned when it is not strictly
 * better); specialising along hierarchy levels keeps every released value a label of the hierarchy,
 * which Mondrian's numeric ranges would not; each step is one counting pass over the partition's
 * records, so the work grows with records times levels rather than with the lattice, which ARX's
 * iterated full-domain search revisits once per iteration. Privacy is checked on every class when
 * it is formed: k-anonymity, distinct and entropy l-diversity (any {@link PrivacyModel}). Released
 * classes with equal values merge into larger ones, which keeps all of these. The run is
 * deterministic: the same data and configuration give the same result.
 *
 * <p>Instances are immutable; {@link #run()} may be called from several threads.
 */
public final class LocalRecoding {
  private final FullDomainSearch search;
  private final Dataset data;
  private final List<PrivacyModel> models;
  private final LossModel loss;
  private final int[] minLevel;
  private final int[] maxLevel;
  private final List<int[]> priorities;

  private LocalRecoding(Builder b) {
    this.search = b.search.build();
    this.data = search.data();
    this.models = search.models();
    this.loss = search.loss();
    this.minLevel = search.minLevels();
    this.maxLevel = search.maxLevels();
    this.priorities = List.copyOf(b.priorities);
  }

  /**
   * Starts configuring local recoding of a dataset.
   *
   * @param data the dataset
   * @return a builder with no privacy model, no suppression and the {@link LossModel#loss()} model
   */
  public static Builder builder(Dataset data) {
    return new Builder(data);
  }

  /**
   * Configures {@link LocalRecoding}: the configuration of its {@link FullDomainSearch} (which it
   * starts from and is compared with), plus priorities. Not thread-safe.
   */
  public static final class Builder {
    private final FullDomainSearch.Builder search;
    private final int quasiIdentifiers;
    private final List<int[]> priorities = new ArrayList<>();

    private Builder(Dataset data) {
      this.search = FullDomainSearch.builder(data);
      this.quasiIdentifiers = data.quasiIdentifierCount();
    }

    /**
     * Adds a privacy model every released class must satisfy.
     *
     * @param model the model
     * @return this builder
     */
    public Builder privacy(PrivacyModel model) {
      search.privacy(model);
      return this;
    }

    /**
     * Sets the information-loss model to minimise.
     *
     * @param model the model
     * @return this builder
     */
    public Builder loss(LossModel model) {
      search.loss(model);
      return this;
    }

    /**
     * Sets the record suppression limit, as {@link FullDomainSearch.Builder#suppressionLimit}.
     *
     * @param limit between 0 and 1 inclusive
     * @return this builder
     * @throws AnonymisationException {@code VAN-A-0003} if out of range
     */
    public Builder suppressionLimit(double limit) {
      search.suppressionLimit(limit);
      return this;
    }

    /**
     * Restricts the levels a quasi-identifier may take, as {@link FullDomainSearch.Builder#levels}.
     *
     * @param qi the quasi-identifier index
     * @param min the lowest allowed level
     * @param max the highest allowed level, at least {@code min}
     * @return this builder
     * @throws AnonymisationException {@code VAN-A-0003} if the range is outside the hierarchy
     */
    public Builder levels(int qi, int min, int max) {
      search.levels(qi, min, max);
      return this;
    }

    /**
     * Adds a priority: the levels a release should keep for as many records as it can, after the
     * priorities added before it (each priority also keeps the earlier ones' levels). With
     * priorities, candidates that specialise every class towards them before any other detail are
     * tried first, and the one keeping most records at the priorities' levels (the first priority
     * counting twice the second, and so on) is returned when it loses less than the global optimum;
     * otherwise the loss alone decides, as without priorities. A level above an attribute's allowed
     * maximum means "any"; below its minimum it counts as the minimum.
     *
     * @param levels one level per quasi-identifier
     * @return this builder
     * @throws AnonymisationException {@code VAN-A-0003} if the array does not have one level per
     *     quasi-identifier
     */
    public Builder priority(int... levels) {
      if (levels.length != quasiIdentifiers) {
        throw new AnonymisationException(
            AnonymisationException.INVALID_CONFIGURATION,
            "a priority stage needs one level per quasi-identifier ("
                + quasiIdentifiers
                + "), got "
                + levels.length);
      }
      priorities.add(levels.clone());
      return this;
    }

    /**
     * Builds the recoding.
     *
     * @return the recoding
     */
    public LocalRecoding build() {
      return new LocalRecoding(this);
    }
  }

  /**
   * Returns the full-domain search with the same configuration, whose optimum this recoding starts
   * from and is compared with.
   *
   * @return the search
   */
  public FullDomainSearch globalSearch() {
    return search;
  }

  /**
   * Runs the recoding.
   *
   * @return the release of least loss among the local candidates and the global optimum
   * @throws AnonymisationException {@code VAN-A-0006} if neither the global search nor local
   *     recoding satisfies the models within the suppression limit
   */
  public LocalRecodingResult run() {
    long budget = search.maxSuppressed();
    SearchResult global = null;
    AnonymisationException noSolution = null;
    try {
      global = search.run();
    } catch (AnonymisationException e) {
      if (!e.code().equals(AnonymisationException.NO_SOLUTION)) {
        throw e;
      }
      noSolution = e;
    }
    PrivacyModel[] privacy = models.toArray(new PrivacyModel[0]);
    double[] start =
        global != null ? global.attributeLoss() : new double[data.quasiIdentifierCount()];
    int[][] lossOnly = {minLevel};
    if (!priorities.isEmpty()) {
      LocalRecodingResult prioritised = prioritised(privacy, start, budget, global);
      if (prioritised != null) {
        return prioritised;
      }
    }
    LocalRecodingResult best = null;
    if (global != null) {
      best =
          candidate(
              privacy, start, lossOnly, global.levels(), global.suppressedRows(), budget, global);
    }
    LocalRecodingResult fromTop =
        candidate(privacy, start, lossOnly, maxLevel, new BitSet(), budget, global);
    if (fromTop != null && (best == null || fromTop.loss() < best.loss())) {
      best = fromTop;
    }
    if (global != null && (best == null || !(best.loss() < global.loss()))) {
      return LocalRecodingResult.ofGlobal(data, global, loss);
    }
    if (best == null) {
      throw noSolution;
    }
    return best;
  }

  /**
   * The prioritised candidate that keeps most of what the priorities ask for, among those that lose
   * less than the global optimum; null when none does. Four ways of specialising are tried: the
   * priority stages one after the other or all at once, each either leaving the attributes no
   * priority names at their highest levels until the priorities are met or letting them go one
   * level down alongside. They are scored by the share of released records meeting each
   * (cumulative) priority, each priority weighing half the one before; ties go to the lower loss.
   */
  private LocalRecodingResult prioritised(
      PrivacyModel[] privacy, double[] start, long budget, SearchResult global) {
    int[][] cumulative = cumulativePriorities();
    LocalRecodingResult chosen = null;
    double chosenScore = -1;
    for (boolean joint : new boolean[] {false, true}) {
      for (boolean companions : new boolean[] {false, true}) {
        int[][] stages = stages(cumulative, joint, companions);
        LocalRecodingResult c =
            candidate(privacy, start, stages, maxLevel, new BitSet(), budget, global);
        if (c == null || (global != null && !(c.loss() < global.loss()))) {
          continue;
        }
        double score = score(c, cumulative);
        if (chosen == null
            || score > chosenScore
            || (score == chosenScore && c.loss() < chosen.loss())) {
          chosen = c;
          chosenScore = score;
        }
      }
    }
    return chosen;
  }

  /** Priority stage i holds the finest level any stage up to i asks for, within the allowed. */
  private int[][] cumulativePriorities() {
    int m = minLevel.length;
    int[][] cumulative = new int[priorities.size()][m];
    for (int i = 0; i < priorities.size(); i++) {
      for (int a = 0; a < m; a++) {
        int level = Math.max(minLevel[a], Math.min(maxLevel[a], priorities.get(i)[a]));
        cumulative[i][a] = i == 0 ? level : Math.min(cumulative[i - 1][a], level);
      }
    }
    return cumulative;
  }

  private int[][] stages(int[][] cumulative, boolean joint, boolean companions) {
    int m = minLevel.length;
    int[] last = cumulative[cumulative.length - 1];
    int[][] chosen = joint ? new int[][] {last} : cumulative;
    int[][] stages = new int[chosen.length + 1][];
    for (int i = 0; i < chosen.length; i++) {
      stages[i] = chosen[i].clone();
      for (int a = 0; a < m && companions; a++) {
        if (last[a] == maxLevel[a] && maxLevel[a] - 1 > minLevel[a]) {
          stages[i][a] = maxLevel[a] - 1;
        }
      }
    }
    stages[chosen.length] = minLevel;
    return stages;
  }

  /** Sum over priorities of the share of records released at or below its levels, halving. */
  private double score(LocalRecodingResult r, int[][] cumulative) {
    int n = data.size();
    double score = 0;
    double weight = 1;
    for (int[] stage : cumulative) {
      int meeting = 0;
      for (int row = 0; row < n; row++) {
        if (r.isSuppressed(row)) {
          continue;
        }
        boolean meets = true;
        for (int a = 0; a < stage.length && meets; a++) {
          meets = r.level(a, row) <= stage[a];
        }
        meeting += meets ? 1 : 0;
      }
      score += weight * meeting / Math.max(1, n);
      weight /= 2;
    }
    return score;
  }

  private LocalRecodingResult candidate(
      PrivacyModel[] privacy,
      double[] startLoss,
      int[][] stages,
      int[] start,
      BitSet withheld,
      long budget,
      SearchResult global) {
    TopDownSpecialisation engine =
        new TopDownSpecialisation(data, privacy, loss, stages, startLoss);
    engine.run(start, maxLevel, withheld);
    if (engine.suppressed.cardinality() > budget) {
      return null;
    }
    return LocalRecodingResult.ofLocal(
        data, engine.levels, engine.suppressed, engine.sums(), loss, global, engine.partitions());
  }
}
