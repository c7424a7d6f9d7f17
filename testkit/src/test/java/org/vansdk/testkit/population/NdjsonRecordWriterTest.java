package org.vansdk.testkit.population;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vansdk.core.json.Ndjson;
import org.vansdk.core.json.VanJson;
import org.vansdk.testkit.gen.VanGen;
import org.vansdk.testkit.junit.Seeds;

/** The writer's field-by-field lines must equal the codec's, including edge-case values. */
class NdjsonRecordWriterTest {
  private static String line(Object record) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    NdjsonRecordWriter w = new NdjsonRecordWriter(VanJson.strict(), out);
    w.accept(record);
    w.flush();
    return out.toString(StandardCharsets.UTF_8);
  }

  @TestFactory
  Stream<DynamicTest> fastPathLines_equalCodecLines() {
    return Seeds.dynamicTests(
        "writer line equals codec line",
        150,
        seed -> {
          for (Object r :
              new Object[] {VanGen.person(seed), VanGen.incident(seed), VanGen.casualty(seed)}) {
            assertEquals(
                new String(Ndjson.line(VanJson.strict(), r), StandardCharsets.UTF_8), line(r));
          }
        });
  }
}
