package org.vansdk.anonymisation.pseudonym;

import java.text.Normalizer;

/**
 * Normalises an identifier before it is pseudonymised, so that the same identifier written
 * differently gives the same pseudonym: Unicode NFKC, every decimal digit of any script (Khmer ០-៩,
 * Lao ໐-໙, Thai ๐-๙, Myanmar ၀-၉, full-width ...) to ASCII, separators (white space, hyphens and
 * dashes, dots, slashes, underscores) removed, letters upper-cased.
 *
 * @since 1.0
 */
public final class IdentifierNormaliser {
  private IdentifierNormaliser() {}

  /**
   * Normalises an identifier.
   *
   * @param identifier the raw identifier
   * @return the normalised form; may be empty
   */
  public static String normalise(String identifier) {
    boolean ascii = true;
    for (int i = 0; i < identifier.length() && ascii; i++) {
      ascii = identifier.charAt(i) < 0x80;
    }
    String text = ascii ? identifier : Normalizer.normalize(identifier, Normalizer.Form.NFKC);
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (isSeparator(cp)) {
        continue;
      }
      if (cp >= '0' && cp <= '9') {
        out.append((char) cp);
      } else if (cp >= 'a' && cp <= 'z') {
        out.append((char) (cp - 32));
      } else if (cp < 0x80) {
        out.append((char) cp);
      } else if (Character.isDigit(cp)) {
        out.append((char) ('0' + Character.digit(cp, 10)));
      } else {
        out.append(Character.toChars(Character.toUpperCase(cp)));
      }
    }
    return out.toString();
  }

  private static boolean isSeparator(int cp) {
    switch (cp) {
      case '-':
      case '.':
      case '/':
      case '_':
      case ' ':
      case '\t':
      case '\n':
      case '\r':
      case 0x00A0:
      case 0x2010:
      case 0x2011:
      case 0x2012:
      case 0x2013:
      case 0x2014:
      case 0x2212:
      case 0x200B:
        return true;
      default:
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }
  }
}
