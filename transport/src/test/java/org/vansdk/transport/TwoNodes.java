package org.vansdk.transport;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Random;
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
import org.vansdk.core.referral.Referral;
import org.vansdk.core.referral.ReferralStatus;
import org.vansdk.referral.message.Party;
import org.vansdk.referral.node.DirectoryEntry;
import org.vansdk.referral.node.InMemoryServiceDirectory;
import org.vansdk.referral.node.ReferralDraft;
import org.vansdk.referral.node.ReferralNode;
import org.vansdk.referral.signature.InMemoryOrganisationKeyRegistry;
import org.vansdk.referral.signature.KeyId;
import org.vansdk.referral.signature.SigningKey;
import org.vansdk.referral.store.ReferralStore;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A Cambodian referrer and a Thai rehabilitation centre, their keys and the directory. */
final class TwoNodes {

  static final Party KHM = new Party(OrganisationId.parse("KHM-CMAA-HQ"), "hq", CountryCode.KHM);
  static final Party THA =
      new Party(OrganisationId.parse("THA-SIRINDHORN-REHAB"), "main", CountryCode.THA);
  static final ServiceId SERVICE = ServiceId.parse("THA-SIRINDHORN-PROSTHESIS");
  static final Instant T0 = Instant.parse("2026-12-06T08:00:00Z");

  final InMemoryOrganisationKeyRegistry registry = new InMemoryOrganisationKeyRegistry();
  final InMemoryServiceDirectory directory =
      new InMemoryServiceDirectory().add(new DirectoryEntry(SERVICE, THA, Duration.ofDays(14)));
  final SigningKey khmKey;
  final SigningKey thaKey;
  private final long seed;

  TwoNodes(long seed) {
    this.seed = seed;
    khmKey = SigningKey.generate(KeyId.of("KHM-CMAA-HQ-K1"), seeded(seed * 2 + 1));
    thaKey = SigningKey.generate(KeyId.of("THA-SIRINDHORN-REHAB-K1"), seeded(seed * 2 + 2));
    registry.register(KHM.organisation(), khmKey).register(THA.organisation(), thaKey);
  }

  ReferralNode node(Party party, ReferralStore store, Clock clock, int start) {
    return ReferralNode.builder()
        .party(party)
        .signingKey(party.equals(KHM) ? khmKey : thaKey)
        .keyRegistry(registry)
        .store(store)
        .clock(clock)
        .directory(directory)
        .random(new Random(seed * 1_000_003L + start * 7L + (party.equals(KHM) ? 0 : 1)))
        .build();
  }

  static SecureRandom seeded(long seed) {
    try {
      SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
      r.setSeed(seed);
      return r;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static AttemptId attempt(int i) {
    return AttemptId.parse("KHM-CMAA-A" + i);
  }

  static Consent consent(int i, Instant at) {
    return Consent.builder()
        .id(ConsentId.parse("KHM-CMAA-C" + i))
        .personId(PersonId.parse("KHM-CMAA-P" + i))
        .addGrantees(THA.organisation())
        .addPurposes(Purpose.REFERRAL, Purpose.SERVICE_DELIVERY)
        .addDataCategories(DataCategory.IDENTITY, DataCategory.MEDICAL)
        .addCountries(CountryCode.THA)
        .givenAt(at.minus(Duration.ofDays(1)))
        .method(ConsentMethod.THUMBPRINT)
        .language("km")
        .status(ConsentStatus.ACTIVE)
        .build();
  }

  static ReferralDraft draft(int i, Instant at) {
    Referral referral =
        Referral.builder()
            .id(ReferralId.parse("KHM-CMAA-R" + i))
            .personId(PersonId.parse("KHM-CMAA-P" + i))
            .consentId(ConsentId.parse("KHM-CMAA-C" + i))
            .addServiceTypes(ServiceType.PROSTHESIS)
            .priority(Priority.HIGH)
            .referringOrganisation(KHM.organisation())
            .createdAt(at)
            .status(ReferralStatus.ACTIVE)
            .build();
    ObjectNode identity = JsonNodeFactory.instance.objectNode().put("name", "Survivor " + i);
    ObjectNode medical = JsonNodeFactory.instance.objectNode().put("amputation", "below_knee_left");
    return ReferralDraft.builder()
        .referral(referral)
        .attemptId(attempt(i))
        .targetService(SERVICE)
        .requestedCategories(EnumSet.of(DataCategory.IDENTITY, DataCategory.MEDICAL))
        .personalData(Map.of(DataCategory.IDENTITY, identity, DataCategory.MEDICAL, medical))
        .build();
  }

  static Set<Party> parties() {
    return Set.of(KHM, THA);
  }
}
