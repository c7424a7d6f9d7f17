package org.vansdk.core.id;

import com.fasterxml.jackson.annotation.JsonValue;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;

/**
 * A record identifier namespaced so that member states never collide without a central registry:
 * {@code {ISO 3166-1 alpha-3}-{organisation code}-{local id}}, e.g. {@code KHM-CMAA-000123}. One
 * subclass per record kind keeps a person id from being passed where an incident id is expected.
 * Immutable and thread-safe; equal when of the same kind and text.
 *
 * @since 1.0
 */
public abstract class RecordId implements Comparable<RecordId> {
  /** The regular expression every record identifier matches. */
  public static final String PATTERN = "^[A-Z]{3}-[A-Z0-9]{2,16}-[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";

  private final String value;

  RecordId(String value, String kind) {
    if (value == null) {
      throw new VanException(ErrorCode.INVALID_IDENTIFIER, kind + " identifier is missing");
    }
    if (!isWellFormed(value)) {
      throw new VanException(
          ErrorCode.INVALID_IDENTIFIER,
          kind
              + " identifier does not follow ISO3-ORG-local (e.g. KHM-CMAA-000123): three capital"
              + " letters, an organisation code of 2-16 capitals or digits, a local id of 1-64 letters,"
              + " digits, '.', '_' or '-'");
    }
    this.value = value;
  }

  /**
   * Returns whether text follows {@link #PATTERN}; checked by hand because identifiers are parsed
   * millions of times when streaming large submissions.
   *
   * @param value the text
   * @return true when well formed
   */
  public static boolean isWellFormed(String value) {
    int n = value.length();
    if (n < 8 || value.charAt(3) != '-') {
      return false;
    }
    for (int i = 0; i < 3; i++) {
      if (!upper(value.charAt(i))) {
        return false;
      }
    }
    int dash = value.indexOf('-', 4);
    if (dash < 6 || dash > 20) {
      return false;
    }
    for (int i = 4; i < dash; i++) {
      char c = value.charAt(i);
      if (!upper(c) && !digit(c)) {
        return false;
      }
    }
    int local = n - dash - 1;
    if (local < 1 || local > 64 || !alnum(value.charAt(dash + 1))) {
      return false;
    }
    for (int i = dash + 2; i < n; i++) {
      char c = value.charAt(i);
      if (!alnum(c) && c != '.' && c != '_' && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean upper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean alnum(char c) {
    return upper(c) || digit(c) || (c >= 'a' && c <= 'z');
  }

  /** Returns the identifier's text, e.g. {@code KHM-CMAA-000123}. */
  @JsonValue
  public final String value() {
    return value;
  }

  /** Returns the ISO 3166-1 alpha-3 country prefix, e.g. {@code KHM}. */
  public final String countryPrefix() {
    return value.substring(0, 3);
  }

  /** Returns the organisation code, e.g. {@code CMAA}. */
  public final String organisationCode() {
    return value.substring(4, value.indexOf('-', 4));
  }

  /** Returns the local part, e.g. {@code 000123}. */
  public final String localId() {
    return value.substring(value.indexOf('-', 4) + 1);
  }

  @Override
  public final boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && ((RecordId) o).value.equals(value);
  }

  @Override
  public final int hashCode() {
    return value.hashCode();
  }

  /** Orders by text; identifiers of different kinds are ordered by text too. */
  @Override
  public final int compareTo(RecordId other) {
    return value.compareTo(other.value);
  }

  @Override
  public final String toString() {
    return value;
  }
}
