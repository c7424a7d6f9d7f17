package org.vansdk.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the mapping reader: whatever the bytes, it returns a mapping or throws the one documented
 * {@link IngestException} ({@code VAN-G-0001}) naming the document; nothing else escapes. The
 * normal build replays the stored inputs in {@code MappingFuzzTestInputs/} (the shipped mappings, a
 * misspelt key, broken JSON); {@code JAZZER_FUZZ=1} fuzzes.
 */
class MappingFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void parse_refusesOnlyWithMappingInvalid(byte[] input) {
    try {
      Mapping mapping = Mapping.parse(input, "fuzz.mapping.json");
      assertTrue(mapping.toString().length() < 10_000, "toString stays short");
    } catch (IngestException e) {
      assertEquals(IngestException.MAPPING_INVALID, e.code(), e.getMessage());
      assertTrue(e.getMessage().contains("fuzz.mapping.json"), e.getMessage());
    }
  }
}
