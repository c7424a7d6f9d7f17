package org.vansdk.anonymisation.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vansdk.anonymisation.AnonymisationException;
import org.vansdk.anonymisation.hierarchy.Hierarchy;

/**
 * A compact, integer-encoded table: one column of leaf numbers per quasi-identifier (each with its
 * {@link Hierarchy}) and optionally one sensitive attribute with its own dictionary. Built once,
 * then read by searches and risk reports; no per-record objects are kept.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class Dataset {
  final Hierarchy[] hierarchies;
  final int[][] columns; // [qi][row] leaf numbers
  final String sensitiveName; // null when absent
  final String[] sensitiveLabels; // empty when absent
  final int[] sensitive; // null when absent
  final int rows;

  private Dataset(
      Hierarchy[] hierarchies,
      int[][] columns,
      String sensitiveName,
      String[] sensitiveLabels,
      int[] sensitive,
      int rows) {
    this.hierarchies = hierarchies;
    this.columns = columns;
    this.sensitiveName = sensitiveName;
    this.sensitiveLabels = sensitiveLabels;
    this.sensitive = sensitive;
    this.rows = rows;
  }

  /**
   * Creates a dataset from columns of leaf numbers, e.g. produced by a generator.
   *
   * @param quasiIdentifiers the hierarchy of each column
   * @param columns one array of leaf numbers per quasi-identifier, all of the same length; copied
   * @return the dataset
   * @throws AnonymisationException {@code VAN-A-0001} if a leaf number is out of range
   */
  public static Dataset ofColumns(List<Hierarchy> quasiIdentifiers, int[][] columns) {
    Hierarchy[] hs = quasiIdentifiers.toArray(new Hierarchy[0]);
    if (hs.length != columns.length || hs.length == 0) {
      throw new AnonymisationException(
          AnonymisationException.INVALID_CONFIGURATION,
          "dataset has "
              + columns.length
              + " columns for "
              + hs.length
              + " hierarchies; one column per hierarchy, at least one");
    }
    int n = columns[0].length;
    int[][] copy = new int[hs.length][];
    for (int a = 0; a < hs.length; a++) {
      if (columns[a].length != n) {
        throw new AnonymisationException(
            AnonymisationException.INVALID_CONFIGURATION,
            "column " + hs[a].attribute() + " has a different length from the first column");
      }
      copy[a] = columns[a].clone();
      int leaves = hs[a].leafCount();
      for (int v : copy[a]) {
        if (v < 0 || v >= leaves) {
          throw new AnonymisationException(
              AnonymisationException.VALUE_OUTSIDE_HIERARCHY,
              "a leaf number of " + hs[a].attribute() + " is outside 0.." + (leaves - 1));
        }
      }
    }
    return new Dataset(hs, copy, null, new String[0], null, n);
  }

  /**
   * Creates a dataset from columns of leaf numbers and a column of sensitive value codes.
   *
   * @param quasiIdentifiers the hierarchy of each column
   * @param columns one array of leaf numbers per quasi-identifier, all of the same length; copied
   * @param sensitive the sensitive attribute: its name, labels and one code per record
   * @return the dataset
   * @throws AnonymisationException {@code VAN-A-0001} if a leaf number or sensitive code is out of
   *     range
   */
  public static Dataset ofColumns(
      List<Hierarchy> quasiIdentifiers, int[][] columns, SensitiveColumn sensitive) {
    Dataset d = ofColumns(quasiIdentifiers, columns);
    int[] codes = sensitive.codes();
    if (codes.length != d.rows) {
      throw new AnonymisationException(
          AnonymisationException.INVALID_CONFIGURATION,
          "the sensitive column has " + codes.length + " values for " + d.rows + " records");
    }
    for (int code : codes) {
      if (code < 0 || code >= sensitive.labels().size()) {
        throw new AnonymisationException(
            AnonymisationException.VALUE_OUTSIDE_HIERARCHY,
            "a code of "
                + sensitive.name()
                + " is outside its "
                + sensitive.labels().size()
                + " labels");
      }
    }
    return new Dataset(
        d.hierarchies,
        d.columns,
        sensitive.name(),
        sensitive.labels().toArray(new String[0]),
        codes,
        d.rows);
  }

  /**
   * A sensitive attribute given as codes.
   *
   * @param name the attribute name
   * @param labels the value of each code
   * @param codes one code per record, indexing {@code labels}; copied
   */
  public record SensitiveColumn(String name, List<String> labels, int[] codes) {
    /** Copies the labels and codes. */
    public SensitiveColumn {
      labels = List.copyOf(labels);
      codes = codes.clone();
    }

    /**
     * Returns the codes.
     *
     * @return a copy
     */
    @Override
    public int[] codes() {
      return codes.clone();
    }
  }

  /**
   * Starts a builder that encodes rows of strings.
   *
   * @param quasiIdentifiers the hierarchy of each quasi-identifier, in column order
   * @return a new builder
   */
  public static Builder builder(List<Hierarchy> quasiIdentifiers) {
    return new Builder(quasiIdentifiers.toArray(new Hierarchy[0]));
  }

  /** Encodes rows of strings into a dataset. Not thread-safe. */
  public static final class Builder {
    private final Hierarchy[] hierarchies;
    private int[][] columns;
    private int[] sensitive = new int[0];
    private String sensitiveName;
    private final Map<String, Integer> sensitiveCodes = new HashMap<>();
    private final List<String> sensitiveLabels = new ArrayList<>();
    private int rows;

    private Builder(Hierarchy[] hierarchies) {
      if (hierarchies.length == 0) {
        throw new AnonymisationException(
            AnonymisationException.INVALID_CONFIGURATION,
            "a dataset needs at least one quasi-identifier");
      }
      this.hierarchies = hierarchies;
      this.columns = new int[hierarchies.length][1024];
    }

    /**
     * Declares a sensitive attribute; every row must then carry a sensitive value.
     *
     * @param name the attribute name
     * @return this builder
     */
    public Builder sensitive(String name) {
      this.sensitiveName = name;
      return this;
    }

    /**
     * Adds a row without a sensitive value.
     *
     * @param quasiIdentifierValues one raw value per quasi-identifier
     * @return this builder
     * @throws AnonymisationException {@code VAN-A-0001} if a value is not a leaf of its hierarchy
     */
    public Builder add(List<String> quasiIdentifierValues) {
      if (sensitiveName != null) {
        throw new AnonymisationException(
            AnonymisationException.INVALID_CONFIGURATION,
            "row " + (rows + 1) + " has no value of the sensitive attribute " + sensitiveName);
      }
      addQuasiIdentifiers(quasiIdentifierValues);
      rows++;
      return this;
    }

    /**
     * Adds a row with a sensitive value.
     *
     * @param quasiIdentifierValues one raw value per quasi-identifier
     * @param sensitiveValue the value of the sensitive attribute
     * @return this builder
     */
    public Builder add(List<String> quasiIdentifierValues, String sensitiveValue) {
      if (sensitiveName == null) {
        throw new AnonymisationException(
            AnonymisationException.INVALID_CONFIGURATION,
            "row " + (rows + 1) + " has a sensitive value but no sensitive attribute was declared");
      }
      addQuasiIdentifiers(quasiIdentifierValues);
      if (sensitive.length == rows) {
        sensitive = Arrays.copyOf(sensitive, Math.max(1024, rows * 2));
      }
      Integer code = sensitiveCodes.get(sensitiveValue);
      if (code == null) {
        code = sensitiveLabels.size();
        sensitiveCodes.put(sensitiveValue, code);
        sensitiveLabels.add(sensitiveValue);
      }
      sensitive[rows] = code;
      rows++;
      return this;
    }

    private void addQuasiIdentifiers(List<String> values) {
      if (values.size() != hierarchies.length) {
        throw new AnonymisationException(
            AnonymisationException.INVALID_CONFIGURATION,
            "row "
                + (rows + 1)
                + " has "
                + values.size()
                + " quasi-identifier values; expected "
                + hierarchies.length);
      }
      if (columns[0].length == rows) {
        for (int a = 0; a < columns.length; a++) {
          columns[a] = Arrays.copyOf(columns[a], rows * 2);
        }
      }
      for (int a = 0; a < hierarchies.length; a++) {
        columns[a][rows] = hierarchies[a].leaf(values.get(a));
      }
    }

    /**
     * Builds the dataset.
     *
     * @return the dataset
     */
    public Dataset build() {
      int[][] cols = new int[columns.length][];
      for (int a = 0; a < cols.length; a++) {
        cols[a] = Arrays.copyOf(columns[a], rows);
      }
      return new Dataset(
          hierarchies.clone(),
          cols,
          sensitiveName,
          sensitiveLabels.toArray(new String[0]),
          sensitiveName == null ? null : Arrays.copyOf(sensitive, rows),
          rows);
    }
  }

  /**
   * Returns the records at the given positions, in that order, with the same hierarchies and
   * sensitive attribute.
   *
   * @param rows record indices
   * @return a new dataset
   */
  public Dataset subset(int[] rows) {
    int[][] cols = new int[columns.length][rows.length];
    int[] sens = sensitive == null ? null : new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      for (int a = 0; a < columns.length; a++) {
        cols[a][i] = columns[a][rows[i]];
      }
      if (sens != null) {
        sens[i] = sensitive[rows[i]];
      }
    }
    return new Dataset(hierarchies, cols, sensitiveName, sensitiveLabels, sens, rows.length);
  }

  /**
   * Returns the number of records.
   *
   * @return the record count
   */
  public int size() {
    return rows;
  }

  /**
   * Returns the number of quasi-identifiers.
   *
   * @return at least 1
   */
  public int quasiIdentifierCount() {
    return hierarchies.length;
  }

  /**
   * Returns the hierarchy of a quasi-identifier.
   *
   * @param qi the quasi-identifier index
   * @return its hierarchy
   */
  public Hierarchy hierarchy(int qi) {
    return hierarchies[qi];
  }

  /**
   * Returns the hierarchies of all quasi-identifiers in column order.
   *
   * @return an unmodifiable list
   */
  public List<Hierarchy> hierarchies() {
    return List.of(hierarchies);
  }

  /**
   * Returns the leaf number of a record's quasi-identifier.
   *
   * @param qi the quasi-identifier index
   * @param row the record index
   * @return the leaf number in the quasi-identifier's hierarchy
   */
  public int leaf(int qi, int row) {
    return columns[qi][row];
  }

  /**
   * Returns the name of the sensitive attribute, if declared.
   *
   * @return the name, or empty
   */
  public Optional<String> sensitiveAttribute() {
    return Optional.ofNullable(sensitiveName);
  }

  /**
   * Returns the sensitive value of a record.
   *
   * @param row the record index
   * @return the raw sensitive value
   * @throws AnonymisationException {@code VAN-A-0003} if no sensitive attribute was declared
   */
  public String sensitiveValue(int row) {
    if (sensitive == null) {
      throw new AnonymisationException(
          AnonymisationException.INVALID_CONFIGURATION, "the dataset has no sensitive attribute");
    }
    return sensitiveLabels[sensitive[row]];
  }

  /**
   * Returns the number of distinct sensitive values.
   *
   * @return zero when no sensitive attribute was declared
   */
  public int sensitiveCodeCount() {
    return sensitiveLabels.length;
  }

  @Override
  public String toString() {
    return "Dataset[" + rows + " records, " + hierarchies.length + " quasi-identifiers]";
  }
}
