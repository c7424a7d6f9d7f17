package org.vansdk.schema.validation;

import java.math.BigDecimal;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The number rule of the wire format, applied to a parsed tree before the schemas: every number
 * lies within the range of a 64-bit double (zero, or a magnitude between about 4.9e-324 and
 * 1.8e308). A decimal beyond the range of a 64-bit {@code long} ({@code 1e20}, {@code
 * 9223372036854775808.5}) is held as a {@link BeyondLong}: the schema library compares a number
 * with an integer bound through its {@code long} value, and throws for one beyond that range (a
 * crash that thousands of fuzzed inputs hit); the value of a {@code BeyondLong} as a {@code long}
 * saturates, which orders it correctly against every bound a schema can give as a {@code long}. Its
 * exact value is unchanged for everything else (type checks, the semantic rules). A valid document
 * costs one walk without allocation.
 */
final class Numbers {
  /** The message of a number out of range. */
  static final String OUT_OF_RANGE =
      "input exceeds a safety limit: a number out of range (numbers must fit a 64-bit double:"
          + " 0, or a magnitude between 4.9e-324 and 1.8e308)";

  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  private Numbers() {}

  /**
   * Reports numbers out of range and turns whole decimals beyond a {@code long} into integers.
   *
   * @param node the tree (changed in place)
   * @param issues receives one issue per number out of range
   */
  static void check(JsonNode node, List<ValidationIssue> issues) {
    if (needsWork(node)) {
      walk(node, "", "", issues);
    }
  }

  private static void walk(JsonNode node, String shown, String real, List<ValidationIssue> issues) {
    if (node instanceof ArrayNode) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        JsonNode child = array.get(i);
        if (!needsWork(child)) {
          continue;
        }
        if (child.isContainer()) {
          walk(child, shown + "/" + i, real + "/" + i, issues);
        } else if (!inRange(child.decimalValue())) {
          issues.add(outOfRange(shown + "/" + i, real + "/" + i));
        } else {
          array.set(i, new BeyondLong(child.decimalValue()));
        }
      }
    } else if (node instanceof ObjectNode) {
      for (var e : ((ObjectNode) node).properties()) {
        JsonNode child = e.getValue();
        if (!needsWork(child)) {
          continue;
        }
        String s = shown + "/" + Vocabulary.segment(e.getKey());
        String r = real + "/" + StructuralLayer.escape(e.getKey());
        if (child.isContainer()) {
          walk(child, s, r, issues);
        } else if (!inRange(child.decimalValue())) {
          issues.add(outOfRange(s, r));
        } else {
          e.setValue(new BeyondLong(child.decimalValue()));
        }
      }
    }
  }

  private static ValidationIssue outOfRange(String shown, String real) {
    ValidationIssue issue = ValidationIssue.error(IssueCode.LIMIT_EXCEEDED, shown, OUT_OF_RANGE);
    return shown.equals(real) ? issue : issue.locatedBy(real);
  }

  /**
   * Whether a node is, or holds, a decimal out of range or a whole decimal beyond a long. Decided
   * by the node's class rather than its virtual type tests, so the walk over a tree of mixed nodes
   * stays cheap: only a {@link DecimalNode} holds a {@code BigDecimal}.
   */
  static boolean needsWork(JsonNode node) {
    if (node instanceof ObjectNode) {
      for (JsonNode child : ((ObjectNode) node).values()) {
        if (needsWork(child)) {
          return true;
        }
      }
      return false;
    }
    if (node instanceof ArrayNode) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        if (needsWork(array.get(i))) {
          return true;
        }
      }
      return false;
    }
    if (!(node instanceof DecimalNode) || node instanceof BeyondLong) {
      return false;
    }
    BigDecimal d = node.decimalValue();
    return !inRange(d) || d.compareTo(LONG_MIN) < 0 || d.compareTo(LONG_MAX) > 0;
  }

  private static boolean inRange(BigDecimal d) {
    if (d.signum() == 0) {
      return true;
    }
    // the decimal exponent of the leading digit, computed in long so no scale overflows
    long exponent = (long) d.precision() - (long) d.scale() - 1;
    if (exponent < 307 && exponent > -307) {
      return true;
    }
    if (exponent > 308 || exponent < -325) {
      return false;
    }
    double v = d.doubleValue();
    return Double.isFinite(v) && v != 0.0;
  }

  /**
   * A decimal beyond the range of a {@code long} whose {@code long} value saturates at {@link
   * Long#MAX_VALUE} or {@link Long#MIN_VALUE} instead of failing. Used only inside the validator.
   */
  static final class BeyondLong extends DecimalNode {
    private static final long serialVersionUID = 1L;

    BeyondLong(BigDecimal value) {
      super(value);
    }

    @Override
    public boolean inLongRange() {
      return true;
    }

    @Override
    public long _asLongValueUnchecked() {
      return _value.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }
  }
}
