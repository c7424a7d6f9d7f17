package org.vansdk.core.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;

class IdentifierTest {
  @Test
  void parts_areExposed() {
    PersonId id = PersonId.parse("LAO-NRA-7f3a.b_c-9");
    assertEquals("LAO", id.countryPrefix());
    assertEquals("NRA", id.organisationCode());
    assertEquals("7f3a.b_c-9", id.localId());
  }

  @Test
  void kinds_areNotEqual_evenWithSameText() {
    assertNotEquals(PersonId.parse("KHM-CMAA-1"), CasualtyId.parse("KHM-CMAA-1"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "khm-CMAA-1",
        "KHM-C-1",
        "KHM-CMBB-",
        "KHM-CMBB-_x",
        "KH-CMAA-1",
        "KHM-CMAA-1 2",
        "KHM-ABCDEFGHIJKLMNOPQ-1"
      })
  void malformed_isRejectedWithoutEcho(String text) {
    VanException e = assertThrows(VanException.class, () -> PersonId.parse(text));
    assertEquals(ErrorCode.INVALID_IDENTIFIER, e.code());
    assertFalse(e.getMessage().contains(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "KHM-HI-P1",
        "KHM-CMAA-000123",
        "LAO-0123456789ABCDEF-a.b_c-d",
        "X-HI-1",
        "khm-HI-1",
        "KHM-H-1",
        "KHM-HI-",
        "KHM-HI-.a",
        "KHM-HI-a b",
        "KHM-HIHIHIHIHIHIHIHIH-1",
        "KHMHI-1"
      })
  void isWellFormed_agreesWithThePattern_atTheEdges(String id) {
    assertEquals(id.matches(RecordId.PATTERN), RecordId.isWellFormed(id), id);
  }

  @Test
  void externalIdentifier_hidesValue() {
    assertFalse(
        ExternalIdentifier.of("khm-national-id", "010203040506").toString().contains("0102"));
  }

  @Test
  void handWrittenCheck_agreesWithThePublishedPattern_onManyRandomStrings() {
    java.util.regex.Pattern p = java.util.regex.Pattern.compile(RecordId.PATTERN);
    String alphabet = "ABKHMZaz09._-/ ";
    for (long seed = 0; seed < 2000; seed++) {
      java.util.Random r = new java.util.Random(seed);
      StringBuilder sb = new StringBuilder(r.nextBoolean() ? "KHM-" : "");
      int len = r.nextInt(30);
      for (int i = 0; i < len; i++) {
        sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String s = sb.toString();
      org.junit.jupiter.api.Assertions.assertEquals(
          p.matcher(s).matches(), RecordId.isWellFormed(s), "seed " + seed + ": " + s);
    }
    for (String s :
        new String[] {
          "KHM-CMAA-1",
          "LAO-NRA-7f3a",
          "KHM-AB-x",
          "KHM-ABCDEFGHIJKLMNOP-1",
          "KHM-CMAA-" + "a".repeat(64)
        }) {
      org.junit.jupiter.api.Assertions.assertTrue(RecordId.isWellFormed(s), s);
    }
    org.junit.jupiter.api.Assertions.assertFalse(
        RecordId.isWellFormed("KHM-CMAA-" + "a".repeat(65)));
  }
}
