package org.vansdk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.vansdk.referral.store.JdbcReferralStore;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo's referral: a mine action authority refers a survivor to a rehabilitation centre through
 * the protocol, each side with its own H2 file store, signed messages and a consent that covers
 * exactly what is sent. Prints each step; never prints personal data.
 */
final class DemoReferral {
  static final Party AUTHORITY =
      new Party(OrganisationId.parse("KHM-CMAA-HQ"), "cmvis", CountryCode.KHM);
  static final Party CENTRE =
      new Party(OrganisationId.parse("KHM-PRC-BTB"), "prc", CountryCode.KHM);
  static final ServiceId PROSTHETICS = ServiceId.parse("KHM-PRC-PROSTHETICS");

  private final PrintWriter out;
  private final ReferralNode authority;
  private final ReferralNode centre;
  private final JdbcReferralStore authorityStore;
  private final JdbcReferralStore centreStore;

  DemoReferral(PrintWriter out, Path dir, Clock clock) {
    this.out = out;
    InMemoryOrganisationKeyRegistry registry = new InMemoryOrganisationKeyRegistry();
    InMemoryServiceDirectory directory = new InMemoryServiceDirectory();
    directory.add(new DirectoryEntry(PROSTHETICS, CENTRE, Duration.ofDays(14)));
    SecureRandom random = new SecureRandom();
    SigningKey authorityKey = SigningKey.generate(KeyId.of("KHM-CMAA-HQ-K1"), random);
    SigningKey centreKey = SigningKey.generate(KeyId.of("KHM-PRC-BTB-K1"), random);
    registry.register(AUTHORITY.organisation(), authorityKey);
    registry.register(CENTRE.organisation(), centreKey);
    authorityStore = JdbcReferralStore.h2File(dir.resolve("authority"));
    centreStore = JdbcReferralStore.h2File(dir.resolve("centre"));
    authority =
        ReferralNode.builder()
            .party(AUTHORITY)
            .signingKey(authorityKey)
            .keyRegistry(registry)
            .store(authorityStore)
            .clock(clock)
            .directory(directory)
            .build();
    centre =
        ReferralNode.builder()
            .party(CENTRE)
            .signingKey(centreKey)
            .keyRegistry(registry)
            .store(centreStore)
            .clock(clock)
            .directory(directory)
            .build();
  }

  /**
   * Runs the referral for a survivor to its closed loop and verifies both audit chains.
   *
   * @param survivor the person referred
   * @param personalData what the referrer holds about them, by category (never printed)
   * @param now the instant the consent was given
   * @return true when both sides agree on {@code completed} and both audit chains verify
   */
  boolean run(PersonId survivor, Map<DataCategory, ObjectNode> personalData, Instant now) {
    ReferralId referralId = ReferralId.parse("KHM-CMAA-R-DEMO-1");
    AttemptId attemptId = AttemptId.parse("KHM-CMAA-A-DEMO-1");
    Consent consent =
        Consent.builder()
            .id(ConsentId.parse("KHM-CMAA-K-DEMO-1"))
            .personId(survivor)
            .addGrantees(CENTRE.organisation())
            .addPurposes(Purpose.REFERRAL, Purpose.SERVICE_DELIVERY)
            .addDataCategories(DataCategory.IDENTITY, DataCategory.MEDICAL)
            .addCountries(CountryCode.KHM)
            .givenAt(now.minus(Duration.ofMinutes(5)))
            .method(ConsentMethod.THUMBPRINT)
            .language("km")
            .status(ConsentStatus.ACTIVE)
            .build();
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
    ReferralDraft draft =
        ReferralDraft.builder()
            .referral(referral)
            .attemptId(attemptId)
            .targetService(PROSTHETICS)
            .requestedCategories(EnumSet.of(DataCategory.IDENTITY, DataCategory.MEDICAL))
            .personalData(personalData)
            .note(LocalizedText.of("km", "ត្រូវការជើងសិប្បនិម្មិត"))
            // "needs a prosthetic leg": the note holds medical data only, which is consented
            .noteCategories(EnumSet.of(DataCategory.MEDICAL))
            .build();

    step(
        "referrer sends identity and medical data (consented); contact is held back",
        authority.refer(draft, consent));
    pump();
    step("receiver marks it received", centre.markReceived(attemptId));
    pump();
    step("receiver accepts", centre.accept(attemptId));
    pump();
    step("receiver starts the service", centre.start(attemptId));
    pump();
    step(
        "receiver completes: prosthesis fitted",
        centre.complete(attemptId, LocalizedText.of("en", "below-knee prosthesis fitted")));
    pump();
    step(
        "referrer acknowledges the outcome (loop closed)", authority.acknowledgeOutcome(attemptId));
    pump();

    AttemptStatus atReferrer = authority.status(attemptId).orElseThrow();
    AttemptStatus atReceiver = centre.status(attemptId).orElseThrow();
    out.printf(
        "   status at referrer: %s, at receiver: %s%n", atReferrer.code(), atReceiver.code());
    boolean ok = atReferrer == AttemptStatus.COMPLETED && atReceiver == AttemptStatus.COMPLETED;
    for (ReferralNode node : List.of(authority, centre)) {
      AuditVerification v = node.verifyAudit(referralId);
      out.printf(
          "   audit chain at %s: %d entries, %s%n",
          node.party().organisation(),
          v.entries(),
          v.valid() ? "verified" : "BROKEN: " + v.problem());
      ok &= v.valid();
    }
    return ok;
  }

  private void step(String what, Decision decision) {
    out.printf("   %-70s %s%n", what, decision.done() ? "ok" : "refused: " + decision.message());
    if (!decision.done()) {
      throw new IllegalStateException("demo referral step refused: " + decision.message());
    }
  }

  private void pump() {
    for (int round = 0; round < 20; round++) {
      boolean any = false;
      for (ReferralNode from : List.of(authority, centre)) {
        for (Transmission t : from.outgoing()) {
          any = true;
          (t.to().organisation().equals(AUTHORITY.organisation()) ? authority : centre)
              .receive(t.bytes());
        }
      }
      if (!any) {
        return;
      }
    }
    throw new IllegalStateException("demo network did not go quiet");
  }

  void close() {
    authorityStore.close();
    centreStore.close();
  }

  static Map<DataCategory, ObjectNode> personalData(String name, String medical) {
    Map<DataCategory, ObjectNode> data = new LinkedHashMap<>();
    data.put(DataCategory.IDENTITY, JsonNodeFactory.instance.objectNode().put("name", name));
    data.put(
        DataCategory.MEDICAL, JsonNodeFactory.instance.objectNode().put("amputation", medical));
    data.put(
        DataCategory.CONTACT,
        JsonNodeFactory.instance.objectNode().put("phone", "+855 00 000 000"));
    return data;
  }

  static Set<DataCategory> consented() {
    return EnumSet.of(DataCategory.IDENTITY, DataCategory.MEDICAL);
  }
}
