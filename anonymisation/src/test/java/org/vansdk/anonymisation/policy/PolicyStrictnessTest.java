package org.vansdk.anonymisation.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vansdk.anonymisation.AnonymisationException;
import org.vansdk.anonymisation.table.ZeroCells;
import org.vansdk.core.json.VanJson;
import org.vansdk.testkit.corpus.Misspellings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The policy reader is strict: every unknown key or value is an error with its JSON Pointer. */
class PolicyStrictnessTest {
  static final String EVERY_KEY = read("policy-every-key.json");

  static String read(String name) {
    try (InputStream in = PolicyStrictnessTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static PolicyException refused(String json) {
    return assertThrows(PolicyException.class, () -> AnonymisationPolicy.parse(json));
  }

  @Test
  void everyKeyDocument_parses_withEveryOptionalValueApplied() {
    AnonymisationPolicy p = AnonymisationPolicy.parse(EVERY_KEY);
    assertEquals(2, p.privacyModels().size());
    assertEquals("outcome", p.sensitiveAttribute().orElseThrow());
    assertEquals("precision", p.lossModelName());
    assertEquals(11, p.tableProtection().threshold());
    assertEquals(ZeroCells.SUPPRESS, p.tableProtection().zeroCells());
    assertEquals(
        List.of(
            new Priority(java.util.Map.of("place", 2, "incidentDate", 3), 0.9),
            new Priority(java.util.Map.of("sex", 0, "age", 1), 0)),
        p.priorities());
  }

  @TestFactory
  Stream<DynamicTest> everyMisspeltKey_refusedAtItsPointer() {
    JsonNode doc = VanJson.strict().readTree(EVERY_KEY.getBytes(StandardCharsets.UTF_8));
    List<Misspellings.Case> cases = Misspellings.everyKey(doc);
    assertTrue(cases.size() > 200, "misspellings made: " + cases.size());
    return cases.stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.toString(),
                    () -> {
                      PolicyException e = refused(c.document());
                      assertEquals(AnonymisationException.POLICY_REFUSED, e.code());
                      assertEquals(c.pointer(), e.pointer(), e.getMessage());
                      assertTrue(e.getMessage().contains(c.pointer()), e.getMessage());
                      assertTrue(e.getMessage().contains(c.correct()), "lists what is allowed");
                    }));
  }

  /** Every place that holds a code out of a fixed list, with a valid value there. */
  static final String[][] CODES = {
    {"/privacy/lDiversity/variant", "recursive"},
    {"/privacy/lDiversity/attribute", "outcome"},
    {"/lossModel", "precision"},
    {"/linkedAttributes/0/source", "place"},
    {"/linkedAttributes/0/release", "with_source"},
    {"/tables/zeroCells", "suppress"},
  };

  @TestFactory
  Stream<DynamicTest> everyMisspeltCode_refusedAtItsPointer() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String[] code : CODES) {
      List<String> wrong = new ArrayList<>(Misspellings.of(code[1]));
      wrong.add(code[1].toUpperCase(java.util.Locale.ROOT));
      wrong.add("");
      for (String value : wrong) {
        tests.add(
            DynamicTest.dynamicTest(
                code[0] + " = " + value,
                () -> {
                  PolicyException e = refused(with(code[0], "\"" + value + "\""));
                  assertEquals(code[0], e.pointer(), e.getMessage());
                }));
      }
      tests.add(
          DynamicTest.dynamicTest(
              code[0] + " = 1",
              () -> assertEquals(code[0], refused(with(code[0], "1")).pointer())));
    }
    return tests.stream();
  }

  @Test
  void theCampaignsPolicy_isRefused_notWeakened() {
    String policy = read("policy-every-key.json");
    PolicyException l = refused(policy.replace("\"lDiversity\"", "\"ldiversity\""));
    assertEquals("/privacy/ldiversity", l.pointer());
    assertTrue(l.getMessage().contains("allowed: k, suppressionLimit, lDiversity"), l.getMessage());
    assertEquals(
        "/tables/treshold", refused(policy.replace("\"threshold\"", "\"treshold\"")).pointer());
    PolicyException zero = refused(policy.replace("\"suppress\"", "\"supress\""));
    assertEquals("/tables/zeroCells", zero.pointer());
    assertTrue(zero.getMessage().contains("allowed: [publish, suppress]"), zero.getMessage());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/privacy/k|\"5\"",
        "/privacy/k|5.5",
        "/privacy/k|0",
        "/privacy/k|99999999999",
        "/privacy/k|null",
        "/privacy/suppressionLimit|1.5",
        "/privacy/suppressionLimit|\"0.05\"",
        "/privacy/lDiversity|[]",
        "/privacy/lDiversity/l|1",
        "/privacy/lDiversity/c|0",
        "/quasiIdentifiers/age|5",
        "/quasiIdentifiers/age/minLevel|-1",
        "/quasiIdentifiers/age/maxLevel|0",
        "/linkedAttributes|{}",
        "/priorities|{}",
        "/priorities/0|[]",
        "/priorities/0/levels|{}",
        "/priorities/0/levels|null",
        "/priorities/0/levels/place|-1",
        "/priorities/0/levels/place|\"2\"",
        "/priorities/0/share|1.5",
        "/priorities/0/share|\"0.9\"",
        "/linkedAttributes/0|\"province\"",
        "/linkedAttributes/0/sourceLevel|true",
        "/pseudonym/purpose|\"Regional Dashboard\"",
        "/pseudonym/recipient|\"\"",
        "/tables/threshold|0",
        "/schemaVersion|\"2.0\"",
        "/schemaVersion|\"1.\"",
        "/name|\"\"",
      })
  void wrongTypeOrRange_refusedAtItsPointer(String pointer, String value) {
    PolicyException e = refused(with(pointer, value));
    assertEquals(pointer, e.pointer(), e.getMessage());
  }

  @Test
  void cOutsideTheRecursiveVariant_refused() {
    String entropy = EVERY_KEY.replace("\"recursive\"", "\"entropy\"");
    assertEquals("/privacy/lDiversity/c", refused(entropy).pointer());
    AnonymisationPolicy p =
        AnonymisationPolicy.parse(
            entropy.replace(", \"c\": 3", "").replace("\"l\": 2", "\"l\": 1.5"));
    assertEquals(2, p.privacyModels().size());
  }

  @Test
  void malformedJson_locatedWithoutEchoingText() {
    PolicyException e = refused("{\"name\": \"Sokha Chanthy +85512345678\", \"privacy\": {");
    assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    assertFalse(e.getMessage().contains("Sokha"), e.getMessage());
    assertFalse(e.getMessage().contains("855"), e.getMessage());
    assertFalse(e.getMessage().contains("#UNKNOWN"), e.getMessage());
    assertEquals("", refused(EVERY_KEY.replace("0.05", "1e2147483648")).pointer());
    PolicyException dup = refused(EVERY_KEY.replace("\"k\": 5,", "\"k\": 5, \"k\": 1,"));
    assertTrue(dup.getMessage().contains("duplicate"), dup.getMessage());
    assertEquals("", refused("").pointer());
    assertEquals("", refused("[]").pointer());
  }

  @Test
  void unknownKeyThatIsNotKeyShaped_isHiddenInPointerAndMessage() {
    PolicyException e = refused(EVERY_KEY.replace("\"lossModel\"", "\"Sokha Chanthy\""));
    assertEquals("/(hidden)", e.pointer());
    assertFalse(e.getMessage().contains("Sokha"), e.getMessage());
  }

  /** The every-key policy with the value at {@code pointer} replaced by the JSON {@code value}. */
  static String with(String pointer, String value) {
    ObjectNode doc =
        (ObjectNode) VanJson.strict().readTree(EVERY_KEY.getBytes(StandardCharsets.UTF_8));
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = doc.at(pointer.substring(0, slash));
    JsonNode replacement = VanJson.strict().readTree(value.getBytes(StandardCharsets.UTF_8));
    String last = pointer.substring(slash + 1);
    if (parent.isArray()) {
      ((tools.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(last), replacement);
    } else {
      ((ObjectNode) parent).set(last, replacement);
    }
    return doc.toString();
  }
}
