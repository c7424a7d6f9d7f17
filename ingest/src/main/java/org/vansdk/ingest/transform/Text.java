package org.vansdk.ingest.transform;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Normalisation of source text: trimmed, runs of white space (including no-break spaces) collapsed
 * to one space, Unicode NFC; and a folded form for comparisons (also lower case, with Khmer, Lao,
 * Thai and Myanmar digits as ASCII digits).
 */
public final class Text {
  private Text() {}

  /**
   * Returns the text trimmed, with inner white space collapsed, in NFC.
   *
   * @param raw the source text
   * @return the normalised text, possibly empty
   */
  public static String normalise(String raw) {
    int n = raw.length();
    boolean plain = n == 0 || (!isSpace(raw.charAt(0)) && !isSpace(raw.charAt(n - 1)));
    boolean ascii = true;
    for (int i = 0; plain && i < n; i++) {
      char c = raw.charAt(i);
      if (c >= 0x80) {
        ascii = false;
      }
      if (isSpace(c) && (c != ' ' || (i + 1 < n && isSpace(raw.charAt(i + 1))))) {
        plain = false;
      }
    }
    if (plain) {
      return ascii || Normalizer.isNormalized(raw, Normalizer.Form.NFC)
          ? raw
          : Normalizer.normalize(raw, Normalizer.Form.NFC);
    }
    StringBuilder sb = new StringBuilder(n);
    boolean space = false;
    for (int i = 0; i < n; i++) {
      char c = raw.charAt(i);
      if (isSpace(c)) {
        space = sb.length() > 0;
      } else {
        if (space) {
          sb.append(' ');
          space = false;
        }
        sb.append(c);
      }
    }
    String s = sb.toString();
    return Normalizer.isNormalized(s, Normalizer.Form.NFC)
        ? s
        : Normalizer.normalize(s, Normalizer.Form.NFC);
  }

  /**
   * Returns the form used to compare values: normalised, lower case, national digits as ASCII.
   *
   * @param raw the source text
   * @return the folded text
   */
  public static String fold(String raw) {
    return Digits.toAscii(normalise(raw)).toLowerCase(Locale.ROOT);
  }

  private static boolean isSpace(char c) {
    if (c > ' ' && c < '\u00a0') {
      return false; // printable ASCII and C1 controls, none of them a space: most characters
    }
    return c == ' '
        || c == '\t'
        || c == '\n'
        || c == '\r'
        || c == '\u00a0'
        || c == '\u200b'
        || c == '\u3000'
        || c == '\ufeff'
        || (c >= '\u2000' && c <= '\u200a');
  }
}
