package org.vansdk.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.submission.RecordType;

class NdjsonTest {
  @Test
  void writeThenRead_givesTheSameRecords() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<Object> records = new ArrayList<>(TestRecords.all());
    records.removeIf(r -> r instanceof org.vansdk.core.submission.Submission);
    for (Object r : records) {
      Ndjson.writeLine(VanJson.strict(), r, out);
    }
    List<Object> back = new ArrayList<>();
    try (NdjsonReader reader =
        Ndjson.reader(VanJson.strict(), new ByteArrayInputStream(out.toByteArray()))) {
      for (Optional<NdjsonRecord> r = reader.next(); r.isPresent(); r = reader.next()) {
        back.add(r.get().record());
        assertEquals(RecordType.of(r.get().record()), r.get().type());
      }
    }
    assertEquals(records, back);
  }

  @Test
  void badLine_isLocated_andReadingGoesOn() {
    String good =
        new String(Ndjson.line(VanJson.strict(), TestRecords.casualty()), StandardCharsets.UTF_8);
    String bad = good.replace("\"injured\"", "\"wounded\"");
    String text = good + "\n" + bad + "not json\n" + good;
    try (NdjsonReader reader =
        Ndjson.reader(
            VanJson.strict(), new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
      assertTrue(reader.next().isPresent());
      VanJsonException e = assertThrows(VanJsonException.class, reader::next);
      assertEquals(3, e.line());
      assertEquals("/record/outcome", e.pointer());
      VanJsonException syntax = assertThrows(VanJsonException.class, reader::next);
      assertEquals(ErrorCode.MALFORMED_JSON, syntax.code());
      assertEquals(4, syntax.line());
      assertEquals(5, reader.next().get().line());
      assertTrue(reader.next().isEmpty());
    }
  }

  @Test
  void overlongLine_isRefused_inBoundedMemory() {
    VanJson small = VanJson.strict().withLimits(new JsonLimits(1000, 64, 1000, 64, 64));
    String text = "{\"type\":\"casualty\",\"record\":{\"id\":\"" + "a".repeat(5000) + "\"}}\n";
    try (NdjsonReader reader =
        Ndjson.reader(small, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
      VanJsonException e = assertThrows(VanJsonException.class, reader::next);
      assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
      assertTrue(reader.next().isEmpty());
    }
  }
}
