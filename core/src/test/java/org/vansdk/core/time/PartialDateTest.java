package org.vansdk.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;

class PartialDateTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "2019-02-30",
        "2019-13",
        "2019-00",
        "2019-04-31",
        "19",
        "2019-1-01",
        "2019/01/01",
        "",
        "0000",
        "2023-02-29"
      })
  void invalid_isRejected(String text) {
    VanException e = assertThrows(VanException.class, () -> PartialDate.parse(text));
    assertEquals(ErrorCode.INVALID_DATE, e.code());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1985", "1985-06", "1985-06-14", "2024-02-29", "2000-02-29"})
  void valid_roundTripsThroughText(String text) {
    assertEquals(text, PartialDate.parse(text).toString());
  }

  @Test
  void ranges_coverEveryDayItMayBe() {
    PartialDate feb = PartialDate.parse("2024-02");
    assertEquals(LocalDate.of(2024, 2, 1), feb.earliest());
    assertEquals(LocalDate.of(2024, 2, 29), feb.latest());
    assertEquals(LocalDate.of(1985, 12, 31), PartialDate.parse("1985").latest());
  }

  @Test
  void comparisons_respectPrecision() {
    PartialDate y = PartialDate.parse("2019");
    PartialDate m = PartialDate.parse("2019-05");
    PartialDate d = PartialDate.parse("2019-06-14");
    assertTrue(y.couldBeSameDay(d));
    assertFalse(m.couldBeSameDay(d));
    assertTrue(m.isCertainlyBefore(d));
    assertFalse(y.isCertainlyBefore(d));
    assertFalse(y.isCertainlyAfter(d));
    assertTrue(PartialDate.parse("2020").isCertainlyAfter(d));
    assertTrue(y.compareTo(m) < 0);
    assertTrue(PartialDate.parse("2019-01").compareTo(y) > 0, "same earliest day: coarser first");
  }

  @Test
  void ageRange_fromPartialDates() {
    AgeRange r = AgeRange.between(PartialDate.parse("1985"), PartialDate.parse("2019-06-14"));
    assertEquals(33, r.min());
    assertEquals(34, r.max());
    assertTrue(r.exact().isEmpty());
    assertEquals(
        34,
        AgeRange.between(PartialDate.parse("1985-01-02"), PartialDate.parse("2019-06-14"))
            .exact()
            .get());
    assertEquals(
        0, AgeRange.between(PartialDate.parse("2019"), PartialDate.parse("2019-06")).min());
  }

  @Test
  void shape_isExactlyThePattern_andParseReadsWhatTheGroupsSay() {
    // the parser reads digits by hand; the published pattern is the specification
    java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(PartialDate.PATTERN);
    java.util.regex.Pattern groups =
        java.util.regex.Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");
    String alphabet = "0123456789--9/ \n\u0660\u0e51T";
    java.util.Random random = new java.util.Random(17);
    for (int i = 0; i < 200_000; i++) {
      StringBuilder sb = new StringBuilder();
      int length = random.nextInt(4) == 0 ? random.nextInt(12) : new int[] {4, 7, 10}[i % 3];
      for (int j = 0; j < length; j++) {
        boolean dash = (j == 4 || j == 7) && random.nextInt(8) != 0;
        sb.append(dash ? '-' : alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = sb.toString();
      boolean shaped = pattern.matcher(text).matches();
      assertEquals(shaped, PartialDate.isWellFormed(text), "seed 17, text [" + text + "]");
      if (!shaped) {
        assertThrows(VanException.class, () -> PartialDate.parse(text), text);
        continue;
      }
      java.util.regex.Matcher m = groups.matcher(text);
      assertTrue(m.matches());
      String expected;
      try {
        PartialDate byGroups =
            m.group(2) == null
                ? PartialDate.ofYear(Integer.parseInt(m.group(1)))
                : m.group(3) == null
                    ? PartialDate.ofYearMonth(
                        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))
                    : PartialDate.ofDate(
                        Integer.parseInt(m.group(1)),
                        Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
        expected = byGroups.toString();
      } catch (RuntimeException e) {
        expected = "refused: " + e.getClass().getName();
      }
      String actual;
      try {
        actual = PartialDate.parse(text).toString();
      } catch (RuntimeException e) {
        actual = "refused: " + e.getClass().getName();
      }
      assertEquals(expected, actual, "seed 17, text [" + text + "]");
    }
    assertFalse(PartialDate.isWellFormed(null));
  }
}
