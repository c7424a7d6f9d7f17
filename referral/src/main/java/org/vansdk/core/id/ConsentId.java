package org.vansdk.core.id;

/** PLACEHOLDER until van-core lands: delete on merge. */
public final class ConsentId implements Comparable<ConsentId> {
  private final String value;

  private ConsentId(String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("ConsentId must not be empty");
    }
    this.value = value;
  }

  /** Placeholder. */
  public static ConsentId of(String value) {
    return new ConsentId(value);
  }

  /** Placeholder. */
  public String value() {
    return value;
  }

  @Override
  public int compareTo(ConsentId o) {
    return value.compareTo(o.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConsentId && ((ConsentId) o).value.equals(value);
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
