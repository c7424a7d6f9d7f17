package org.vansdk.examples;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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
import org.vansdk.referral.audit.AuditVerification;
import org.vansdk.referral.message.Party;
import org.vansdk.referral.node.Decision;
import org.vansdk.referral.node.DirectoryEntry;
import org.vansdk.referral.node.InMemoryServiceDirectory;
import org.vansdk.referral.node.ReferralDraft;
import org.vansdk.referral.node.ReferralNode;
import org.vansdk.referral.node.Transmission;
import org.vansdk.referral.signature.InMemoryOrganisationKeyRegistry;
import org.vansdk.referral.signature.KeyId;
import org.vansdk.referral.signature.SigningKey;
import org.vansdk.referral.store.InMemoryReferralStore;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Send and answer a referral: a mine action authority refers a survivor to a rehabilitation centre;
 * the centre accepts and completes the service; the authority acknowledges the outcome, closing the
 * loop. Both sides keep a signed, hash-chained audit log, verified at the end. In production each
 * node runs in its own organisation with a JDBC store and a real transport; here both run in one
 * process with in-memory stores, and {@link #deliver} plays the network.
 */
public final class SendAndAnswerReferral {
  static final Party AUTHORITY =
      new Party(OrganisationId.parse("KHM-CMAA-HQ"), "cmvis", CountryCode.KHM);
  static final Party CENTRE =
      new Party(OrganisationId.parse("KHM-PRC-BTB"), "prc", CountryCode.KHM);
  static final ServiceId PROSTHETICS = ServiceId.parse("KHM-PRC-PROSTHETICS");

  private SendAndAnswerReferral() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }

  static boolean run(PrintStream out) {
    Instant now = Instant.parse("2025-06-01T08:00:00Z");
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);

    // Each organisation signs with its own key; peers' public keys come from a registry, and
    // services (who provides what, and how soon they must answer) from a directory.
    InMemoryOrganisationKeyRegistry registry = new InMemoryOrganisationKeyRegistry();
    InMemoryServiceDirectory directory = new InMemoryServiceDirectory();
    directory.add(new DirectoryEntry(PROSTHETICS, CENTRE, Duration.ofDays(14)));
    ReferralNode authority = node(AUTHORITY, registry, directory, clock);
    ReferralNode centre = node(CENTRE, registry, directory, clock);

    // The survivor consented to share identity and medical data with the centre, for referral.
    PersonId survivor = PersonId.parse("KHM-CMAA-P000123");
    Consent consent =
        Consent.builder()
            .id(ConsentId.parse("KHM-CMAA-K000001"))
            .personId(survivor)
            .addGrantees(CENTRE.organisation())
            .addPurposes(Purpose.REFERRAL, Purpose.SERVICE_DELIVERY)
            .addDataCategories(DataCategory.IDENTITY, DataCategory.MEDICAL)
            .addCountries(CountryCode.KHM)
            .givenAt(now.minus(Duration.ofDays(1)))
            .method(ConsentMethod.THUMBPRINT)
            .language("km")
            .status(ConsentStatus.ACTIVE)
            .build();
    ReferralId referralId = ReferralId.parse("KHM-CMAA-R000001");
    AttemptId attempt = AttemptId.parse("KHM-CMAA-A000001");
    Referral referral =
        Referral.builder()
            .id(referralId)
            .personId(survivor)
            .addServiceTypes(ServiceType.PROSTHESIS)
            .priority(Priority.HIGH)
            .referringOrganisation(AUTHORITY.organisation())
            .createdAt(now)
            .consentId(consent.id())
            .status(ReferralStatus.ACTIVE)
            .build();
    // The personal data travels only in categories both requested and consented; the node
    // refuses to send anything the consent does not cover.
    ReferralDraft draft =
        ReferralDraft.builder()
            .referral(referral)
            .attemptId(attempt)
            .targetService(PROSTHETICS)
            .requestedCategories(EnumSet.of(DataCategory.IDENTITY, DataCategory.MEDICAL))
            .personalData(
                Map.of(
                    DataCategory.IDENTITY,
                    JsonNodeFactory.instance.objectNode().put("name", "Sokha"),
                    DataCategory.MEDICAL,
                    JsonNodeFactory.instance.objectNode().put("amputation", "below_knee_left")))
            .build();

    // Every action returns a Decision (done, or refused with a code and a reason); the messages
    // it produces wait in the node's outbox until delivered.
    step(out, "authority refers", authority.refer(draft, consent), authority, centre);
    step(out, "centre marks received", centre.markReceived(attempt), authority, centre);
    step(out, "centre accepts", centre.accept(attempt), authority, centre);
    step(out, "centre starts the service", centre.start(attempt), authority, centre);
    LocalizedText fitted = LocalizedText.of("en", "below-knee prosthesis fitted");
    step(out, "centre completes", centre.complete(attempt, fitted), authority, centre);
    step(out, "authority acknowledges", authority.acknowledgeOutcome(attempt), authority, centre);

    AttemptStatus atAuthority = authority.status(attempt).orElseThrow();
    AttemptStatus atCentre = centre.status(attempt).orElseThrow();
    out.printf("status at authority: %s, at centre: %s%n", atAuthority.code(), atCentre.code());
    boolean verified = true;
    for (ReferralNode node : List.of(authority, centre)) {
      AuditVerification v = node.verifyAudit(referralId);
      out.printf(
          "audit at %s: %d entries, %s%n",
          node.party().organisation(), v.entries(), v.valid() ? "verified" : v.problem());
      verified &= v.valid();
    }
    return verified && atAuthority == AttemptStatus.COMPLETED && atCentre == atAuthority;
  }

  private static ReferralNode node(
      Party party,
      InMemoryOrganisationKeyRegistry registry,
      InMemoryServiceDirectory directory,
      Clock clock) {
    SigningKey key =
        SigningKey.generate(KeyId.of(party.organisation().value() + "-K1"), new SecureRandom());
    registry.register(party.organisation(), key);
    return ReferralNode.builder()
        .party(party)
        .signingKey(key)
        .keyRegistry(registry)
        .store(new InMemoryReferralStore())
        .clock(clock)
        .directory(directory)
        .build();
  }

  private static void step(
      PrintStream out, String what, Decision decision, ReferralNode a, ReferralNode b) {
    out.printf("%-28s %s%n", what, decision.done() ? "ok" : "refused: " + decision.message());
    deliver(a, b);
  }

  /** Plays the network: hands every outgoing message to its addressee until all is quiet. */
  private static void deliver(ReferralNode a, ReferralNode b) {
    boolean any = true;
    while (any) {
      any = false;
      for (ReferralNode from : List.of(a, b)) {
        for (Transmission t : from.outgoing()) {
          any = true;
          (t.to().organisation().equals(a.party().organisation()) ? a : b).receive(t.bytes());
        }
      }
    }
  }
}
