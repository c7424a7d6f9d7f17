package org.vansdk.referral.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vansdk.core.consent.DataCategory;
import org.vansdk.referral.message.MessageType;
import tools.jackson.databind.node.ObjectNode;

class MessageSchemasTest {

  @ParameterizedTest
  @EnumSource(MessageType.class)
  void everyMessageType_hasASchemaOnTheClasspath(MessageType type) {
    assertNotNull(
        getClass().getResource("/org/vansdk/referral/schema/1.0/" + MessageSchemas.fileName(type)),
        type.code());
  }

  private static ObjectNode validRequest() {
    TestWorld world = new TestWorld(7);
    ReferralNode khm = world.add(TestWorld.KHM_CMAA);
    khm.refer(
        TestWorld.draft(
            TestWorld.referral(TestWorld.KHM_CMAA, "1", "1"),
            TestWorld.attempt(TestWorld.KHM_CMAA, "1"),
            TestWorld.THA_PROSTHESIS,
            java.util.EnumSet.of(DataCategory.IDENTITY)),
        TestWorld.crossBorderConsent("1"));
    return TestWorld.tree(khm.outgoing().get(0));
  }

  @Test
  void validate_requestAsSent_noProblems() {
    assertEquals(List.of(), MessageSchemas.instance().validate(validRequest()));
  }

  @Test
  void validate_missingPayloadMemberAndBadCode_problemsNamePointerAndRule() {
    ObjectNode m = validRequest();
    ((ObjectNode) m.get("payload")).remove("respondBy");
    ((ObjectNode) m.get("payload").get("referral")).put("priority", "whenever");
    List<String> problems = MessageSchemas.instance().validate(m);
    assertTrue(problems.contains("/payload: required 'respondBy'"), problems.toString());
    assertTrue(problems.contains("/payload/referral/priority: enum"), problems.toString());
    assertTrue(problems.stream().noneMatch(p -> p.contains("whenever")), "no values echoed");
  }

  @Test
  void validate_unknownPersonalDataCategory_refused() {
    ObjectNode m = validRequest();
    ((ObjectNode) m.get("payload").get("personalData")).putObject("religion");
    assertTrue(
        MessageSchemas.instance().validate(m).stream().anyMatch(p -> p.contains("personalData")));
  }

  @Test
  void validate_unknownType_listsAllowedTypes() {
    ObjectNode m = validRequest();
    m.put("type", "shout");
    List<String> problems = MessageSchemas.instance().validate(m);
    assertEquals(1, problems.size());
    assertTrue(problems.get(0).contains("referral_request"), problems.get(0));
  }

  @Test
  void validate_badInstant_refusedByFormatAssertion() {
    ObjectNode m = validRequest();
    m.put("createdAt", "yesterday");
    assertTrue(
        MessageSchemas.instance().validate(m).stream().anyMatch(p -> p.startsWith("/createdAt")));
  }
}
