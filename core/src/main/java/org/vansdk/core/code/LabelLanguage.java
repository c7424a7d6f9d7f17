package org.vansdk.core.code;

import java.util.Locale;

/**
 * A language in which code-list labels are provided, with its BCP 47 tag.
 *
 * @since 1.0
 */
public enum LabelLanguage {
  /** English, the source language. */
  EN("en"),
  /** Khmer. */
  KM("km"),
  /** Lao. */
  LO("lo"),
  /** Burmese. */
  MY("my"),
  /** Thai. */
  TH("th"),
  /** Vietnamese. */
  VI("vi");

  private final String tag;

  LabelLanguage(String tag) {
    this.tag = tag;
  }

  /** Returns the BCP 47 language tag, e.g. {@code km}. */
  public String tag() {
    return tag;
  }

  /** Returns the JDK locale of this language. */
  public Locale locale() {
    return Locale.forLanguageTag(tag);
  }
}
