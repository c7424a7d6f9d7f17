package org.vansdk.testkit.profile;

/**
 * The shares of one attribute over a closed range of incident years. Immutable and thread-safe.
 *
 * @since 1.0
 */
public final class Era {
  private final int from;
  private final int to;
  private final Shares shares;

  Era(int from, int to, Shares shares) {
    this.from = from;
    this.to = to;
    this.shares = shares;
  }

  /** Returns the first incident year of the era. */
  public int from() {
    return from;
  }

  /** Returns the last incident year of the era (inclusive). */
  public int to() {
    return to;
  }

  /** Returns the shares that apply in this era. */
  public Shares shares() {
    return shares;
  }
}
