package org.vansdk.testkit.profile;

import java.util.regex.Pattern;

/**
 * How codes of an administrative level below level 1 are shaped and how many are synthesised per
 * parent area. Immutable and thread-safe.
 *
 * @since 1.0
 */
public final class LowerLevel {
  private final int level;
  private final Pattern pattern;
  private final boolean synthetic;
  private final int perParent;
  private final String note;
  private final String template;
  private final boolean numberedInLevel1;
  private final String literal;
  private final int width;

  LowerLevel(
      int level,
      Pattern pattern,
      String template,
      boolean numberedInLevel1,
      String literal,
      int width,
      boolean synthetic,
      int perParent,
      String note) {
    this.level = level;
    this.pattern = pattern;
    this.template = template;
    this.numberedInLevel1 = numberedInLevel1;
    this.literal = literal;
    this.width = width;
    this.synthetic = synthetic;
    this.perParent = perParent;
    this.note = note;
  }

  /**
   * Returns the template codes are built from, e.g. {@code {parent}{nn}}: the parent's code (or the
   * level-1 code, numbering across the level-1 area), optional capitals, and a zero-padded number.
   */
  public String template() {
    return template;
  }

  /**
   * Builds the code of an area of this level.
   *
   * @param level1Code the level-1 P-code above it
   * @param parentCode the parent's P-code (the level-1 code for level 2)
   * @param parentIndex the 1-based index of the parent within its level-1 area (1 for level 2)
   * @param index the 1-based index of the area within its parent, up to {@link #perParent()}
   * @return the P-code
   */
  public String code(String level1Code, String parentCode, int parentIndex, int index) {
    int number = numberedInLevel1 ? (parentIndex - 1) * perParent + index : index;
    StringBuilder sb = new StringBuilder(24);
    sb.append(numberedInLevel1 ? level1Code : parentCode).append(literal);
    String digits = Integer.toString(number);
    for (int i = digits.length(); i < width; i++) {
      sb.append('0');
    }
    return sb.append(digits).toString();
  }

  /** Returns the level, 2 or 3. */
  public int level() {
    return level;
  }

  /** Returns the regular expression every code of this level matches. */
  public Pattern pattern() {
    return pattern;
  }

  /** Returns whether codes of this level are synthesised rather than real. */
  public boolean synthetic() {
    return synthetic;
  }

  /** Returns how many areas of this level are synthesised under each parent. */
  public int perParent() {
    return perParent;
  }

  /** Returns the note describing how codes are built. */
  public String note() {
    return note;
  }
}
