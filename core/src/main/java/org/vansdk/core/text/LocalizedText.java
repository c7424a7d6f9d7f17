package org.vansdk.core.text;

import org.immutables.value.Value;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;
import org.vansdk.core.VanStyle;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Free text tagged with its language (BCP 47, e.g. {@code km}, {@code en}, {@code th}), as every
 * text that may be shown to people in another country must be.
 *
 * @since 1.0
 */
@Value.Immutable
@VanStyle
@JsonSerialize(as = ImmutableLocalizedText.class)
@JsonDeserialize(as = ImmutableLocalizedText.class)
public abstract class LocalizedText {
  /** The regular expression a language tag matches (a practical subset of BCP 47). */
  public static final String LANGUAGE_PATTERN = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$";

  /** Returns the BCP 47 language tag. */
  public abstract String lang();

  /** Returns the text (redacted from {@code toString}: free text may carry personal data). */
  @Value.Redacted
  public abstract String text();

  /**
   * Returns a text in a language.
   *
   * @param lang the BCP 47 tag
   * @param text the text
   * @return the tagged text
   */
  public static LocalizedText of(String lang, String text) {
    return builder().lang(lang).text(text).build();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    if (!lang().matches(LANGUAGE_PATTERN)) {
      throw new VanException(
          ErrorCode.INVARIANT_VIOLATED,
          "language tag must be BCP 47, e.g. en, km, lo, my, th, vi, en-GB");
    }
  }

  /** Builds a {@link LocalizedText}. */
  public static final class Builder extends ImmutableLocalizedText.Builder {}
}
