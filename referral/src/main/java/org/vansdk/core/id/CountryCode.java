package org.vansdk.core.id;

/** PLACEHOLDER until van-core lands: delete on merge. */
public final class CountryCode implements Comparable<CountryCode> {
  private final String value;

  private CountryCode(String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("CountryCode must not be empty");
    }
    this.value = value;
  }

  /** Placeholder. */
  public static CountryCode of(String value) {
    return new CountryCode(value);
  }

  /** Placeholder. */
  public String value() {
    return value;
  }

  @Override
  public int compareTo(CountryCode o) {
    return value.compareTo(o.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CountryCode && ((CountryCode) o).value.equals(value);
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
