package org.vansdk.referral.signature;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Canonicalization Scheme of RFC 8785 over Jackson trees: object members sorted by their
 * names as UTF-16 code units, no insignificant white space, strings escaped as ECMAScript's {@code
 * JSON.stringify} does, and numbers written as ECMAScript writes an IEEE 754 double.
 *
 * <p>Signatures and payload hashes are computed over these bytes, so two systems in different
 * languages that hold the same JSON value agree on them. Thread-safe (stateless).
 *
 * @since 1.0
 */
public final class CanonicalJson {

  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final long MAX_SAFE_INTEGER = 9007199254740992L;

  private CanonicalJson() {}

  /**
   * Returns the canonical UTF-8 bytes of a JSON value.
   *
   * @throws CanonicalJsonException if the value holds a number that is not finite or a string with
   *     a lone surrogate, which RFC 8785 does not allow
   */
  public static byte[] toBytes(JsonNode value) {
    return toText(value).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Returns the canonical text of a JSON value.
   *
   * @throws CanonicalJsonException if the value holds a number that is not finite or a string with
   *     a lone surrogate
   */
  public static String toText(JsonNode value) {
    StringBuilder out = new StringBuilder(256);
    write(value, out, "");
    return out.toString();
  }

  /**
   * Formats a double as ECMAScript's {@code Number.prototype.toString} does (RFC 8785 §3.2.2.3):
   * the shortest digits that read back to the same double, plain notation for magnitudes in [1e-6,
   * 1e21), exponent notation otherwise; negative zero is written {@code 0}.
   *
   * @throws CanonicalJsonException if the value is NaN or infinite
   */
  public static String formatNumber(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new CanonicalJsonException(
          "number is " + value + "; RFC 8785 allows finite numbers only");
    }
    if (value == 0) {
      return "0";
    }
    if (value == Math.rint(value) && Math.abs(value) < MAX_SAFE_INTEGER) {
      return Long.toString((long) value);
    }
    StringBuilder out = new StringBuilder(26);
    if (value < 0) {
      out.append('-');
      value = -value;
    }
    BigDecimal shortest = shortest(value);
    String digits = shortest.unscaledValue().toString();
    int k = digits.length();
    int trailing = 0;
    while (trailing < k - 1 && digits.charAt(k - 1 - trailing) == '0') {
      trailing++;
    }
    digits = digits.substring(0, k - trailing);
    k = digits.length();
    // value = 0.digits * 10^n, i.e. n is the position of the decimal point.
    int n = k - shortest.scale() + trailing;
    if (k <= n && n <= 21) {
      out.append(digits);
      for (int i = 0; i < n - k; i++) {
        out.append('0');
      }
    } else if (0 < n && n <= 21) {
      out.append(digits, 0, n).append('.').append(digits, n, k);
    } else if (-6 < n && n <= 0) {
      out.append("0.");
      for (int i = 0; i < -n; i++) {
        out.append('0');
      }
      out.append(digits);
    } else {
      int e = n - 1;
      out.append(digits.charAt(0));
      if (k > 1) {
        out.append('.').append(digits, 1, k);
      }
      out.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
    }
    return out.toString();
  }

  /** The decimal with the fewest significant digits that reads back as {@code value} (> 0). */
  private static BigDecimal shortest(double value) {
    BigDecimal exact = new BigDecimal(value);
    for (int precision = 1; precision <= 17; precision++) {
      BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      if (nearest.doubleValue() == value) {
        return nearest;
      }
      // Near a power of two the rounding interval is lopsided: a neighbour may read back while
      // the nearest does not.
      BigDecimal down = exact.round(new MathContext(precision, RoundingMode.FLOOR));
      BigDecimal up = exact.round(new MathContext(precision, RoundingMode.CEILING));
      boolean downOk = down.doubleValue() == value;
      boolean upOk = up.doubleValue() == value;
      if (downOk && upOk) {
        return exact.subtract(down).compareTo(up.subtract(exact)) <= 0 ? down : up;
      }
      if (downOk) {
        return down;
      }
      if (upOk) {
        return up;
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
  }

  private static void write(JsonNode node, StringBuilder out, String path) {
    switch (node.getNodeType()) {
      case OBJECT:
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
        // String.compareTo compares UTF-16 code units, exactly the order RFC 8785 asks for.
        members.sort(Map.Entry.comparingByKey());
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonNode> member : members) {
          if (!first) {
            out.append(',');
          }
          first = false;
          writeString(member.getKey(), out, path);
          out.append(':');
          write(member.getValue(), out, path + "/" + member.getKey());
        }
        out.append('}');
        break;
      case ARRAY:
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          write(node.get(i), out, path + "/" + i);
        }
        out.append(']');
        break;
      case STRING:
        writeString(node.stringValue(), out, path);
        break;
      case NUMBER:
        writeNumber(node, out, path);
        break;
      case BOOLEAN:
        out.append(node.booleanValue() ? "true" : "false");
        break;
      case NULL:
        out.append("null");
        break;
      default:
        throw new CanonicalJsonException(
            "value at '" + path + "' is a " + node.getNodeType() + "; only JSON values allowed");
    }
  }

  private static void writeNumber(JsonNode node, StringBuilder out, String path) {
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      long v = node.longValue();
      if (Math.abs(v) <= MAX_SAFE_INTEGER) {
        out.append(v);
        return;
      }
    }
    double d = node.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new CanonicalJsonException(
          "number at '" + path + "' is not a finite double; RFC 8785 allows finite numbers only");
    }
    out.append(formatNumber(d));
  }

  private static void writeString(String s, StringBuilder out, String path) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\b':
          out.append("\\b");
          break;
        case '\f':
          out.append("\\f");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20) {
            out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          } else if (Character.isHighSurrogate(c)) {
            if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
              throw new CanonicalJsonException(
                  "string at '" + path + "' holds a lone surrogate at index " + i);
            }
            out.append(c).append(s.charAt(++i));
          } else if (Character.isLowSurrogate(c)) {
            throw new CanonicalJsonException(
                "string at '" + path + "' holds a lone surrogate at index " + i);
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }
}
