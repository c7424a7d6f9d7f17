package org.vansdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vansdk.cli.VanCommandTest.van;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vansdk.cli.VanCommandTest.Run;
import org.vansdk.core.consent.Consent;
import org.vansdk.core.consent.ConsentMethod;
import org.vansdk.core.consent.ConsentStatus;
import org.vansdk.core.consent.DataCategory;
import org.vansdk.core.consent.Purpose;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.id.ConsentId;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.PersonId;
import org.vansdk.core.id.ReferralId;
import org.vansdk.core.id.ServiceId;
import org.vansdk.core.need.Priority;
import org.vansdk.core.need.ServiceType;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.Referral;
import org.vansdk.core.referral.ReferralStatus;
import org.vansdk.referral.audit.AuditAction;
import org.vansdk.referral.message.Party;
import org.vansdk.referral.node.DirectoryEntry;
import org.vansdk.referral.node.InMemoryServiceDirectory;
import org.vansdk.referral.node.ReferralDraft;
import org.vansdk.referral.node.ReferralNode;
import org.vansdk.referral.signature.InMemoryOrganisationKeyRegistry;
import org.vansdk.referral.signature.KeyId;
import org.vansdk.referral.signature.SigningKey;
import org.vansdk.referral.store.JdbcReferralStore;
import org.vansdk.transport.node.NodeConfiguration;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code van node stuck} and {@code van node outbox list|park|resend|cancel} on a stopped node's
 * store, as an operator uses them: ids and codes only on the output, each action audited.
 */
class NodeOperatorCommandsTest {

  private static final Party AUTHORITY =
      new Party(OrganisationId.parse("KHM-CMAA-HQ"), "cmvis", CountryCode.KHM);
  private static final Party CENTRE =
      new Party(OrganisationId.parse("KHM-PRC-BTB"), "prc", CountryCode.KHM);
  private static final ReferralId REFERRAL = ReferralId.parse("KHM-CMAA-R1");
  private static final AttemptId ATTEMPT = AttemptId.parse("KHM-CMAA-A1");

  @TempDir Path dir;

  /** A stopped authority node whose referral to the centre was sent two days ago, never acked. */
  private Path stoppedNodeWithAnUnansweredReferral() throws Exception {
    byte[] seed = new byte[32];
    new java.security.SecureRandom().nextBytes(seed);
    Files.writeString(dir.resolve("authority.key"), Base64.getEncoder().encodeToString(seed));
    ObjectNode c = NodeFiles.config("KHM-CMAA-HQ", "cmvis", "authority", "A".repeat(43));
    Path file = dir.resolve("authority.node.json");
    Files.writeString(file, NodeFiles.MAPPER.writeValueAsString(c));

    NodeConfiguration config = NodeConfiguration.read(file);
    Instant sent = Instant.now().minus(Duration.ofDays(2));
    InMemoryServiceDirectory directory = new InMemoryServiceDirectory();
    directory.add(
        new DirectoryEntry(ServiceId.parse("KHM-PRC-PROSTHETICS"), CENTRE, Duration.ofDays(14)));
    try (JdbcReferralStore store = JdbcReferralStore.open(config.jdbcUrl())) {
      ReferralNode node =
          ReferralNode.builder()
              .party(AUTHORITY)
              .signingKey(SigningKey.fromRaw(KeyId.of("KHM-CMAA-HQ-K1"), seed))
              .keyRegistry(new InMemoryOrganisationKeyRegistry())
              .store(store)
              .directory(directory)
              .clock(java.time.Clock.fixed(sent, java.time.ZoneOffset.UTC))
              .build();
      assertTrue(node.refer(draft(sent), consent(sent)).done());
      assertEquals(1, node.outgoing().size(), "sent once, never acknowledged");
    }
    return file;
  }

  @Test
  void stuck_listsTheAttemptAndTheMessage_parkResendCancel_areAudited() throws Exception {
    Path config = stoppedNodeWithAnUnansweredReferral();

    Run stuck = van("node", "stuck", "--config", config.toString(), "--quiet-for", "1d");
    assertEquals(0, stuck.code(), stuck.err());
    assertTrue(stuck.out().contains("1 attempt(s) without a move for 1d"), stuck.out());
    assertTrue(
        stuck.out().contains("KHM-CMAA-A1\tKHM-CMAA-R1\treferrer\tsent\tKHM-PRC-BTB\t"),
        stuck.out());
    assertTrue(stuck.out().contains("1 message(s) parked or unacknowledged for 1d"), stuck.out());
    assertFalse(stuck.out().contains("\"S\""), "no personal data on the output");
    Run quiet = van("node", "stuck", "--config", config.toString(), "--quiet-for", "3d");
    assertTrue(quiet.out().contains("0 attempt(s)"), quiet.out());

    Run list = van("node", "outbox", "list", "--config", config.toString());
    assertEquals(0, list.code(), list.err());
    String[] row = list.out().lines().skip(1).findFirst().orElseThrow().split("\t");
    String messageId = row[0];
    assertEquals("referral_request", row[1]);
    assertEquals("KHM-PRC-BTB", row[2]);
    assertEquals("1", row[5]);

    Run park = van("node", "outbox", "park", "--config", config.toString(), "--message", messageId);
    assertEquals(0, park.code(), park.err());
    assertTrue(park.err().contains("\"event\":\"outbox_action\""), park.err());
    assertTrue(
        van("node", "outbox", "list", "--config", config.toString()).out().contains("\tparked"));
    Run resend =
        van("node", "outbox", "resend", "--config", config.toString(), "--message", messageId);
    assertEquals(0, resend.code(), resend.err());
    Run cancel =
        van(
            "node",
            "outbox",
            "cancel",
            "--config",
            config.toString(),
            "--message",
            messageId,
            "--reason",
            "peer-left");
    assertEquals(0, cancel.code(), cancel.err());
    Run again =
        van("node", "outbox", "cancel", "--config", config.toString(), "--message", messageId);
    assertEquals(Van.INPUT_PROBLEMS, again.code());
    assertTrue(again.err().contains("VAN-R-0026"), again.err());
    Run freeText =
        van(
            "node",
            "outbox",
            "park",
            "--config",
            config.toString(),
            "--message",
            messageId,
            "--reason",
            "asked by Sok");
    assertEquals(Van.INPUT_PROBLEMS, freeText.code());
    Run badSpan = van("node", "stuck", "--config", config.toString(), "--quiet-for", "a week");
    assertEquals(Van.ERROR, badSpan.code());
    assertTrue(badSpan.err().contains("--quiet-for"), badSpan.err());

    NodeConfiguration c = NodeConfiguration.read(config);
    try (JdbcReferralStore store = JdbcReferralStore.open(c.jdbcUrl())) {
      assertTrue(store.outbox().isEmpty(), "cancelled");
      assertEquals(AttemptStatus.SENT, store.attempt(ATTEMPT).orElseThrow().status());
      var actions = store.audit(REFERRAL).stream().map(e -> e.action()).toList();
      assertTrue(
          actions.containsAll(
              java.util.List.of(
                  AuditAction.OUTBOX_PARKED,
                  AuditAction.OUTBOX_RESENT,
                  AuditAction.OUTBOX_CANCELLED)),
          actions.toString());
      assertTrue(store.verifyAudit(REFERRAL).valid());
    }
  }

  private static Consent consent(Instant at) {
    return Consent.builder()
        .id(ConsentId.parse("KHM-CMAA-C1"))
        .personId(PersonId.parse("KHM-CMAA-P1"))
        .addGrantees(CENTRE.organisation())
        .addPurposes(Purpose.REFERRAL, Purpose.SERVICE_DELIVERY)
        .addDataCategories(DataCategory.IDENTITY)
        .addCountries(CountryCode.KHM)
        .givenAt(at.minus(Duration.ofHours(1)))
        .method(ConsentMethod.THUMBPRINT)
        .language("km")
        .status(ConsentStatus.ACTIVE)
        .build();
  }

  private static ReferralDraft draft(Instant at) {
    Referral referral =
        Referral.builder()
            .id(REFERRAL)
            .personId(PersonId.parse("KHM-CMAA-P1"))
            .consentId(ConsentId.parse("KHM-CMAA-C1"))
            .addServiceTypes(ServiceType.PROSTHESIS)
            .priority(Priority.HIGH)
            .referringOrganisation(AUTHORITY.organisation())
            .createdAt(at)
            .status(ReferralStatus.ACTIVE)
            .build();
    return ReferralDraft.builder()
        .referral(referral)
        .attemptId(ATTEMPT)
        .targetService(ServiceId.parse("KHM-PRC-PROSTHETICS"))
        .requestedCategories(EnumSet.of(DataCategory.IDENTITY))
        .personalData(
            Map.of(DataCategory.IDENTITY, JsonNodeFactory.instance.objectNode().put("name", "S")))
        .build();
  }
}
