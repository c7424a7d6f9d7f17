package org.vansdk.core.code;

/**
 * A value of a code list: an enum constant with a stable lower_snake wire {@link #code()} and
 * labels in the network's languages. Every code-list enum of the SDK implements it.
 *
 * @since 1.0
 */
public interface CodeValue {
  /** Returns the stable wire code, e.g. {@code in_progress}. */
  String code();

  /**
   * Returns this value's label in a language, falling back to English where the language has none.
   *
   * @param language the language wanted
   * @return the label, never empty
   */
  default String label(LabelLanguage language) {
    return Labels.label(this, language);
  }
}
