package org.vansdk.schema.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
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
    assertEquals("/$ref", r.issues().get(0).pointer());
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
}
