package org.vansdk.core.functioning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.vansdk.core.code.YesNoUnknown;

/**
 * Checks the WG-SS derivation exhaustively (all 7^6 answer combinations) against an independent
 * formulation written from the published rules: counts are recomputed from digit codes, the
 * cut-offs are re-stated, and the missing-answer rule is decided by filling the missing answers in
 * every possible way (yes when the valid answers meet the cut-off even if all missing ones were "no
 * difficulty", no when nothing is missing and it is not met, unknown otherwise).
 */
class WgSsIdentifiersTest {
  private static final WgSsResponse[] ALL = WgSsResponse.values();

  @Test
  void allCombinations_matchIndependentFormulation() {
    int[] digits = new int[6];
    int checked = 0;
    for (int n = 0; n < 117_649; n++) {
      int rest = n;
      WgSsResponse[] answers = new WgSsResponse[6];
      for (int i = 0; i < 6; i++) {
        digits[i] = rest % 7;
        rest /= 7;
        answers[i] = ALL[digits[i]];
      }
      WgSsIdentifiers got = WgSsIdentifiers.from(answers);
      for (int cutOff = 1; cutOff <= 4; cutOff++) {
        assertEquals(
            reference(digits, cutOff),
            identifier(got, cutOff),
            () -> "answers " + java.util.Arrays.toString(answers));
      }
      assertEquals(count(digits, 1, 3), got.sum234());
      assertEquals(count(digits, 2, 3), got.sum34());
      assertEquals(count(digits, 3, 3), got.sum4());
      checked++;
    }
    assertEquals(117_649, checked);
  }

  @Test
  void recommendedCutOff_examples() {
    WgSsIdentifiers a =
        WgSsIdentifiers.from(
            WgSsResponse.NO_DIFFICULTY,
            WgSsResponse.SOME_DIFFICULTY,
            WgSsResponse.NO_DIFFICULTY,
            WgSsResponse.REFUSED,
            WgSsResponse.NO_DIFFICULTY,
            WgSsResponse.NO_DIFFICULTY);
    assertEquals(YesNoUnknown.YES, a.disability1());
    assertEquals(YesNoUnknown.UNKNOWN, a.disability2());
    assertEquals(YesNoUnknown.UNKNOWN, a.disability3());
    WgSsIdentifiers b =
        WgSsIdentifiers.from(
            WgSsResponse.NO_DIFFICULTY,
            WgSsResponse.NO_DIFFICULTY,
            WgSsResponse.CANNOT_DO_AT_ALL,
            WgSsResponse.DONT_KNOW,
            WgSsResponse.NO_DIFFICULTY,
            WgSsResponse.NO_DIFFICULTY);
    assertEquals(YesNoUnknown.YES, b.disability3());
    assertEquals(YesNoUnknown.YES, b.disability4());
    assertEquals(1, b.missing());
  }

  /** 0 no, 1 some, 2 a lot, 3 cannot; 4-6 missing. */
  private static YesNoUnknown reference(int[] digits, int cutOff) {
    boolean anyMissing = false;
    boolean metInEveryCompletion = true;
    boolean metInSomeCompletion = false;
    int missing = 0;
    for (int d : digits) {
      if (d > 3) {
        missing++;
      }
    }
    int completions = (int) Math.pow(4, missing);
    for (int c = 0; c < completions; c++) {
      int[] filled = digits.clone();
      int r = c;
      for (int i = 0; i < 6; i++) {
        if (filled[i] > 3) {
          anyMissing = true;
          filled[i] = r % 4;
          r /= 4;
        }
      }
      boolean met = meets(filled, cutOff);
      metInEveryCompletion &= met;
      metInSomeCompletion |= met;
    }
    // "yes if the valid answers already meet it": met even when every missing answer is "no
    // difficulty".
    int[] lowest = digits.clone();
    for (int i = 0; i < 6; i++) {
      if (lowest[i] > 3) {
        lowest[i] = 0;
      }
    }
    if (meets(lowest, cutOff)) {
      return YesNoUnknown.YES;
    }
    if (!anyMissing) {
      return metInSomeCompletion ? YesNoUnknown.YES : YesNoUnknown.NO;
    }
    return metInEveryCompletion ? YesNoUnknown.YES : YesNoUnknown.UNKNOWN;
  }

  private static boolean meets(int[] d, int cutOff) {
    int some = count(d, 1, 3);
    int lot = count(d, 2, 3);
    int cannot = count(d, 3, 3);
    switch (cutOff) {
      case 1:
        return some >= 1;
      case 2:
        return some >= 2 || lot >= 1;
      case 3:
        return lot >= 1;
      default:
        return cannot >= 1;
    }
  }

  private static int count(int[] digits, int from, int to) {
    int n = 0;
    for (int d : digits) {
      if (d >= from && d <= to) {
        n++;
      }
    }
    return n;
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
