package org.vansdk.referral.node;

import static org.vansdk.referral.node.TestWorld.KHM_CMAA;
import static org.vansdk.referral.node.TestWorld.KHM_HI;
import static org.vansdk.referral.node.TestWorld.KHM_PRC;
import static org.vansdk.referral.node.TestWorld.KHM_PROSTHESIS;
import static org.vansdk.referral.node.TestWorld.THA_PROSTHESIS;
import static org.vansdk.referral.node.TestWorld.THA_REHAB;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.vansdk.core.consent.Consent;
import org.vansdk.core.consent.DataCategory;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.id.ConsentId;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.ServiceId;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.referral.AttemptStateTable;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.DeclineReason;
import org.vansdk.core.referral.NotCompletedReason;
import org.vansdk.core.referral.Referral;
import org.vansdk.core.referral.Role;
import org.vansdk.core.text.LocalizedText;
import org.vansdk.referral.audit.AuditAction;
import org.vansdk.referral.audit.AuditEntry;
import org.vansdk.referral.message.BusinessStatus;
import org.vansdk.referral.message.HoldReason;
import org.vansdk.referral.message.Message;
import org.vansdk.referral.message.Party;
import org.vansdk.referral.store.AttemptRecord;
import org.vansdk.referral.store.InMemoryReferralStore;
import org.vansdk.referral.store.JdbcReferralStore;
import org.vansdk.referral.store.ReferralStore;
import org.vansdk.referral.store.StatusEntry;
import tools.jackson.databind.JsonNode;

/**
 * A deterministic simulation of four organisations exchanging referrals through a network that
 * drops, duplicates, delays and reorders messages, while nodes crash and restart. Everything is
 * drawn from one seed. After a chaotic phase the network heals and the invariants are checked.
 */
final class ProtocolSimulation {

  private static final List<Party> REFERRERS = List.of(KHM_CMAA, KHM_HI);
  private static final List<Party> RECEIVERS = List.of(THA_REHAB, KHM_PRC);
  private static final List<Party> ALL = List.of(KHM_CMAA, KHM_HI, THA_REHAB, KHM_PRC);
  private static final Duration RETRY = Duration.ofSeconds(30);

  private final long seed;
  private final Random rnd;
  private final TestWorld world;
  private final Optional<Path> h2Dir;
  private final boolean ed25519;
  private final Map<OrganisationId, ReferralStore> stores = new HashMap<>();
  private final Map<OrganisationId, Duration> skew = new HashMap<>();
  private final Set<OrganisationId> down = new HashSet<>();
  private final List<Packet> inFlight = new ArrayList<>();
  private final Map<AttemptId, Consent> consentOf = new LinkedHashMap<>();
  private final Map<ConsentId, Instant> withdrawnAt = new HashMap<>();
  private final Map<String, Instant> firstSeen = new HashMap<>();
  private final List<String> violations = new ArrayList<>();
  private int referrals;
  private int delivered;

  private static final class Packet {
    final Transmission t;
    final Instant at;

    Packet(Transmission t, Instant at) {
      this.t = t;
      this.at = at;
    }
  }

  ProtocolSimulation(long seed, Optional<Path> h2Dir, boolean ed25519) {
    this.seed = seed;
    this.ed25519 = ed25519;
    this.rnd = new Random(seed);
    this.world = new TestWorld(seed);
    this.h2Dir = h2Dir;
    // Each organisation's clock is off the true time by up to two minutes either way (within the
    // nodes' default five-minute allowance); drawn apart from the main sequence of the seed.
    Random skews = new Random(seed * 7919 + 17);
    for (Party p : ALL) {
      skew.put(p.organisation(), Duration.ofSeconds(skews.nextInt(241) - 120));
    }
    for (Party p : ALL) {
      start(p);
    }
  }

  private void start(Party p) {
    ReferralStore store = stores.get(p.organisation());
    if (store == null || h2Dir.isPresent()) {
      store =
          h2Dir.isPresent()
              ? JdbcReferralStore.h2File(h2Dir.get().resolve(p.organisation().value()))
              : new InMemoryReferralStore();
      stores.put(p.organisation(), store);
    }
    ReferralNode.Builder b =
        ReferralNode.builder()
            .party(p)
            .signingKey(world.key(p))
            .keyRegistry(world.registry)
            .store(store)
            .clock(java.time.Clock.offset(world.clock, skew.get(p.organisation())))
            .directory(world.directory)
            .random(new Random(rnd.nextLong()))
            .retryAfter(RETRY);
    if (!ed25519) {
      b.signatureSuite(new Sha256StandIn(world.key(p), world.registry));
    }
    world.nodes.put(p.organisation(), b.build());
  }

  private void crash(Party p) {
    world.nodes.remove(p.organisation());
    down.add(p.organisation());
    if (h2Dir.isPresent()) {
      stores.remove(p.organisation()).close();
    }
  }

  private void restart(Party p) {
    down.remove(p.organisation());
    start(p);
  }

  /** Runs the simulation and returns the invariant violations (empty if none). */
  List<String> run(int steps) {
    try {
      for (int step = 0; step < steps; step++) {
        world.clock.advance(Duration.ofSeconds(rnd.nextInt(600)));
        int a = rnd.nextInt(100);
        if (a < 12) {
          newReferral();
        } else if (a < 16) {
          onReferrerAttempt((n, r) -> n.cancel(r.attemptId()));
        } else if (a < 18) {
          withdrawSomeConsent();
        } else if (a < 20) {
          onReferrerAttempt((n, r) -> n.markEnteredInError(r.attemptId()));
        } else if (a < 22) {
          onReferrerAttempt(this::reRefer);
        } else if (a < 45) {
          receiverMove();
        } else if (a < 48) {
          Party p = ALL.get(rnd.nextInt(ALL.size()));
          if (down.contains(p.organisation())) {
            restart(p);
          } else {
            crash(p);
          }
        } else if (a < 50) {
          world.clock.advance(Duration.ofDays(rnd.nextInt(8)));
          up(ALL.get(rnd.nextInt(ALL.size()))).ifPresent(ReferralNode::expireOverdue);
        } else if (a < 75) {
          up(ALL.get(rnd.nextInt(ALL.size()))).ifPresent(n -> transmit(n, true));
        } else {
          deliverSome(1 + rnd.nextInt(4));
        }
      }
      heal();
      check();
    } catch (RuntimeException e) {
      violations.add("exception: " + e);
    } finally {
      for (ReferralStore s : stores.values()) {
        s.close();
      }
    }
    return violations;
  }

  private Optional<ReferralNode> up(Party p) {
    return Optional.ofNullable(world.nodes.get(p.organisation()));
  }

  private void transmit(ReferralNode n, boolean lossy) {
    for (Transmission t : n.outgoing()) {
      inspect(t);
      if (lossy && rnd.nextInt(100) < 10) {
        continue;
      }
      inFlight.add(new Packet(t, world.clock.instant().plusSeconds(lossy ? rnd.nextInt(1800) : 0)));
      if (lossy && rnd.nextInt(100) < 10) {
        inFlight.add(new Packet(t, world.clock.instant().plusSeconds(rnd.nextInt(3600))));
      }
    }
  }

  private void deliverSome(int count) {
    for (int i = 0; i < count && !inFlight.isEmpty(); i++) {
      Packet p = inFlight.get(rnd.nextInt(inFlight.size()));
      if (p.at.isAfter(world.clock.instant())) {
        continue;
      }
      inFlight.remove(p);
      deliver(p);
    }
  }

  private void deliver(Packet p) {
    ReferralNode to = world.nodes.get(p.t.to().organisation());
    if (to == null) {
      return;
    }
    delivered++;
    Receipt r = to.receive(p.t.bytes());
    if (r.code().equals(ReferralErrors.BAD_SIGNATURE)
        || r.code().equals(ReferralErrors.SCHEMA_INVALID)
        || r.code().equals(ReferralErrors.MALFORMED)
        || r.code().equals(ReferralErrors.PAYLOAD_HASH_MISMATCH)) {
      violations.add("a well-formed message was refused: " + r);
    }
  }

  /** Checks every transmission for personal data outside consent. */
  private void inspect(Transmission t) {
    Message m = t.message();
    firstSeen.putIfAbsent(m.envelope().messageId(), world.clock.instant());
    // The referrer discloses: its structured personal data and its free text (notes, questions)
    // are personal data. A receiver's own free text (an outcome) goes back to the referrer, which
    // holds the data already, and may cross a withdrawal on the wire; its structured personal data
    // (an info_response) is held to the consent like the referrer's.
    boolean fromReferrer =
        m.envelope()
            .attemptId()
            .value()
            .startsWith(
                m.envelope().sender().organisation().countryPrefix()
                    + "-"
                    + m.envelope().sender().organisation().organisationCode()
                    + "-");
    boolean structured = !m.payload().path("personalData").isEmpty();
    if (!(fromReferrer ? m.carriesPersonalData() : structured)) {
      return;
    }
    Consent c = consentOf.get(m.envelope().attemptId());
    if (c == null) {
      violations.add("personal data sent for " + m.envelope().attemptId() + " without consent");
      return;
    }
    Instant withdrawn = withdrawnAt.get(c.id());
    if (withdrawn != null && !world.clock.instant().isBefore(withdrawn)) {
      violations.add(
          "personal data transmitted after consent withdrawal: " + m.type().code() + " " + m);
    }
    JsonNode pd = m.payload().path("personalData");
    for (String category : pd.propertyNames()) {
      if (!c.dataCategories().contains(DataCategory.fromCode(category))) {
        violations.add("category " + category + " sent outside consent " + c.id());
      }
    }
    if (fromReferrer
        && (!c.grantees().contains(t.to().organisation())
            || !c.countries().contains(t.to().country()))) {
      violations.add("personal data sent to a receiver or country outside consent " + c.id());
    }
  }

  private void newReferral() {
    Party referrer = REFERRERS.get(rnd.nextInt(REFERRERS.size()));
    Optional<ReferralNode> node = up(referrer);
    if (node.isEmpty()) {
      return;
    }
    int n = ++referrals;
    Referral referral = TestWorld.referral(referrer, Integer.toString(n), Integer.toString(n));
    AttemptId attempt = TestWorld.attempt(referrer, n + "x0");
    ServiceId target = rnd.nextBoolean() ? THA_PROSTHESIS : KHM_PROSTHESIS;
    Consent consent = randomConsent(referrer, n);
    consentOf.put(attempt, consent);
    node.get()
        .refer(
            TestWorld.draft(
                referral, attempt, target, EnumSet.of(DataCategory.IDENTITY, DataCategory.MEDICAL)),
            consent);
  }

  private Consent randomConsent(Party referrer, int n) {
    Set<OrganisationId> grantees = new HashSet<>();
    grantees.add(THA_REHAB.organisation());
    grantees.add(KHM_PRC.organisation());
    Set<DataCategory> categories = EnumSet.of(DataCategory.IDENTITY, DataCategory.MEDICAL);
    Set<CountryCode> countries = new HashSet<>(Set.of(CountryCode.KHM, CountryCode.THA));
    int gap = rnd.nextInt(10);
    if (gap == 0) {
      grantees.remove(THA_REHAB.organisation());
    } else if (gap == 1) {
      categories.remove(DataCategory.MEDICAL);
    } else if (gap == 2) {
      countries.remove(CountryCode.THA);
    }
    return TestWorld.consent(referrer, Integer.toString(n), grantees, categories, countries);
  }

  private interface AttemptAction {
    void apply(ReferralNode node, AttemptRecord record);
  }

  private void onReferrerAttempt(AttemptAction action) {
    Party referrer = REFERRERS.get(rnd.nextInt(REFERRERS.size()));
    Optional<ReferralNode> node = up(referrer);
    if (node.isEmpty()) {
      return;
    }
    List<AttemptRecord> mine = new ArrayList<>();
    for (AttemptRecord r : node.get().store().attempts()) {
      if (r.side() == Role.REFERRER) {
        mine.add(r);
      }
    }
    if (!mine.isEmpty()) {
      action.apply(node.get(), mine.get(rnd.nextInt(mine.size())));
    }
  }

  private void reRefer(ReferralNode node, AttemptRecord old) {
    Consent consent = consentOf.get(old.attemptId());
    if (consent == null) {
      return;
    }
    AttemptId next = TestWorld.attempt(node.party(), old.attemptId().localId().substring(1) + "r");
    if (node.store().attempt(next).isPresent()) {
      return;
    }
    Referral referral =
        Referral.builder()
            .from(TestWorld.referral(node.party(), "0", "0"))
            .id(old.referralId())
            .personId(consent.personId())
            .consentId(consent.id())
            .build();
    ServiceId target = old.receiver().equals(THA_REHAB) ? KHM_PROSTHESIS : THA_PROSTHESIS;
    Decision d =
        node.reRefer(
            old.attemptId(),
            TestWorld.draft(
                referral, next, target, EnumSet.of(DataCategory.IDENTITY, DataCategory.MEDICAL)),
            consent);
    if (d.done()) {
      consentOf.put(next, consent);
    }
  }

  private void withdrawSomeConsent() {
    if (consentOf.isEmpty()) {
      return;
    }
    List<AttemptId> ids = new ArrayList<>(consentOf.keySet());
    AttemptId attempt = ids.get(rnd.nextInt(ids.size()));
    Consent c = consentOf.get(attempt);
    Party referrer = attempt.organisationCode().equals("CMAA") ? KHM_CMAA : KHM_HI;
    Optional<ReferralNode> node = up(referrer);
    if (node.isPresent() && !withdrawnAt.containsKey(c.id())) {
      withdrawnAt.put(c.id(), world.clock.instant());
      node.get().withdrawConsent(c.id());
    }
  }

  private void receiverMove() {
    Party receiver = RECEIVERS.get(rnd.nextInt(RECEIVERS.size()));
    Optional<ReferralNode> node = up(receiver);
    if (node.isEmpty()) {
      return;
    }
    List<AttemptRecord> open = new ArrayList<>();
    for (AttemptRecord r : node.get().store().attempts()) {
      if (r.side() == Role.RECEIVER) {
        open.add(r);
      }
    }
    if (open.isEmpty()) {
      return;
    }
    AttemptRecord r = open.get(rnd.nextInt(open.size()));
    AttemptStatus target;
    if (rnd.nextInt(10) == 0) {
      target = AttemptStatus.values()[rnd.nextInt(AttemptStatus.values().length)];
    } else {
      List<AttemptStatus> allowed =
          new ArrayList<>(AttemptStateTable.allowedTransitions(r.status(), Role.RECEIVER));
      allowed.remove(AttemptStatus.CANCELLED);
      if (allowed.isEmpty()) {
        return;
      }
      target = allowed.get(rnd.nextInt(allowed.size()));
    }
    ReferralNode n = node.get();
    AttemptId id = r.attemptId();
    switch (target) {
      case RECEIVED:
        n.markReceived(id);
        break;
      case ACCEPTED:
        n.accept(id);
        break;
      case DECLINED:
        n.decline(id, DeclineReason.NO_CAPACITY);
        break;
      case IN_PROGRESS:
        if (r.status() == AttemptStatus.ON_HOLD) {
          n.resume(id);
        } else {
          n.start(id);
        }
        break;
      case ON_HOLD:
        n.hold(id, HoldReason.parse("waiting_for_parts"));
        break;
      case COMPLETED:
        n.complete(id, LocalizedText.of("en", "device fitted"));
        break;
      case NOT_COMPLETED:
        n.notComplete(id, NotCompletedReason.UNREACHABLE);
        break;
      case CANCELLED:
        n.cancel(id);
        break;
      case ENTERED_IN_ERROR:
        n.markEnteredInError(id);
        break;
      default:
        n.update(id, BusinessStatus.APPOINTMENT_SET);
    }
  }

  private void heal() {
    for (Party p : ALL) {
      if (down.contains(p.organisation())) {
        restart(p);
      }
    }
    int quiet = 0;
    for (int round = 0; round < 400 && quiet < 3; round++) {
      world.clock.advance(RETRY.plusSeconds(1));
      for (Party p : ALL) {
        transmit(world.nodes.get(p.organisation()), false);
      }
      if (inFlight.isEmpty()) {
        quiet++;
        continue;
      }
      quiet = 0;
      List<Packet> batch = new ArrayList<>(inFlight);
      inFlight.clear();
      java.util.Collections.shuffle(batch, rnd);
      for (Packet p : batch) {
        deliver(p);
      }
    }
    if (quiet < 3) {
      violations.add("network did not go quiet after healing");
    }
  }

  private void check() {
    Map<AttemptId, AttemptRecord> referrerView = new HashMap<>();
    Map<AttemptId, AttemptRecord> receiverView = new HashMap<>();
    for (Party p : ALL) {
      ReferralNode n = world.nodes.get(p.organisation());
      for (AttemptRecord r : n.store().attempts()) {
        (r.side() == Role.REFERRER ? referrerView : receiverView).put(r.attemptId(), r);
        checkHistory(p, r);
      }
      for (var referral : n.store().referrals()) {
        var v = n.verifyAudit(referral);
        if (!v.valid()) {
          violations.add(p.organisation() + " audit of " + referral + " broken: " + v.problem());
        }
        checkExactlyOnce(p, n.audit(referral));
      }
      if (!n.store().outbox().isEmpty()) {
        violations.add(p.organisation() + " outbox not drained: " + n.store().outbox().size());
      }
      if (n.heldCount() != 0) {
        violations.add(p.organisation() + " still holds " + n.heldCount() + " messages");
      }
    }
    for (AttemptRecord ref : referrerView.values()) {
      boolean sent = ref.history().stream().anyMatch(h -> h.to() == AttemptStatus.SENT);
      AttemptRecord rec = receiverView.get(ref.attemptId());
      if (!sent) {
        if (rec != null) {
          violations.add("receiver knows unsent attempt " + ref.attemptId());
        }
        continue;
      }
      if (rec == null) {
        violations.add("receiver never got attempt " + ref.attemptId() + " (" + ref.status() + ")");
        continue;
      }
      if (rec.status() != ref.status()) {
        violations.add(
            "attempt "
                + ref.attemptId()
                + " diverged: referrer "
                + ref.status().code()
                + ", receiver "
                + rec.status().code());
      }
      Consent c = consentOf.get(ref.attemptId());
      if (c != null && withdrawnAt.containsKey(c.id()) && rec.personalData().isPresent()) {
        violations.add("receiver kept personal data of " + ref.attemptId() + " after withdrawal");
      }
      if (rec.status() == AttemptStatus.ENTERED_IN_ERROR && rec.personalData().isPresent()) {
        violations.add("receiver kept personal data of entered-in-error " + ref.attemptId());
      }
    }
  }

  private void checkHistory(Party p, AttemptRecord r) {
    List<StatusEntry> h = r.history();
    AttemptStatus first = r.side() == Role.REFERRER ? AttemptStatus.DRAFT : AttemptStatus.SENT;
    if (h.isEmpty() || h.get(0).to() != first) {
      violations.add(p.organisation() + " attempt " + r.attemptId() + " starts wrongly");
      return;
    }
    Set<String> messages = new HashSet<>();
    for (int i = 1; i < h.size(); i++) {
      StatusEntry prev = h.get(i - 1);
      StatusEntry next = h.get(i);
      if (AttemptStateTable.find(Optional.of(prev.to()), next.to(), next.by()).isEmpty()) {
        violations.add(
            p.organisation()
                + " attempt "
                + r.attemptId()
                + " illegal move "
                + prev.to().code()
                + " -> "
                + next.to().code()
                + " by "
                + next.by().code());
      }
      if (!next.messageId().isEmpty() && !messages.add(next.messageId())) {
        violations.add(p.organisation() + " applied message " + next.messageId() + " twice");
      }
    }
    if (h.get(h.size() - 1).to() != r.status()
        || r.version() != h.size() - 1 + (r.side() == Role.RECEIVER ? 1 : 0)) {
      violations.add(
          p.organisation() + " attempt " + r.attemptId() + " status/version/history disagree");
    }
  }

  private void checkExactlyOnce(Party p, List<AuditEntry> log) {
    Set<String> seen = new HashSet<>();
    for (AuditEntry e : log) {
      if ((e.action() == AuditAction.TRANSITION || e.action() == AuditAction.CREATED)
          && e.messageId().isPresent()
          && e.attemptId().isPresent()
          && !seen.add(e.attemptId().get() + "|" + e.messageId().get())) {
        violations.add(p.organisation() + " audited message " + e.messageId().get() + " twice");
      }
    }
  }

  int delivered() {
    return delivered;
  }

  long seed() {
    return seed;
  }
}
