package org.vansdk.core.functioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vansdk.core.code.YesNoUnknown;

/**
 * Checks the WG-SS derivation against the Washington Group's analytic syntax for the Short Set. The
 * WG codes each answer 1 no difficulty, 2 some, 3 a lot, 4 cannot do at all, 7 refused, 8 don't
 * know, 9 not ascertained; its syntax counts {@code SUM_234 = COUNT(2 thru 4)}, {@code SUM_34 =
 * COUNT(3 thru 4)}, {@code SUM_4 = COUNT(4)} over the six domains, sets each DISABILITY variable to
 * 1 when its cut-off is met, to missing when all six domains are 7, 8 or 9, and to 0 otherwise. The
 * table below is written in those codes; the exhaustive tests re-state the syntax independently and
 * run all 7^6 answer combinations.
 */
class WgSsIdentifiersTest {
  /** Our answers in the WG's code order: 1, 2, 3, 4, 7, 8, 9. */
  private static final WgSsResponse[] BY_WG_CODE = {
    WgSsResponse.NO_DIFFICULTY,
    WgSsResponse.SOME_DIFFICULTY,
    WgSsResponse.A_LOT_OF_DIFFICULTY,
    WgSsResponse.CANNOT_DO_AT_ALL,
    WgSsResponse.REFUSED,
    WgSsResponse.DONT_KNOW,
    WgSsResponse.NOT_ASCERTAINED
  };

  private static final int[] WG_CODES = {1, 2, 3, 4, 7, 8, 9};

  @ParameterizedTest(name = "{0}: {5}")
  @CsvSource(
      delimiter = '|',
      value = {
        // WG codes for seeing, hearing, walking, cognition, self-care, communication | SUM_234 |
        // SUM_34 | SUM_4 | missing | DISABILITY1-4 (y yes, n no, u unknown = WG missing)
        "777777 | 0 | 0 | 0 | 6 | uuuu",
        "789987 | 0 | 0 | 0 | 6 | uuuu",
        "111117 | 0 | 0 | 0 | 1 | nnnn",
        "111111 | 0 | 0 | 0 | 0 | nnnn",
        "311118 | 1 | 1 | 0 | 1 | yyyn",
        "411119 | 1 | 1 | 1 | 1 | yyyy",
        "211117 | 1 | 0 | 0 | 1 | ynnn",
        "221178 | 2 | 0 | 0 | 2 | yynn",
        "777771 | 0 | 0 | 0 | 5 | nnnn",
        "777772 | 1 | 0 | 0 | 5 | ynnn",
        "777773 | 1 | 1 | 0 | 5 | yyyn",
        "897974 | 1 | 1 | 1 | 5 | yyyy",
        "222222 | 6 | 0 | 0 | 0 | yynn",
        "123417 | 3 | 2 | 1 | 1 | yyyy",
      })
  void wgSyntax_table(String codes, int sum234, int sum34, int sum4, int missing, String ids) {
    WgSsIdentifiers got = WgSsIdentifiers.from(answers(codes));
    assertEquals(sum234, got.sum234(), codes + " SUM_234");
    assertEquals(sum34, got.sum34(), codes + " SUM_34");
    assertEquals(sum4, got.sum4(), codes + " SUM_4");
    assertEquals(missing, got.missing(), codes + " missing");
    for (int cutOff = 1; cutOff <= 4; cutOff++) {
      assertEquals(
          letter(ids.charAt(cutOff - 1)), identifier(got, cutOff), codes + " DISABILITY" + cutOff);
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "777777 | uuuu",
        "111117 | uuuu",
        "111111 | nnnn",
        "211117 | yuuu",
        "311118 | yyyu",
        "411119 | yyyy",
        "777771 | uuuu",
      })
  void stricterRule_isUnknownWheneverAMissingAnswerCouldMeetTheCutOff(String codes, String ids) {
    WgSsIdentifiers got =
        WgSsIdentifiers.from(
            WgSsMissingAnswers.UNKNOWN_IF_A_MISSING_ANSWER_COULD_MEET_IT, answers(codes));
    for (int cutOff = 1; cutOff <= 4; cutOff++) {
      assertEquals(
          letter(ids.charAt(cutOff - 1)), identifier(got, cutOff), codes + " DISABILITY" + cutOff);
    }
  }

  @Test
  void default_isTheWgSyntax_forAllCombinations() {
    int checked = 0;
    for (int n = 0; n < 117_649; n++) {
      int[] wg = wgCodes(n);
      WgSsResponse[] answers = answers(wg);
      WgSsIdentifiers got = WgSsIdentifiers.from(answers);
      assertEquals(got, WgSsIdentifiers.from(WgSsMissingAnswers.WG_ANALYTIC_SYNTAX, answers));
      for (int cutOff = 1; cutOff <= 4; cutOff++) {
        assertEquals(
            wgSyntax(wg, cutOff), identifier(got, cutOff), () -> "WG codes " + Arrays.toString(wg));
      }
      assertEquals(count(wg, 2, 4), got.sum234());
      assertEquals(count(wg, 3, 4), got.sum34());
      assertEquals(count(wg, 4, 4), got.sum4());
      assertEquals(count(wg, 7, 9), got.missing());
      checked++;
    }
    assertEquals(117_649, checked);
  }

  @Test
  void stricterRule_matchesEveryCompletionOfTheMissingAnswers_forAllCombinations() {
    for (int n = 0; n < 117_649; n++) {
      int[] wg = wgCodes(n);
      WgSsIdentifiers got =
          WgSsIdentifiers.from(
              WgSsMissingAnswers.UNKNOWN_IF_A_MISSING_ANSWER_COULD_MEET_IT, answers(wg));
      for (int cutOff = 1; cutOff <= 4; cutOff++) {
        assertEquals(
            byCompletions(wg, cutOff),
            identifier(got, cutOff),
            () -> "WG codes " + Arrays.toString(wg));
      }
    }
  }

  @Test
  void notSixAnswers_isRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> WgSsIdentifiers.from(WgSsResponse.NO_DIFFICULTY, WgSsResponse.NO_DIFFICULTY));
  }

  /**
   * The WG syntax: {@code DISABILITYn = 0; IF (cut-off met) DISABILITYn = 1; IF (all six in 7, 8,
   * 9) DISABILITYn = missing}.
   */
  private static YesNoUnknown wgSyntax(int[] wg, int cutOff) {
    YesNoUnknown d = meets(wg, cutOff) ? YesNoUnknown.YES : YesNoUnknown.NO;
    if (count(wg, 7, 9) == 6) {
      d = YesNoUnknown.UNKNOWN;
    }
    return d;
  }

  /** Yes if met whatever the missing answers were, no if not met whatever, else unknown. */
  private static YesNoUnknown byCompletions(int[] wg, int cutOff) {
    boolean always = true;
    boolean ever = false;
    int missing = count(wg, 7, 9);
    for (int c = 0; c < (int) Math.pow(4, missing); c++) {
      int[] filled = wg.clone();
      int r = c;
      for (int i = 0; i < 6; i++) {
        if (filled[i] >= 7) {
          filled[i] = 1 + r % 4;
          r /= 4;
        }
      }
      boolean met = meets(filled, cutOff);
      always &= met;
      ever |= met;
    }
    return always ? YesNoUnknown.YES : ever ? YesNoUnknown.UNKNOWN : YesNoUnknown.NO;
  }

  private static boolean meets(int[] wg, int cutOff) {
    int sum234 = count(wg, 2, 4);
    int sum34 = count(wg, 3, 4);
    int sum4 = count(wg, 4, 4);
    switch (cutOff) {
      case 1:
        return sum234 >= 1;
      case 2:
        return sum234 >= 2 || sum34 >= 1;
      case 3:
        return sum34 >= 1;
      default:
        return sum4 >= 1;
    }
  }

  private static int count(int[] wg, int from, int to) {
    int n = 0;
    for (int c : wg) {
      if (c >= from && c <= to) {
        n++;
      }
    }
    return n;
  }

  private static int[] wgCodes(int n) {
    int[] wg = new int[6];
    int rest = n;
    for (int i = 0; i < 6; i++) {
      wg[i] = WG_CODES[rest % 7];
      rest /= 7;
    }
    return wg;
  }

  private static WgSsResponse[] answers(String codes) {
    return answers(codes.chars().map(c -> c - '0').toArray());
  }

  private static WgSsResponse[] answers(int[] wg) {
    WgSsResponse[] answers = new WgSsResponse[wg.length];
    for (int i = 0; i < wg.length; i++) {
      int index = Arrays.binarySearch(WG_CODES, wg[i]);
      if (index < 0) {
        throw new IllegalArgumentException("not a WG code: " + wg[i]);
      }
      answers[i] = BY_WG_CODE[index];
    }
    return answers;
  }

  private static YesNoUnknown letter(char c) {
    return c == 'y' ? YesNoUnknown.YES : c == 'n' ? YesNoUnknown.NO : YesNoUnknown.UNKNOWN;
  }

  private static YesNoUnknown identifier(WgSsIdentifiers id, int cutOff) {
    switch (cutOff) {
      case 1:
        return id.disability1();
      case 2:
        return id.disability2();
      case 3:
        return id.disability3();
      default:
        return id.disability4();
    }
  }
}
