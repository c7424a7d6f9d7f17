package org.vansdk.transport.httpsig;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of RFC 8941 (Structured Field Values) that HTTP Message Signatures need: dictionaries
 * whose members are inner lists or items, with parameters; bare items that are integers, strings,
 * tokens, byte sequences or booleans. Strict: anything else is an {@link IllegalArgumentException}
 * naming the offset. Stateless.
 */
final class StructuredFields {

  /** A token, as opposed to a string. */
  record Token(String text) {}

  /** An item or inner list with its parameters (name to bare item, in order). */
  record Member(Object value, Map<String, Object> params) {

    /** The items of an inner list. */
    @SuppressWarnings("unchecked")
    List<Member> items() {
      if (!(value instanceof List)) {
        throw new IllegalArgumentException("expected an inner list");
      }
      return (List<Member>) value;
    }
  }

  private final String text;
  private int pos;

  private StructuredFields(String text) {
    this.text = text;
  }

  /** Parses a dictionary field value; the members in order. */
  static Map<String, Member> dictionary(String value) {
    StructuredFields p = new StructuredFields(value);
    Map<String, Member> members = new LinkedHashMap<>();
    p.skipSpaces();
    while (p.pos < p.text.length()) {
      String key = p.key();
      Member m;
      if (p.peek() == '=') {
        p.pos++;
        m = p.peek() == '(' ? p.innerList() : p.item();
      } else {
        m = new Member(Boolean.TRUE, p.params());
      }
      if (members.put(key, m) != null) {
        throw p.error("member " + key + " appears twice");
      }
      p.skipOws();
      if (p.pos == p.text.length()) {
        break;
      }
      p.expect(',');
      p.skipOws();
      if (p.pos == p.text.length()) {
        throw p.error("trailing comma");
      }
    }
    return members;
  }

  private Member innerList() {
    expect('(');
    List<Member> items = new ArrayList<>();
    while (true) {
      while (peek() == ' ') {
        pos++;
      }
      if (peek() == ')') {
        pos++;
        return new Member(List.copyOf(items), params());
      }
      items.add(item());
      char c = peek();
      if (c != ' ' && c != ')') {
        throw error("expected a space or ) in an inner list");
      }
    }
  }

  private Member item() {
    Object bare = bareItem();
    return new Member(bare, params());
  }

  private Map<String, Object> params() {
    Map<String, Object> params = new LinkedHashMap<>();
    while (peek() == ';') {
      pos++;
      while (peek() == ' ') {
        pos++;
      }
      String key = key();
      Object value = Boolean.TRUE;
      if (peek() == '=') {
        pos++;
        value = bareItem();
      }
      if (params.put(key, value) != null) {
        throw error("parameter " + key + " appears twice");
      }
    }
    return params;
  }

  private Object bareItem() {
    char c = peek();
    if (c == '-' || (c >= '0' && c <= '9')) {
      return integer();
    }
    if (c == '"') {
      return string();
    }
    if (c == ':') {
      return bytes();
    }
    if (c == '?') {
      pos++;
      char b = peek();
      if (b != '0' && b != '1') {
        throw error("a boolean is ?0 or ?1");
      }
      pos++;
      return b == '1';
    }
    if (c == '*' || Character.isLetter(c) && c < 128) {
      int start = pos;
      while (pos < text.length() && tokenChar(text.charAt(pos))) {
        pos++;
      }
      return new Token(text.substring(start, pos));
    }
    throw error("not an integer, string, token, byte sequence or boolean");
  }

  private long integer() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    int digits = pos;
    while (pos < text.length() && Character.isDigit(text.charAt(pos)) && text.charAt(pos) < 128) {
      pos++;
    }
    if (pos == digits || pos - digits > 15) {
      throw error("an integer has 1 to 15 digits");
    }
    if (peek() == '.') {
      throw error("decimals are not used here");
    }
    return Long.parseLong(text.substring(start, pos));
  }

  private String string() {
    expect('"');
    StringBuilder sb = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '\\') {
        char n = peek();
        if (n != '"' && n != '\\') {
          throw error("only \\\" and \\\\ are escapes in a string");
        }
        sb.append(n);
        pos++;
      } else if (c == '"') {
        return sb.toString();
      } else if (c < 0x20 || c > 0x7e) {
        throw error("a string holds printable ASCII only");
      } else {
        sb.append(c);
      }
    }
    throw error("unterminated string");
  }

  private byte[] bytes() {
    expect(':');
    int end = text.indexOf(':', pos);
    if (end < 0) {
      throw error("unterminated byte sequence");
    }
    String b64 = text.substring(pos, end);
    pos = end + 1;
    try {
      return Base64.getDecoder().decode(b64);
    } catch (IllegalArgumentException e) {
      throw error("a byte sequence is base64");
    }
  }

  private String key() {
    int start = pos;
    char c = peek();
    if (!(c == '*' || (c >= 'a' && c <= 'z'))) {
      throw error("a key starts with a lower-case letter or *");
    }
    while (pos < text.length()) {
      char k = text.charAt(pos);
      if ((k >= 'a' && k <= 'z') || (k >= '0' && k <= '9') || "_-.*".indexOf(k) >= 0) {
        pos++;
      } else {
        break;
      }
    }
    return text.substring(start, pos);
  }

  private static boolean tokenChar(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || ":/!#$%&'*+-.^_`|~".indexOf(c) >= 0);
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected " + c);
    }
    pos++;
  }

  private void skipSpaces() {
    while (peek() == ' ') {
      pos++;
    }
  }

  private void skipOws() {
    while (peek() == ' ' || peek() == '\t') {
      pos++;
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("structured field at offset " + pos + ": " + what);
  }

  /** Serializes an inner list of string items (no item parameters) with its parameters. */
  static String innerList(List<String> items, Map<String, Object> params) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(string(items.get(i)));
    }
    sb.append(')');
    params.forEach(
        (k, v) -> {
          sb.append(';').append(k);
          if (!Boolean.TRUE.equals(v)) {
            sb.append('=').append(bare(v));
          }
        });
    return sb.toString();
  }

  private static String bare(Object v) {
    if (v instanceof String) {
      return string((String) v);
    }
    if (v instanceof Token) {
      return ((Token) v).text();
    }
    if (v instanceof byte[]) {
      return ":" + Base64.getEncoder().encodeToString((byte[]) v) + ":";
    }
    if (v instanceof Boolean) {
      return ((Boolean) v) ? "?1" : "?0";
    }
    return String.valueOf(v);
  }

  private static String string(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
