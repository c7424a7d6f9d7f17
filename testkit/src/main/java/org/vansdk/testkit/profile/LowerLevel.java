package org.vansdk.testkit.profile;

import java.util.regex.Pattern;

/**
 * How codes of an administrative level below level 1 are shaped and how many are synthesised per
 * parent area. Immutable and thread-safe.
 */
public final class LowerLevel {
  private final int level;
  private final Pattern pattern;
  private final boolean synthetic;
  private final int perParent;
  private final String note;

  LowerLevel(int level, Pattern pattern, boolean synthetic, int perParent, String note) {
    this.level = level;
    this.pattern = pattern;
    this.synthetic = synthetic;
    this.perParent = perParent;
    this.note = note;
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
