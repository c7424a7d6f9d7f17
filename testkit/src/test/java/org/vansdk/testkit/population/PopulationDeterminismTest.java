package org.vansdk.testkit.population;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.vansdk.core.VanException;
import org.vansdk.core.json.Ndjson;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.submission.Submission;
import org.vansdk.testkit.junit.Seeds;

class PopulationDeterminismTest {
  private static byte[] ndjson(PopulationSpec spec) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PopulationGenerator.of(spec).writeNdjson(out);
    return out.toByteArray();
  }

  @TestFactory
  Stream<DynamicTest> sameSeed_sameBytes_differentSeed_differentBytes() {
    return Seeds.dynamicTests(
        "deterministic",
        6,
        seed -> {
          PopulationSpec spec = PopulationConsistencyTest.specFor(seed);
          byte[] first = ndjson(spec);
          assertArrayEquals(first, ndjson(spec));
          assertArrayEquals(
              first,
              ndjson(PopulationSpec.builder().from(spec).build()),
              "equal spec, equal bytes");
          byte[] other = ndjson(PopulationSpec.builder().from(spec).seed(seed + 1).build());
          assertFalse(Arrays.equals(first, other), "seed changes the output");
        });
  }

  @Test
  void knownSpec_givesPinnedBytes() throws Exception {
    // Pins the byte stream across JVMs, platforms and versions: a change here is a change of the
    // generator (or of the codec) and must be deliberate.
    PopulationSpec spec =
        PopulationSpec.builder().country(CountryCode.KHM).casualties(200).seed(42).build();
    byte[] bytes = ndjson(spec);
    String sha =
        java.util.HexFormat.of()
            .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    assertEquals(PINNED_SHA256, sha, "KHM seed 42, 200 casualties");
  }

  private static final String PINNED_SHA256 =
      "0dd2737b187b3dd32972cc6f99dba7b0c16e258373270bf797dcd500e4cc408a";

  @TestFactory
  Stream<DynamicTest> writerBytes_equalCoreNdjsonLines_andDecodeStrictly() {
    return Seeds.dynamicTests(
        "ndjson lines",
        3,
        seed -> {
          PopulationSpec spec = PopulationConsistencyTest.specFor(seed);
          ByteArrayOutputStream expected = new ByteArrayOutputStream();
          PopulationGenerator.of(spec)
              .forEach(r -> Ndjson.writeLine(VanJson.strict(), r, expected));
          byte[] actual = ndjson(spec);
          assertArrayEquals(expected.toByteArray(), actual);
          String[] lines = new String(actual, StandardCharsets.UTF_8).split("\n");
          for (int i = 0; i < lines.length; i++) {
            Object back =
                Ndjson.decode(VanJson.strict(), lines[i].getBytes(StandardCharsets.UTF_8), i + 1)
                    .record();
            assertEquals(
                lines[i] + "\n",
                new String(Ndjson.line(VanJson.strict(), back), StandardCharsets.UTF_8));
          }
        });
  }

  @Test
  void submission_roundTripsThroughTheStrictCodec() {
    PopulationSpec spec =
        PopulationSpec.builder().country(CountryCode.LAO).casualties(500).seed(9).build();
    Submission s = PopulationGenerator.of(spec).toSubmission();
    assertEquals(500, s.casualties().size());
    byte[] json = VanJson.strict().writeBytes(s);
    assertEquals(s, VanJson.strict().readSubmission(json));
    assertArrayEquals(
        json, VanJson.strict().writeBytes(PopulationGenerator.of(spec).toSubmission()));
  }

  @Test
  void submission_refusesLargePopulations() {
    PopulationSpec spec =
        PopulationSpec.builder().country(CountryCode.LAO).casualties(20_001).build();
    VanException e =
        assertThrows(VanException.class, () -> PopulationGenerator.of(spec).toSubmission());
    assertEquals("VAN-T-0002", e.code().value());
  }
}
