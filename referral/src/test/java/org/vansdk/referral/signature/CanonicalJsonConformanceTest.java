package org.vansdk.referral.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The canonicaliser against the RFC author's vectors (read from the shared conformance folder,
 * skipped where absent) and against an independent implementation (erdtman's
 * java-json-canonicalization) on random documents.
 */
class CanonicalJsonConformanceTest {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @TestFactory
  Stream<DynamicTest> rfc8785Vectors_everyInput_canonicalisesToTheExpectedBytes() throws Exception {
    Optional<Path> folder = Conformance.folder("rfc8785");
    assumeTrue(folder.isPresent(), Conformance.missing("rfc8785"));
    Path data = folder.get().resolve("testdata");
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> inputs = Files.list(data.resolve("input"))) {
      for (Path input : inputs.sorted().toList()) {
        String name = input.getFileName().toString();
        String base = name.substring(0, name.length() - ".json".length());
        tests.add(
            DynamicTest.dynamicTest(
                name,
                () -> {
                  JsonNode value = MAPPER.readTree(Files.readString(input));
                  byte[] expected =
                      HexFormat.of()
                          .parseHex(
                              Files.readString(data.resolve("outhex").resolve(base + ".txt"))
                                  .replaceAll("\\s+", ""));
                  assertEquals(
                      new String(expected, StandardCharsets.UTF_8),
                      CanonicalJson.toText(value),
                      name);
                  assertEquals(
                      Files.readString(data.resolve("output").resolve(name)).strip(),
                      CanonicalJson.toText(value),
                      name);
                }));
      }
    }
    assertEquals(6, tests.size(), "the RFC 8785 test data has six inputs");
    return tests.stream();
  }

  @Test
  void randomDocuments_agreeWithAnIndependentCanonicaliser() throws Exception {
    long seed = 8785L;
    Random random = new Random(seed);
    for (int i = 0; i < 2_000; i++) {
      JsonNode document = object(random, 0);
      String text = MAPPER.writeValueAsString(document);
      String theirs = new JsonCanonicalizer(text).getEncodedString();
      assertEquals(
          theirs,
          CanonicalJson.toText(MAPPER.readTree(text)),
          "seed " + seed + ", document " + i + ": " + text);
    }
  }

  private static ObjectNode object(Random random, int depth) {
    ObjectNode object = NODES.objectNode();
    int members = random.nextInt(depth == 0 ? 8 : 5);
    for (int i = 0; i < members; i++) {
      object.set(string(random), value(random, depth + 1));
    }
    return object;
  }

  private static JsonNode value(Random random, int depth) {
    int kind = random.nextInt(depth > 3 ? 6 : 8);
    return switch (kind) {
      case 0 -> NODES.textNode(string(random));
      case 1 -> NODES.numberNode(random.nextInt());
      case 2 -> NODES.numberNode(randomDouble(random));
      case 3 -> NODES.booleanNode(random.nextBoolean());
      case 4 -> NODES.nullNode();
      case 5 -> NODES.numberNode((long) random.nextInt(1 << 20) * random.nextInt(1 << 30));
      case 6 -> object(random, depth);
      default -> {
        ArrayNode array = NODES.arrayNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          array.add(value(random, depth + 1));
        }
        yield array;
      }
    };
  }

  private static double randomDouble(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
      case 1 -> -random.nextDouble() * Math.pow(10, random.nextInt(600) - 300);
      case 2 -> random.nextInt(1000) / 8.0;
      default -> Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL);
    };
  }

  private static final String[] ALPHABET = {
    "a", "b", "Z", "é", "ក", "ລ", "ไ", "မ", "ệ", "\u20ac", "😀", "\n", "\"", "\\", "\u0001",
    "\u007f", "\u2028", " ", "1", "_"
  };

  private static String string(Random random) {
    StringBuilder out = new StringBuilder();
    for (int i = random.nextInt(6); i > 0; i--) {
      out.append(ALPHABET[random.nextInt(ALPHABET.length)]);
    }
    return out.toString();
  }
}
