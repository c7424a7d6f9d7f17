package org.vansdk.core.id;

/** PLACEHOLDER until van-core lands: delete on merge. */
public final class OrganisationId implements Comparable<OrganisationId> {
  private final String value;

  private OrganisationId(String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("OrganisationId must not be empty");
    }
    this.value = value;
  }

  /** Placeholder. */
  public static OrganisationId of(String value) {
    return new OrganisationId(value);
  }

  /** Placeholder. */
  public String value() {
    return value;
  }

  @Override
  public int compareTo(OrganisationId o) {
    return value.compareTo(o.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OrganisationId && ((OrganisationId) o).value.equals(value);
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
