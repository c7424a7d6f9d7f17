package org.vansdk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
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
import org.vansdk.referral.node.ReferralDraft;
import org.vansdk.referral.node.ReferralNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo's referral: a mine action authority refers a survivor to a rehabilitation centre through
 * the protocol over HTTPS between two nodes on loopback, each side with its own H2 file store,
 * signed messages and a consent that covers exactly what is sent. Prints each step; never prints
 * personal data.
 */
final class DemoReferral {
  static final Party AUTHORITY =
      new Party(OrganisationId.parse("KHM-CMAA-HQ"), "cmvis", CountryCode.KHM);
  static final Party CENTRE =
      new Party(OrganisationId.parse("KHM-PRC-BTB"), "prc", CountryCode.KHM);
  static final ServiceId PROSTHETICS = ServiceId.parse("KHM-PRC-PROSTHETICS");

  private final PrintWriter out;
  private final DemoNetwork network;
  private final ReferralNode authority;
  private final ReferralNode centre;

  /**
   * Sets up both organisations as two {@code van node}s on loopback (configuration, keys, TLS and
   * H2 store files in {@code dir}) and starts them.
   */
  DemoReferral(PrintWriter out, Path dir) throws IOException {
    this.out = out;
    ObjectNode service =
        JsonNodeFactory.instance
            .objectNode()
            .put("service", PROSTHETICS.value())
            .put("provider", CENTRE.organisation().value())
            .put("system", CENTRE.system())
            .put("respondWithinDays", 14);
    network = new DemoNetwork(dir, AUTHORITY, CENTRE, service);
    authority = network.first.node();
    centre = network.second.node();
    out.printf(
        "   two nodes over HTTPS on loopback: %s at %s, %s at %s%n",
        AUTHORITY.organisation(),
        network.first.endpoint(),
        CENTRE.organisation(),
        network.second.endpoint());
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

  /** Delivers what either node has to send, over HTTPS, until both outboxes are empty. */
  private void pump() {
    network.settle();
  }

  void close() {
    network.close();
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
