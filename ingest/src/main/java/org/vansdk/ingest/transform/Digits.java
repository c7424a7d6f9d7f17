package org.vansdk.ingest.transform;

/**
 * Khmer (U+17E0), Lao (U+0ED0), Thai (U+0E50) and Myanmar (U+1040) digits as ASCII digits, so
 * "១៩៩៨", "໑໙໙໘", "๑๙๙๘" and "၁၉၉၈" all read as 1998.
 */
public final class Digits {
  private static final char[] ZEROS = {'\u17e0', '\u0ed0', '\u0e50', '\u1040'};

  private Digits() {}

  /**
   * Returns the text with national digits replaced by ASCII digits; other characters unchanged.
   *
   * @param text the text
   * @return the text with ASCII digits (the same instance when there was nothing to replace)
   */
  public static String toAscii(String text) {
    char[] chars = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x0e50) {
        continue;
      }
      for (char zero : ZEROS) {
        if (c >= zero && c <= zero + 9) {
          if (chars == null) {
            chars = text.toCharArray();
          }
          chars[i] = (char) ('0' + (c - zero));
        }
      }
    }
    return chars == null ? text : new String(chars);
  }
}
