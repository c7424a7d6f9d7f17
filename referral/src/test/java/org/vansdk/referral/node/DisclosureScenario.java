package org.vansdk.referral.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.vansdk.core.ErrorCode;
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
import org.vansdk.core.text.LocalizedText;
import org.vansdk.referral.consent.ConsentGate;
import org.vansdk.referral.message.Party;
import org.vansdk.referral.signature.InMemoryOrganisationKeyRegistry;
import org.vansdk.referral.signature.KeyId;
import org.vansdk.referral.signature.SigningKey;
import org.vansdk.referral.store.InMemoryReferralStore;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One generated disclosure case of issue 19 and its checks, shared by the seeded property test and
 * the Jazzer target: a consent, a draft and a receiver drawn from {@link Choices}; the node's
 * decision compared with {@link #reference}, a predicate written once from the design (DESIGN §3
 * Consent and Referral, §5 the {@code draft → sent} row); and every planted value of a category the
 * consent does not cover searched for in every outgoing byte, audit entry, record, {@code
 * toString}, decision, exception and anything printed.
 */
final class DisclosureScenario {

  /** Where a case's choices come from: a seeded generator or a fuzzer's bytes. */
  interface Choices {
    /** A number in [0, bound). */
    int nextInt(int bound);

    /** Free text of at most {@code max} characters (any UTF-16, lone surrogates included). */
    String text(int max);

    default boolean chance(int percent) {
      return nextInt(100) < percent;
    }

    default <T> T pick(List<T> items) {
      return items.get(nextInt(items.size()));
    }

    default <E extends Enum<E>> Set<E> subset(Class<E> type) {
      Set<E> out = EnumSet.noneOf(type);
      for (E e : type.getEnumConstants()) {
        if (chance(60)) {
          out.add(e);
        }
      }
      return out;
    }
  }

  static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
  static final Party REFERRER =
      new Party(OrganisationId.parse("KHM-CMAA-HQ"), "hq", CountryCode.KHM);
  static final Party THA_REHAB =
      new Party(OrganisationId.parse("THA-SIRINDHORN-REHAB"), "main", CountryCode.THA);
  static final Party KHM_PRC = new Party(OrganisationId.parse("KHM-PRC-KS"), "ks", CountryCode.KHM);

  /** An organisation of Thailand that the directory lists in Cambodia (defect 7). */
  static final Party MISLISTED =
      new Party(OrganisationId.parse("THA-MISLISTED-PP"), "pp", CountryCode.KHM);

  static final Map<ServiceId, Party> SERVICES = new LinkedHashMap<>();

  static {
    SERVICES.put(ServiceId.parse("THA-SIRINDHORN-PROSTHESIS"), THA_REHAB);
    SERVICES.put(ServiceId.parse("KHM-PRC-PROSTHESIS"), KHM_PRC);
    SERVICES.put(ServiceId.parse("THA-MISLISTED-PHYSIO"), MISLISTED);
  }

  private static final List<Party> ORGANISATIONS =
      List.of(
          THA_REHAB,
          KHM_PRC,
          MISLISTED,
          new Party(OrganisationId.parse("KHM-HI-PP"), "pp", CountryCode.KHM));
  private static final List<CountryCode> COUNTRIES =
      List.of(CountryCode.KHM, CountryCode.THA, CountryCode.LAO);
  private static final PersonId PERSON = PersonId.parse("KHM-CMAA-P1");
  private static final PersonId OTHER_PERSON = PersonId.parse("KHM-CMAA-P2");
  private static final ConsentId NAMED = ConsentId.parse("KHM-CMAA-C1");
  private static final ConsentId OTHER_CONSENT = ConsentId.parse("KHM-CMAA-C2");

  /** Offsets from now at and around the boundaries of a consent's window. */
  private static final List<Duration> OFFSETS =
      List.of(
          Duration.ofDays(-30),
          Duration.ofHours(-1),
          Duration.ofSeconds(-1),
          Duration.ofNanos(-1),
          Duration.ZERO,
          Duration.ofNanos(1),
          Duration.ofSeconds(1),
          Duration.ofHours(1),
          Duration.ofDays(30));

  /** A generated case. */
  record Case(
      Consent consent,
      ReferralDraft draft,
      Party receiver,
      Map<DataCategory, String> planted,
      Set<DataCategory> inNote) {}

  private DisclosureScenario() {}

  /**
   * Generates a case: most dimensions fit (so that about a third of the cases may go ahead), each
   * one failing on its own now and then, and on the boundary instants of the consent's window.
   */
  static Case generate(Choices c, String marker) {
    ServiceId service =
        c.chance(12)
            ? ServiceId.parse("THA-MISLISTED-PHYSIO")
            : c.pick(
                List.of(
                    ServiceId.parse("THA-SIRINDHORN-PROSTHESIS"),
                    ServiceId.parse("KHM-PRC-PROSTHESIS")));
    Party receiver = SERVICES.get(service);

    Referral.Builder referral =
        Referral.builder()
            .id(ReferralId.parse("KHM-CMAA-R1"))
            .personId(PERSON)
            .addServiceTypes(ServiceType.PROSTHESIS)
            .priority(Priority.HIGH)
            .referringOrganisation(REFERRER.organisation())
            .createdAt(NOW.minus(Duration.ofDays(2)))
            .status(ReferralStatus.ACTIVE);
    if (c.chance(95)) {
      referral.consentId(c.chance(95) ? NAMED : OTHER_CONSENT);
    }
    Map<DataCategory, String> planted = new EnumMap<>(DataCategory.class);
    Map<DataCategory, ObjectNode> data = new EnumMap<>(DataCategory.class);
    for (DataCategory category : DataCategory.values()) {
      String value = "PLANT" + category.ordinal() + "X" + marker + "Y";
      planted.put(category, value);
      if (c.chance(70)) {
        data.put(
            category,
            JsonNodeFactory.instance.objectNode().put("value", value).put("free", c.text(40)));
      }
    }
    Set<DataCategory> requested = c.subset(DataCategory.class);
    ReferralDraft.Builder d =
        ReferralDraft.builder()
            .referral(referral.build())
            .attemptId(AttemptId.parse("KHM-CMAA-A1"))
            .targetService(service)
            .requestedCategories(requested)
            .personalData(data);
    Set<DataCategory> inNote = EnumSet.noneOf(DataCategory.class);
    Set<DataCategory> noteCounts = EnumSet.noneOf(DataCategory.class);
    if (c.chance(45)) {
      StringBuilder note = new StringBuilder(c.text(30));
      for (DataCategory category : DataCategory.values()) {
        if (c.chance(25)) {
          inNote.add(category);
          note.append(' ').append(planted.get(category));
        }
      }
      if (note.length() == 0) {
        note.append('.');
      }
      d.note(LocalizedText.of(c.pick(List.of("en", "km", "th")), note.toString()));
      noteCounts.addAll(EnumSet.allOf(DataCategory.class));
      if (c.chance(60)) {
        // an honest caller declares at least what the note holds
        Set<DataCategory> declared = EnumSet.noneOf(DataCategory.class);
        declared.addAll(inNote);
        if (c.chance(30)) {
          declared.addAll(c.subset(DataCategory.class));
        }
        if (declared.isEmpty()) {
          declared.add(DataCategory.values()[c.nextInt(DataCategory.values().length)]);
        }
        d.noteCategories(declared);
        noteCounts = declared;
      }
    }

    Instant given =
        c.chance(85) ? NOW.plus(c.pick(OFFSETS.subList(0, 5))) : NOW.plus(c.pick(OFFSETS));
    ConsentStatus status =
        c.chance(82)
            ? ConsentStatus.ACTIVE
            : c.chance(50) ? ConsentStatus.WITHDRAWN : ConsentStatus.EXPIRED;
    Set<DataCategory> covered = c.subset(DataCategory.class);
    if (c.chance(80)) {
      covered.addAll(requested);
      covered.addAll(noteCounts);
    }
    List<OrganisationId> grantees =
        new ArrayList<>(subset(c, ORGANISATIONS).stream().map(Party::organisation).toList());
    if (c.chance(90) && !grantees.contains(receiver.organisation())) {
      grantees.add(receiver.organisation());
    }
    List<CountryCode> countries = new ArrayList<>(subset(c, COUNTRIES));
    if (c.chance(90) && !countries.contains(receiver.country())) {
      countries.add(receiver.country());
    }
    Set<Purpose> purposes = c.subset(Purpose.class);
    if (c.chance(90)) {
      purposes.add(Purpose.REFERRAL);
    }
    Consent.Builder k =
        Consent.builder()
            .id(c.chance(92) ? NAMED : OTHER_CONSENT)
            .personId(c.chance(92) ? PERSON : OTHER_PERSON)
            .version(1 + c.nextInt(3))
            .grantees(grantees)
            .purposes(purposes)
            .dataCategories(covered)
            .countries(countries)
            .givenAt(given)
            .method(ConsentMethod.THUMBPRINT)
            .language("km")
            .status(status);
    if (c.chance(50)) {
      Instant expires =
          c.chance(80) ? NOW.plus(c.pick(OFFSETS.subList(4, 9))) : NOW.plus(c.pick(OFFSETS));
      if (expires.isAfter(given)) {
        k.expiresAt(expires);
      }
    }
    if (status == ConsentStatus.WITHDRAWN) {
      Instant withdrawn = NOW.plus(c.pick(OFFSETS));
      k.withdrawnAt(withdrawn.isBefore(given) ? given : withdrawn);
    }
    return new Case(k.build(), d.build(), receiver, planted, inNote);
  }

  /**
   * The reference predicate, written from the design and nothing else: the code of the first
   * condition a disclosure fails, in the gate's documented order, or empty if it may go ahead.
   */
  static Optional<ErrorCode> reference(Case k) {
    Consent c = k.consent();
    ReferralDraft d = k.draft();
    // Not a consent question, but checked first: what the wire cannot carry is never recorded.
    boolean writable = d.note().map(n -> wellFormed(n.text())).orElse(true);
    for (ObjectNode data : d.personalData().values()) {
      writable &= wellFormed(data.path("free").asString(""));
    }
    if (!writable) {
      return Optional.of(ReferralErrors.COMMAND_INVALID);
    }
    if (!c.personId().equals(d.referral().personId())) {
      return Optional.of(ConsentGate.PERSON_NOT_COVERED);
    }
    if (!d.referral().consentId().equals(Optional.of(c.id()))) {
      return Optional.of(ConsentGate.CONSENT_NOT_NAMED);
    }
    boolean inWindow =
        c.status() == ConsentStatus.ACTIVE
            && c.givenAt().compareTo(NOW) <= 0
            && (c.expiresAt().isEmpty() || NOW.compareTo(c.expiresAt().get()) < 0);
    if (!inWindow) {
      return Optional.of(ConsentGate.NOT_ACTIVE);
    }
    OrganisationId receiver = k.receiver().organisation();
    if (!c.grantees().contains(receiver)) {
      return Optional.of(ConsentGate.RECEIVER_NOT_COVERED);
    }
    if (!receiver.value().startsWith(k.receiver().country().code() + "-")) {
      return Optional.of(ConsentGate.DESTINATION_MISMATCH);
    }
    if (!c.purposes().contains(Purpose.REFERRAL)) {
      return Optional.of(ConsentGate.PURPOSE_NOT_COVERED);
    }
    Set<DataCategory> leaving = EnumSet.noneOf(DataCategory.class);
    leaving.addAll(d.requestedCategories());
    if (d.note().isPresent()) {
      leaving.addAll(d.noteCategories());
    }
    if (!c.dataCategories().containsAll(leaving)) {
      return Optional.of(ConsentGate.CATEGORY_NOT_COVERED);
    }
    if (!c.countries().contains(k.receiver().country())) {
      return Optional.of(ConsentGate.COUNTRY_NOT_COVERED);
    }
    return Optional.empty();
  }

  /** Runs a case between fresh nodes and checks the decision and every observable output. */
  static void check(Case k, long seed, boolean viaSend) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
    List<String> observed = new ArrayList<>();
    Decision decision;
    Map<OrganisationId, ReferralNode> nodes = new LinkedHashMap<>();
    System.setOut(capture);
    System.setErr(capture);
    try {
      InMemoryOrganisationKeyRegistry registry = new InMemoryOrganisationKeyRegistry();
      InMemoryServiceDirectory directory = new InMemoryServiceDirectory();
      SERVICES.forEach(
          (service, party) ->
              directory.add(new DirectoryEntry(service, party, Duration.ofDays(14))));
      for (Party p : List.of(REFERRER, THA_REHAB, KHM_PRC, MISLISTED)) {
        SigningKey key =
            SigningKey.generate(
                KeyId.of(p.organisation().value() + "-K1"), TestWorld.seeded(p.hashCode()));
        registry.register(p.organisation(), key);
        nodes.put(
            p.organisation(),
            ReferralNode.builder()
                .party(p)
                .signingKey(key)
                .keyRegistry(registry)
                .signatureSuite(new Sha256StandIn(key, registry))
                .store(new InMemoryReferralStore())
                .clock(java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC))
                .directory(directory)
                .random(new Random(seed))
                .build());
      }
      ReferralNode referrer = nodes.get(REFERRER.organisation());
      try {
        if (viaSend) {
          Decision created = referrer.createDraft(k.draft());
          decision = created.done() ? referrer.send(k.draft().attemptId(), k.consent()) : created;
        } else {
          decision = referrer.refer(k.draft(), k.consent());
        }
      } catch (RuntimeException e) {
        throw new AssertionError("the command threw " + e.getClass().getName(), e);
      }
      observed.add(decision.toString());
      for (int round = 0; round < 10; round++) {
        boolean any = false;
        for (ReferralNode n : nodes.values()) {
          for (Transmission t : n.outgoing()) {
            any = true;
            observed.add(new String(t.bytes(), StandardCharsets.UTF_8));
            observed.add(t.toString());
            Receipt r = nodes.get(t.to().organisation()).receive(t.bytes());
            observed.add(r.toString());
          }
        }
        if (!any) {
          break;
        }
      }
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    observed.add(printed.toString(StandardCharsets.UTF_8));

    Optional<ErrorCode> expected = reference(k);
    assertEquals(
        expected.isEmpty(),
        decision.done(),
        "node decided " + decision + ", reference " + expected + " for " + describe(k));
    if (expected.isPresent()) {
      assertEquals(expected.get(), decision.code(), decision.message());
    }

    // What may have left: requested (or noted) categories the consent covers, and only if allowed.
    Set<DataCategory> mayLeave = EnumSet.noneOf(DataCategory.class);
    if (decision.done()) {
      for (DataCategory c : k.consent().dataCategories()) {
        if (k.draft().requestedCategories().contains(c) || k.inNote().contains(c)) {
          mayLeave.add(c);
        }
      }
    }
    List<String> kept = new ArrayList<>();
    for (ReferralNode n : nodes.values()) {
      n.store().referrals().forEach(r -> n.audit(r).forEach(a -> kept.add(a.toString())));
      n.store().attempts().forEach(a -> kept.add(a.toString()));
      n.store().outbox().forEach(e -> kept.add(e.toString()));
    }
    kept.add(k.draft().toString());
    kept.add(decision.message());
    for (Map.Entry<DataCategory, String> p : k.planted().entrySet()) {
      for (String text : observed) {
        assertTrue(
            mayLeave.contains(p.getKey()) || !text.contains(p.getValue()),
            "planted " + p.getKey().code() + " value left outside the consent; " + describe(k));
      }
      for (String text : kept) {
        assertFalse(
            text.contains(p.getValue()),
            "planted " + p.getKey().code() + " value in an audit entry, record or toString");
      }
    }
  }

  /** True if the text has no unpaired UTF-16 surrogate. */
  static boolean wellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (Character.isHighSurrogate(ch)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(ch)) {
        return false;
      }
    }
    return true;
  }

  static String describe(Case k) {
    Consent c = k.consent();
    return "consent[id="
        + c.id()
        + " samePerson="
        + c.personId().equals(PERSON)
        + " status="
        + c.status().code()
        + " given="
        + Duration.between(NOW, c.givenAt())
        + " expires="
        + c.expiresAt().map(e -> Duration.between(NOW, e).toString()).orElse("-")
        + " grantees="
        + c.grantees()
        + " purposes="
        + c.purposes()
        + " categories="
        + c.dataCategories()
        + " countries="
        + c.countries()
        + "] referral names "
        + k.draft().referral().consentId()
        + ", receiver "
        + k.receiver().organisation()
        + " in "
        + k.receiver().country().code()
        + ", requested "
        + k.draft().requestedCategories()
        + ", note "
        + (k.draft().note().isPresent() ? "counted as " + k.draft().noteCategories() : "none");
  }

  private static <T> List<T> subset(Choices c, List<T> items) {
    List<T> out = new ArrayList<>();
    for (T t : items) {
      if (c.chance(50)) {
        out.add(t);
      }
    }
    return out;
  }
}
