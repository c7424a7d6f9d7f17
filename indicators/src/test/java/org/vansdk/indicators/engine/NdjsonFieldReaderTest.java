package org.vansdk.indicators.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.vansdk.core.json.VanJsonException;

class NdjsonFieldReaderTest {
  private static final String PERSON =
      "{\"type\":\"person\",\"record\":{\"id\":\"KHM-HI-P1\",\"sex\":\"female\"}}";
  private static final String INCIDENT =
      "{\"type\":\"incident\",\"record\":{\"id\":\"KHM-HI-I1\",\"date\":\"2023-05\","
          + "\"location\":{\"country\":\"KHM\"},\"accidentClass\":\"eo_accident\","
          + "\"deviceCategory\":\"antipersonnel_mine\"}}";

  private static String casualty(String fields) {
    return "{\"type\":\"casualty\",\"record\":{\"id\":\"KHM-HI-C1\",\"personId\":\"KHM-HI-P1\","
        + "\"incidentId\":\"KHM-HI-I1\",\"activityAtIncident\":\"farming\""
        + fields
        + "}}";
  }

  private static VanJsonException read(String... lines) {
    byte[] bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    return assertThrows(
        VanJsonException.class,
        () ->
            EngineReferenceTest.engine(1)
                .accumulate(new ByteArrayInputStream(bytes), IndicatorRequest.defaults()));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown outcome|,\"outcome\":\"maimed\",\"civilianStatus\":\"civilian\"|/record/outcome",
        "missing status|,\"outcome\":\"killed\"|/record/civilianStatus",
        "age as text|,\"outcome\":\"killed\",\"civilianStatus\":\"civilian\",\"ageAtIncident\":\"9\""
            + "|/record/ageAtIncident",
        "age out of range|,\"outcome\":\"killed\",\"civilianStatus\":\"civilian\","
            + "\"ageAtIncident\":121|/record/ageAtIncident",
        "bad death date|,\"outcome\":\"killed\",\"civilianStatus\":\"civilian\","
            + "\"diedOn\":\"2023-13\"|/record/diedOn"
      })
  void casualtyLine_withBadField_failsAtItsLineAndPointer(
      String name, String fields, String pointer) {
    VanJsonException e = read(PERSON, INCIDENT, casualty(fields));
    assertEquals(3, e.line(), name);
    assertEquals(pointer, e.pointer(), name);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"type\":\"casualty\",\"record\":{\"personId\":\"KHM-HI-P1\"",
        "{\"type\":\"person\",\"record\":{\"id\":\"KHM-HI-P1\",\"sex\":\"female\"}} {}",
        "{\"type\":\"person\",\"record\":{\"id\":\"KHM-HI-P1\",\"sex\":\"female\"},\"x\":1}",
        "{\"type\":\"person\",\"record\":{\"id\":\"not an id\",\"sex\":\"female\"}}",
        "[1, 2]"
      })
  void malformedLine_failsAtItsLine_withoutEchoingContent(String line) {
    VanJsonException e = read(PERSON, line);
    assertEquals(2, e.line(), line);
    assertFalse(e.getMessage().contains("KHM-HI-P1"), e.getMessage());
  }

  @ParameterizedTest(name = "chunk {0} bytes, {1} threads")
  @CsvSource({"16,1", "16,3", "200,2", "1048576,2"})
  void errorInALaterChunk_reportedAtItsLineAfterEveryEarlierLine(int chunk, int threads) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      text.append(PERSON.replace("KHM-HI-P1", "KHM-HI-P" + i)).append('\n');
    }
    text.append(PERSON.replace("female", "feminine")).append('\n').append(PERSON);
    Dataset d = new Dataset(Population.PERIOD);
    NdjsonFieldReader reader =
        new NdjsonFieldReader(
            org.vansdk.core.json.VanJson.strict(),
            new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)),
            d,
            threads,
            chunk);
    VanJsonException e = assertThrows(VanJsonException.class, reader::readAll);
    assertEquals(41, e.line());
    assertEquals("/record/sex", e.pointer());
  }

  @ParameterizedTest(name = "chunk {0} bytes, {1} threads")
  @CsvSource({"16,1", "16,3", "300,2", "1048576,2"})
  void lineOverTheLimit_reportedAtItsLineAfterEveryEarlierLine(int chunk, int threads) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      text.append(PERSON.replace("KHM-HI-P1", "KHM-HI-P" + i)).append('\n');
    }
    text.append(PERSON.replace("female", "female" + " ".repeat(400))).append('\n').append(PERSON);
    org.vansdk.core.json.VanJson json =
        org.vansdk.core.json.VanJson.strict()
            .withLimits(new org.vansdk.core.json.JsonLimits(300, 64, 256, 64, 256));
    NdjsonFieldReader reader =
        new NdjsonFieldReader(
            json,
            new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)),
            new Dataset(Population.PERIOD),
            threads,
            chunk);
    VanJsonException e = assertThrows(VanJsonException.class, reader::readAll);
    assertEquals(org.vansdk.core.ErrorCode.LIMIT_EXCEEDED, e.code());
    assertEquals(31, e.line());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"type\":\"person\",\"record\":{\"id\":\"KHM-HI-P1\",\"sex\":\"female\",\"sex\":\"male\"}}",
        "{\"type\":\"functioning_assessment\",\"record\":{\"id\":\"KHM-HI-F1\","
            + "\"personId\":\"KHM-HI-P1\",\"date\":\"2023-01\",\"seeing\":\"no_difficulty\","
            + "\"seeing\":\"no_difficulty\",\"hearing\":\"no_difficulty\",\"walking\":\"no_difficulty\","
            + "\"cognition\":\"no_difficulty\",\"selfCare\":\"no_difficulty\","
            + "\"communication\":\"no_difficulty\"}}"
      })
  void repeatedPropertyThatIsRead_refused(String line) {
    VanJsonException e = read(PERSON, line);
    assertEquals(2, e.line(), line);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {"bad answer|\"seeing\":\"blind\"|/record/seeing", "missing answer||/record/seeing"})
  void functioningLine_withBadAnswer_failsAtItsPointer(String name, String seeing, String pointer) {
    String line =
        "{\"type\":\"functioning_assessment\",\"record\":{\"id\":\"KHM-HI-F1\","
            + "\"personId\":\"KHM-HI-P1\",\"date\":\"2023-01\","
            + (seeing == null ? "" : seeing + ",")
            + "\"hearing\":\"no_difficulty\",\"walking\":\"no_difficulty\","
            + "\"cognition\":\"no_difficulty\",\"selfCare\":\"no_difficulty\","
            + "\"communication\":\"no_difficulty\"}}";
    VanJsonException e = read(PERSON, line);
    assertEquals(2, e.line(), name);
    assertEquals(pointer, e.pointer(), name);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1})
  void validLines_inEitherFieldOrder_areCounted(int recordFirst) {
    String c = casualty(",\"outcome\":\"killed\",\"civilianStatus\":\"civilian\"");
    if (recordFirst == 1) {
      // "record" before "type": decoded in full rather than streamed, with the same result.
      c =
          "{\"record\":"
              + c.substring(c.indexOf("{\"id\"", 1), c.length() - 1)
              + ",\"type\":\"casualty\"}";
    }
    byte[] bytes = String.join("\n", PERSON, INCIDENT, c, "").getBytes(StandardCharsets.UTF_8);
    IndicatorRequest total = IndicatorRequest.of("CAS-01");
    Accumulation a =
        EngineReferenceTest.engine(1).accumulate(new ByteArrayInputStream(bytes), List.of(total));
    assertEquals(
        List.of(1L, 0L, 0L), a.counts(total).get(List.of()), "record first " + recordFirst);
  }
}
