package org.vansdk.schema.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.submission.RecordType;
import org.vansdk.testkit.gen.SampleRecords;

/** Hostile input gets one clear issue within the limits, never an exception or a network call. */
class HostileInputTest {
  static final PayloadValidator V = PayloadValidatorTest.VALIDATOR;

  static List<IssueCode> codes(ValidationReport r) {
    return r.issues().stream().map(ValidationIssue::code).collect(Collectors.toList());
  }

  @Test
  void deepNesting_isALimit() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    assertEquals(List.of(IssueCode.LIMIT_EXCEEDED), codes(V.validate(deep)));
    String deepObjects = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
    assertEquals(List.of(IssueCode.LIMIT_EXCEEDED), codes(V.validate(deepObjects)));
  }

  /** Streams a document holding a string of {@code size} bytes without building it in memory. */
  static InputStream hugeString(long size) {
    byte[] head = "{\"id\":\"".getBytes(StandardCharsets.US_ASCII);
    byte[] tail = "\"}".getBytes(StandardCharsets.US_ASCII);
    return new InputStream() {
      long position;

      @Override
      public int read() {
        long total = head.length + size + tail.length;
        if (position >= total) {
          return -1;
        }
        long p = position++;
        if (p < head.length) {
          return head[(int) p];
        }
        if (p < head.length + size) {
          return 'a';
        }
        return tail[(int) (p - head.length - size)];
      }
    };
  }

  @Test
  void hundredMegabyteString_isALimit_fromAStream() {
    ValidationReport r = V.validate(hugeString(100L << 20));
    assertEquals(List.of(IssueCode.LIMIT_EXCEEDED), codes(r), r::toString);
  }

  @Test
  void twoMegabyteString_inADocument_isALimit() {
    byte[] doc = new byte[(2 << 20) + 10];
    java.util.Arrays.fill(doc, (byte) 'a');
    byte[] head = "{\"id\":\"".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(head, 0, doc, 0, head.length);
    doc[doc.length - 2] = '"';
    doc[doc.length - 1] = '}';
    assertEquals(List.of(IssueCode.LIMIT_EXCEEDED), codes(V.validate(doc)));
  }

  @Test
  void longNumber_isALimit() {
    String doc = "{\"ageAtIncident\":" + "9".repeat(100_000) + "}";
    assertEquals(List.of(IssueCode.LIMIT_EXCEEDED), codes(V.validate(doc)));
  }

  @Test
  void duplicateKeys_trailingGarbage_invalidUtf8_areReported() {
    String casualty = VanJson.strict().write(SampleRecords.casualty());
    String dup =
        casualty.replace("{\"activityAtIncident\"", "{\"outcome\":\"x\",\"activityAtIncident\"");
    assertEquals(List.of(IssueCode.DUPLICATE_PROPERTY), codes(V.validate(dup)));
    assertEquals(List.of(IssueCode.TRAILING_CONTENT), codes(V.validate(casualty + "garbage")));
    assertEquals(List.of(IssueCode.TRAILING_CONTENT), codes(V.validate(casualty + " {}")));
    byte[] bad = casualty.getBytes(StandardCharsets.UTF_8);
    bad[30] = (byte) 0xFF;
    ValidationReport r = V.validateRecord(RecordType.CASUALTY, bad);
    assertFalse(r.isValid());
    assertEquals(IssueCode.INVALID_ENCODING, r.issues().get(0).code(), r::toString);
  }

  @Test
  void hugeExponent_isRefused_notInfinity() {
    String casualty =
        VanJson.strict()
            .write(SampleRecords.casualty())
            .replace("\"minutesToFacility\":90", "\"minutesToFacility\":1e999999");
    ValidationReport r = V.validateRecord(RecordType.CASUALTY, casualty);
    assertEquals(IssueCode.LIMIT_EXCEEDED, r.issues().get(0).code(), r::toString);
  }

  @Test
  void remoteRefInPayload_isJustAnUnknownProperty_andNeverFetched() {
    String casualty =
        VanJson.strict()
            .write(SampleRecords.casualty())
            .replace(
                "{\"activityAtIncident\"",
                "{\"$ref\":\"http://127.0.0.1:9/x.json\",\"activityAtIncident\"");
    ValidationReport r = V.validateRecord(RecordType.CASUALTY, casualty);
    assertEquals(List.of(IssueCode.UNKNOWN_PROPERTY), codes(r), r::toString);
    assertEquals("/" + Vocabulary.HIDDEN, r.issues().get(0).pointer());
  }

  @Test
  void unknownMajor_listsSupportedMajors_newerMinorWarns() {
    String s = VanJson.strict().write(SampleRecords.submission());
    ValidationReport major =
        V.validate(s.replace("\"schemaVersion\":\"1.0\"", "\"schemaVersion\":\"3.0\""));
    assertEquals(List.of(IssueCode.UNSUPPORTED_VERSION), codes(major));
    assertEquals(true, major.issues().get(0).message().contains("supported majors: [1]"));
    ValidationReport minor =
        V.validate(
            s.replace("\"schemaVersion\":\"1.0\"", "\"schemaVersion\":\"1.4\",\"futureField\":1"));
    assertEquals(true, minor.isValid(), minor::toString);
    assertEquals(List.of(IssueCode.NEWER_MINOR_VERSION, IssueCode.UNKNOWN_PROPERTY), codes(minor));
  }

  @Test
  void undetectableDocument_andUnreadableFile_areIssues() {
    assertEquals(List.of(IssueCode.UNKNOWN_RECORD_TYPE), codes(V.validate("{}")));
    assertEquals(
        List.of(IssueCode.UNREADABLE_INPUT),
        codes(V.validate(java.nio.file.Paths.get("does-not-exist.json"))));
    assertEquals(
        List.of(IssueCode.MALFORMED_JSON),
        codes(V.validate(new ByteArrayInputStream("{".getBytes(StandardCharsets.UTF_8)))));
  }

  static String casualtyWith(String property, String number) {
    String casualty = VanJson.strict().write(SampleRecords.casualty());
    String changed =
        casualty.replaceFirst("\"" + property + "\":[0-9]+", "\"" + property + "\":" + number);
    assertNotEquals(casualty, changed, "the sample casualty has no " + property);
    return changed;
  }

  static String summary(ValidationReport r) {
    return r.issues().stream()
        .map(i -> i.code().code() + " " + i.pointer())
        .collect(Collectors.joining(", "));
  }

  @ParameterizedTest(name = "{0}: {1} gives [{2}]")
  @CsvSource(
      delimiter = '|',
      value = {
        "minutesToFacility | 1e20                  | ''",
        "minutesToFacility | 1E+20                 | ''",
        "minutesToFacility | -1e20                 | VAN-S-0016 /minutesToFacility",
        "ageAtIncident     | 1e19                  | VAN-S-0016 /ageAtIncident",
        "ageAtIncident     | 9223372036854775808.5 | VAN-S-0012 /ageAtIncident, VAN-S-0016 /ageAtIncident",
        "ageAtIncident     | 3.4e1                 | ''",
        "minutesToFacility | 2.5                   | VAN-S-0012 /minutesToFacility",
        "minutesToFacility | -0.5                  | VAN-S-0012 /minutesToFacility",
        "minutesToFacility | -9223372036854775809.5 | VAN-S-0012 /minutesToFacility, VAN-S-0016 /minutesToFacility",
        "minutesToFacility | 1e2147483648          | VAN-S-0002 /minutesToFacility",
        "minutesToFacility | 1e-2147483648         | VAN-S-0002 /minutesToFacility",
        "minutesToFacility | -1e2147483648         | VAN-S-0002 /minutesToFacility",
        "minutesToFacility | 1e-400                | VAN-S-0002 /minutesToFacility",
        "minutesToFacility | 1e400                 | VAN-S-0002 /minutesToFacility"
      })
  void exponentNumbers_getAReport_neverAnException(
      String property, String number, String expected) {
    String doc = casualtyWith(property, number);
    assertEquals(expected, summary(V.validateRecord(RecordType.CASUALTY, doc)));
    assertEquals(expected, summary(V.validate(doc)), "detected as a casualty");
    ValidationReport r = V.validateRecord(RecordType.CASUALTY, doc);
    for (ValidationIssue i : r.issues()) {
      assertEquals(1, i.line(), r::toString);
      assertTrue(i.column() > 1, r::toString);
      assertFalse(i.message().contains(number), "the message quotes the input: " + i.message());
    }
  }

  @Test
  void exponentNumber_onOneNdjsonLine_doesNotStopTheStream() {
    String line = "{\"type\":\"casualty\",\"record\":%s}";
    String bad = String.format(line, casualtyWith("minutesToFacility", "1e2147483648"));
    String big = String.format(line, casualtyWith("ageAtIncident", "1e19"));
    String good = String.format(line, casualtyWith("minutesToFacility", "1e20"));
    String stream = bad + "\n" + big + "\n" + good + "\n";
    ValidationReport r =
        V.validateNdjson(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)));
    List<String> got =
        r.issues().stream()
            .filter(i -> i.code() != IssueCode.UNRESOLVED_REFERENCE)
            .map(i -> i.code().code() + "@" + i.line() + i.pointer())
            .collect(Collectors.toList());
    assertEquals(
        List.of(
            "VAN-S-0002@1/record/minutesToFacility",
            "VAN-S-0016@2/record/ageAtIncident",
            "VAN-S-0126@3/record/id"),
        got,
        r::toString);
  }

  static final String PERSON = "{\"id\":\"KHM-CMAA-P1\",\"sex\":\"male\"}";

  static byte[] encoded(String text, String charset, byte... mark) {
    byte[] body = text.getBytes(java.nio.charset.Charset.forName(charset));
    byte[] all = new byte[mark.length + body.length];
    System.arraycopy(mark, 0, all, 0, mark.length);
    System.arraycopy(body, 0, all, mark.length, body.length);
    return all;
  }

  static List<byte[]> otherEncodings(String text) {
    return List.of(
        encoded(text, "UTF-16LE"),
        encoded(text, "UTF-16BE", (byte) 0xFE, (byte) 0xFF),
        encoded(text, "UTF-16LE", (byte) 0xFF, (byte) 0xFE),
        encoded(text, "UTF-16BE"),
        encoded(text, "UTF-32LE"),
        encoded(text, "UTF-32BE"),
        encoded(text, "UTF-8", (byte) 0xEF, (byte) 0xBB, (byte) 0xBF));
  }

  @Test
  void utf16_utf32_andUtf8WithAMark_areRefused() {
    assertTrue(V.validate(PERSON).isValid(), "the UTF-8 person is valid");
    for (byte[] doc : otherEncodings(PERSON)) {
      ValidationReport r = V.validate(doc);
      assertEquals(List.of(IssueCode.INVALID_ENCODING), codes(r), r::toString);
      assertEquals(1, r.issues().get(0).line());
      assertEquals(
          List.of(IssueCode.INVALID_ENCODING), codes(V.validateRecord(RecordType.PERSON, doc)));
    }
  }

  @Test
  void utf16Stream_isOneEncodingIssue_aMarkOnTheFirstLineOnlyThatLine() {
    String line = "{\"type\":\"person\",\"record\":" + PERSON + "}\n";
    String wrongSex = line.replace("male", "hurt").replace("P1", "P2");
    for (byte[] stream : otherEncodings(line + wrongSex)) {
      ValidationReport r = V.validateNdjson(new ByteArrayInputStream(stream));
      List<String> got =
          r.issues().stream()
              .map(i -> i.code().code() + "@" + i.line())
              .collect(Collectors.toList());
      if (stream[0] == (byte) 0xEF) {
        assertEquals(List.of("VAN-S-0005@1", "VAN-S-0013@2"), got, r::toString);
      } else {
        assertEquals(List.of("VAN-S-0005@1"), got, r::toString);
      }
    }
  }

  @Test
  void limitErrors_areLocated_withThePointerOfTheValue() {
    String deep = "{\"id\":\"KHM-CMAA-P1\",\n \"sex\":" + "[".repeat(100) + "]".repeat(100) + "}";
    ValidationIssue depth = V.validate(deep).issues().get(0);
    assertEquals(IssueCode.LIMIT_EXCEEDED, depth.code());
    assertEquals(2, depth.line(), depth::toString);
    assertTrue(depth.column() > 60, depth::toString);
    assertTrue(depth.pointer().startsWith("/sex/0/0/0/"), depth::toString);

    String longString = "{\n\"id\":\"" + "a".repeat((1 << 20) + 1) + "\"}";
    ValidationIssue string = V.validate(longString).issues().get(0);
    assertEquals(IssueCode.LIMIT_EXCEEDED, string.code());
    assertEquals("/id", string.pointer());
    assertEquals(2, string.line(), string::toString);

    String secretName = "Sokha" + "x".repeat(300);
    String longName = "{\"id\":\"KHM-CMAA-P1\",\"identifiers\":[{\"" + secretName + "\":1}]}";
    ValidationIssue name = V.validate(longName).issues().get(0);
    assertEquals(IssueCode.LIMIT_EXCEEDED, name.code());
    assertEquals(1, name.line());
    assertEquals("/identifiers/0", name.pointer(), name::toString);
    assertFalse(name.toString().contains("Sokha"), name::toString);

    String longNumber = "{\"ageAtIncident\":" + "9".repeat(100) + "}";
    ValidationIssue number = V.validate(longNumber).issues().get(0);
    assertEquals("/ageAtIncident", number.pointer());
    assertEquals(1, number.line());

    ValidationIssue root = V.validate("[".repeat(100) + "]".repeat(100)).issues().get(0);
    assertTrue(root.pointer().startsWith("/0/0/"), root::toString);
    ValidationIssue empty = V.validate("").issues().get(0);
    assertEquals("", empty.pointer(), "the root is the empty pointer");
  }
}
