package org.vansdk.anonymisation.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vansdk.anonymisation.AnonymisationException;

class AnonymisationPolicyTest {
  static final String BASE =
      "{\"schemaVersion\":\"1.0\",\"name\":\"t\",\"privacy\":{\"k\":5,\"suppressionLimit\":0.05},"
          + "\"quasiIdentifiers\":{\"place\":{\"minLevel\":0,\"maxLevel\":3},"
          + "\"age\":{\"minLevel\":1,\"maxLevel\":5}},"
          + "\"pseudonym\":{\"purpose\":\"regional_dashboard\",\"recipient\":\"regional\"},"
          + "\"linkedAttributes\":[LINKS]}";

  @Test
  void example_parses() {
    AnonymisationPolicy p = AnonymisationPolicy.regionalDefault();
    assertEquals(5, p.k());
    assertEquals(0.05, p.suppressionLimit());
    assertEquals(2, p.levels("place").orElseThrow().min());
    assertEquals(64, p.sha256().length());
    assertEquals(Recoding.LOCAL, p.recoding());
  }

  @Test
  void derivedColumnVerbatim_besideGeneralisedSource_refusedWithExplanation() {
    String district =
        "{\"attribute\":\"district\",\"source\":\"place\",\"sourceLevel\":1,\"release\":\"verbatim\"}";
    AnonymisationException e =
        assertThrows(
            AnonymisationException.class,
            () -> AnonymisationPolicy.parse(BASE.replace("LINKS", district)));
    assertEquals(AnonymisationException.POLICY_REFUSED, e.code());
    assertTrue(e.getMessage().contains("district reveals place at level 1"), e.getMessage());
    String birthYear =
        "{\"attribute\":\"birthYear\",\"source\":\"age\",\"sourceLevel\":0,\"release\":\"verbatim\"}";
    assertThrows(
        AnonymisationException.class,
        () -> AnonymisationPolicy.parse(BASE.replace("LINKS", birthYear)));
  }

  @Test
  void derivedColumnWithSource_accepted_releasedAtCoarserLevel() {
    String district =
        "{\"attribute\":\"district\",\"source\":\"place\",\"sourceLevel\":1,"
            + "\"release\":\"with_source\"}";
    AnonymisationPolicy p = AnonymisationPolicy.parse(BASE.replace("LINKS", district));
    LinkedAttribute link = p.linkedAttributes().get(0);
    assertEquals(3, link.releasedLevel(3));
    assertEquals(1, link.releasedLevel(0));
  }

  @Test
  void malformedOrIncomplete_refused() {
    assertThrows(AnonymisationException.class, () -> AnonymisationPolicy.parse("{"));
    assertThrows(
        AnonymisationException.class,
        () -> AnonymisationPolicy.parse(BASE.replace("LINKS", "").replace("\"k\":5,", "")));
  }

  @Test
  void recoding_globalOrLocal_otherValuesRefused() {
    String example = PolicyText.example();
    assertEquals(
        Recoding.GLOBAL,
        AnonymisationPolicy.parse(example.replace("\"local\"", "\"global\"")).recoding());
    AnonymisationException e =
        assertThrows(
            AnonymisationException.class,
            () -> AnonymisationPolicy.parse(example.replace("\"local\"", "\"locale\"")));
    assertEquals(AnonymisationException.POLICY_REFUSED, e.code());
    assertTrue(
        e.getMessage().contains("/recoding") && e.getMessage().contains("[local, global]"),
        e.getMessage());
  }

  /** The example policy's text. */
  static final class PolicyText {
    static String example() {
      try (var in = AnonymisationPolicy.class.getResourceAsStream("policy-example.json")) {
        return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
