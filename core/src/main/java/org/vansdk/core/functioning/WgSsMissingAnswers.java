package org.vansdk.core.functioning;

/**
 * How the WG-SS identifiers treat missing answers (refused, don't know, not ascertained). Both
 * rules count the sums over valid answers and answer yes when the valid answers meet the cut-off;
 * they differ only for a person who does not meet it.
 *
 * @since 1.0
 */
public enum WgSsMissingAnswers {
  /**
   * The Washington Group's own analytic syntax for the Short Set, and the default: an identifier is
   * unknown only when all six answers are missing, and no otherwise. Figures computed this way
   * match those of statistics offices that use the WG syntax.
   */
  WG_ANALYTIC_SYNTAX,

  /**
   * A stricter reading, never the default: an identifier is no only when all six answers are valid,
   * and unknown whenever a missing answer could still meet the cut-off (any missing answer can, as
   * "cannot do at all" meets every cut-off). Figures computed this way do not match national
   * statistics.
   */
  UNKNOWN_IF_A_MISSING_ANSWER_COULD_MEET_IT
}
