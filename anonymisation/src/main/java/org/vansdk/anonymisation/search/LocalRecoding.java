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
 * full-domain solution, and the better of the two is kept.
 *
 * <p><b>Priorities.</b> A caller may also say what the release should keep for as many records as
 * it can ({@link Builder#priority(double, int...)}, e.g. province and year, then sex and 5-year age
 * band). Specialising from one start cannot serve them: whichever attribute is split first
 * fragments the records the others need. Instead, a cascade of starting nodes is tried: every
 * combination of the priorities' attributes between the finest level a priority asks for and the
 * highest allowed, the other attributes at their highest ({@link CascadeNodes}). At each node in
 * turn, the records not yet placed are grouped by their values there; the groups that pass the
 * models become classes, which are then specialised as above (so device, activity or month come
 * back wherever the class can afford them), and the rest go on to the next node. Which node comes
 * first decides which records keep what: nodes meeting more priority weight come first, less so the
 * more they lose; a grid of weightings ({@link #RATIOS}) and loss trade-offs ({@link #LAMBDAS})
 * gives 24 candidates. Among those losing less than the global optimum, the one meeting the wanted
 * shares of the most priorities in order is returned, then the one keeping most records at the
 * priorities' levels, then the one losing least; when none loses less than the global optimum, the
 * loss alone decides, as without priorities. A cascade places records in the classes of their first
 * passing node, so its classes pass every model as the specialised ones do.
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
  /** The trade-offs between priorities and loss the cascade tries (see {@link CascadeNodes}). */
  private static final double[] LAMBDAS = {0, 4, 8, 16};

  /**
   * The weightings of the priorities the cascade tries: each priority weighs this ratio times the
   * one before, from clearly favouring the first to weighing them alike.
   */
  private static final double[] RATIOS = {0.5, 0.6, 0.7, 0.8, 0.9, 1};

  private final FullDomainSearch search;
  private final Dataset data;
  private final List<PrivacyModel> models;
  private final LossModel loss;
  private final int[] minLevel;
  private final int[] maxLevel;
  private final List<int[]> priorities;
  private final double[] shares;

  private LocalRecoding(Builder b) {
    this.search = b.search.build();
    this.data = search.data();
    this.models = search.models();
    this.loss = search.loss();
    this.minLevel = search.minLevels();
    this.maxLevel = search.maxLevels();
    this.priorities = List.copyOf(b.priorities);
    this.shares = new double[b.shares.size()];
    for (int i = 0; i < shares.length; i++) {
      shares[i] = b.shares.get(i);
    }
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
    private final List<Double> shares = new ArrayList<>();

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
     * Adds a priority: levels the release should keep for as many records as it can, after the
     * priorities added before it; the same as {@link #priority(double, int...)} with no wanted
     * share.
     *
     * @param levels one level per quasi-identifier
     * @return this builder
     * @throws AnonymisationException {@code VAN-A-0003} if the array does not have one level per
     *     quasi-identifier
     */
    public Builder priority(int... levels) {
      return priority(0, levels);
    }

    /**
     * Adds a priority: levels the release should keep for as many records as it can, after the
     * priorities added before it, and the share of all records (suppressed ones included) wanted at
     * those levels or finer. With priorities, local recoding tries cascades that favour them (see
     * {@link LocalRecoding}) and keeps, among those losing less than the global optimum, the one
     * meeting the wanted shares of the most priorities in order, then the one keeping most records
     * at the priorities' levels (the first priority counting twice the second, and so on), then the
     * lower loss; when none loses less than the global optimum, the loss alone decides, as without
     * priorities. A level above an attribute's allowed maximum means "any"; below its minimum it
     * counts as the minimum.
     *
     * @param share the wanted share, between 0 (as many as possible) and 1
     * @param levels one level per quasi-identifier
     * @return this builder
     * @throws AnonymisationException {@code VAN-A-0003} if the array does not have one level per
     *     quasi-identifier or the share is outside [0, 1]
     */
    public Builder priority(double share, int... levels) {
      if (levels.length != quasiIdentifiers) {
        throw new AnonymisationException(
            AnonymisationException.INVALID_CONFIGURATION,
            "a priority needs one level per quasi-identifier ("
                + quasiIdentifiers
                + "), got "
                + levels.length);
      }
      if (!(share >= 0 && share <= 1)) {
        throw new AnonymisationException(
            AnonymisationException.INVALID_CONFIGURATION,
            "a priority's share must be between 0 and 1, got " + share);
      }
      priorities.add(levels.clone());
      shares.add(share);
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
    if (!priorities.isEmpty()) {
      LocalRecodingResult prioritised = prioritised(privacy, start, budget, global);
      if (prioritised != null) {
        return prioritised;
      }
    }
    LocalRecodingResult best = null;
    if (global != null) {
      best = candidate(privacy, start, global.levels(), global.suppressedRows(), budget, global);
    }
    LocalRecodingResult fromTop = candidate(privacy, start, maxLevel, new BitSet(), budget, global);
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
   * The prioritised candidate, among those that lose less than the global optimum (null when none
   * does): the one meeting the wanted shares of the most priorities in order, then the one of
   * highest score (the share of records meeting each priority, each weighing half the one before),
   * then the lower loss. Candidates come from cascades of starting nodes ({@link CascadeNodes}),
   * each ordered for one weighting of the priorities ({@link #RATIOS}) and one trade-off against
   * the loss ({@link #LAMBDAS}), then specialised class by class as far as the models allow.
   */
  private LocalRecodingResult prioritised(
      PrivacyModel[] privacy, double[] start, long budget, SearchResult global) {
    int[][] wanted = clampedPriorities();
    CascadeNodes nodes = new CascadeNodes(data, loss, minLevel, maxLevel, wanted);
    LocalRecodingResult chosen = null;
    long[] chosenMeeting = null;
    for (double ratio : RATIOS) {
      double[] weights = new double[wanted.length];
      for (int i = 0; i < weights.length; i++) {
        weights[i] = i == 0 ? 1 : ratio * weights[i - 1];
      }
      for (double lambda : LAMBDAS) {
        TopDownSpecialisation engine =
            new TopDownSpecialisation(data, privacy, loss, minLevel, start);
        Cascade.run(engine, nodes.ordered(lambda, weights));
        LocalRecodingResult c = result(engine, budget, global);
        if (c == null || (global != null && !(c.loss() < global.loss()))) {
          continue;
        }
        long[] meeting = meeting(c, wanted);
        if (chosen == null || better(c, meeting, chosen, chosenMeeting)) {
          chosen = c;
          chosenMeeting = meeting;
        }
      }
    }
    return chosen;
  }

  /** Whether candidate a is preferred to b: wanted shares met in order, score, then loss. */
  private boolean better(
      LocalRecodingResult a, long[] aMeeting, LocalRecodingResult b, long[] bMeeting) {
    long n = data.size();
    for (int i = 0; i < shares.length; i++) {
      boolean aMet = aMeeting[i] >= shares[i] * n;
      boolean bMet = bMeeting[i] >= shares[i] * n;
      if (aMet != bMet) {
        return aMet;
      }
    }
    double aScore = score(aMeeting);
    double bScore = score(bMeeting);
    if (aScore != bScore) {
      return aScore > bScore;
    }
    return a.loss() < b.loss();
  }

  /** Sum over priorities of the share of records meeting it, each weighing half the one before. */
  private double score(long[] meeting) {
    double score = 0;
    double weight = 1;
    for (long m : meeting) {
      score += weight * m / Math.max(1, data.size());
      weight /= 2;
    }
    return score;
  }

  /** Each priority's levels within the allowed range. */
  private int[][] clampedPriorities() {
    int m = minLevel.length;
    int[][] clamped = new int[priorities.size()][m];
    for (int i = 0; i < priorities.size(); i++) {
      for (int a = 0; a < m; a++) {
        clamped[i][a] = Math.max(minLevel[a], Math.min(maxLevel[a], priorities.get(i)[a]));
      }
    }
    return clamped;
  }

  /** The released records meeting each priority (every level at or below the priority's). */
  private long[] meeting(LocalRecodingResult r, int[][] wanted) {
    long[] meeting = new long[wanted.length];
    int n = data.size();
    for (int row = 0; row < n; row++) {
      if (r.isSuppressed(row)) {
        continue;
      }
      for (int p = 0; p < wanted.length; p++) {
        boolean meets = true;
        for (int a = 0; a < wanted[p].length && meets; a++) {
          meets = r.level(a, row) <= wanted[p][a];
        }
        meeting[p] += meets ? 1 : 0;
      }
    }
    return meeting;
  }

  private LocalRecodingResult candidate(
      PrivacyModel[] privacy,
      double[] startLoss,
      int[] start,
      BitSet withheld,
      long budget,
      SearchResult global) {
    TopDownSpecialisation engine =
        new TopDownSpecialisation(data, privacy, loss, minLevel, startLoss);
    engine.run(start, maxLevel, withheld);
    return result(engine, budget, global);
  }

  /** The engine's release, or null when it suppresses more than the budget. */
  private LocalRecodingResult result(
      TopDownSpecialisation engine, long budget, SearchResult global) {
    if (engine.suppressed.cardinality() > budget) {
      return null;
    }
    return LocalRecodingResult.ofLocal(
        data, engine.levels, engine.suppressed, engine.sums(), loss, global, engine.partitions());
  }
}
