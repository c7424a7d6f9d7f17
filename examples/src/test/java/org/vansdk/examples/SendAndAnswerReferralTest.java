package org.vansdk.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SendAndAnswerReferralTest {
  @Test
  void sendAndAnswerReferral_closesTheLoopWithVerifiedAudits() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    boolean closed =
        SendAndAnswerReferral.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    String out = buffer.toString(StandardCharsets.UTF_8);
    assertTrue(closed, out);
    assertFalse(out.contains("refused"), out);
    assertTrue(out.contains("status at authority: completed, at centre: completed"), out);
    assertTrue(out.contains("audit at KHM-CMAA-HQ:"), out);
    assertTrue(out.contains("audit at KHM-PRC-BTB:"), out);
    assertFalse(out.contains("Sokha"), "personal data must not be printed: " + out);
  }
}
