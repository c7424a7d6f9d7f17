package org.vansdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.vansdk.anonymisation.profile.Release;

class AnonymiseDatasetTest {
  @Test
  void anonymiseDataset_leavesNoRecordBelowK() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    Release release = AnonymiseDataset.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    String out = buffer.toString(StandardCharsets.UTF_8);
    assertEquals(500, release.audit().before().records(), out);
    assertEquals(0, release.audit().after().recordsBelowK(), out);
    assertTrue(release.records().size() > 400, out);
    assertTrue(out.contains("before ") && out.contains("after "), out);
    assertTrue(out.contains("\"pseudonym\""), out);
  }
}
