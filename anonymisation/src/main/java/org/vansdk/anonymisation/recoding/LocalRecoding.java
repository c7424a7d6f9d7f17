package org.vansdk.anonymisation.recoding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vansdk.anonymisation.AnonymisationException;
import org.vansdk.anonymisation.hierarchy.Hierarchy;
import org.vansdk.anonymisation.search.Dataset;
import org.vansdk.anonymisation.search.FullDomainSearch;
import org.vansdk.anonymisation.search.LossModel;
import org.vansdk.anonymisation.search.PrivacyModel;
import org.vansdk.anonymisation.search.SearchResult;

/**
 * Partitioned local recoding. Records are grouped by the code of one quasi-identifier at one level;
 * each group is searched on its own (optimal full-domain, same models, a suppression budget of
 * {@code floor(limit * group size)}, so the total never exceeds {@code floor(limit * n)}). A group
 * that cannot be protected on its own (too small, or too diverse) joins a remainder group searched
 * the same way; if even the remainder cannot be protected, it is suppressed whole when the overall
 * budget {@code floor(limit * n)} allows, and the run fails otherwise. Released classes of
 * different groups are disjoint or merge into larger ones, so k-anonymity and distinct l-diversity
 * of each group carry over to the whole release.
 *
 * <p>Immutable once built; {@link #run()} is deterministic.
 */
public final class LocalRecoding {
  private final Dataset data;
  private final int partitionAttribute;
  private final int partitionLevel;
  private final List<PrivacyModel> models;
  private final double suppressionLimit;
  private final LossModel loss;

  private LocalRecoding(Builder b) {
    this.data = b.data;
    this.partitionAttribute = b.attribute;
    this.partitionLevel = b.level;
    this.models = List.copyOf(b.models);
    this.suppressionLimit = b.limit;
    this.loss = b.loss;
  }

  /**
   * Starts configuring local recoding of a dataset.
   *
   * @param data the dataset
   * @return a builder
   */
  public static Builder builder(Dataset data) {
    return new Builder(data);
  }

  /** Configures {@link LocalRecoding}. Not thread-safe. */
  public static final class Builder {
    private final Dataset data;
    private int attribute = -1;
    private int level;
    private final List<PrivacyModel> models = new ArrayList<>();
    private double limit;
    private LossModel loss = LossModel.loss();

    private Builder(Dataset data) {
      this.data = data;
    }

    /**
     * Partitions the records by a quasi-identifier generalised to a level.
     *
     * @param qi the quasi-identifier index
     * @param level the level whose values define the groups
     * @return this builder
     */
    public Builder partitionBy(int qi, int level) {
      if (qi < 0
          || qi >= data.quasiIdentifierCount()
          || level < 0
          || level >= data.hierarchy(qi).levels()) {
        throw new AnonymisationException(
            AnonymisationException.INVALID_CONFIGURATION,
            "partition attribute " + qi + " at level " + level + " is outside the dataset");
      }
      this.attribute = qi;
      this.level = level;
      return this;
    }

    /**
     * Adds a privacy model.
     *
     * @param model the model
     * @return this builder
     */
    public Builder privacy(PrivacyModel model) {
      models.add(model);
      return this;
    }

    /**
     * Sets the suppression limit.
     *
     * @param limit a fraction in [0, 1]
     * @return this builder
     */
    public Builder suppressionLimit(double limit) {
      this.limit = limit;
      return this;
    }

    /**
     * Sets the loss model.
     *
     * @param model the model
     * @return this builder
     */
    public Builder loss(LossModel model) {
      this.loss = model;
      return this;
    }

    /**
     * Builds the recoding.
     *
     * @return the recoding
     * @throws AnonymisationException {@code VAN-A-0003} if no partition attribute was set
     */
    public LocalRecoding build() {
      if (attribute < 0) {
        throw new AnonymisationException(
            AnonymisationException.INVALID_CONFIGURATION, "local recoding needs partitionBy(...)");
      }
      return new LocalRecoding(this);
    }
  }

  /**
   * Runs the recoding.
   *
   * @return the per-group results
   * @throws AnonymisationException {@code VAN-A-0006} if the remainder group cannot be protected
   */
  public LocalRecodingResult run() {
    Hierarchy h = data.hierarchy(partitionAttribute);
    Map<Integer, List<Integer>> groups = new TreeMap<>();
    for (int row = 0; row < data.size(); row++) {
      int code = h.code(data.leaf(partitionAttribute, row), partitionLevel);
      groups.computeIfAbsent(code, c -> new ArrayList<>()).add(row);
    }
    Map<int[], SearchResult> results = new LinkedHashMap<>();
    List<Integer> remainder = new ArrayList<>();
    for (List<Integer> rows : groups.values()) {
      int[] indices = rows.stream().mapToInt(Integer::intValue).toArray();
      try {
        results.put(indices, search(data.subset(indices)));
      } catch (AnonymisationException e) {
        if (!e.code().equals(AnonymisationException.NO_SOLUTION)) {
          throw e;
        }
        remainder.addAll(rows);
      }
    }
    if (!remainder.isEmpty()) {
      int[] indices = remainder.stream().mapToInt(Integer::intValue).sorted().toArray();
      try {
        results.put(indices, search(data.subset(indices)));
      } catch (AnonymisationException e) {
        if (!e.code().equals(AnonymisationException.NO_SOLUTION)) {
          throw e;
        }
        // Suppress the remainder whole if the overall budget allows it.
        long used = results.values().stream().mapToLong(SearchResult::suppressedCount).sum();
        long budget =
            FullDomainSearch.builder(data)
                .suppressionLimit(suppressionLimit)
                .build()
                .maxSuppressed();
        if (used + indices.length > budget) {
          throw e;
        }
        results.put(indices, null);
      }
    }
    return new LocalRecodingResult(data, results, loss);
  }

  private SearchResult search(Dataset part) {
    FullDomainSearch.Builder b =
        FullDomainSearch.builder(part).suppressionLimit(suppressionLimit).loss(loss);
    models.forEach(b::privacy);
    return b.build().run();
  }
}
