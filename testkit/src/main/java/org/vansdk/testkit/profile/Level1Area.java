package org.vansdk.testkit.profile;

import java.util.Optional;

/**
 * A first-level administrative area (province, state or region) with its P-code, name and relative
 * weight among casualties. Immutable and thread-safe.
 *
 * @since 1.0
 */
public final class Level1Area {
  private final String pCode;
  private final String name;
  private final double weight;
  private final boolean uncertain;
  private final String note;

  Level1Area(String pCode, String name, double weight, boolean uncertain, String note) {
    this.pCode = pCode;
    this.name = name;
    this.weight = weight;
    this.uncertain = uncertain;
    this.note = note;
  }

  /** Returns the P-code, e.g. {@code KH02}. */
  public String pCode() {
    return pCode;
  }

  /** Returns the name, e.g. {@code Battambang}. */
  public String name() {
    return name;
  }

  /** Returns the relative weight among casualties (not normalised). */
  public double weight() {
    return weight;
  }

  /** Returns whether the code or name is flagged for verification. */
  public boolean uncertain() {
    return uncertain;
  }

  /** Returns the note explaining an uncertainty, if any. */
  public Optional<String> note() {
    return note.isEmpty() ? Optional.empty() : Optional.of(note);
  }
}
