package org.vansdk.referral.node;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;
import org.vansdk.core.consent.Consent;
import org.vansdk.core.consent.DataCategory;
import org.vansdk.core.consent.Purpose;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.id.ConsentId;
import org.vansdk.core.id.ReferralId;
import org.vansdk.core.id.ServiceId;
import org.vansdk.core.referral.AttemptStateTable;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.DeclineReason;
import org.vansdk.core.referral.NotCompletedReason;
import org.vansdk.core.referral.Referral;
import org.vansdk.core.referral.Role;
import org.vansdk.core.referral.TransitionCheck;
import org.vansdk.core.text.LocalizedText;
import org.vansdk.referral.audit.AuditAction;
import org.vansdk.referral.audit.AuditEntry;
import org.vansdk.referral.audit.AuditEvent;
import org.vansdk.referral.audit.AuditVerification;
import org.vansdk.referral.consent.ConsentDecision;
import org.vansdk.referral.consent.ConsentGate;
import org.vansdk.referral.consent.ConsentedPayload;
import org.vansdk.referral.consent.Disclosure;
import org.vansdk.referral.consent.PayloadBuilder;
import org.vansdk.referral.message.AckStatus;
import org.vansdk.referral.message.BusinessStatus;
import org.vansdk.referral.message.Confidentiality;
import org.vansdk.referral.message.Envelope;
import org.vansdk.referral.message.HoldReason;
import org.vansdk.referral.message.Message;
import org.vansdk.referral.message.MessageCodec;
import org.vansdk.referral.message.MessageType;
import org.vansdk.referral.message.Party;
import org.vansdk.referral.signature.CanonicalJson;
import org.vansdk.referral.signature.CanonicalJsonException;
import org.vansdk.referral.signature.Ed25519Engine;
import org.vansdk.referral.signature.OrganisationKeyRegistry;
import org.vansdk.referral.signature.SignatureCheck;
import org.vansdk.referral.signature.SigningKey;
import org.vansdk.referral.store.AttemptRecord;
import org.vansdk.referral.store.ConsentState;
import org.vansdk.referral.store.InboundSequence;
import org.vansdk.referral.store.OutboxEntry;
import org.vansdk.referral.store.ProcessedMessage;
import org.vansdk.referral.store.ReferralStore;
import org.vansdk.referral.store.StatusEntry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One organisation's end of the referral protocol: it refers survivors to other organisations'
 * services (referrer) and answers referrals sent to it (receiver); usually both.
 *
 * <p>Local commands ({@link #send}, {@link #accept}, {@link #cancel} …) check the attempt state
 * table and, for disclosures, the consent gate; they return a {@link Decision} and never throw for
 * a refused move. Received messages ({@link #receive}) are parsed strictly, checked against their
 * JSON Schema, their signature verified against the organisation key registry, de-duplicated by
 * message id, ordered by sender sequence (gaps are held and a {@code sync_request} sent), and
 * applied per the state table; the answer goes back as an {@code ack}. Every state change, its
 * audit entries and the messages it causes are committed to the {@link ReferralStore} in one
 * change; {@link #outgoing} hands the outbox to a transport, signing each transmission.
 *
 * <p>Only the receiver moves an attempt once sent (one writer per field); the referrer mirrors the
 * moves in sender order, so both sides converge. Held out-of-order messages live in memory only:
 * after a restart the sender resends them, since they were not acknowledged.
 *
 * <p>Thread-safe: state changes are synchronised on the node; the stateless checks of {@link
 * #receive} and the signing in {@link #outgoing} run outside that lock.
 */
public final class ReferralNode {

  private static final String SYSTEM_ACTOR = "system";
  private static final String PROBE_ID = "0".repeat(32);
  private static final String UNWRITABLE =
      "the message cannot be written as canonical JSON (RFC 8785: no lone surrogates, finite"
          + " numbers only); nothing was changed";
  private static final Pattern VERSION = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})$");
  private static final int SUPPORTED_MAJOR = 1;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<AttemptStatus> ANSWERED =
      EnumSet.of(AttemptStatus.ACCEPTED, AttemptStatus.IN_PROGRESS, AttemptStatus.ON_HOLD);

  private final Party self;
  private final SignatureSuite signatures;
  private final ReferralStore store;
  private final Clock clock;
  private final ServiceDirectory directory;
  private final Random random;
  private final Duration retryAfter;
  private final MessageValidation validation;
  private final Map<String, TreeMap<Long, Message>> held = new HashMap<>();
  private final Map<String, Long> syncAsked = new HashMap<>();
  private final Map<String, Instant> lastSent = new HashMap<>();
  private final Set<String> signing = new HashSet<>();

  private ReferralNode(Builder b) {
    this.self = b.party;
    this.signatures =
        b.signatures != null ? b.signatures : SignatureSuite.ed25519(b.key, b.registry, b.engine);
    this.store = b.store;
    this.clock = b.clock;
    this.directory = b.directory;
    this.random = b.random;
    this.retryAfter = b.retryAfter;
    this.validation = b.validate ? MessageSchemas.instance() : MessageValidation.NONE;
  }

  /** A builder; party, signing key, key registry and store are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** This node's party (organisation, system, country). */
  public Party party() {
    return self;
  }

  /** The store this node writes to. */
  public ReferralStore store() {
    return store;
  }

  /** The attempt as this node knows it. */
  public Optional<AttemptRecord> attempt(AttemptId attemptId) {
    return store.attempt(attemptId);
  }

  /** The attempt's current status as this node knows it. */
  public Optional<AttemptStatus> status(AttemptId attemptId) {
    return store.attempt(attemptId).map(AttemptRecord::status);
  }

  /** A referral's audit log at this node. */
  public List<AuditEntry> audit(ReferralId referralId) {
    return store.audit(referralId);
  }

  /** Verifies a referral's audit chain at this node. */
  public AuditVerification verifyAudit(ReferralId referralId) {
    return store.verifyAudit(referralId);
  }

  // ------------------------------------------------------------------ referrer commands

  /**
   * Records a draft attempt (no consent needed yet: nothing leaves the organisation).
   *
   * @return done, or refused if the attempt id is taken or the target service is not in the
   *     directory
   */
  public synchronized Decision createDraft(ReferralDraft draft) {
    if (store.attempt(draft.attemptId()).isPresent()) {
      return Decision.refused(
          ReferralErrors.ATTEMPT_EXISTS, "attempt " + draft.attemptId() + " already exists");
    }
    Optional<DirectoryEntry> entry = directory.find(draft.targetService());
    if (entry.isEmpty()) {
      return Decision.refused(
          ReferralErrors.TARGET_NOT_IN_DIRECTORY,
          "service " + draft.targetService() + " is not in the directory");
    }
    Referral referral = draft.referral();
    Instant now = clock.instant();
    // Every category supplied is kept until sending, where those not requested are held back and
    // reported to the caller and the audit; nothing has left the organisation yet.
    ObjectNode personal = NODES.objectNode();
    for (Map.Entry<DataCategory, ObjectNode> e : draft.personalData().entrySet()) {
      personal.set(e.getKey().code(), e.getValue().deepCopy());
    }
    if (draft.requestedCategories().contains(DataCategory.IDENTITY)) {
      ObjectNode identity =
          personal.has("identity") ? (ObjectNode) personal.get("identity") : NODES.objectNode();
      identity.put("personId", referral.personId().value());
      personal.set("identity", identity);
    }
    ObjectNode request = NODES.objectNode();
    ObjectNode summary = request.putObject("referral");
    summary.put("id", referral.id().value());
    ArrayNode types = summary.putArray("serviceTypes");
    referral.serviceTypes().forEach(t -> types.add(t.code()));
    summary.put("priority", referral.priority().code());
    summary.put("createdAt", referral.createdAt().toString());
    referral.basedOn().ifPresent(b -> summary.put("basedOn", b.value()));
    request.put("targetService", draft.targetService().value());
    request.put("confidentiality", draft.confidentiality().code());
    draft
        .note()
        .ifPresent(
            n -> {
              ObjectNode note = request.putObject("note");
              note.put("lang", n.lang());
              note.put("text", n.text());
            });
    if (!canonical(personal) || !canonical(request)) {
      return Decision.refused(
          ReferralErrors.COMMAND_INVALID,
          "the personal data or note of draft "
              + draft.attemptId()
              + " cannot be written as canonical JSON (RFC 8785: no lone surrogates, finite numbers"
              + " only); nothing was recorded");
    }
    AttemptRecord.Builder r =
        AttemptRecord.builder()
            .attemptId(draft.attemptId())
            .personId(referral.personId())
            .namedConsent(referral.consentId())
            .referralId(referral.id())
            .side(Role.REFERRER)
            .referrer(self)
            .receiver(entry.get().provider())
            .status(AttemptStatus.DRAFT)
            .version(0)
            .addHistory(new StatusEntry(AttemptStatus.DRAFT, now, Role.REFERRER, "", ""))
            .replaces(draft.replaces())
            .targetService(draft.targetService().value())
            .request(request)
            .personalData(personal)
            .createdAt(now);
    draft.requestedCategories().stream().sorted().forEach(c -> r.addDataCategories(c.code()));
    if (draft.note().isPresent()) {
      draft.noteCategories().stream().sorted().forEach(c -> r.addNoteCategories(c.code()));
    }
    referral.serviceTypes().forEach(t -> r.addServiceTypes(t.code()));
    AttemptRecord record = r.build();
    Work w = new Work(store);
    w.attempt(record);
    w.audit(
        event(record, self.organisation().value(), AuditAction.CREATED)
            .toStatus(AttemptStatus.DRAFT.code())
            .build());
    store.commit(w.build());
    return Decision.ok();
  }

  /**
   * Sends a draft. The target must be in the directory, and the {@link ConsentGate} runs here: the
   * consent must be the survivor's own and the one the referral names, in force now (status active,
   * within its window, not withdrawn at this node), and cover the receiver (whose identifier must
   * be of the destination country), the purpose {@code referral}, every requested data category,
   * the categories the note counts as ({@link ReferralDraft#noteCategories()}) if there is a note,
   * and the destination country. Supplied categories that were not requested are held back; the
   * decision's message and the audit name them.
   *
   * @return done (the attempt is {@code sent} and the request is in the outbox), or refused (the
   *     refusal is audited and nothing is sent)
   */
  public synchronized Decision send(AttemptId attemptId, Consent consent) {
    Optional<AttemptRecord> found = store.attempt(attemptId);
    if (found.isEmpty()) {
      return unknown(attemptId);
    }
    AttemptRecord r = found.get();
    Instant now = clock.instant();
    Optional<Decision> refusal = checkLocalMove(r, AttemptStatus.SENT);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    Optional<DirectoryEntry> entry =
        r.targetService().flatMap(s -> directory.find(ServiceId.parse(s)));
    if (entry.isEmpty()
        || !entry.get().provider().organisation().equals(r.receiver().organisation())) {
      return refuseAndAudit(
          r,
          ReferralErrors.TARGET_NOT_IN_DIRECTORY,
          "service "
              + r.targetService().orElse("(none)")
              + " of the receiver is not in the directory");
    }
    if (r.personId().isEmpty()) {
      return refuseAndAudit(
          r,
          ConsentGate.PERSON_NOT_COVERED,
          "attempt " + attemptId + " records no person to check the consent against");
    }
    Set<DataCategory> requested = categories(r.dataCategories());
    boolean hasNote = r.request().map(q -> q.has("note")).orElse(false);
    Set<DataCategory> disclosed = EnumSet.noneOf(DataCategory.class);
    disclosed.addAll(requested);
    if (hasNote) {
      disclosed.addAll(categories(r.noteCategories()));
    }
    ConsentDecision gate =
        ConsentGate.check(
            consent,
            new Disclosure(
                r.personId().get(),
                r.namedConsent(),
                r.receiver().organisation(),
                Purpose.REFERRAL,
                disclosed,
                r.receiver().country(),
                now));
    if (gate.allowed() && store.consent(consent.id()).map(ConsentState::withdrawn).orElse(false)) {
      gate =
          new ConsentDecision(
              false,
              ConsentGate.NOT_ACTIVE,
              "consent "
                  + consent.id()
                  + " was withdrawn at this node; only an active consent allows disclosure");
    }
    if (!gate.allowed()) {
      return refuseAndAudit(r, gate.code(), gate.message());
    }
    Map<DataCategory, JsonNode> data = new HashMap<>();
    r.personalData()
        .ifPresent(
            pd ->
                pd.properties()
                    .forEach(e -> data.put(DataCategory.fromCode(e.getKey()), e.getValue())));
    ConsentedPayload payload = PayloadBuilder.build(consent, requested, data);
    String consentRef = consent.id().value() + "#" + consent.version();
    Instant respondBy = now.plus(entry.get().respondWithin());
    ObjectNode request = ((ObjectNode) r.request().orElseThrow()).deepCopy();
    request.put("destinationCountry", r.receiver().country().code());
    request.put("respondBy", respondBy.toString());
    r.replaces().ifPresent(a -> request.put("replaces", a.value()));
    Set<DataCategory> sentCategories = EnumSet.noneOf(DataCategory.class);
    sentCategories.addAll(payload.included());
    if (hasNote) {
      sentCategories.addAll(categories(r.noteCategories()));
    }
    ArrayNode cats = request.putArray("dataCategories");
    sentCategories.stream().sorted().forEach(c -> cats.add(c.code()));
    Confidentiality confidentiality =
        Confidentiality.parse(request.path("confidentiality").asString("restricted"));
    request.remove("confidentiality");
    ObjectNode wire = request.deepCopy();
    wire.set("personalData", payload.personalData());

    AttemptRecord.Builder nb =
        AttemptRecord.builder()
            .from(moved(r, AttemptStatus.SENT, Role.REFERRER, "", ""))
            .consentRef(consentRef)
            .respondBy(respondBy)
            .request(request)
            .personalData(payload.personalData())
            .dataCategories(List.of());
    sentCategories.stream().sorted().forEach(c -> nb.addDataCategories(c.code()));
    AttemptRecord sent = nb.build();
    Work w = new Work(store);
    Optional<String> lang =
        request.has("note")
            ? Optional.of(request.get("note").get("lang").stringValue())
            : Optional.empty();
    Message m;
    try {
      m =
          message(
              sent,
              MessageType.REFERRAL_REQUEST,
              sent.nextOutboundSeq(),
              r.version(),
              Optional.empty(),
              wire,
              confidentiality,
              lang);
    } catch (CanonicalJsonException e) {
      return Decision.refused(ReferralErrors.COMMAND_INVALID, UNWRITABLE);
    }
    Optional<Decision> unsendable = refusedByPeer(m);
    if (unsendable.isPresent()) {
      return unsendable.get();
    }
    sent = AttemptRecord.builder().from(sent).nextOutboundSeq(sent.nextOutboundSeq() + 1).build();
    w.send(new OutboxEntry(m, true));
    w.attempt(sent);
    if (store.consent(consent.id()).isEmpty()) {
      w.change.addConsents(new ConsentState(consent.id(), consent.version(), false));
    }
    w.audit(
        event(sent, self.organisation().value(), AuditAction.TRANSITION)
            .fromStatus(AttemptStatus.DRAFT.code())
            .toStatus(AttemptStatus.SENT.code())
            .messageId(m.envelope().messageId())
            .consentVersion(consentRef)
            .addAllDataCategories(sent.dataCategories())
            .detail(
                payload.dropped().isEmpty()
                    ? Optional.empty()
                    : Optional.of("dropped " + codes(payload.dropped())))
            .build());
    store.commit(w.build());
    return payload.dropped().isEmpty()
        ? Decision.ok()
        : Decision.done(
            "sent; held back (supplied but not requested): " + codes(payload.dropped()));
  }

  /** Creates the draft and sends it ({@link #createDraft} then {@link #send}). */
  public synchronized Decision refer(ReferralDraft draft, Consent consent) {
    Decision d = createDraft(draft);
    return d.done() ? send(draft.attemptId(), consent) : d;
  }

  /**
   * Re-refers after an attempt ended without service (declined, not completed or cancelled): a new
   * attempt for the same referral that names the one it replaces.
   *
   * @return done, or refused if the replaced attempt is unknown, not this node's, not final, or of
   *     another referral; or if the new draft is refused
   */
  public synchronized Decision reRefer(AttemptId replaced, ReferralDraft draft, Consent consent) {
    Optional<AttemptRecord> old = store.attempt(replaced);
    if (old.isEmpty()) {
      return unknown(replaced);
    }
    AttemptRecord o = old.get();
    if (o.side() != Role.REFERRER) {
      return Decision.refused(
          ReferralErrors.WRONG_PARTY, "attempt " + replaced + " was not referred by this node");
    }
    if (!EnumSet.of(AttemptStatus.DECLINED, AttemptStatus.NOT_COMPLETED, AttemptStatus.CANCELLED)
        .contains(o.status())) {
      return Decision.refused(
          ReferralErrors.REQUIREMENT_MISSING,
          "attempt "
              + replaced
              + " is "
              + o.status().code()
              + "; a re-referral replaces a declined, not completed or cancelled attempt");
    }
    if (!o.referralId().equals(draft.referral().id())) {
      return Decision.refused(
          ReferralErrors.REQUIREMENT_MISSING,
          "a re-referral must be for referral " + o.referralId() + " of the replaced attempt");
    }
    return refer(ReferralDraft.builder().from(draft).replaces(replaced).build(), consent);
  }

  /**
   * Cancels: the referrer sends a cancel request (the receiver confirms, or refuses if the attempt
   * already ended); the receiver may cancel only to confirm a pending request.
   */
  public synchronized Decision cancel(AttemptId attemptId) {
    Optional<AttemptRecord> found = store.attempt(attemptId);
    if (found.isEmpty()) {
      return unknown(attemptId);
    }
    AttemptRecord r = found.get();
    if (r.side() == Role.RECEIVER) {
      return localMove(
          attemptId,
          AttemptStatus.CANCELLED,
          MessageType.CANCEL_CONFIRM,
          cause("cancel_request"),
          "cancel_request");
    }
    if (r.status() == AttemptStatus.DRAFT) {
      return Decision.refused(
          ReferralErrors.TRANSITION_NOT_ALLOWED,
          "attempt " + attemptId + " is a draft; mark it entered in error instead of cancelling");
    }
    if (AttemptStateTable.isFinal(r.status())) {
      return Decision.refused(
          ReferralErrors.TRANSITION_NOT_ALLOWED,
          "attempt " + attemptId + " is " + r.status().code() + " (final); nothing to cancel");
    }
    if (r.cancelRequested()) {
      return Decision.ok();
    }
    return requestCancel(r, "referrer_request");
  }

  private Decision requestCancel(AttemptRecord r, String reason) {
    Work w = new Work(store);
    AttemptRecord withFlag = AttemptRecord.builder().from(r).cancelRequested(true).build();
    ObjectNode payload = NODES.objectNode().put("reason", reason);
    AttemptRecord sent =
        enqueue(w, withFlag, MessageType.CANCEL_REQUEST, r.version(), Optional.empty(), payload);
    w.attempt(sent);
    w.audit(
        event(r, self.organisation().value(), AuditAction.CANCEL_REQUESTED)
            .fromStatus(r.status().code())
            .detail(reason)
            .build());
    store.commit(w.build());
    return Decision.ok();
  }

  /**
   * Marks an attempt entered in error (only its creator, the referrer, may): personal data is
   * purged on both sides, the audit is kept.
   */
  public synchronized Decision markEnteredInError(AttemptId attemptId) {
    Optional<AttemptRecord> found = store.attempt(attemptId);
    if (found.isEmpty()) {
      return unknown(attemptId);
    }
    AttemptRecord r = found.get();
    Optional<Decision> refusal = checkLocalMove(r, AttemptStatus.ENTERED_IN_ERROR);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    Work w = new Work(store);
    AttemptRecord moved = purge(moved(r, AttemptStatus.ENTERED_IN_ERROR, Role.REFERRER, "", ""));
    if (r.status() != AttemptStatus.DRAFT) {
      moved =
          enqueue(
              w,
              moved,
              MessageType.ENTERED_IN_ERROR,
              r.version(),
              Optional.empty(),
              NODES.objectNode());
    }
    w.attempt(moved);
    w.audit(transitionEvent(r, moved, self.organisation().value(), "").build());
    w.audit(event(r, self.organisation().value(), AuditAction.PURGED).build());
    store.commit(w.build());
    return Decision.ok();
  }

  /**
   * Records that a consent was withdrawn: every attempt sent under it gets a {@code
   * consent_withdrawn} message (the receiver cancels open attempts and purges), the local copy of
   * the disclosed data is purged, and later messages carrying personal data for these attempts are
   * refused.
   */
  public synchronized Decision withdrawConsent(ConsentId consentId) {
    Work w = new Work(store);
    ConsentState state = store.consent(consentId).orElse(new ConsentState(consentId, 1, false));
    if (state.withdrawn()) {
      return Decision.ok();
    }
    ConsentState withdrawn = new ConsentState(consentId, state.version() + 1, true);
    w.change.addConsents(withdrawn);
    String prefix = consentId.value() + "#";
    // Unacknowledged messages still carrying personal data (including free text) must not leave
    // after withdrawal: they go out stripped, under the same id and sequence (a receiver that had
    // the original answers
    // conflict, and its purge follows with consent_withdrawn).
    Map<AttemptId, List<OutboxEntry>> pending = new HashMap<>();
    for (OutboxEntry e : store.outbox()) {
      if (e.reliable() && e.message().carriesPersonalData()) {
        pending.computeIfAbsent(e.message().envelope().attemptId(), k -> new ArrayList<>()).add(e);
      }
    }
    for (AttemptRecord r : store.attempts()) {
      if (r.side() != Role.REFERRER
          || r.consentRef().filter(c -> c.startsWith(prefix)).isEmpty()
          || r.consentWithdrawn()) {
        continue;
      }
      for (OutboxEntry e : pending.getOrDefault(r.attemptId(), List.of())) {
        w.send(new OutboxEntry(e.message().withoutPersonalData(), true));
      }
      AttemptRecord next = purge(AttemptRecord.builder().from(r).consentWithdrawn(true).build());
      if (r.status() != AttemptStatus.ENTERED_IN_ERROR) {
        next =
            enqueue(
                w,
                next,
                MessageType.CONSENT_WITHDRAWN,
                r.version(),
                Optional.empty(),
                NODES.objectNode().put("consentRef", withdrawn.ref()));
      }
      w.attempt(next);
      w.audit(
          event(r, self.organisation().value(), AuditAction.CONSENT_WITHDRAWN)
              .consentVersion(withdrawn.ref())
              .build());
    }
    store.commit(w.build());
    return Decision.ok();
  }

  /** Acknowledges the outcome of an ended attempt (closes the loop). */
  public synchronized Decision acknowledgeOutcome(AttemptId attemptId) {
    Optional<AttemptRecord> found = store.attempt(attemptId);
    if (found.isEmpty()) {
      return unknown(attemptId);
    }
    AttemptRecord r = found.get();
    if (r.side() != Role.REFERRER || !AttemptStateTable.isFinal(r.status())) {
      return Decision.refused(
          ReferralErrors.REQUIREMENT_MISSING,
          "only the referrer acknowledges an outcome, and only of an ended attempt; attempt "
              + attemptId
              + " is "
              + r.status().code());
    }
    return note(r, MessageType.OUTCOME_ACK, NODES.objectNode());
  }

  /**
   * Sends the survivor's feedback on the service of an ended attempt to the receiver (the referrer
   * closes the loop with {@link #acknowledgeOutcome} and may add this).
   *
   * @param rating 1 (poor) to 5 (very good)
   * @return done, or refused if this node is not the referrer, the attempt has not ended, or the
   *     rating is out of range
   */
  public synchronized Decision feedback(AttemptId attemptId, int rating) {
    return feedback(attemptId, rating, Optional.empty());
  }

  /** As {@link #feedback(AttemptId, int)}, with the feedback as text. */
  public synchronized Decision feedback(AttemptId attemptId, int rating, LocalizedText note) {
    return feedback(attemptId, rating, Optional.of(note));
  }

  private Decision feedback(AttemptId attemptId, int rating, Optional<LocalizedText> note) {
    Optional<AttemptRecord> found = store.attempt(attemptId);
    if (found.isEmpty()) {
      return unknown(attemptId);
    }
    AttemptRecord r = found.get();
    if (rating < 1 || rating > 5) {
      return Decision.refused(
          ReferralErrors.REQUIREMENT_MISSING, "a rating is from 1 to 5, was " + rating);
    }
    if (r.consentWithdrawn() || r.purged() || r.status() == AttemptStatus.ENTERED_IN_ERROR) {
      return Decision.refused(
          ReferralErrors.CONSENT_WITHDRAWN,
          "attempt "
              + attemptId
              + " was withdrawn from consent, purged or entered in error; no feedback is sent");
    }
    if (r.side() != Role.REFERRER || !AttemptStateTable.isFinal(r.status())) {
      return Decision.refused(
          ReferralErrors.REQUIREMENT_MISSING,
          "only the referrer gives feedback, and only on an ended attempt; attempt "
              + attemptId
              + " is "
              + r.status().code());
    }
    ObjectNode payload = NODES.objectNode().put("rating", rating);
    note.ifPresent(n -> payload.putObject("note").put("lang", n.lang()).put("text", n.text()));
    return note(r, MessageType.FEEDBACK, payload);
  }

  /** Asks the other side a question about the attempt (either side). */
  public synchronized Decision requestInfo(AttemptId attemptId, LocalizedText question) {
    Optional<AttemptRecord> found = store.attempt(attemptId);
    if (found.isEmpty()) {
      return unknown(attemptId);
    }
    AttemptRecord r = found.get();
    if (r.consentWithdrawn() || r.purged()) {
      return Decision.refused(
          ReferralErrors.CONSENT_WITHDRAWN,
          "attempt "
              + attemptId
              + " was withdrawn from consent or purged; free text is not sent for it");
    }
    ObjectNode payload = NODES.objectNode();
    payload.putObject("question").put("lang", question.lang()).put("text", question.text());
    return note(r, MessageType.INFO_REQUEST, payload);
  }

  // ------------------------------------------------------------------ receiver commands

  /** Receiver: a person has looked at the referral ({@code sent → received}). */
  public synchronized Decision markReceived(AttemptId attemptId) {
    return localMove(
        attemptId, AttemptStatus.RECEIVED, MessageType.RECEIVED, NODES.objectNode(), "");
  }

  /** Receiver: accepts ({@code sent|received → accepted}). */
  public synchronized Decision accept(AttemptId attemptId) {
    return localMove(attemptId, AttemptStatus.ACCEPTED, MessageType.ACCEPT, NODES.objectNode(), "");
  }

  /** Receiver: declines with a reason ({@code sent|received → declined}). */
  public synchronized Decision decline(AttemptId attemptId, DeclineReason reason) {
    return localMove(
        attemptId,
        AttemptStatus.DECLINED,
        MessageType.DECLINE,
        NODES.objectNode().put("reason", reason.code()),
        reason.code());
  }

  /** Receiver: service starts ({@code accepted → in_progress}), sent as an {@code update}. */
  public synchronized Decision start(AttemptId attemptId) {
    return localMove(
        attemptId,
        AttemptStatus.IN_PROGRESS,
        MessageType.UPDATE,
        NODES
            .objectNode()
            .put("businessStatus", BusinessStatus.ATTENDED.code())
            .put("status", "in_progress"),
        "");
  }

  /** Receiver: a business status without a move (appointment set, attended, no-show …). */
  public synchronized Decision update(AttemptId attemptId, BusinessStatus businessStatus) {
    Optional<AttemptRecord> found = store.attempt(attemptId);
    if (found.isEmpty()) {
      return unknown(attemptId);
    }
    AttemptRecord r = found.get();
    if (r.side() != Role.RECEIVER || AttemptStateTable.isFinal(r.status())) {
      return Decision.refused(
          ReferralErrors.WRONG_PARTY,
          "only the receiver sends updates, and only for an open attempt; attempt "
              + attemptId
              + " is "
              + r.status().code());
    }
    return note(
        r, MessageType.UPDATE, NODES.objectNode().put("businessStatus", businessStatus.code()));
  }

  /**
   * Receiver: puts service on hold with a reason code ({@code accepted|in_progress → on_hold}). The
   * reason is a code, never free text: it is written to both sides' audit logs.
   */
  public synchronized Decision hold(AttemptId attemptId, HoldReason reason) {
    return localMove(
        attemptId,
        AttemptStatus.ON_HOLD,
        MessageType.HOLD,
        NODES.objectNode().put("reason", reason.code()),
        reason.code());
  }

  /** Receiver: resumes service ({@code on_hold → in_progress}). */
  public synchronized Decision resume(AttemptId attemptId) {
    return localMove(
        attemptId, AttemptStatus.IN_PROGRESS, MessageType.RESUME, NODES.objectNode(), "");
  }

  /**
   * Receiver: service completed, with an outcome ({@code accepted|in_progress|on_hold →
   * completed}).
   */
  public synchronized Decision complete(AttemptId attemptId, LocalizedText outcome) {
    ObjectNode payload = NODES.objectNode();
    payload.putObject("outcome").put("lang", outcome.lang()).put("text", outcome.text());
    return localMove(attemptId, AttemptStatus.COMPLETED, MessageType.COMPLETE, payload, "");
  }

  /** Receiver: service not completed, with a reason. */
  public synchronized Decision notComplete(AttemptId attemptId, NotCompletedReason reason) {
    return localMove(
        attemptId,
        AttemptStatus.NOT_COMPLETED,
        MessageType.NOT_COMPLETE,
        NODES.objectNode().put("reason", reason.code()),
        reason.code());
  }

  /**
   * Expires what is overdue at the clock's current instant: as receiver, unanswered attempts
   * ({@code sent}, {@code received}) past their deadline are cancelled by the system and the
   * referrer told; as referrer, attempts still {@code sent} past the deadline get a cancel request
   * with reason {@code expired} (the receiver refuses it if it had already answered).
   *
   * @return how many attempts were expired or asked to expire
   */
  public synchronized int expireOverdue() {
    Instant now = clock.instant();
    int count = 0;
    for (AttemptRecord r : store.attempts()) {
      if (r.respondBy().isEmpty() || now.isBefore(r.respondBy().get())) {
        continue;
      }
      if (r.side() == Role.RECEIVER
          && (r.status() == AttemptStatus.SENT || r.status() == AttemptStatus.RECEIVED)) {
        Work w = new Work(store);
        AttemptRecord moved = moved(r, AttemptStatus.CANCELLED, Role.SYSTEM, "expired", "");
        moved =
            enqueue(
                w,
                moved,
                MessageType.CANCEL_CONFIRM,
                r.version(),
                Optional.empty(),
                cause("expired"));
        w.attempt(moved);
        w.audit(transitionEvent(r, moved, SYSTEM_ACTOR, "").detail("expired").build());
        store.commit(w.build());
        count++;
      } else if (r.side() == Role.REFERRER
          && r.status() == AttemptStatus.SENT
          && !r.cancelRequested()) {
        requestCancel(r, "expired");
        count++;
      }
    }
    return count;
  }

  // ------------------------------------------------------------------ transport

  /**
   * Takes what the outbox holds for the wire: acknowledgements and sync messages once, reliable
   * messages until acknowledged (again after the retry interval, or at once when the peer asks with
   * {@code sync_request}). Each transmission has a new transmission id and is signed here: the
   * outbox keeps messages unsigned, so signing (as costly as verifying) runs outside the node's
   * lock and off the receive path. Ed25519 is deterministic and the signature does not cover the
   * transmission id, so every resend of a message carries the same signature.
   */
  public List<Transmission> outgoing() {
    List<Message> due = new ArrayList<>();
    List<String> once = new ArrayList<>();
    synchronized (this) {
      Instant now = clock.instant();
      for (OutboxEntry e : store.outbox()) {
        String id = e.message().envelope().messageId();
        if (e.reliable()) {
          Instant last = lastSent.get(id);
          if (last != null && now.isBefore(last.plus(retryAfter))) {
            continue;
          }
          lastSent.put(id, now);
        } else if (!signing.add(id)) {
          continue; // another thread is transmitting it
        } else {
          once.add(id);
        }
        due.add(e.message().withTransmissionId(newId()));
      }
    }
    List<Transmission> out = new ArrayList<>(due.size());
    try {
      for (Message m : due) {
        out.add(new Transmission(m.envelope().receiver(), signed(m)));
      }
    } catch (RuntimeException e) {
      synchronized (this) {
        signing.removeAll(once); // still in the outbox: the next call tries again
      }
      throw e;
    }
    synchronized (this) {
      // One-shot messages leave the outbox only once signed, so a failure cannot lose them.
      Work w = new Work(store);
      once.forEach(w.change::addOutboxRemove);
      try {
        store.commit(w.build());
      } finally {
        signing.removeAll(once);
      }
    }
    return out;
  }

  /**
   * Receives one message from the wire and answers it (the {@code ack} goes to the outbox).
   *
   * <p>Parsing, the schema check and signature verification need no node state and run before the
   * node's lock is taken, so several threads receiving at once verify in parallel; only the state
   * change is serialised.
   *
   * @param wire the UTF-8 JSON bytes
   * @return what was done; never throws for bad input
   */
  public Receipt receive(byte[] wire) {
    Admission a = admit(wire);
    synchronized (this) {
      return atomically(() -> decide(a));
    }
  }

  /**
   * Receives several messages, for example a batch taken from a queue, and answers each as {@link
   * #receive} would, in order. Their state changes are committed together (one transaction on a
   * JDBC store: group commit), which is much cheaper than one commit each; if the store fails, none
   * of them is applied (the senders resend, since none was acknowledged). Several threads may call
   * this at once: the stateless checks of their batches run in parallel.
   *
   * @param wires the UTF-8 JSON bytes of each message
   * @return what was done with each, in the same order
   * @throws org.vansdk.referral.store.ReferralStoreException if the store cannot commit
   */
  public List<Receipt> receiveAll(List<byte[]> wires) {
    List<Admission> admitted = new ArrayList<>(wires.size());
    for (byte[] wire : wires) {
      admitted.add(admit(wire));
    }
    synchronized (this) {
      return atomically(
          () -> {
            List<Receipt> receipts = new ArrayList<>(admitted.size());
            for (Admission a : admitted) {
              receipts.add(decide(a));
            }
            return receipts;
          });
    }
  }

  /**
   * Receives one message as {@link #receive} does and returns its acknowledgement, signed, instead
   * of queueing it in the outbox: what a synchronous transport (an HTTP binding) answers in its
   * response. The acknowledgement of a processed message is also kept with the message, so a sender
   * that never got this answer and resends is answered again with the same acknowledgement.
   * Messages the node sends of its own accord while receiving (sync requests, acknowledgements of
   * held messages released by this one) still go to the outbox.
   *
   * @param wire the UTF-8 JSON bytes
   * @return what was done, with the signed acknowledgement unless the bytes could not be read as a
   *     message at all; never throws for bad input
   * @throws org.vansdk.referral.store.ReferralStoreException if the store cannot commit
   */
  public Reply receiveAndReply(byte[] wire) {
    return receiveAllAndReply(List.of(wire)).get(0);
  }

  /**
   * Receives several messages as {@link #receiveAll} does (one transaction) and returns each one's
   * acknowledgement, signed, as {@link #receiveAndReply} does.
   *
   * @throws org.vansdk.referral.store.ReferralStoreException if the store cannot commit
   */
  public List<Reply> receiveAllAndReply(List<byte[]> wires) {
    List<Admission> admitted = new ArrayList<>(wires.size());
    Map<String, Message> replies = new HashMap<>();
    for (byte[] wire : wires) {
      Admission a = admit(wire);
      admitted.add(a);
      if (a.message != null) {
        replies.put(a.message.envelope().messageId(), null);
      }
    }
    List<Receipt> receipts;
    synchronized (this) {
      receipts =
          Work.replyingDirectly(
              replies,
              () ->
                  atomically(
                      () -> {
                        List<Receipt> out = new ArrayList<>(admitted.size());
                        for (Admission a : admitted) {
                          out.add(decide(a));
                        }
                        return out;
                      }));
    }
    List<Reply> out = new ArrayList<>(admitted.size());
    for (int i = 0; i < admitted.size(); i++) {
      Admission a = admitted.get(i);
      Message ack = a.message == null ? null : replies.get(a.message.envelope().messageId());
      out.add(
          new Reply(
              receipts.get(i),
              ack == null
                  ? Optional.empty()
                  : Optional.of(
                      new Transmission(
                          ack.envelope().receiver(), signed(ack.withTransmissionId(newId()))))));
    }
    return out;
  }

  /**
   * Runs receiving work in one store transaction; if it fails, the record of the sync requests
   * asked is restored, as their outbox entries were rolled back too (held messages that were
   * drained are simply resent by their senders).
   */
  private <T> T atomically(java.util.function.Supplier<T> work) {
    Map<String, Long> asked = new HashMap<>(syncAsked);
    try {
      return store.atomically(work);
    } catch (RuntimeException | Error e) {
      syncAsked.clear();
      syncAsked.putAll(asked);
      throw e;
    }
  }

  private Receipt decide(Admission a) {
    if (a.message == null) {
      return a.refusal.receipt();
    }
    if (a.refusal != null && a.refusal.code.equals(ReferralErrors.BAD_SIGNATURE)) {
      return unverified(a.message, a.refusal);
    }
    if (a.refusal != null) {
      return answer(a.message, a.refusal);
    }
    return apply(a.message);
  }

  /**
   * A message whose signature does not verify: it is not acknowledged (a signed ack would go to
   * whoever it claims to be from, possibly a third party, and confirm that this node holds the
   * attempt), and if the attempt is known here the failed verification is audited (codes and ids
   * only). For an attempt unknown here nothing is stored: unverified input must not be able to
   * write to the store; the receipt tells the transport.
   */
  private Receipt unverified(Message m, Result refusal) {
    Optional<AttemptRecord> known =
        store
            .attempt(m.envelope().attemptId())
            .filter(r -> r.referralId().equals(m.envelope().correlationId()));
    if (known.isPresent()) {
      AttemptRecord r = known.get();
      AuditEvent.Builder b =
          event(r, m.envelope().sender().organisation().value(), AuditAction.REJECTED)
              .fromStatus(r.status().code())
              .messageId(m.envelope().messageId())
              .detail(
                  ReferralErrors.BAD_SIGNATURE.value()
                      + " "
                      + m.type().code()
                      + " unverified sender; not acknowledged");
      Work w = new Work(store);
      w.audit(b.build());
      store.commit(w.build());
    }
    return refusal.receipt();
  }

  /**
   * A received message after the stateless checks: the message (absent when it cannot be answered
   * at all) and the refusal (absent when it passed).
   */
  private static final class Admission {
    final Message message;
    final Result refusal;

    Admission(Message message, Result refusal) {
      this.message = message;
      this.refusal = refusal;
    }

    static Admission refused(AckStatus status, ErrorCode code, String detail) {
      return new Admission(null, Result.of(status, code, detail));
    }
  }

  /**
   * The stateless checks: syntax, version, schema, form, addressee, signature, payload hash. Never
   * throws for bad input: a message that cannot even be canonicalised (a lone surrogate, a number
   * out of range) is refused like a malformed one, so one such message cannot fail a batch.
   */
  private Admission admit(byte[] wire) {
    try {
      return check(wire);
    } catch (RuntimeException e) {
      return Admission.refused(
          AckStatus.FATAL_ERROR,
          ReferralErrors.MALFORMED,
          "message cannot be processed (" + e.getClass().getSimpleName() + ")");
    }
  }

  private Admission check(byte[] wire) {
    JsonNode tree;
    try {
      tree = MessageCodec.parse(wire);
    } catch (IllegalArgumentException e) {
      return Admission.refused(AckStatus.FATAL_ERROR, ReferralErrors.MALFORMED, e.getMessage());
    }
    if (!tree.isObject()) {
      return Admission.refused(
          AckStatus.FATAL_ERROR, ReferralErrors.MALFORMED, "message is not an object");
    }
    Matcher version = VERSION.matcher(tree.path("schemaVersion").asString(""));
    if (!version.matches()) {
      return Admission.refused(
          AckStatus.FATAL_ERROR,
          ReferralErrors.SCHEMA_INVALID,
          "schemaVersion must be major.minor, e.g. 1.0");
    }
    if (Integer.parseInt(version.group(1)) != SUPPORTED_MAJOR) {
      return Admission.refused(
          AckStatus.FATAL_ERROR,
          ReferralErrors.UNSUPPORTED_MAJOR,
          "schema version "
              + version.group(0)
              + " is not supported; supported major versions: "
              + SUPPORTED_MAJOR);
    }
    List<String> problems = validation.validate(tree);
    if (!problems.isEmpty()) {
      return Admission.refused(
          AckStatus.FATAL_ERROR,
          ReferralErrors.SCHEMA_INVALID,
          "message does not match its schema: " + String.join("; ", problems));
    }
    Message m;
    try {
      m = Message.fromJson(tree);
    } catch (IllegalArgumentException | VanException e) {
      return Admission.refused(AckStatus.FATAL_ERROR, ReferralErrors.MALFORMED, e.getMessage());
    }
    if (!m.envelope().receiver().organisation().equals(self.organisation())) {
      return Admission.refused(
          AckStatus.FATAL_ERROR,
          ReferralErrors.NOT_A_PARTY,
          "message is addressed to " + m.envelope().receiver().organisation() + ", not this node");
    }
    SignatureCheck check =
        m.signature().isEmpty()
            ? SignatureCheck.MISSING
            : signatures.verify(
                m.envelope().sender().organisation(),
                m.signature().get().keyId(),
                Message.signedContent(tree),
                m.signature().get().value());
    if (!check.isValid()) {
      return new Admission(m, Result.fatal(ReferralErrors.BAD_SIGNATURE, check.description()));
    }
    if (!Message.payloadHash(tree.get("payload")).equals(m.payloadSha256())) {
      return new Admission(
          m,
          Result.fatal(
              ReferralErrors.PAYLOAD_HASH_MISMATCH, "payloadSha256 does not match the payload"));
    }
    return new Admission(m, null);
  }

  /** Applies an admitted message to the node's state; called with the node's lock held. */
  private Receipt apply(Message m) {
    switch (m.type()) {
      case ACK:
        return onAck(m);
      case SYNC_REQUEST:
        return onSyncRequest(m);
      case SYNC_SNAPSHOT:
        return new Receipt(AckStatus.OK, ReferralErrors.PROCESSED, "snapshot noted");
      default:
        break;
    }
    Envelope e = m.envelope();
    Optional<ProcessedMessage> done = store.processed(e.messageId());
    if (done.isPresent()) {
      if (done.get().payloadSha256().equals(m.payloadSha256())) {
        Message reply = done.get().reply();
        Work replay = new Work(store);
        replay.send(new OutboxEntry(reply, false));
        store.commit(replay.build());
        return new Receipt(
            AckStatus.parse(reply.payloadText("status").orElse("ok")),
            ReferralErrors.REPLAYED,
            "duplicate of a processed message; stored reply replayed");
      }
      Optional<AttemptRecord> r = store.attempt(e.attemptId());
      Work w = new Work(store);
      r.ifPresent(
          a ->
              w.audit(
                  event(a, e.sender().organisation().value(), AuditAction.CONFLICT)
                      .messageId(e.messageId())
                      .detail(ReferralErrors.MESSAGE_ID_CONFLICT.value())
                      .build()));
      Result res =
          Result.fatal(
              ReferralErrors.MESSAGE_ID_CONFLICT,
              "message id was already used with a different payload; nothing was applied");
      w.send(new OutboxEntry(ack(m, res, r.map(AttemptRecord::version).orElse(0L)), false));
      store.commit(w.build());
      return res.receipt();
    }
    String senderKey = e.sender().senderKey();
    String heldKey = e.attemptId().value() + "|" + senderKey;
    long expected = store.nextInboundSequence(e.attemptId(), senderKey);
    if (e.senderSeq() < expected) {
      return answer(
          m,
          Result.of(
              AckStatus.OK,
              ReferralErrors.DUPLICATE_SEQUENCE,
              "sequence " + e.senderSeq() + " already processed (next expected " + expected + ")"));
    }
    if (e.senderSeq() > expected) {
      held.computeIfAbsent(heldKey, k -> new TreeMap<>()).put(e.senderSeq(), m);
      Work w = new Work(store);
      if (!Long.valueOf(expected).equals(syncAsked.get(heldKey))) {
        syncAsked.put(heldKey, expected);
        w.send(new OutboxEntry(syncRequest(m, expected), false));
      }
      Result res =
          Result.of(
              AckStatus.TRANSIENT_ERROR,
              ReferralErrors.HELD_OUT_OF_ORDER,
              "sequence " + e.senderSeq() + " held until " + expected + " arrives; resend later");
      w.send(new OutboxEntry(ack(m, res, 0), false));
      store.commit(w.build());
      return res.receipt();
    }
    Receipt receipt = process(m);
    long next = expected + 1;
    TreeMap<Long, Message> queue = held.get(heldKey);
    while (queue != null) {
      queue.headMap(next).clear();
      Message following = queue.remove(next);
      if (following == null) {
        break;
      }
      if (store.processed(following.envelope().messageId()).isEmpty()) {
        process(following);
      }
      next++;
    }
    if (queue != null && queue.isEmpty()) {
      held.remove(heldKey);
      syncAsked.remove(heldKey);
    }
    return receipt;
  }

  /** How many out-of-order messages are held in memory (lost on restart; senders resend). */
  public synchronized int heldCount() {
    return held.values().stream().mapToInt(Map::size).sum();
  }

  // ------------------------------------------------------------------ receiving internals

  /** Answers a message with an ack and changes nothing else. */
  private Receipt answer(Message m, Result res) {
    Work w = new Work(store);
    w.send(new OutboxEntry(ack(m, res, 0), false));
    store.commit(w.build());
    return res.receipt();
  }

  private Receipt onAck(Message m) {
    AckStatus status = AckStatus.parse(m.payloadText("status").orElse("ok"));
    Optional<String> acked = m.envelope().causationId();
    if (acked.isPresent() && status != AckStatus.TRANSIENT_ERROR) {
      store.commit(new Work(store).change.addOutboxRemove(acked.get()).build());
      lastSent.remove(acked.get());
    }
    return new Receipt(AckStatus.OK, ReferralErrors.PROCESSED, "ack noted");
  }

  private Receipt onSyncRequest(Message m) {
    Optional<AttemptRecord> found = store.attempt(m.envelope().attemptId());
    if (found.isEmpty()) {
      return new Receipt(AckStatus.OK, ReferralErrors.UNKNOWN_ATTEMPT, "attempt not known here");
    }
    for (OutboxEntry e : store.outbox()) {
      if (e.reliable() && e.message().envelope().attemptId().equals(m.envelope().attemptId())) {
        lastSent.remove(e.message().envelope().messageId());
      }
    }
    AttemptRecord r = found.get();
    ObjectNode payload =
        NODES
            .objectNode()
            .put("status", r.status().code())
            .put("version", r.version())
            .put("nextSeq", r.nextOutboundSeq());
    Message snapshot = reply(m, MessageType.SYNC_SNAPSHOT, payload, r.version());
    store.commit(new Work(store).change.addOutboxAdd(new OutboxEntry(snapshot, false)).build());
    return new Receipt(
        AckStatus.OK, ReferralErrors.PROCESSED, "resending from the requested sequence");
  }

  private Receipt process(Message m) {
    Work w = new Work(store);
    Envelope e = m.envelope();
    Optional<AttemptRecord> found = store.attempt(e.attemptId());
    Result res;
    long version = 0;
    if (found.isEmpty()) {
      res =
          m.type() == MessageType.REFERRAL_REQUEST
              ? onReferralRequest(w, m)
              : Result.fatal(
                  ReferralErrors.UNKNOWN_ATTEMPT,
                  "attempt " + e.attemptId() + " is not known here");
      version = 1;
    } else {
      AttemptRecord r = found.get();
      version = r.version();
      Optional<Role> role = roleOf(r, e.sender());
      if (role.isEmpty()) {
        res =
            reject(
                w,
                r,
                m,
                ReferralErrors.NOT_A_PARTY,
                "sender "
                    + e.sender().organisation()
                    + " is not a party to attempt "
                    + r.attemptId());
      } else if (!m.type().sender().allows(role.get())) {
        res =
            reject(
                w,
                r,
                m,
                ReferralErrors.WRONG_PARTY,
                "a "
                    + m.type().code()
                    + " message may only come from the "
                    + m.type().sender().name().toLowerCase(java.util.Locale.ROOT)
                    + "; the sender is the "
                    + role.get().code()
                    + " of attempt "
                    + r.attemptId());
      } else if (r.consentWithdrawn() && holdsPersonalData(m)) {
        res =
            reject(
                w,
                r,
                m,
                ReferralErrors.CONSENT_WITHDRAWN,
                "consent for attempt "
                    + r.attemptId()
                    + " was withdrawn; personal data is refused");
      } else {
        res = dispatch(w, r, m, role.get());
      }
    }
    Message ack = ack(m, res, version);
    w.change
        .processed(new ProcessedMessage(e.messageId(), m.payloadSha256(), ack))
        .addSequences(
            new InboundSequence(e.attemptId(), e.sender().senderKey(), e.senderSeq() + 1));
    w.send(new OutboxEntry(ack, false));
    store.commit(w.build());
    return res.receipt();
  }

  private Result dispatch(Work w, AttemptRecord r, Message m, Role role) {
    switch (m.type()) {
      case REFERRAL_REQUEST:
        w.audit(
            event(r, m.envelope().sender().organisation().value(), AuditAction.CONFLICT)
                .messageId(m.envelope().messageId())
                .detail(ReferralErrors.ATTEMPT_EXISTS.value())
                .build());
        return Result.fatal(
            ReferralErrors.ATTEMPT_EXISTS, "attempt " + r.attemptId() + " already exists");
      case RECEIVED:
      case ACCEPT:
      case HOLD:
      case RESUME:
      case COMPLETE:
        return remoteMove(
            w, r, m, role, m.type().target().orElseThrow(), m.payloadText("reason").orElse(""));
      case DECLINE:
      case NOT_COMPLETE:
        return remoteMove(
            w, r, m, role, m.type().target().orElseThrow(), m.payloadText("reason").orElse(""));
      case UPDATE:
        if (m.payloadText("status").filter("in_progress"::equals).isPresent()) {
          return remoteMove(
              w, r, m, role, AttemptStatus.IN_PROGRESS, m.payloadText("businessStatus").orElse(""));
        }
        return noted(w, r, m);
      case CANCEL_CONFIRM:
        String cause = m.payloadText("cause").orElse("cancel_request");
        Role by = "cancel_request".equals(cause) ? Role.RECEIVER : Role.SYSTEM;
        return remoteMove(w, r, m, by, AttemptStatus.CANCELLED, cause);
      case ENTERED_IN_ERROR:
        if (r.status() == AttemptStatus.ENTERED_IN_ERROR) {
          return ignored(w, r, m);
        }
        AttemptRecord eie =
            purge(
                moved(
                    r,
                    AttemptStatus.ENTERED_IN_ERROR,
                    Role.REFERRER,
                    "",
                    m.envelope().messageId()));
        w.attempt(eie);
        w.audit(
            transitionEvent(
                    r, eie, m.envelope().sender().organisation().value(), m.envelope().messageId())
                .build());
        w.audit(event(r, self.organisation().value(), AuditAction.PURGED).build());
        return Result.ok();
      case CANCEL_REQUEST:
        return onCancelRequest(w, r, m);
      case CANCEL_REFUSE:
        w.attempt(AttemptRecord.builder().from(r).cancelRequested(false).build());
        w.audit(
            event(r, m.envelope().sender().organisation().value(), AuditAction.CANCEL_REFUSED)
                .messageId(m.envelope().messageId())
                .detail(m.payloadText("currentStatus").orElse(""))
                .build());
        return Result.ok();
      case CONSENT_WITHDRAWN:
        return onConsentWithdrawn(w, r, m);
      case INFO_RESPONSE:
        if (AttemptStateTable.isFinal(r.status())) {
          return ignored(w, r, m);
        }
        return noted(w, r, m);
      default:
        return noted(w, r, m);
    }
  }

  private Result onReferralRequest(Work w, Message m) {
    Envelope e = m.envelope();
    ObjectNode payload = m.payload();
    JsonNode personal = payload.path("personalData");
    Set<String> listed = new java.util.HashSet<>();
    payload.path("dataCategories").forEach(c -> listed.add(c.asString()));
    for (String category : personal.propertyNames()) {
      if (!listed.contains(category)) {
        return Result.fatal(
            ReferralErrors.SCHEMA_INVALID,
            "personalData holds category " + category + " not listed in dataCategories");
      }
    }
    Instant now = clock.instant();
    ObjectNode request = payload.deepCopy();
    request.remove("personalData");
    AttemptRecord.Builder b =
        AttemptRecord.builder()
            .attemptId(e.attemptId())
            .referralId(e.correlationId())
            .side(Role.RECEIVER)
            .referrer(e.sender())
            .receiver(self)
            .status(AttemptStatus.SENT)
            .version(e.baseVersion() + 1)
            .addHistory(
                new StatusEntry(
                    AttemptStatus.SENT, e.createdAt(), Role.REFERRER, "", e.messageId()))
            .consentRef(e.consentRef())
            .targetService(m.payloadText("targetService"))
            .request(request)
            .createdAt(now);
    m.payloadText("respondBy").ifPresent(t -> b.respondBy(Instant.parse(t)));
    m.payloadText("replaces").ifPresent(t -> b.replaces(AttemptId.parse(t)));
    payload.path("referral").path("serviceTypes").forEach(t -> b.addServiceTypes(t.asString()));
    listed.stream().sorted().forEach(b::addDataCategories);
    if (personal.isObject() && !personal.isEmpty()) {
      b.personalData(personal);
    }
    AttemptRecord r = b.build();
    w.attempt(r);
    w.audit(
        event(r, e.sender().organisation().value(), AuditAction.CREATED)
            .toStatus(AttemptStatus.SENT.code())
            .messageId(e.messageId())
            .consentVersion(e.consentRef())
            .addAllDataCategories(r.dataCategories())
            .build());
    return Result.ok();
  }

  private Result onCancelRequest(Work w, AttemptRecord r, Message m) {
    String reason = m.payloadText("reason").orElse("referrer_request");
    boolean answered = ANSWERED.contains(r.status());
    if (AttemptStateTable.isFinal(r.status()) || ("expired".equals(reason) && answered)) {
      AttemptRecord next =
          enqueue(
              w,
              r,
              MessageType.CANCEL_REFUSE,
              r.version(),
              Optional.of(m.envelope().messageId()),
              NODES.objectNode().put("currentStatus", r.status().code()));
      w.attempt(next);
      w.audit(
          event(r, self.organisation().value(), AuditAction.CANCEL_REFUSED)
              .messageId(m.envelope().messageId())
              .detail(r.status().code())
              .build());
      return Result.ok();
    }
    AttemptRecord moved =
        moved(r, AttemptStatus.CANCELLED, Role.RECEIVER, reason, m.envelope().messageId());
    moved =
        enqueue(
            w,
            moved,
            MessageType.CANCEL_CONFIRM,
            r.version(),
            Optional.of(m.envelope().messageId()),
            cause("cancel_request"));
    w.attempt(moved);
    w.audit(
        transitionEvent(r, moved, self.organisation().value(), m.envelope().messageId())
            .detail(nonEmpty(reason))
            .build());
    return Result.ok();
  }

  private Result onConsentWithdrawn(Work w, AttemptRecord r, Message m) {
    String msgId = m.envelope().messageId();
    boolean hadData = r.personalData().isPresent();
    AttemptRecord next = purge(AttemptRecord.builder().from(r).consentWithdrawn(true).build());
    w.audit(
        event(r, m.envelope().sender().organisation().value(), AuditAction.CONSENT_WITHDRAWN)
            .messageId(msgId)
            .consentVersion(m.payloadText("consentRef"))
            .build());
    if (hadData) {
      w.audit(event(r, self.organisation().value(), AuditAction.PURGED).build());
    }
    if (!AttemptStateTable.isFinal(r.status())) {
      AttemptRecord moved =
          AttemptRecord.builder()
              .from(moved(next, AttemptStatus.CANCELLED, Role.SYSTEM, "consent_withdrawn", msgId))
              .build();
      moved =
          enqueue(
              w,
              moved,
              MessageType.CANCEL_CONFIRM,
              r.version(),
              Optional.of(msgId),
              cause("consent_withdrawn"));
      w.audit(transitionEvent(r, moved, SYSTEM_ACTOR, msgId).detail("consent_withdrawn").build());
      next = moved;
    }
    w.attempt(next);
    return Result.ok();
  }

  private Result remoteMove(
      Work w, AttemptRecord r, Message m, Role role, AttemptStatus target, String reason) {
    if (AttemptStateTable.isFinal(r.status())) {
      return ignored(w, r, m);
    }
    if (m.envelope().baseVersion() != r.version()) {
      w.audit(
          event(r, m.envelope().sender().organisation().value(), AuditAction.CONFLICT)
              .fromStatus(r.status().code())
              .toStatus(target.code())
              .messageId(m.envelope().messageId())
              .detail(ReferralErrors.STALE_BASE_VERSION.value())
              .build());
      return Result.fatal(
          ReferralErrors.STALE_BASE_VERSION,
          "attempt "
              + r.attemptId()
              + " is at version "
              + r.version()
              + "; the message was based on version "
              + m.envelope().baseVersion()
              + "; nothing was overwritten");
    }
    TransitionCheck check =
        AttemptStateTable.check(r.attemptId().value(), r.status(), target, role);
    if (!check.isAllowed()) {
      return reject(w, r, m, codeOf(check), check.message());
    }
    AttemptRecord moved = moved(r, target, role, reason, m.envelope().messageId());
    if (target == AttemptStatus.CANCELLED) {
      moved = AttemptRecord.builder().from(moved).cancelRequested(false).build();
    }
    JsonNode outcome = m.payload().get("outcome");
    // After withdrawal the move is applied (both sides converge) but its free text is not kept.
    if (target == AttemptStatus.COMPLETED
        && outcome != null
        && outcome.isObject()
        && !r.consentWithdrawn()
        && !r.purged()) {
      moved = AttemptRecord.builder().from(moved).outcome(outcome).build();
    }
    w.attempt(moved);
    String actor =
        role == Role.SYSTEM ? SYSTEM_ACTOR : m.envelope().sender().organisation().value();
    w.audit(
        transitionEvent(r, moved, actor, m.envelope().messageId())
            .detail(nonEmpty(reason))
            .build());
    return Result.ok();
  }

  private Result ignored(Work w, AttemptRecord r, Message m) {
    w.audit(
        event(r, m.envelope().sender().organisation().value(), AuditAction.IGNORED)
            .fromStatus(r.status().code())
            .messageId(m.envelope().messageId())
            .detail(m.type().code())
            .build());
    return Result.of(
        AckStatus.OK,
        ReferralErrors.IGNORED_FINAL,
        "attempt " + r.attemptId() + " is " + r.status().code() + " (final); message ignored");
  }

  private Result noted(Work w, AttemptRecord r, Message m) {
    List<String> categories = new ArrayList<>();
    m.payload().path("personalData").propertyNames().forEach(categories::add);
    w.audit(
        event(r, m.envelope().sender().organisation().value(), AuditAction.NOTED)
            .messageId(m.envelope().messageId())
            .addAllDataCategories(categories)
            .detail(m.type().code())
            .build());
    return Result.ok();
  }

  private Result reject(Work w, AttemptRecord r, Message m, ErrorCode code, String message) {
    AuditEvent.Builder b =
        event(r, m.envelope().sender().organisation().value(), AuditAction.REJECTED)
            .fromStatus(r.status().code())
            .messageId(m.envelope().messageId())
            .detail(code.value() + " " + m.type().code());
    m.type().target().ifPresent(t -> b.toStatus(t.code()));
    w.audit(b.build());
    return Result.fatal(code, message);
  }

  /**
   * True if a received message holds structured personal data; such a message is refused once the
   * consent is withdrawn. Free text ({@code outcome}, notes) sent by a peer that did not yet know
   * of the withdrawal does not stop the move, so both sides converge; it is not kept.
   */
  private static boolean holdsPersonalData(Message m) {
    JsonNode pd = m.payload().get("personalData");
    return pd != null && pd.isObject() && !pd.isEmpty();
  }

  private static Optional<Role> roleOf(AttemptRecord r, Party sender) {
    if (sender.organisation().equals(r.referrer().organisation())) {
      return Optional.of(Role.REFERRER);
    }
    if (sender.organisation().equals(r.receiver().organisation())) {
      return Optional.of(Role.RECEIVER);
    }
    return Optional.empty();
  }

  // ------------------------------------------------------------------ local moves

  private Decision localMove(
      AttemptId attemptId,
      AttemptStatus target,
      MessageType type,
      ObjectNode payload,
      String reason) {
    Optional<AttemptRecord> found = store.attempt(attemptId);
    if (found.isEmpty()) {
      return unknown(attemptId);
    }
    AttemptRecord r = found.get();
    Optional<Decision> unsendable = refusedByPeer(r, type, payload);
    if (unsendable.isPresent()) {
      return unsendable.get();
    }
    Optional<Decision> refusal = checkLocalMove(r, target);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    if (target == AttemptStatus.CANCELLED && !r.cancelRequested()) {
      return refuseAndAudit(
          r,
          ReferralErrors.REQUIREMENT_MISSING,
          "attempt "
              + attemptId
              + " cannot be cancelled by the receiver without a cancel request from the referrer;"
              + " allowed for the receiver: "
              + codes(AttemptStateTable.allowedTransitions(r.status(), Role.RECEIVER)));
    }
    Work w = new Work(store);
    AttemptRecord moved = moved(r, target, r.side(), reason, "");
    if (target == AttemptStatus.CANCELLED) {
      moved = AttemptRecord.builder().from(moved).cancelRequested(false).build();
    }
    if (target == AttemptStatus.COMPLETED && payload.has("outcome")) {
      moved = AttemptRecord.builder().from(moved).outcome(payload.get("outcome")).build();
    }
    moved = enqueue(w, moved, type, r.version(), Optional.empty(), payload);
    w.attempt(moved);
    w.audit(
        transitionEvent(r, moved, self.organisation().value(), "")
            .detail(nonEmpty(reason))
            .build());
    store.commit(w.build());
    return Decision.ok();
  }

  private Optional<Decision> checkLocalMove(AttemptRecord r, AttemptStatus target) {
    TransitionCheck check =
        AttemptStateTable.check(r.attemptId().value(), r.status(), target, r.side());
    if (check.isAllowed()) {
      return Optional.empty();
    }
    AuditEvent.Builder b =
        event(r, self.organisation().value(), AuditAction.REJECTED)
            .fromStatus(r.status().code())
            .toStatus(target.code())
            .detail(codeOf(check).value());
    Work w = new Work(store);
    w.audit(b.build());
    store.commit(w.build());
    return Optional.of(Decision.refused(codeOf(check), check.message()));
  }

  private Decision refuseAndAudit(AttemptRecord r, ErrorCode code, String message) {
    Work w = new Work(store);
    w.audit(
        event(r, self.organisation().value(), AuditAction.REJECTED)
            .fromStatus(r.status().code())
            .detail(code.value())
            .build());
    store.commit(w.build());
    return Decision.refused(code, message);
  }

  private Decision note(AttemptRecord r, MessageType type, ObjectNode payload) {
    Optional<Decision> unsendable = refusedByPeer(r, type, payload);
    if (unsendable.isPresent()) {
      return unsendable.get();
    }
    Work w = new Work(store);
    AttemptRecord next = enqueue(w, r, type, r.version(), Optional.empty(), payload);
    w.attempt(next);
    w.audit(event(r, self.organisation().value(), AuditAction.NOTED).detail(type.code()).build());
    store.commit(w.build());
    return Decision.ok();
  }

  private static ErrorCode codeOf(TransitionCheck check) {
    return check.verdict() == TransitionCheck.Verdict.WRONG_PARTY
        ? ReferralErrors.WRONG_PARTY
        : ReferralErrors.TRANSITION_NOT_ALLOWED;
  }

  private static Decision unknown(AttemptId attemptId) {
    return Decision.refused(
        ReferralErrors.UNKNOWN_ATTEMPT, "attempt " + attemptId + " is not known to this node");
  }

  /**
   * Refuses a command whose message the peer would refuse: checked against the same message schema
   * the peer uses, on the message as it would be sent (envelope ids are placeholders), before any
   * state changes, so that the two sides cannot diverge.
   */
  private Optional<Decision> refusedByPeer(AttemptRecord r, MessageType type, ObjectNode payload) {
    Message probe;
    try {
      probe =
          Message.of(
              Envelope.builder()
                  .messageId(PROBE_ID)
                  .transmissionId(PROBE_ID)
                  .type(type)
                  .correlationId(r.referralId())
                  .attemptId(r.attemptId())
                  .sender(self)
                  .receiver(r.side() == Role.REFERRER ? r.receiver() : r.referrer())
                  .createdAt(clock.instant())
                  .senderSeq(r.nextOutboundSeq())
                  .baseVersion(r.version())
                  .confidentiality(Confidentiality.RESTRICTED)
                  .consentRef(r.consentRef())
                  .build(),
              payload);
    } catch (CanonicalJsonException e) {
      return Optional.of(Decision.refused(ReferralErrors.COMMAND_INVALID, UNWRITABLE));
    }
    return refusedByPeer(probe);
  }

  private Optional<Decision> refusedByPeer(Message m) {
    List<String> problems = validation.validate(m.toJson());
    if (problems.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        Decision.refused(
            ReferralErrors.COMMAND_INVALID,
            "the "
                + m.type().code()
                + " for attempt "
                + m.envelope().attemptId()
                + " would be refused by the other side, so nothing was changed: "
                + String.join("; ", problems)));
  }

  private static boolean canonical(JsonNode value) {
    try {
      CanonicalJson.toBytes(value);
      return true;
    } catch (CanonicalJsonException e) {
      return false;
    }
  }

  // ------------------------------------------------------------------ records and messages

  private AttemptRecord moved(
      AttemptRecord r, AttemptStatus to, Role by, String reason, String messageId) {
    return AttemptRecord.builder()
        .from(r)
        .status(to)
        .version(r.version() + 1)
        .addHistory(new StatusEntry(to, clock.instant(), by, reason, messageId))
        .build();
  }

  private static AttemptRecord purge(AttemptRecord r) {
    Optional<JsonNode> request =
        r.request()
            .map(
                q -> {
                  ObjectNode copy = ((ObjectNode) q).deepCopy();
                  copy.remove("note");
                  return copy;
                });
    return AttemptRecord.builder()
        .from(r)
        .personalData(Optional.empty())
        .outcome(Optional.empty())
        .request(request)
        .purged(true)
        .build();
  }

  private AttemptRecord enqueue(
      Work w,
      AttemptRecord r,
      MessageType type,
      long baseVersion,
      Optional<String> causation,
      ObjectNode payload) {
    long seq = r.nextOutboundSeq();
    Message m =
        message(
            r,
            type,
            seq,
            baseVersion,
            causation,
            payload,
            Confidentiality.RESTRICTED,
            Optional.empty());
    w.send(new OutboxEntry(m, true));
    return AttemptRecord.builder().from(r).nextOutboundSeq(seq + 1).build();
  }

  private Message message(
      AttemptRecord r,
      MessageType type,
      long seq,
      long baseVersion,
      Optional<String> causation,
      ObjectNode payload,
      Confidentiality confidentiality,
      Optional<String> lang) {
    Party peer = r.side() == Role.REFERRER ? r.receiver() : r.referrer();
    return Message.of(
        Envelope.builder()
            .messageId(newId())
            .transmissionId(newId())
            .type(type)
            .correlationId(r.referralId())
            .attemptId(r.attemptId())
            .causationId(causation)
            .sender(self)
            .receiver(peer)
            .createdAt(clock.instant())
            .senderSeq(seq)
            .baseVersion(baseVersion)
            .confidentiality(confidentiality)
            .consentRef(r.consentRef())
            .lang(lang)
            .build(),
        payload);
  }

  private Message reply(Message to, MessageType type, ObjectNode payload, long version) {
    Envelope e = to.envelope();
    return Message.of(
        Envelope.builder()
            .messageId(newId())
            .transmissionId(newId())
            .type(type)
            .correlationId(e.correlationId())
            .attemptId(e.attemptId())
            .causationId(e.messageId())
            .sender(self)
            .receiver(e.sender())
            .createdAt(clock.instant())
            .senderSeq(0)
            .baseVersion(version)
            .build(),
        payload);
  }

  private Message signed(Message m) {
    return m.withSignature(signatures.sign(m.signedContent()));
  }

  private Message ack(Message to, Result res, long version) {
    ObjectNode payload =
        NODES
            .objectNode()
            .put("status", res.status.code())
            .put("code", res.code.value())
            .put("details", res.detail);
    return reply(to, MessageType.ACK, payload, version);
  }

  private Message syncRequest(Message to, long fromSeq) {
    return reply(to, MessageType.SYNC_REQUEST, NODES.objectNode().put("fromSeq", fromSeq), 0);
  }

  private static Optional<String> nonEmpty(String s) {
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  private static ObjectNode cause(String cause) {
    return NODES.objectNode().put("cause", cause);
  }

  private String newId() {
    return hex(random.nextLong()) + hex(random.nextLong());
  }

  private static String hex(long v) {
    String s = Long.toHexString(v);
    return "0".repeat(16 - s.length()) + s;
  }

  private AuditEvent.Builder event(AttemptRecord r, String actor, AuditAction action) {
    return AuditEvent.builder()
        .referralId(r.referralId().value())
        .attemptId(r.attemptId().value())
        .at(clock.instant())
        .actor(actor)
        .action(action)
        .consentVersion(r.consentRef());
  }

  private AuditEvent.Builder transitionEvent(
      AttemptRecord before, AttemptRecord after, String actor, String messageId) {
    AuditEvent.Builder b =
        event(after, actor, AuditAction.TRANSITION)
            .fromStatus(before.status().code())
            .toStatus(after.status().code());
    if (!messageId.isEmpty()) {
      b.messageId(messageId);
    }
    return b;
  }

  private static Set<DataCategory> categories(List<String> codes) {
    Set<DataCategory> out = EnumSet.noneOf(DataCategory.class);
    codes.forEach(c -> out.add(DataCategory.fromCode(c)));
    return out;
  }

  private static String codes(Set<? extends org.vansdk.core.code.CodeValue> values) {
    String s =
        values.stream()
            .map(org.vansdk.core.code.CodeValue::code)
            .sorted()
            .collect(java.util.stream.Collectors.joining(", "));
    return s.isEmpty() ? "none" : s;
  }

  /** The outcome of processing one message, before it becomes an ack. */
  private static final class Result {
    final AckStatus status;
    final ErrorCode code;
    final String detail;

    private Result(AckStatus status, ErrorCode code, String detail) {
      this.status = status;
      this.code = code;
      this.detail = detail;
    }

    static Result of(AckStatus status, ErrorCode code, String detail) {
      return new Result(status, code, detail);
    }

    static Result ok() {
      return new Result(AckStatus.OK, ReferralErrors.PROCESSED, "processed");
    }

    static Result fatal(ErrorCode code, String detail) {
      return new Result(AckStatus.FATAL_ERROR, code, detail);
    }

    Receipt receipt() {
      return new Receipt(status, code, detail);
    }
  }

  /** Builds a {@link ReferralNode}. */
  public static final class Builder {
    private Party party;
    private SigningKey key;
    private OrganisationKeyRegistry registry;
    private ReferralStore store;
    private Clock clock = Clock.systemUTC();
    private ServiceDirectory directory = new InMemoryServiceDirectory();
    private Random random = new SecureRandom();
    private Duration retryAfter = Duration.ofSeconds(30);
    private boolean validate = true;
    private SignatureSuite signatures;
    private Ed25519Engine engine = Ed25519Engine.preferred();

    private Builder() {}

    /** This node's party (required). */
    public Builder party(Party party) {
      this.party = party;
      return this;
    }

    /** The key this node signs with; its public half must be in the peers' registries. */
    public Builder signingKey(SigningKey key) {
      this.key = key;
      return this;
    }

    /** Where peers' public keys are looked up (required). */
    public Builder keyRegistry(OrganisationKeyRegistry registry) {
      this.registry = registry;
      return this;
    }

    /** Where state is kept (required). */
    public Builder store(ReferralStore store) {
      this.store = store;
      return this;
    }

    /** The clock (default: system UTC). */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** The service directory (default: empty). */
    public Builder directory(ServiceDirectory directory) {
      this.directory = directory;
      return this;
    }

    /**
     * The source of message ids (default: a {@link SecureRandom}); inject a seeded one for
     * reproducible runs, a different seed per node start.
     */
    public Builder random(Random random) {
      this.random = random;
      return this;
    }

    /** How long to wait for an ack before resending (default 30 s). */
    public Builder retryAfter(Duration retryAfter) {
      this.retryAfter = retryAfter;
      return this;
    }

    /**
     * Whether incoming messages are checked against the message JSON Schemas (default true;
     * benchmarks of the other steps turn it off).
     */
    public Builder validateSchemas(boolean validate) {
      this.validate = validate;
      return this;
    }

    /**
     * The engine that verifies peers' signatures (default {@link Ed25519Engine#preferred()}:
     * BouncyCastle when it is on the class path, else the JDK's).
     */
    public Builder ed25519(Ed25519Engine engine) {
      this.engine = engine;
      return this;
    }

    /** Replaces Ed25519 (package tests only: the simulation's cheap stand-in). */
    Builder signatureSuite(SignatureSuite signatures) {
      this.signatures = signatures;
      return this;
    }

    /**
     * Builds the node.
     *
     * @throws IllegalStateException if a required part is missing
     */
    public ReferralNode build() {
      if (party == null || key == null || registry == null || store == null) {
        throw new IllegalStateException(
            "a referral node needs a party, a signing key, a key registry and a store");
      }
      return new ReferralNode(this);
    }
  }
}
