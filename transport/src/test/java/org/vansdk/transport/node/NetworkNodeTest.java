package org.vansdk.transport.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
import org.vansdk.core.text.LocalizedText;
import org.vansdk.referral.node.Decision;
import org.vansdk.referral.node.ReferralDraft;
import org.vansdk.transport.observe.TransportObserver;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Two nodes started from their configuration files, as {@code van node run} starts them, complete
 * the closed loop over HTTPS; the receiver is stopped and started again from the same files in the
 * middle, and nothing is lost or applied twice.
 */
class NetworkNodeTest {

  static final String PASSWORD = "test-only-password";
  private static final Map<String, String> ENV = Map.of("VAN_TLS_PASSWORD", PASSWORD);
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final AttemptId ATTEMPT = attempt(1);

  @TempDir Path dir;

  private Path authorityFile;
  private Path centreFile;

  private void writeNetwork() throws Exception {
    TwoNodeFiles files = TwoNodeFiles.write(dir, 3_600_000); // the test steps the dispatchers
    authorityFile = files.authority();
    centreFile = files.centre();
  }

  private static NetworkNode start(Path file) {
    return NetworkNode.start(NodeConfiguration.read(file), ENV::get, TransportObserver.NONE);
  }

  private static void done(Decision d) {
    assertTrue(d.done(), d.message());
  }

  @Test
  void closedLoop_acrossARestartOfTheReceiver() throws Exception {
    writeNetwork();
    Instant now = Instant.now();
    try (NetworkNode authority = start(authorityFile)) {
      NetworkNode centre = start(centreFile);
      try {
        done(authority.node().refer(draft(now), consent(now)));
        authority.dispatcher().dispatch();
        assertEquals(AttemptStatus.SENT, centre.node().status(ATTEMPT).orElseThrow());
        done(centre.node().markReceived(ATTEMPT));
        done(centre.node().accept(ATTEMPT));
      } finally {
        centre.close(); // stopped with two replies still in its durable outbox
      }
      try (NetworkNode again = start(centreFile)) {
        assertEquals(AttemptStatus.ACCEPTED, again.node().status(ATTEMPT).orElseThrow());
        // (the node's first background round may deliver them before this one: either way they
        // are delivered once, when this call returns)
        again.dispatcher().dispatch();
        assertEquals(AttemptStatus.ACCEPTED, authority.node().status(ATTEMPT).orElseThrow());
        done(again.node().complete(ATTEMPT, LocalizedText.of("en", "fitted")));
        again.dispatcher().dispatch();
        done(authority.node().acknowledgeOutcome(ATTEMPT));
        authority.dispatcher().dispatch();
        assertEquals(AttemptStatus.COMPLETED, authority.node().status(ATTEMPT).orElseThrow());
        assertEquals(AttemptStatus.COMPLETED, again.node().status(ATTEMPT).orElseThrow());
        assertTrue(authority.node().store().outbox().isEmpty());
        assertTrue(again.node().store().outbox().isEmpty());
        ReferralId referral = ReferralId.parse("KHM-CMAA-R1");
        assertTrue(authority.node().verifyAudit(referral).valid());
        assertTrue(again.node().verifyAudit(referral).valid());
      }
    }
  }

  @Test
  void missingPasswordVariable_andBadKeyFile_areNamed() throws Exception {
    writeNetwork();
    NodeConfiguration c = NodeConfiguration.read(centreFile);
    NodeConfigurationException noPassword =
        assertThrows(
            NodeConfigurationException.class,
            () -> NetworkNode.start(c, name -> null, TransportObserver.NONE));
    assertTrue(
        noPassword.getMessage().contains(": /tls/passwordVariable: "), noPassword.getMessage());

    NodeConfigurationException wrongPassword =
        assertThrows(
            NodeConfigurationException.class,
            () -> NetworkNode.start(c, name -> "Zq-not-the-password", TransportObserver.NONE));
    assertTrue(wrongPassword.getMessage().contains(": /tls: "), wrongPassword.getMessage());
    assertTrue(!wrongPassword.getMessage().contains("Zq-not"), wrongPassword.getMessage());

    Files.writeString(dir.resolve("centre.key"), "not a key");
    NodeConfigurationException badKey =
        assertThrows(
            NodeConfigurationException.class,
            () -> NetworkNode.start(c, ENV::get, TransportObserver.NONE));
    assertTrue(badKey.getMessage().contains(": /signingKey/file: "), badKey.getMessage());
  }

  static AttemptId attempt(int i) {
    return AttemptId.parse("KHM-CMAA-A" + i);
  }

  private static Consent consent(Instant at) {
    return consent(1, at);
  }

  static Consent consent(int i, Instant at) {
    return Consent.builder()
        .id(ConsentId.parse("KHM-CMAA-C" + i))
        .personId(PersonId.parse("KHM-CMAA-P" + i))
        .addGrantees(OrganisationId.parse("KHM-PRC-BTB"))
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
    return draft(1, at);
  }

  static ReferralDraft draft(int i, Instant at) {
    Referral referral =
        Referral.builder()
            .id(ReferralId.parse("KHM-CMAA-R" + i))
            .personId(PersonId.parse("KHM-CMAA-P" + i))
            .consentId(ConsentId.parse("KHM-CMAA-C" + i))
            .addServiceTypes(ServiceType.PROSTHESIS)
            .priority(Priority.HIGH)
            .referringOrganisation(OrganisationId.parse("KHM-CMAA-HQ"))
            .createdAt(at)
            .status(ReferralStatus.ACTIVE)
            .build();
    return ReferralDraft.builder()
        .referral(referral)
        .attemptId(attempt(i))
        .targetService(ServiceId.parse("KHM-PRC-PROSTHETICS"))
        .requestedCategories(EnumSet.of(DataCategory.IDENTITY))
        .personalData(
            Map.of(DataCategory.IDENTITY, JsonNodeFactory.instance.objectNode().put("name", "S")))
        .build();
  }
}
