package org.vansdk.core.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;
import org.vansdk.core.casualty.Casualty;
import org.vansdk.core.person.Person;
import org.vansdk.core.submission.Submission;
import org.vansdk.core.time.PartialDate;

class VanJsonTest {
  private static final VanJson JSON = VanJson.strict();
  private static final List<String> SECRETS =
      List.of(
          TestRecords.SECRET_NAME,
          TestRecords.SECRET_ID,
          TestRecords.SECRET_PHONE,
          "Chey Chumneas",
          "104.92");

  @TestFactory
  Stream<DynamicTest> everyRecordType_roundTrips_andIsDeterministic() {
    return TestRecords.all().stream()
        .map(
            record ->
                DynamicTest.dynamicTest(
                    record.getClass().getSimpleName(),
                    () -> {
                      byte[] bytes = JSON.writeBytes(record);
                      Object back = JSON.read(bytes, abstractType(record));
                      assertEquals(record, back);
                      assertArrayEquals(bytes, JSON.writeBytes(back), "same record, same bytes");
                    }));
  }

  @TestFactory
  Stream<DynamicTest> personalData_isSerialised_butNeverInToString() {
    return TestRecords.all().stream()
        .map(
            record ->
                DynamicTest.dynamicTest(
                    record.getClass().getSimpleName(),
                    () -> {
                      String text = record.toString();
                      for (String secret : SECRETS) {
                        assertFalse(text.contains(secret), "toString leaks personal data: " + text);
                      }
                    }));
  }

  @Test
  void personalFields_areWritten() {
    String json = JSON.write(TestRecords.person());
    assertTrue(json.contains(TestRecords.SECRET_NAME));
    assertTrue(json.contains(TestRecords.SECRET_ID));
  }

  @Test
  void emptyOptionalsAndCollections_areOmitted() {
    String json =
        JSON.write(
            Person.builder()
                .from(TestRecords.person())
                .name(java.util.Optional.empty())
                .identifiers(List.of())
                .build());
    assertFalse(json.contains("\"name\":\"Sokha"));
    assertFalse(json.contains("\"identifiers\""));
    assertFalse(json.contains("null"), json);
  }

  @Test
  void unknownProperty_isRejectedWithPath_andAcceptedByLenient() {
    String json = JSON.write(TestRecords.casualty()).replaceFirst("\\{", "{\"colour\":\"red\",");
    VanJsonException e =
        assertThrows(VanJsonException.class, () -> JSON.read(json, Casualty.class));
    assertEquals(ErrorCode.JSON_MAPPING, e.code());
    assertEquals("/colour", e.pointer());
    assertTrue(e.getMessage().contains("allowed:"), e.getMessage());
    assertEquals(TestRecords.casualty(), VanJson.lenient().read(json, Casualty.class));
  }

  @Test
  void duplicateKey_isRejected() {
    String json =
        JSON.write(TestRecords.casualty()).replaceFirst("\\{", "{\"outcome\":\"killed\",");
    VanJsonException e =
        assertThrows(VanJsonException.class, () -> JSON.read(json, Casualty.class));
    assertEquals(ErrorCode.MALFORMED_JSON, e.code());
    assertTrue(e.line() > 0);
  }

  @Test
  void syntaxErrors_sayWhatAndWhere_withoutJacksonsSourceExcerpt() {
    for (String json :
        new String[] {
          "{\"name\": \"Sokha\", \"k\": [1,",
          "{\"name\": \"Sokha",
          "{\"a\": Sokha}",
          "{\"a\":\n\u0001}"
        }) {
      VanJsonException e =
          assertThrows(
              VanJsonException.class,
              () -> JSON.readTree(json.getBytes(StandardCharsets.UTF_8)),
              json);
      assertEquals(ErrorCode.MALFORMED_JSON, e.code());
      assertTrue(e.line() > 0, e.getMessage());
      for (String raw : new String[] {"#UNKNOWN", "[Source", "byte offset", "Sokha", "(", "\n"}) {
        assertFalse(e.problem().contains(raw), raw + " in: " + e.getMessage());
      }
    }
  }

  @Test
  void trailingTokens_areRejected() {
    String json = JSON.write(TestRecords.casualty()) + " {}";
    VanJsonException e =
        assertThrows(VanJsonException.class, () -> JSON.read(json, Casualty.class));
    assertEquals(ErrorCode.MALFORMED_JSON, e.code());
  }

  @Test
  void wrongType_namesPathAndExpectedType_withoutEchoingValue() {
    String json =
        JSON.write(TestRecords.casualty())
            .replace("\"ageAtIncident\":34", "\"ageAtIncident\":\"Sokha Chan\"");
    VanJsonException e =
        assertThrows(VanJsonException.class, () -> JSON.read(json, Casualty.class));
    assertEquals("/ageAtIncident", e.pointer());
    assertTrue(e.getMessage().contains("integer"), e.getMessage());
    assertFalse(e.getMessage().contains("Sokha"), e.getMessage());
  }

  @Test
  void unknownCode_listsAllowedCodes() {
    String json = JSON.write(TestRecords.casualty()).replace("\"injured\"", "\"wounded\"");
    VanJsonException e =
        assertThrows(VanJsonException.class, () -> JSON.read(json, Casualty.class));
    assertEquals(ErrorCode.UNKNOWN_CODE, e.code());
    assertEquals("/outcome", e.pointer());
    assertTrue(e.getMessage().contains("allowed: killed, injured, unknown"), e.getMessage());
  }

  @Test
  void personalDataTypedIntoCodeField_isNotEchoed() {
    String json =
        JSON.write(TestRecords.casualty()).replace("\"injured\"", "\"Sokha Chan 012 345\"");
    VanJsonException e =
        assertThrows(VanJsonException.class, () -> JSON.read(json, Casualty.class));
    assertFalse(e.getMessage().contains("Sokha"), e.getMessage());
  }

  @Test
  void missingRequired_namesAttribute() {
    VanJsonException e =
        assertThrows(
            VanJsonException.class, () -> JSON.read("{\"id\":\"KHM-CMAA-C1\"}", Casualty.class));
    assertTrue(e.getMessage().contains("personId"), e.getMessage());
  }

  @Test
  void nullForRequired_isRejected() {
    String json = JSON.write(TestRecords.casualty()).replace("\"injured\"", "null");
    assertThrows(VanJsonException.class, () -> JSON.read(json, Casualty.class));
  }

  @Test
  void invariantViolation_isLocatedAndCoded() {
    String json = JSON.write(TestRecords.casualty()).replace("\"below_knee\"", "\"below_elbow\"");
    VanJsonException e =
        assertThrows(VanJsonException.class, () -> JSON.read(json, Casualty.class));
    assertEquals(ErrorCode.INVARIANT_VIOLATED, e.code());
    assertTrue(e.pointer().startsWith("/amputations/0"), e.pointer());
  }

  @Test
  void invalidCalendarDate_isRejected() {
    String json = JSON.write(TestRecords.incident()).replace("2019-06-14", "2019-02-30");
    VanJsonException e =
        assertThrows(
            VanJsonException.class, () -> JSON.read(json, org.vansdk.core.incident.Incident.class));
    assertEquals(ErrorCode.INVALID_DATE, e.code());
    assertEquals("/date", e.pointer());
  }

  @Test
  void deepNesting_hitsLimit() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    byte[] bytes = deep.getBytes(StandardCharsets.UTF_8);
    VanJsonException e = assertThrows(VanJsonException.class, () -> JSON.readTree(bytes));
    assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code(), e.getMessage());
    String inRecord = "{\"injuries\":" + deep + "}";
    assertThrows(VanJsonException.class, () -> JSON.read(inRecord, Casualty.class));
  }

  @Test
  void hugeNumberAndLongString_hitLimits() {
    VanJsonException n =
        assertThrows(
            VanJsonException.class,
            () -> JSON.read("{\"ageAtIncident\":1" + "0".repeat(200) + "}", Casualty.class));
    assertEquals(ErrorCode.LIMIT_EXCEEDED, n.code());
    VanJson small = JSON.withLimits(new JsonLimits(1 << 20, 16, 100, 20, 64));
    VanJsonException s =
        assertThrows(
            VanJsonException.class,
            () -> small.read("{\"id\":\"" + "a".repeat(1000) + "\"}", Casualty.class));
    assertEquals(ErrorCode.LIMIT_EXCEEDED, s.code());
  }

  @Test
  void invalidUtf8_isMalformed() {
    byte[] bad = "{\"id\":\"KHM-CMAA-C1\"}".getBytes(StandardCharsets.UTF_8);
    bad[8] = (byte) 0xC3;
    bad[9] = (byte) 0x28;
    VanJsonException e = assertThrows(VanJsonException.class, () -> JSON.read(bad, Casualty.class));
    assertEquals(ErrorCode.MALFORMED_JSON, e.code());
  }

  @Test
  void submission_unknownMajorRefused_listingSupported() {
    String json =
        JSON.write(TestRecords.submission())
            .replace("\"schemaVersion\":\"1.0\"", "\"schemaVersion\":\"2.0\"");
    VanException e =
        assertThrows(
            VanException.class, () -> JSON.readSubmission(json.getBytes(StandardCharsets.UTF_8)));
    assertEquals(ErrorCode.UNSUPPORTED_VERSION, e.code());
    assertTrue(e.getMessage().contains("supported majors: [1]"), e.getMessage());
  }

  @Test
  void submission_newerMinorWithNewProperty_readsLeniently() {
    String json =
        JSON.write(TestRecords.submission())
            .replace("\"schemaVersion\":\"1.0\"", "\"schemaVersion\":\"1.3\",\"futureField\":1");
    Submission s = VanJson.lenient().readSubmission(json.getBytes(StandardCharsets.UTF_8));
    assertEquals("1.3", s.schemaVersion());
    assertEquals(TestRecords.submission().recordCount(), s.recordCount());
  }

  @Test
  void partialDates_ofEachPrecision_roundTrip() {
    for (String d : List.of("1985", "1985-06", "1985-06-14")) {
      Casualty c =
          Casualty.builder().from(TestRecords.casualty()).diedOn(PartialDate.parse(d)).build();
      assertEquals(c, JSON.read(JSON.write(c), Casualty.class));
      assertTrue(JSON.write(c).contains("\"diedOn\":\"" + d + "\""));
    }
  }

  private static Class<?> abstractType(Object record) {
    Class<?> type = record.getClass();
    while (type.getSimpleName().startsWith("Immutable")) {
      type = type.getSuperclass();
    }
    return type;
  }

  @Test
  void utf16_utf32_andAByteOrderMark_areRefused_utf8IsRead() {
    String person = JSON.write(TestRecords.person());
    assertEquals(JsonEncoding.UTF_8, JsonEncoding.detect(person.getBytes(StandardCharsets.UTF_8)));
    byte[][] others = {
      person.getBytes(StandardCharsets.UTF_16LE),
      person.getBytes(StandardCharsets.UTF_16), // big-endian with a mark
      person.getBytes(java.nio.charset.Charset.forName("UTF-32LE")),
      ("\uFEFF" + person).getBytes(StandardCharsets.UTF_8)
    };
    JsonEncoding[] expected = {
      JsonEncoding.UTF_16LE,
      JsonEncoding.UTF_16BE,
      JsonEncoding.UTF_32LE,
      JsonEncoding.UTF_8_WITH_BOM
    };
    for (int i = 0; i < others.length; i++) {
      byte[] doc = others[i];
      assertEquals(expected[i], JsonEncoding.detect(doc));
      for (org.junit.jupiter.api.function.Executable read :
          List.<org.junit.jupiter.api.function.Executable>of(
              () -> JSON.readTree(doc),
              () -> JSON.read(doc, Person.class),
              () -> JSON.read(new java.io.ByteArrayInputStream(doc), Person.class))) {
        VanJsonException e = assertThrows(VanJsonException.class, read);
        assertEquals(ErrorCode.INVALID_ENCODING, e.code(), e::getMessage);
      }
    }
    assertEquals(
        TestRecords.person(),
        JSON.read(
            new java.io.ByteArrayInputStream(person.getBytes(StandardCharsets.UTF_8)),
            Person.class));
  }

  @Test
  void exponentBeyondAnInt_isALimit_notANumberFormatException() {
    for (String number : new String[] {"1e2147483648", "1e-2147483648", "-1E+2147483648"}) {
      String doc = "{\"a\":" + number + "}";
      VanJsonException e =
          assertThrows(
              VanJsonException.class,
              () -> JSON.readTree(doc.getBytes(StandardCharsets.UTF_8)),
              number);
      assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
      assertFalse(e.getMessage().contains("2147483648"), e::getMessage);
    }
  }

  @Test
  void unknownNames_withADigitOrASpace_areHidden_andNeverTakenForALimit() {
    for (String name :
        new String[] {
          "generat1dAt", "Sokha Chanthy", "85512345678", "x exceeds the maximum allowed"
        }) {
      String doc = "{\"schemaVersion\":\"1.0\",\"" + name + "\":1}";
      VanJsonException e =
          assertThrows(
              VanJsonException.class,
              () -> JSON.read(doc.getBytes(StandardCharsets.UTF_8), Submission.class));
      assertEquals(ErrorCode.JSON_MAPPING, e.code(), e::getMessage);
      assertEquals("/(hidden)", e.pointer(), e::getMessage);
      assertFalse(e.getMessage().contains(name), e::getMessage);
    }
    VanJsonException typo =
        assertThrows(
            VanJsonException.class,
            () ->
                JSON.read(
                    "{\"schemaVersion\":\"1.0\",\"generatdAt\":1}".getBytes(StandardCharsets.UTF_8),
                    Submission.class));
    assertEquals("/generatdAt", typo.pointer(), "a misspelt key is shown");
  }
}
