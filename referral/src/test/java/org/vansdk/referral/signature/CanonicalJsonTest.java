package org.vansdk.referral.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class CanonicalJsonTest {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  /** RFC 8785 Appendix B: IEEE 754 bit patterns and their ECMAScript text. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0000000000000000, 0",
    "8000000000000000, 0",
    "0000000000000001, 5e-324",
    "8000000000000001, -5e-324",
    "7fefffffffffffff, 1.7976931348623157e+308",
    "ffefffffffffffff, -1.7976931348623157e+308",
    "4340000000000000, 9007199254740992",
    "c340000000000000, -9007199254740992",
    "4430000000000000, 295147905179352830000",
    "44b52d02c7e14af5, 9.999999999999997e+22",
    "44b52d02c7e14af6, 1e+23",
    "44b52d02c7e14af7, 1.0000000000000001e+23",
    "444b1ae4d6e2ef4e, 999999999999999700000",
    "444b1ae4d6e2ef4f, 999999999999999900000",
    "444b1ae4d6e2ef50, 1e+21",
    "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
    "3eb0c6f7a0b5ed8d, 0.000001",
    "41b3de4355555553, 333333333.3333332",
    "41b3de4355555554, 333333333.33333325",
    "41b3de4355555555, 333333333.3333333",
    "41b3de4355555556, 333333333.3333334",
    "41b3de4355555557, 333333333.33333343",
    "becbf647612f3696, -0.0000033333333333333333",
    "43143ff3c1cb0959, 1424953923781206.2"
  })
  void formatNumber_rfc8785AppendixB_matchesEcmaScript(String bits, String expected) {
    double d = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));
    assertEquals(expected, CanonicalJson.formatNumber(d));
  }

  @ParameterizedTest
  @ValueSource(strings = {"7fffffffffffffff", "7ff0000000000000", "fff0000000000000"})
  void formatNumber_nanOrInfinity_refused(String bits) {
    double d = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));
    assertThrows(CanonicalJsonException.class, () -> CanonicalJson.formatNumber(d));
  }

  @Test
  void toText_rfc8785Section324Example_matches() {
    String input =
        "{\n"
            + "  \"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],\n"
            + "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
            + "  \"literals\": [null, true, false]\n"
            + "}";
    String expected =
        "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
            + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
    assertEquals(expected, CanonicalJson.toText(MAPPER.readTree(input)));
  }

  @Test
  void toText_rfc8785Section323Sorting_byUtf16CodeUnits() {
    String input =
        "{\"\\u20ac\": \"Euro Sign\", \"\\r\": \"Carriage Return\","
            + " \"\\ufb33\": \"Hebrew Letter Dalet With Dagesh\", \"1\": \"One\","
            + " \"\\ud83d\\ude00\": \"Emoji: Grinning Face\", \"\\u0080\": \"Control\","
            + " \"\\u00f6\": \"Latin Small Letter O With Diaeresis\"}";
    String expected =
        "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
            + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
            + "\"\ud83d\ude00\":\"Emoji: Grinning Face\","
            + "\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}";
    assertEquals(expected, CanonicalJson.toText(MAPPER.readTree(input)));
  }

  @Test
  void toBytes_khmerText_isUtf8Unescaped() {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("note", "\u179f\u17bd\u179f\u17d2\u178f\u17b8");
    assertEquals(
        "{\"note\":\"\u179f\u17bd\u179f\u17d2\u178f\u17b8\"}",
        new String(CanonicalJson.toBytes(n), StandardCharsets.UTF_8));
  }

  @Test
  void toText_loneSurrogate_refused() {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("s", "a\ud800b");
    assertThrows(CanonicalJsonException.class, () -> CanonicalJson.toText(n));
  }

  @Test
  void toText_largeIntegers_writtenAsDoubles() {
    JsonNode n = MAPPER.readTree("[9007199254740993, 123456789012345678901234567890, -12]");
    assertEquals("[9007199254740992,1.2345678901234568e+29,-12]", CanonicalJson.toText(n));
  }

  @Test
  void formatNumber_randomDoubles_readBackExactly() {
    for (long seed = 0; seed < 5; seed++) {
      Random random = new Random(seed);
      for (int i = 0; i < 300; i++) {
        double d = Double.longBitsToDouble(random.nextLong());
        if (Double.isNaN(d) || Double.isInfinite(d)) {
          continue;
        }
        String text = CanonicalJson.formatNumber(d);
        assertEquals(d == 0 ? 0.0 : d, Double.parseDouble(text), "seed " + seed + " value " + d);
      }
    }
  }

  @Test
  void toText_reparsedCanonicalText_isFixedPoint() {
    String input = "{\"b\":[1.50,{\"z\":true,\"a\":\"x\"}],\"a\":-0.0,\"c\":1e-7}";
    String once = CanonicalJson.toText(MAPPER.readTree(input));
    assertEquals("{\"a\":0,\"b\":[1.5,{\"a\":\"x\",\"z\":true}],\"c\":1e-7}", once);
    assertEquals(once, CanonicalJson.toText(MAPPER.readTree(once)));
  }
}
