package org.vansdk.schema.rule;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vansdk.core.VanException;
import org.vansdk.core.time.PartialDate;
import tools.jackson.databind.JsonNode;

/**
 * Lenient readers of tree values: a value of the wrong shape reads as absent (the structural layer
 * reports it).
 */
final class Values {
  private Values() {}

  static Optional<String> text(JsonNode node, String property) {
    JsonNode v = node.get(property);
    return v != null && v.isString() ? Optional.of(v.asString()) : Optional.empty();
  }

  static Optional<PartialDate> partialDate(JsonNode node, String property) {
    Optional<String> t = text(node, property);
    if (t.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(PartialDate.parse(t.get()));
    } catch (VanException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Reads an RFC 3339 date-time, every one the schema's {@code date-time} format accepts: besides
   * what {@code OffsetDateTime} parses, a leap second ({@code 23:59:60}, read as the last
   * nanosecond of second 59, so it sorts after every earlier instant and before the next minute),
   * lower-case {@code t} and {@code z}, and more than nine fraction digits (read to the nanosecond,
   * the digits beyond dropped). Anything else reads as absent, for the schema reports it.
   */
  static Optional<Instant> instant(JsonNode node, String property) {
    Optional<String> t = text(node, property);
    if (t.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(java.time.OffsetDateTime.parse(t.get()).toInstant());
    } catch (DateTimeParseException e) {
      return rfc3339(t.get());
    }
  }

  private static final Pattern RFC3339 =
      Pattern.compile(
          "(\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d+))?"
              + "([Zz]|[+-]\\d{2}:\\d{2})");

  private static Optional<Instant> rfc3339(String text) {
    Matcher m = RFC3339.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    int second = Integer.parseInt(m.group(6));
    int nano = 0;
    if (m.group(7) != null) {
      String digits = (m.group(7) + "000000000").substring(0, 9);
      nano = Integer.parseInt(digits);
    }
    if (second == 60) {
      second = 59;
      nano = 999_999_999;
    }
    String offset = m.group(8);
    try {
      return Optional.of(
          java.time.OffsetDateTime.of(
                  Integer.parseInt(m.group(1)),
                  Integer.parseInt(m.group(2)),
                  Integer.parseInt(m.group(3)),
                  Integer.parseInt(m.group(4)),
                  Integer.parseInt(m.group(5)),
                  second,
                  nano,
                  offset.equalsIgnoreCase("z")
                      ? java.time.ZoneOffset.UTC
                      : java.time.ZoneOffset.of(offset))
              .toInstant());
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Reads a whole number that fits an {@code int}, however it is written ({@code 34}, {@code
   * 3.4e1}, {@code 34.0}).
   */
  static Optional<Integer> integer(JsonNode node, String property) {
    JsonNode v = node.get(property);
    if (v == null || !v.isNumber()) {
      return Optional.empty();
    }
    if (v.isIntegralNumber() && v.canConvertToInt()) {
      return Optional.of(v.asInt());
    }
    try {
      return Optional.of(v.decimalValue().intValueExact());
    } catch (ArithmeticException e) {
      return Optional.empty();
    }
  }

  /** Reads any number exactly, however large ({@code 3000000000}, {@code 1e20}). */
  static Optional<BigDecimal> number(JsonNode node, String property) {
    JsonNode v = node.get(property);
    return v != null && v.isNumber() ? Optional.of(v.decimalValue()) : Optional.empty();
  }

  static PartialDate dayOf(Instant instant) {
    return PartialDate.from(instant.atOffset(java.time.ZoneOffset.UTC).toLocalDate());
  }

  static String at(String pointer, String property) {
    return pointer + "/" + property;
  }
}
