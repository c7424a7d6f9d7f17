package org.vansdk.core.id;

/** PLACEHOLDER until van-core lands: delete on merge. */
public final class AttemptId implements Comparable<AttemptId> {
  private final String value;

  private AttemptId(String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("AttemptId must not be empty");
    }
    this.value = value;
  }

  /** Placeholder. */
  public static AttemptId of(String value) {
    return new AttemptId(value);
  }

  /** Placeholder. */
  public String value() {
    return value;
  }

  @Override
  public int compareTo(AttemptId o) {
    return value.compareTo(o.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AttemptId && ((AttemptId) o).value.equals(value);
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
