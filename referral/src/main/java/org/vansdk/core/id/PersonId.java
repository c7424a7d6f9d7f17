package org.vansdk.core.id;

/** PLACEHOLDER until van-core lands: delete on merge. */
public final class PersonId implements Comparable<PersonId> {
  private final String value;

  private PersonId(String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("PersonId must not be empty");
    }
    this.value = value;
  }

  /** Placeholder. */
  public static PersonId of(String value) {
    return new PersonId(value);
  }

  /** Placeholder. */
  public String value() {
    return value;
  }

  @Override
  public int compareTo(PersonId o) {
    return value.compareTo(o.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PersonId && ((PersonId) o).value.equals(value);
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
