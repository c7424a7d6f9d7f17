package org.vansdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vansdk.schema.validation.IssueCode;
import org.vansdk.schema.validation.ValidationReport;

class ValidatePayloadTest {
  @Test
  void validatePayload_acceptsTheValidCasualtyAndLocatesTheWrongCode() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    List<ValidationReport> reports =
        ValidatePayload.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    String out = buffer.toString(StandardCharsets.UTF_8);
    assertTrue(reports.get(0).issues().isEmpty(), out);
    assertFalse(reports.get(1).isValid(), out);
    assertEquals(IssueCode.NOT_IN_CODE_LIST, reports.get(1).issues().get(0).code(), out);
    assertTrue(out.contains("valid casualty: valid (0 errors, 0 warnings)"), out);
    assertTrue(out.contains("VAN-S-0013 /outcome "), out);
  }
}
