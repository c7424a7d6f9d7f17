package org.vansdk.anonymisation.hierarchy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.vansdk.anonymisation.AnonymisationException;

/**
 * A generalisation hierarchy of one attribute: every leaf value with its generalisation at each
 * level, level 0 being the value itself. Levels are functional: a value at level {@code i} always
 * has the same parent at level {@code i+1}. Leaves are numbered in insertion order (the row order
 * of a CSV file), which is the code a {@code Dataset} stores.
 *
 * <p>Immutable and thread-safe. Accessors returning arrays return copies.
 *
 * @since 1.0
 */
public final class Hierarchy {
  private final String attribute;
  private final String[][] labels; // [level][code]
  private final int[][] codes; // [level][leaf] -> code at level
  private final int[][] leaves; // [level][code] -> number of leaves under the code
  private final int[][] parents; // [level][code] -> code at level + 1
  private final Map<String, Integer> leafIndex;

  /**
   * @param lines the line of each row in a CSV text, for messages; null when the rows were given as
   *     a list, whose positions are then named as rows
   */
  private Hierarchy(String attribute, List<String[]> rows, int @Nullable [] lines) {
    this.attribute = attribute;
    if (rows.isEmpty()) {
      throw invalid("has no rows; at least one leaf is required");
    }
    int height = rows.get(0).length;
    int n = rows.size();
    this.labels = new String[height][];
    this.codes = new int[height][n];
    this.leaves = new int[height][];
    this.parents = new int[height][];
    this.leafIndex = new HashMap<>(n * 2);
    List<Map<String, Integer>> dictionaries = new ArrayList<>();
    for (int level = 0; level < height; level++) {
      dictionaries.add(new LinkedHashMap<>());
    }
    for (int leaf = 0; leaf < n; leaf++) {
      String[] row = rows.get(leaf);
      if (row.length != height) {
        throw invalid(
            where(lines, leaf)
                + " has "
                + row.length
                + " levels where the first leaf has "
                + height
                + "; every row must have the same number of levels");
      }
      Integer earlier = leafIndex.putIfAbsent(row[0], leaf);
      if (earlier != null) {
        throw invalid(
            where(lines, leaf)
                + " repeats the leaf of "
                + where(lines, earlier)
                + "; leaves must be unique");
      }
      for (int level = 0; level < height; level++) {
        Map<String, Integer> dictionary = dictionaries.get(level);
        Integer code = dictionary.get(row[level]);
        if (code == null) {
          code = dictionary.size();
          dictionary.put(row[level], code);
        }
        codes[level][leaf] = code;
      }
    }
    for (int level = 0; level < height; level++) {
      labels[level] = dictionaries.get(level).keySet().toArray(new String[0]);
      leaves[level] = new int[labels[level].length];
      for (int leaf = 0; leaf < n; leaf++) {
        leaves[level][codes[level][leaf]]++;
      }
    }
    for (int level = 0; level < height; level++) {
      int[] parent = new int[labels[level].length];
      int[] setBy = new int[parent.length];
      Arrays.fill(parent, -1);
      if (level + 1 < height) {
        for (int leaf = 0; leaf < n; leaf++) {
          int code = codes[level][leaf];
          int up = codes[level + 1][leaf];
          if (parent[code] >= 0 && parent[code] != up) {
            throw invalid(
                "level "
                    + level
                    + " value at "
                    + where(lines, leaf)
                    + " has another parent at level "
                    + (level + 1)
                    + " than at "
                    + where(lines, setBy[code])
                    + "; levels must be functional");
          }
          parent[code] = up;
          setBy[code] = leaf;
        }
      }
      parents[level] = parent;
    }
  }

  private static String where(int @Nullable [] lines, int leaf) {
    return lines == null ? "row " + (leaf + 1) : "line " + lines[leaf];
  }

  private AnonymisationException invalid(String what) {
    return new AnonymisationException(
        AnonymisationException.INVALID_HIERARCHY, "hierarchy of " + attribute + " " + what);
  }

  /**
   * Creates a hierarchy from rows {@code leaf, level1, ..., root}.
   *
   * @param attribute the attribute name, used in messages
   * @param rows one row per leaf; every row has the same length
   * @return the hierarchy
   * @throws AnonymisationException {@code VAN-A-0002} if rows are ragged, leaves repeat or a level
   *     is not functional
   */
  public static Hierarchy of(String attribute, List<List<String>> rows) {
    List<String[]> copy = new ArrayList<>(rows.size());
    for (List<String> row : rows) {
      copy.add(row.toArray(new String[0]));
    }
    return new Hierarchy(attribute, copy, null);
  }

  /**
   * Parses an ARX-style hierarchy: one line per leaf, {@code value;level1;...;*}, no header.
   *
   * @param attribute the attribute name, used in messages
   * @param reader the CSV text; closed by the caller
   * @param separator the field separator, {@code ';'} for ARX files
   * @return the hierarchy
   * @throws AnonymisationException {@code VAN-A-0002} if the file is malformed; the message names
   *     the line (counting blank lines, which are skipped) but no value
   * @throws UncheckedIOException if reading fails
   */
  public static Hierarchy parseCsv(String attribute, Reader reader, char separator) {
    Pattern split = Pattern.compile(Pattern.quote(String.valueOf(separator)));
    List<String[]> rows = new ArrayList<>();
    List<Integer> lineNumbers = new ArrayList<>();
    try {
      BufferedReader lines = new BufferedReader(reader);
      int number = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        number++;
        if (!line.isEmpty()) {
          rows.add(split.split(line, -1));
          lineNumbers.add(number);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read hierarchy of " + attribute, e);
    }
    return new Hierarchy(
        attribute, rows, lineNumbers.stream().mapToInt(Integer::intValue).toArray());
  }

  /**
   * Parses an ARX-style hierarchy from a string.
   *
   * @param attribute the attribute name, used in messages
   * @param csv the CSV text
   * @param separator the field separator
   * @return the hierarchy
   */
  public static Hierarchy parseCsv(String attribute, String csv, char separator) {
    return parseCsv(attribute, new StringReader(csv), separator);
  }

  /**
   * Starts a builder for a hierarchy of the given attribute.
   *
   * @param attribute the attribute name, used in messages
   * @return a new builder
   */
  public static Builder builder(String attribute) {
    return new Builder(attribute);
  }

  /** Builds a hierarchy leaf by leaf. Not thread-safe. */
  public static final class Builder {
    private final String attribute;
    private final List<String[]> rows = new ArrayList<>();

    private Builder(String attribute) {
      this.attribute = attribute;
    }

    /**
     * Adds a leaf and its generalisations from level 1 to the root.
     *
     * @param leaf the leaf value
     * @param ancestors its generalisation at levels 1, 2, ... up to the root
     * @return this builder
     */
    public Builder add(String leaf, String... ancestors) {
      String[] row = new String[ancestors.length + 1];
      row[0] = leaf;
      System.arraycopy(ancestors, 0, row, 1, ancestors.length);
      rows.add(row);
      return this;
    }

    /**
     * Builds the hierarchy.
     *
     * @return the hierarchy
     * @throws AnonymisationException {@code VAN-A-0002} if the rows are inconsistent
     */
    public Hierarchy build() {
      return new Hierarchy(attribute, new ArrayList<>(rows), null);
    }
  }

  /**
   * Returns the attribute name.
   *
   * @return the name
   */
  public String attribute() {
    return attribute;
  }

  /**
   * Returns the number of levels, counting level 0 (the value itself).
   *
   * @return at least 1
   */
  public int levels() {
    return labels.length;
  }

  /**
   * Returns the number of leaves (rows), the domain size of the information-loss models.
   *
   * @return at least 1
   */
  public int leafCount() {
    return codes[0].length;
  }

  /**
   * Returns the leaf number of a value.
   *
   * @param value the raw value
   * @return its leaf number
   * @throws AnonymisationException {@code VAN-A-0001} if the value is not a leaf of this hierarchy;
   *     the message names the attribute but not the value
   */
  public int leaf(String value) {
    Integer leaf = leafIndex.get(value);
    if (leaf == null) {
      throw new AnonymisationException(
          AnonymisationException.VALUE_OUTSIDE_HIERARCHY,
          "a value of "
              + attribute
              + " is not a leaf of its hierarchy ("
              + leafCount()
              + " leaves); extend the hierarchy or clean the value");
    }
    return leaf;
  }

  /**
   * Returns the leaf number of a value, if it is a leaf.
   *
   * @param value the raw value
   * @return its leaf number, or empty
   */
  public OptionalInt findLeaf(String value) {
    Integer leaf = leafIndex.get(value);
    return leaf == null ? OptionalInt.empty() : OptionalInt.of(leaf);
  }

  /**
   * Returns the number of distinct values at a level.
   *
   * @param level the level, 0 to {@code levels() - 1}
   * @return the number of codes at that level
   */
  public int codeCount(int level) {
    return labels[level].length;
  }

  /**
   * Returns the code at a level of a leaf.
   *
   * @param leaf the leaf number
   * @param level the level
   * @return the code of the leaf's generalisation at that level
   */
  public int code(int leaf, int level) {
    return codes[level][leaf];
  }

  /**
   * Returns the label of a code at a level.
   *
   * @param level the level
   * @param code the code
   * @return the label, e.g. {@code "20-24"} or {@code "*"}
   */
  public String label(int level, int code) {
    return labels[level][code];
  }

  /**
   * Returns how many leaves a code at a level covers.
   *
   * @param level the level
   * @param code the code
   * @return at least 1
   */
  public int leavesUnder(int level, int code) {
    return leaves[level][code];
  }

  /**
   * Returns the generalisation of a raw value at a level.
   *
   * @param value the raw value
   * @param level the level
   * @return the label
   * @throws AnonymisationException {@code VAN-A-0001} if the value is not a leaf
   */
  public String generalise(String value, int level) {
    return labels[level][codes[level][leaf(value)]];
  }

  /**
   * Returns, for every code at level {@code from}, its code at level {@code to}.
   *
   * @param from the finer level
   * @param to the coarser level, at least {@code from}
   * @return a new array indexed by code at {@code from}
   */
  public int[] mapping(int from, int to) {
    if (to < from) {
      throw new AnonymisationException(
          AnonymisationException.INVALID_CONFIGURATION,
          "mapping of " + attribute + " from level " + from + " to finer level " + to);
    }
    int[] map = new int[labels[from].length];
    for (int code = 0; code < map.length; code++) {
      int c = code;
      for (int level = from; level < to; level++) {
        c = parents[level][c];
      }
      map[code] = c;
    }
    return map;
  }

  @Override
  public String toString() {
    return "Hierarchy[" + attribute + ", " + leafCount() + " leaves, " + levels() + " levels]";
  }
}
