package org.vansdk.core;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A stable error code such as {@code VAN-C-0003}: {@code VAN}, a module letter (C core, S schema, A
 * anonymisation, R referral, I indicators, T testkit, X command line) and a number. Codes never
 * change meaning within a major version. Immutable and thread-safe.
 *
 * @since 1.0
 */
public final class ErrorCode implements Comparable<ErrorCode> {
  private static final Pattern FORMAT = Pattern.compile("VAN-[A-Z]-\\d{4}");

  /** A code value is not one of its list's codes. */
  public static final ErrorCode UNKNOWN_CODE = of("VAN-C-0001");

  /** A record identifier does not follow {@code ISO3-ORG-local}. */
  public static final ErrorCode INVALID_IDENTIFIER = of("VAN-C-0002");

  /** A partial date is malformed or not on the calendar. */
  public static final ErrorCode INVALID_DATE = of("VAN-C-0003");

  /** A country code is not an ISO 3166-1 alpha-3 code. */
  public static final ErrorCode INVALID_COUNTRY = of("VAN-C-0004");

  /** An administrative area (P-code, level, name) is malformed. */
  public static final ErrorCode INVALID_ADMIN_AREA = of("VAN-C-0005");

  /** A point is outside WGS84 bounds or has a negative accuracy. */
  public static final ErrorCode INVALID_GEO_POINT = of("VAN-C-0006");

  /** A record breaks a structural invariant of its type. */
  public static final ErrorCode INVARIANT_VIOLATED = of("VAN-C-0007");

  /** The input is not well-formed JSON (syntax, encoding, duplicate key, trailing tokens). */
  public static final ErrorCode MALFORMED_JSON = of("VAN-C-0008");

  /** The JSON is well formed but does not map onto the model (unknown property, wrong type). */
  public static final ErrorCode JSON_MAPPING = of("VAN-C-0009");

  /** The input exceeds a safety limit (size, depth, string or number length). */
  public static final ErrorCode LIMIT_EXCEEDED = of("VAN-C-0010");

  /** The document's schema version has a major version this SDK does not support. */
  public static final ErrorCode UNSUPPORTED_VERSION = of("VAN-C-0011");

  /** Reading or writing a file or stream failed. */
  public static final ErrorCode IO = of("VAN-C-0012");

  /** The input is not in the wire encoding, UTF-8 without a byte-order mark. */
  public static final ErrorCode INVALID_ENCODING = of("VAN-C-0013");

  private final String value;

  private ErrorCode(String value) {
    this.value = value;
  }

  /**
   * Returns the code with the given text.
   *
   * @param value the code, e.g. {@code VAN-S-0012}
   * @throws IllegalArgumentException if it does not match {@code VAN-X-9999}
   */
  public static ErrorCode of(String value) {
    if (!FORMAT.matcher(Objects.requireNonNull(value, "value")).matches()) {
      throw new IllegalArgumentException(
          "error code must look like VAN-X-9999 (module letter, four digits)");
    }
    return new ErrorCode(value);
  }

  /** Returns the code's text, e.g. {@code VAN-C-0001}. */
  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ErrorCode && ((ErrorCode) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public int compareTo(ErrorCode other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
