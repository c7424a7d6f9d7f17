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
}
