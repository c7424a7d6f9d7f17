package org.vansdk.schema.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.vansdk.core.json.Ndjson;
import org.vansdk.core.json.VanJson;
import org.vansdk.testkit.gen.SampleRecords;

class NdjsonValidationTest {
  static final PayloadValidator V = PayloadValidatorTest.VALIDATOR;

  /** Writes every record of the sample submission as NDJSON lines, in dependency order. */
  static byte[] sampleStream() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    var s = SampleRecords.submission();
    for (List<?> records :
        List.of(
            s.persons(),
            s.incidents(),
            s.casualties(),
            s.affectedRelations(),
            s.functioningAssessments(),
            s.needsAssessments(),
            s.organisations(),
            s.services(),
            s.serviceLocations(),
            s.consents(),
            s.referrals(),
            s.referralAttempts(),
            s.serviceDeliveries(),
            s.qualityOfLifeSurveys())) {
      for (Object r : records) {
        Ndjson.writeLine(VanJson.strict(), r, out);
      }
    }
    return out.toByteArray();
  }

  @Test
  void sampleStream_isValid() {
    ValidationReport r = V.validateNdjson(new ByteArrayInputStream(sampleStream()));
    assertTrue(r.issues().isEmpty(), r::toString);
  }

  @Test
  void issues_carryLineNumbers_andReferencesResolveAcrossLines() {
    String stream = new String(sampleStream(), StandardCharsets.UTF_8);
    String[] lines = stream.split("\n");
    // line 4 is the casualty: break its code; add a line whose person never appears
    lines[3] = lines[3].replace("\"injured\"", "\"hurt\"");
    String orphan =
        "{\"type\":\"consent\",\"record\":"
            + VanJson.strict()
                .write(SampleRecords.consent())
                .replace("KHM-CMAA-P000123", "KHM-CMAA-P999")
                .replace("KHM-CMAA-K0001", "KHM-CMAA-K0002")
            + "}";
    String input = String.join("\n", lines) + "\n\n" + orphan + "\nnot json\n";
    ValidationReport r =
        V.validateNdjson(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    List<String> got =
        r.issues().stream()
            .map(i -> i.code().code() + "@" + i.line() + i.pointer())
            .collect(Collectors.toList());
    int orphanLine = lines.length + 2;
    assertEquals(
        List.of(
            "VAN-S-0013@4/record/outcome",
            "VAN-S-0001@" + (orphanLine + 1),
            "VAN-S-0101@" + orphanLine + "/record/personId"),
        got,
        r::toString);
  }

  @Test
  void forwardReferences_resolveAtTheEnd() {
    String stream = new String(sampleStream(), StandardCharsets.UTF_8);
    String[] lines = stream.split("\n");
    StringBuilder reversed = new StringBuilder();
    for (int i = lines.length - 1; i >= 0; i--) {
      reversed.append(lines[i]).append('\n');
    }
    ValidationReport r =
        V.validateNdjson(
            new ByteArrayInputStream(reversed.toString().getBytes(StandardCharsets.UTF_8)));
    assertTrue(r.issues().isEmpty(), r::toString);
  }

  @Test
  void tooLongLine_isALimit_andTheStreamGoesOn() {
    byte[] sample = sampleStream();
    byte[] longLine = new byte[(64 << 20) + 16];
    java.util.Arrays.fill(longLine, (byte) ' ');
    longLine[longLine.length - 1] = '\n';
    longLine[0] = '{';
    byte[] all = new byte[longLine.length + sample.length];
    System.arraycopy(longLine, 0, all, 0, longLine.length);
    System.arraycopy(sample, 0, all, longLine.length, sample.length);
    ValidationReport r = V.validateNdjson(new ByteArrayInputStream(all));
    assertEquals(1, r.issues().size(), r::toString);
    assertEquals(IssueCode.LIMIT_EXCEEDED, r.issues().get(0).code());
    assertEquals(1, r.issues().get(0).line());
  }
}
