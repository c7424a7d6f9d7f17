package org.vansdk.schema.rule;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
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

  static Optional<Instant> instant(JsonNode node, String property) {
    Optional<String> t = text(node, property);
    if (t.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(java.time.OffsetDateTime.parse(t.get()).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  static Optional<Integer> integer(JsonNode node, String property) {
    JsonNode v = node.get(property);
    return v != null && v.isIntegralNumber() && v.canConvertToInt()
        ? Optional.of(v.asInt())
        : Optional.empty();
  }

  static PartialDate dayOf(Instant instant) {
    return PartialDate.from(instant.atOffset(java.time.ZoneOffset.UTC).toLocalDate());
  }

  static String at(String pointer, String property) {
    return pointer + "/" + property;
  }
}
