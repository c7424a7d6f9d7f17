package org.vansdk.core.functioning;

import java.util.Objects;
import org.immutables.value.Value;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;
import org.vansdk.core.VanStyle;
import org.vansdk.core.code.YesNoUnknown;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The Washington Group Short Set identifiers derived from six answers. The sums count valid answers
 * only: SUM_234 domains with some difficulty or worse, SUM_34 a lot or cannot, SUM_4 cannot.
 * DISABILITY1 = SUM_234 &ge; 1; DISABILITY2 = SUM_234 &ge; 2 or SUM_34 &ge; 1; DISABILITY3 = SUM_34
 * &ge; 1 (the WG's recommended cut-off); DISABILITY4 = SUM_4 &ge; 1. Refused, don't know and not
 * ascertained are missing. By default, as in the Washington Group's own analytic syntax, an
 * identifier is yes if the valid answers meet it, unknown only when all six answers are missing,
 * and no otherwise ({@link WgSsMissingAnswers#WG_ANALYTIC_SYNTAX}); a stricter rule is available
 * through {@link #from(WgSsMissingAnswers, WgSsResponse...)}.
 *
 * @since 1.0
 */
@Value.Immutable
@VanStyle
@JsonSerialize(as = ImmutableWgSsIdentifiers.class)
@JsonDeserialize(as = ImmutableWgSsIdentifiers.class)
public abstract class WgSsIdentifiers {
  /** Returns SUM_234 over the valid answers (0-6). */
  public abstract int sum234();

  /** Returns SUM_34 over the valid answers (0-6). */
  public abstract int sum34();

  /** Returns SUM_4 over the valid answers (0-6). */
  public abstract int sum4();

  /** Returns how many of the six answers are missing (refused, don't know, not ascertained). */
  public abstract int missing();

  /** Returns DISABILITY1: some difficulty or worse in at least one domain. */
  public abstract YesNoUnknown disability1();

  /** Returns DISABILITY2: some difficulty in two domains, or a lot or worse in one. */
  public abstract YesNoUnknown disability2();

  /** Returns DISABILITY3: a lot of difficulty or cannot do in at least one domain. */
  public abstract YesNoUnknown disability3();

  /** Returns DISABILITY4: cannot do at all in at least one domain. */
  public abstract YesNoUnknown disability4();

  /**
   * Derives the identifiers from the six answers by the Washington Group's analytic syntax ({@link
   * WgSsMissingAnswers#WG_ANALYTIC_SYNTAX}).
   *
   * @param answers exactly six answers, one per domain
   * @return the identifiers
   * @throws IllegalArgumentException if not exactly six answers are given
   */
  public static WgSsIdentifiers from(WgSsResponse... answers) {
    return from(WgSsMissingAnswers.WG_ANALYTIC_SYNTAX, answers);
  }

  /**
   * Derives the identifiers from the six answers, treating missing answers by the given rule.
   *
   * @param rule how missing answers decide between no and unknown
   * @param answers exactly six answers, one per domain
   * @return the identifiers
   * @throws IllegalArgumentException if not exactly six answers are given
   */
  public static WgSsIdentifiers from(WgSsMissingAnswers rule, WgSsResponse... answers) {
    Objects.requireNonNull(rule, "rule");
    if (answers.length != WgSsDomain.values().length) {
      throw new IllegalArgumentException("WG-SS needs exactly six answers, got " + answers.length);
    }
    int sum234 = 0;
    int sum34 = 0;
    int sum4 = 0;
    int missing = 0;
    for (WgSsResponse a : answers) {
      if (!a.isValid()) {
        missing++;
      } else {
        sum234 += a.isSomeDifficultyOrWorse() ? 1 : 0;
        sum34 += a.isALotOrWorse() ? 1 : 0;
        sum4 += a == WgSsResponse.CANNOT_DO_AT_ALL ? 1 : 0;
      }
    }
    // Whether an identifier the valid answers do not meet is no (rather than unknown).
    boolean decided =
        rule == WgSsMissingAnswers.WG_ANALYTIC_SYNTAX ? missing < answers.length : missing == 0;
    return ImmutableWgSsIdentifiers.builder()
        .sum234(sum234)
        .sum34(sum34)
        .sum4(sum4)
        .missing(missing)
        .disability1(triState(sum234 >= 1, decided))
        .disability2(triState(sum234 >= 2 || sum34 >= 1, decided))
        .disability3(triState(sum34 >= 1, decided))
        .disability4(triState(sum4 >= 1, decided))
        .build();
  }

  private static YesNoUnknown triState(boolean met, boolean decided) {
    if (met) {
      return YesNoUnknown.YES;
    }
    return decided ? YesNoUnknown.NO : YesNoUnknown.UNKNOWN;
  }

  @Value.Check
  void check() {
    int[] counts = {sum234(), sum34(), sum4(), missing()};
    for (int n : counts) {
      if (n < 0 || n > 6) {
        throw new VanException(
            ErrorCode.INVARIANT_VIOLATED, "WG-SS sums and missing count must be 0-6");
      }
    }
  }
}
