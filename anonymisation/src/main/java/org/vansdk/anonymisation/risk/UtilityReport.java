package org.vansdk.anonymisation.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a release still lets analysts do, beside the {@link RiskReport} of what it risks: for each
 * quasi-identifier, how many records are released at each level of its hierarchy, and for each
 * question the release is meant to answer, how many records are usable for it (released with every
 * attribute it needs at or below the level it needs). Suppressed records count in the totals and
 * are usable for no question.
 *
 * @param records records in the release, suppressed ones included
 * @param suppressedRecords records whose quasi-identifiers were all withheld
 * @param attributes per quasi-identifier, in column order, the records at each level
 * @param questions per question, the records usable for it
 * @since 1.0
 */
public record UtilityReport(
    long records,
    long suppressedRecords,
    List<AttributeLevels> attributes,
    List<Answer> questions) {

  /** Copies the lists. */
  public UtilityReport {
    attributes = List.copyOf(attributes);
    questions = List.copyOf(questions);
  }

  /**
   * The records released at each level of one quasi-identifier.
   *
   * @param attribute the quasi-identifier
   * @param levelNames the name of each level, finest first, e.g. {@code 5-year band}
   * @param records the number of released records at each level, index = level
   */
  public record AttributeLevels(String attribute, List<String> levelNames, List<Long> records) {
    /** Copies the lists. */
    public AttributeLevels {
      levelNames = List.copyOf(levelNames);
      records = List.copyOf(records);
    }
  }

  /**
   * A question a release should answer: a count by some attributes, each needed at a level or
   * finer.
   *
   * @param text what an analyst asks, e.g. {@code casualties by province and year}
   * @param maxLevels the attributes it needs, each with the coarsest level that still answers it
   */
  public record Question(String text, Map<String, Integer> maxLevels) {
    /** Copies the map. */
    public Question {
      maxLevels = Map.copyOf(maxLevels);
    }
  }

  /**
   * How many records of a release are usable for a question.
   *
   * @param question the question
   * @param usableRecords released records with every attribute the question needs at or below its
   *     level
   */
  public record Answer(Question question, long usableRecords) {}

  /** The level of a record's quasi-identifier in a release. */
  @FunctionalInterface
  public interface Levels {
    /**
     * Returns the level of a released record's quasi-identifier.
     *
     * @param qi the quasi-identifier index
     * @param row the record index
     * @return the level
     */
    int level(int qi, int row);
  }

  /** Whether a record is suppressed. */
  @FunctionalInterface
  public interface Suppressed {
    /**
     * Returns whether the record is withheld.
     *
     * @param row the record index
     * @return true if suppressed
     */
    boolean test(int row);
  }

  /**
   * Measures a release.
   *
   * @param records the number of records
   * @param attributes the quasi-identifiers in column order, each with its level names
   * @param levels the level of each released record's quasi-identifier
   * @param suppressed whether a record is suppressed
   * @param questions the questions to answer
   * @return the report
   */
  public static UtilityReport measure(
      int records,
      Map<String, List<String>> attributes,
      Levels levels,
      Suppressed suppressed,
      List<Question> questions) {
    List<String> names = new ArrayList<>(attributes.keySet());
    int m = names.size();
    long[][] counts = new long[m][];
    for (int a = 0; a < m; a++) {
      counts[a] = new long[Objects.requireNonNull(attributes.get(names.get(a))).size()];
    }
    int[][] needs = new int[questions.size()][m];
    for (int q = 0; q < questions.size(); q++) {
      for (int a = 0; a < m; a++) {
        needs[q][a] = questions.get(q).maxLevels().getOrDefault(names.get(a), Integer.MAX_VALUE);
      }
    }
    long[] usable = new long[questions.size()];
    long withheld = 0;
    int[] row = new int[m];
    for (int r = 0; r < records; r++) {
      if (suppressed.test(r)) {
        withheld++;
        continue;
      }
      for (int a = 0; a < m; a++) {
        row[a] = levels.level(a, r);
        counts[a][row[a]]++;
      }
      for (int q = 0; q < needs.length; q++) {
        boolean ok = true;
        for (int a = 0; a < m && ok; a++) {
          ok = row[a] <= needs[q][a];
        }
        if (ok) {
          usable[q]++;
        }
      }
    }
    List<AttributeLevels> perAttribute = new ArrayList<>();
    for (int a = 0; a < m; a++) {
      List<Long> c = new ArrayList<>();
      for (long v : counts[a]) {
        c.add(v);
      }
      perAttribute.add(
          new AttributeLevels(
              names.get(a), Objects.requireNonNull(attributes.get(names.get(a))), c));
    }
    List<Answer> answers = new ArrayList<>();
    for (int q = 0; q < questions.size(); q++) {
      answers.add(new Answer(questions.get(q), usable[q]));
    }
    return new UtilityReport(records, withheld, perAttribute, answers);
  }

  /**
   * Returns the share of records usable for a question.
   *
   * @param answer one of this report's answers
   * @return between 0 and 1; 0 for an empty release
   */
  public double share(Answer answer) {
    return records == 0 ? 0 : answer.usableRecords() / (double) records;
  }

  /**
   * Writes the report as text for a terminal: one line per quasi-identifier with the share of
   * records at each level that holds any, then one line per question.
   *
   * @return lines ending with {@code \n}
   */
  public String toText() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "utility: share of %,d casualties released at each level (%.1f%% suppressed)%n",
            records,
            percent(suppressedRecords)));
    for (AttributeLevels a : attributes) {
      out.append(String.format(Locale.ROOT, "  %-13s", a.attribute()));
      List<String> parts = new ArrayList<>();
      for (int level = 0; level < a.records().size(); level++) {
        long n = a.records().get(level);
        if (n > 0) {
          parts.add(String.format(Locale.ROOT, "%s %.1f%%", a.levelNames().get(level), percent(n)));
        }
      }
      out.append(String.join(", ", parts)).append('\n');
    }
    out.append("questions the release can still answer:\n");
    for (Answer answer : questions) {
      out.append(
          String.format(
              Locale.ROOT,
              "  %s: %.1f%% of records usable%n",
              answer.question().text(),
              100 * share(answer)));
    }
    return out.toString();
  }

  private double percent(long n) {
    return records == 0 ? 0 : 100d * n / records;
  }
}
