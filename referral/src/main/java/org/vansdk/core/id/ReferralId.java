package org.vansdk.core.id;

/** PLACEHOLDER until van-core lands: delete on merge. */
public final class ReferralId implements Comparable<ReferralId> {
  private final String value;

  private ReferralId(String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("ReferralId must not be empty");
    }
    this.value = value;
  }

  /** Placeholder. */
  public static ReferralId of(String value) {
    return new ReferralId(value);
  }

  /** Placeholder. */
  public String value() {
    return value;
  }

  @Override
  public int compareTo(ReferralId o) {
    return value.compareTo(o.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReferralId && ((ReferralId) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value;
  }
}
