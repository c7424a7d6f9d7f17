package org.vansdk.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QuickStartTest {
  @Test
  void quickStart_printsJsonAndAnExactRoundTrip() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    QuickStart.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    String out = buffer.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("\"outcome\" : \"injured\""), out);
    assertTrue(out.contains("Round trip equal: true"), out);
    assertTrue(out.contains("amputations=***"), out);
  }
}
