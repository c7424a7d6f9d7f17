package org.vansdk.referral.node;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.vansdk.referral.message.MessageCodec;
import org.vansdk.referral.message.Party;
import org.vansdk.referral.signature.InMemoryOrganisationKeyRegistry;
import org.vansdk.referral.signature.KeyId;
import org.vansdk.referral.signature.SigningKey;
import org.vansdk.referral.store.InMemoryReferralStore;
import org.vansdk.referral.store.ReferralStore;
import org.vansdk.testkit.time.MutableClock;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Nodes, keys, a directory and a clock shared by the node tests, with a loss-free network. */
final class TestWorld {

  static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");
  static final Party KHM_CMAA =
      new Party(OrganisationId.parse("KHM-CMAA-HQ"), "hq", CountryCode.KHM);
  static final Party KHM_HI = new Party(OrganisationId.parse("KHM-HI-PP"), "pp", CountryCode.KHM);
  static final Party THA_REHAB =
      new Party(OrganisationId.parse("THA-SIRINDHORN-REHAB"), "main", CountryCode.THA);
  static final Party KHM_PRC = new Party(OrganisationId.parse("KHM-PRC-KS"), "ks", CountryCode.KHM);
  static final ServiceId THA_PROSTHESIS = ServiceId.parse("THA-SIRINDHORN-PROSTHESIS");
  static final ServiceId KHM_PROSTHESIS = ServiceId.parse("KHM-PRC-PROSTHESIS");
  static final Duration RESPOND_WITHIN = Duration.ofDays(14);

  final MutableClock clock = MutableClock.of(T0);
  final InMemoryOrganisationKeyRegistry registry = new InMemoryOrganisationKeyRegistry();
  final InMemoryServiceDirectory directory = new InMemoryServiceDirectory();
  final Map<OrganisationId, ReferralNode> nodes = new LinkedHashMap<>();
  final Map<OrganisationId, SigningKey> keys = new LinkedHashMap<>();
  private final long seed;
  private int starts;

  TestWorld(long seed) {
    this.seed = seed;
    directory.add(new DirectoryEntry(THA_PROSTHESIS, THA_REHAB, RESPOND_WITHIN));
    directory.add(new DirectoryEntry(KHM_PROSTHESIS, KHM_PRC, RESPOND_WITHIN));
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

  SigningKey key(Party p) {
    return keys.computeIfAbsent(
        p.organisation(),
        o -> {
          SigningKey k =
              SigningKey.generate(
                  KeyId.of(o.value() + "-K1"), seeded(seed * 31 + o.value().hashCode()));
          registry.register(o, k);
          return k;
        });
  }

  ReferralNode add(Party p) {
    return add(p, new InMemoryReferralStore());
  }

  ReferralNode add(Party p, ReferralStore store) {
    ReferralNode node =
        ReferralNode.builder()
            .party(p)
            .signingKey(key(p))
            .keyRegistry(registry)
            .store(store)
            .clock(clock)
            .directory(directory)
            .random(new Random(seed * 1_000_003L + (starts++)))
            .build();
    nodes.put(p.organisation(), node);
    return node;
  }

  ReferralNode node(Party p) {
    return nodes.get(p.organisation());
  }

  /** Delivers a transmission to its addressee; returns the receipt. */
  Receipt deliver(Transmission t) {
    return nodes.get(t.to().organisation()).receive(t.bytes());
  }

  /** Everything the node has to send now. */
  List<Transmission> take(ReferralNode node) {
    return node.outgoing();
  }

  /** Delivers everything until the network is quiet; returns all receipts in order. */
  List<Receipt> pump() {
    List<Receipt> receipts = new ArrayList<>();
    for (int round = 0; round < 100; round++) {
      boolean any = false;
      for (ReferralNode n : List.copyOf(nodes.values())) {
        for (Transmission t : n.outgoing()) {
          any = true;
          receipts.add(deliver(t));
        }
      }
      if (!any) {
        return receipts;
      }
    }
    throw new AssertionError("network did not go quiet in 100 rounds");
  }

  static Referral referral(Party referrer, String local, String personLocal) {
    String prefix =
        referrer.organisation().countryPrefix()
            + "-"
            + referrer.organisation().organisationCode()
            + "-";
    return Referral.builder()
        .id(ReferralId.parse(prefix + "R" + local))
        .personId(PersonId.parse(prefix + "P" + personLocal))
        .addServiceTypes(ServiceType.PROSTHESIS)
        .priority(Priority.HIGH)
        .referringOrganisation(referrer.organisation())
        .createdAt(T0)
        .consentId(ConsentId.parse(prefix + "C" + personLocal))
        .status(ReferralStatus.ACTIVE)
        .build();
  }

  /**
   * Has KHM refer its survivor {@code local} (referral R{@code local}, attempt A{@code local}) to
   * the Thai prosthesis service, disclosing identity under the survivor's cross-border consent.
   */
  static Decision referToTha(ReferralNode khm, String local) {
    return khm.refer(
        draft(
            referral(KHM_CMAA, local, local),
            attempt(KHM_CMAA, local),
            THA_PROSTHESIS,
            java.util.EnumSet.of(org.vansdk.core.consent.DataCategory.IDENTITY)),
        crossBorderConsent(local));
  }

  static AttemptId attempt(Party referrer, String local) {
    return AttemptId.parse(
        referrer.organisation().countryPrefix()
            + "-"
            + referrer.organisation().organisationCode()
            + "-A"
            + local);
  }

  static ReferralDraft draft(
      Referral referral, AttemptId attempt, ServiceId target, Set<DataCategory> requested) {
    Map<DataCategory, ObjectNode> data = new LinkedHashMap<>();
    data.put(DataCategory.IDENTITY, JsonNodeFactory.instance.objectNode().put("name", "Sokha"));
    data.put(
        DataCategory.MEDICAL,
        JsonNodeFactory.instance.objectNode().put("amputation", "below_knee_left"));
    data.put(
        DataCategory.CONTACT,
        JsonNodeFactory.instance.objectNode().put("phone", "+855 12 345 678"));
    data.put(
        DataCategory.PSYCHOSOCIAL,
        JsonNodeFactory.instance.objectNode().put("note", "sensitive detail"));
    return ReferralDraft.builder()
        .referral(referral)
        .attemptId(attempt)
        .targetService(target)
        .requestedCategories(requested)
        .personalData(data)
        .build();
  }

  static Consent consent(
      Party referrer,
      String local,
      Set<OrganisationId> grantees,
      Set<DataCategory> categories,
      Set<CountryCode> countries) {
    String prefix =
        referrer.organisation().countryPrefix()
            + "-"
            + referrer.organisation().organisationCode()
            + "-";
    return Consent.builder()
        .id(ConsentId.parse(prefix + "C" + local))
        .personId(PersonId.parse(prefix + "P" + local))
        .grantees(grantees)
        .addPurposes(Purpose.REFERRAL, Purpose.SERVICE_DELIVERY)
        .dataCategories(categories)
        .countries(countries)
        .givenAt(T0.minus(Duration.ofDays(1)))
        .method(ConsentMethod.THUMBPRINT)
        .language("km")
        .status(ConsentStatus.ACTIVE)
        .build();
  }

  /** Consent from KHM-CMAA for THA-SIRINDHORN: identity and medical, to Thailand. */
  static Consent crossBorderConsent(String local) {
    return consent(
        KHM_CMAA,
        local,
        Set.of(THA_REHAB.organisation(), KHM_PRC.organisation()),
        EnumSet.of(DataCategory.IDENTITY, DataCategory.MEDICAL),
        Set.of(CountryCode.THA, CountryCode.KHM));
  }

  static ObjectNode tree(Transmission t) {
    return (ObjectNode) MessageCodec.parse(t.bytes());
  }
}
