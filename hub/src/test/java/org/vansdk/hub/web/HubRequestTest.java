package org.vansdk.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vansdk.core.ErrorCode;

/** Query numbers are ASCII digits in range; anything else is a 400 that never repeats the value. */
class HubRequestTest {
  private static final ErrorCode CODE = ErrorCode.of("VAN-H-0007");

  @Test
  void wholeNumber_readsPlainDigitsInRange() {
    assertEquals(0, HubRequest.wholeNumber("0", "after", 0, Long.MAX_VALUE, CODE));
    assertEquals(
        Long.MAX_VALUE,
        HubRequest.wholeNumber("9223372036854775807", "after", 0, Long.MAX_VALUE, CODE));
    assertEquals(25, HubRequest.wholeNumber("025", "wait", 0, 25, CODE));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "+5",
        "-1",
        "5 ",
        "5.0",
        "5e0",
        "0x5",
        "26",
        "9223372036854775808",
        "99999999999999999999999",
        "\u0665",
        "\u0e55",
        "\uff15",
        "5\u0000"
      })
  void wholeNumber_refusesEverythingElse_withoutTheValue(String text) {
    HubException e =
        assertThrows(HubException.class, () -> HubRequest.wholeNumber(text, "wait", 0, 25, CODE));
    assertEquals(400, e.status());
    assertEquals(CODE, e.code());
    assertFalse(!text.isEmpty() && e.getMessage().contains(text), e.getMessage());
  }
}
