package org.vansdk.core.json;

/**
 * The character encoding a JSON input is written in, told from its first bytes as RFC 8259 (and RFC
 * 4627 before it) allow: a byte-order mark, or the pattern of zero bytes that the first ASCII
 * character of a JSON text leaves in UTF-16 and UTF-32. The wire format is UTF-8 without a
 * byte-order mark ({@link #isWireFormat()}): RFC 8259 section 8.1 forbids adding a mark to JSON
 * sent over a network, and JavaScript's {@code JSON.parse} and Python's {@code json.loads} reject
 * one, so a payload that carries it would not be portable. Jackson alone would silently decode
 * every one of these encodings; the SDK's readers refuse all but the wire format.
 *
 * @since 1.0
 */
public enum JsonEncoding {
  /** UTF-8 without a byte-order mark: the wire format. */
  UTF_8("UTF-8"),
  /** UTF-8 preceded by the byte-order mark EF BB BF. */
  UTF_8_WITH_BOM("UTF-8 with a byte-order mark"),
  /** UTF-16, big-endian (with or without a byte-order mark). */
  UTF_16BE("UTF-16BE"),
  /** UTF-16, little-endian (with or without a byte-order mark). */
  UTF_16LE("UTF-16LE"),
  /** UTF-32, big-endian (with or without a byte-order mark). */
  UTF_32BE("UTF-32BE"),
  /** UTF-32, little-endian (with or without a byte-order mark). */
  UTF_32LE("UTF-32LE");

  private final String label;

  JsonEncoding(String label) {
    this.label = label;
  }

  /**
   * Tells the encoding of a JSON input from its first (up to four) bytes. Input that is empty, or
   * whose first bytes are neither a mark nor hold a zero byte, is {@link #UTF_8}; its bytes are
   * then checked as UTF-8 by the parser.
   *
   * @param bytes the input
   * @param offset where the input starts
   * @param length how many bytes there are from {@code offset}
   * @return the encoding
   */
  public static JsonEncoding detect(byte[] bytes, int offset, int length) {
    int n = Math.min(4, Math.max(0, length));
    int[] b = new int[4];
    for (int i = 0; i < n; i++) {
      b[i] = bytes[offset + i] & 0xFF;
    }
    if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
      return UTF_8_WITH_BOM;
    }
    if (n >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF) {
      return UTF_32BE;
    }
    if (n >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0) {
      return UTF_32LE;
    }
    if (n >= 2 && b[0] == 0xFE && b[1] == 0xFF) {
      return UTF_16BE;
    }
    if (n >= 2 && b[0] == 0xFF && b[1] == 0xFE) {
      return UTF_16LE;
    }
    // A JSON text starts with an ASCII character (or white space): in UTF-16 and UTF-32 it leaves
    // zero bytes before or after it, which UTF-8 JSON never has there.
    if (n >= 1 && b[0] == 0) {
      return n >= 2 && b[1] == 0 ? UTF_32BE : UTF_16BE;
    }
    if (n >= 2 && b[1] == 0) {
      return n >= 3 && b[2] == 0 ? UTF_32LE : UTF_16LE;
    }
    return UTF_8;
  }

  /**
   * Tells the encoding of a whole JSON input.
   *
   * @param bytes the input
   * @return the encoding
   */
  public static JsonEncoding detect(byte[] bytes) {
    return detect(bytes, 0, bytes.length);
  }

  /** Returns whether this is the wire format, UTF-8 without a byte-order mark. */
  public boolean isWireFormat() {
    return this == UTF_8;
  }

  /**
   * Returns what is wrong with an input in this encoding, for error messages.
   *
   * @return e.g. {@code "the input is UTF-16LE; VAN payloads are UTF-8 without a byte-order mark"}
   */
  public String problem() {
    return "the input is "
        + label
        + "; VAN payloads are UTF-8 without a byte-order mark"
        + (this == UTF_8_WITH_BOM ? " (save the file without the mark)" : "");
  }
}
