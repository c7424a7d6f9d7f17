package org.vansdk.referral.node;

import static org.vansdk.referral.node.LocalMoves.UNWRITABLE;
import static org.vansdk.referral.node.LocalMoves.unknown;
import static org.vansdk.referral.node.MessageFactory.NODES;
import static org.vansdk.referral.node.MessageFactory.categories;
import static org.vansdk.referral.node.MessageFactory.cause;
import static org.vansdk.referral.node.MessageFactory.codes;
import static org.vansdk.referral.node.MessageFactory.purge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vansdk.core.consent.Consent;
import org.vansdk.core.consent.DataCategory;
import org.vansdk.core.consent.Purpose;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.id.ConsentId;
import org.vansdk.core.id.ServiceId;
import org.vansdk.core.referral.AttemptStateTable;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.Role;
import org.vansdk.core.text.LocalizedText;
import org.vansdk.referral.audit.AuditAction;
import org.vansdk.referral.consent.ConsentDecision;
import org.vansdk.referral.consent.ConsentGate;
import org.vansdk.referral.consent.ConsentedPayload;
import org.vansdk.referral.consent.Disclosure;
import org.vansdk.referral.consent.PayloadBuilder;
import org.vansdk.referral.message.Confidentiality;
import org.vansdk.referral.message.Message;
import org.vansdk.referral.message.MessageType;
import org.vansdk.referral.signature.CanonicalJsonException;
import org.vansdk.referral.store.AttemptRecord;
import org.vansdk.referral.store.ConsentState;
import org.vansdk.referral.store.OutboxEntry;
import org.vansdk.referral.store.ReferralStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The referrer's commands after the draft: send (through the consent gate), re-refer, cancel, mark
 * entered in error, withdraw consent, acknowledge an outcome, give feedback, ask a question. Called
 * by {@link ReferralNode} with its lock held; a refused command changes nothing but its audit
 * entry.
 */
final class ReferrerCommands {

  private final ReferralStore store;
  private final MessageFactory f;
  private final LocalMoves moves;
  private final ServiceDirectory directory;
  private final Drafts drafts;

  ReferrerCommands(
      ReferralStore store,
      MessageFactory f,
      LocalMoves moves,
      ServiceDirectory directory,
      Drafts drafts) {
    this.store = store;
    this.f = f;
    this.moves = moves;
    this.directory = directory;
    this.drafts = drafts;
  }

  Decision send(AttemptId attemptId, Consent consent) {
    Optional<AttemptRecord> found = store.attempt(attemptId);
    if (found.isEmpty()) {
      return unknown(attemptId);
    }
    AttemptRecord r = found.get();
    Instant now = f.clock.instant();
    Optional<Decision> refusal = moves.checkLocalMove(r, AttemptStatus.SENT);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    Optional<DirectoryEntry> entry =
        r.targetService().flatMap(s -> directory.find(ServiceId.parse(s)));
    if (entry.isEmpty()
        || !entry.get().provider().organisation().equals(r.receiver().organisation())) {
      return moves.refuseAndAudit(
          r,
          ReferralErrors.TARGET_NOT_IN_DIRECTORY,
          "service "
              + r.targetService().orElse("(none)")
              + " of the receiver is not in the directory");
    }
    if (r.personId().isEmpty()) {
      return moves.refuseAndAudit(
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
    // Read once: nothing is committed between this check and the recording of the consent below.
    Optional<ConsentState> recorded =
        gate.allowed() ? store.consent(consent.id()) : Optional.empty();
    if (recorded.map(ConsentState::withdrawn).orElse(false)) {
      gate =
          new ConsentDecision(
              false,
              ConsentGate.NOT_ACTIVE,
              "consent "
                  + consent.id()
                  + " was withdrawn at this node; only an active consent allows disclosure");
    }
    if (!gate.allowed()) {
      return moves.refuseAndAudit(r, gate.code(), gate.message());
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
            .from(f.moved(r, AttemptStatus.SENT, Role.REFERRER, "", ""))
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
          f.message(
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
    Optional<Decision> unsendable = moves.refusedByPeer(m);
    if (unsendable.isPresent()) {
      return unsendable.get();
    }
    sent = AttemptRecord.builder().from(sent).nextOutboundSeq(sent.nextOutboundSeq() + 1).build();
    w.send(new OutboxEntry(m, true));
    w.attempt(sent);
    if (recorded.isEmpty()) {
      w.change.addConsents(new ConsentState(consent.id(), consent.version(), false));
    }
    w.audit(
        f.event(sent, f.self.organisation().value(), AuditAction.TRANSITION)
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

  /**
   * The draft and its sending in one store transaction: one durable commit instead of two (on a
   * JDBC store, the commit is most of the cost of a referral). A refused send still leaves the
   * draft and the audited refusal, as two separate commands would.
   */
  Decision refer(ReferralDraft draft, Consent consent) {
    return store.atomically(
        () -> {
          Decision d = drafts.createDraft(draft);
          return d.done() ? send(draft.attemptId(), consent) : d;
        });
  }

  Decision reRefer(AttemptId replaced, ReferralDraft draft, Consent consent) {
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

  Decision cancel(AttemptId attemptId) {
    Optional<AttemptRecord> found = store.attempt(attemptId);
    if (found.isEmpty()) {
      return unknown(attemptId);
    }
    AttemptRecord r = found.get();
    if (r.side() == Role.RECEIVER) {
      return moves.localMove(
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
    return moves.requestCancel(r, "referrer_request");
  }

  Decision markEnteredInError(AttemptId attemptId) {
    Optional<AttemptRecord> found = store.attempt(attemptId);
    if (found.isEmpty()) {
      return unknown(attemptId);
    }
    AttemptRecord r = found.get();
    Optional<Decision> refusal = moves.checkLocalMove(r, AttemptStatus.ENTERED_IN_ERROR);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    Work w = new Work(store);
    AttemptRecord moved = purge(f.moved(r, AttemptStatus.ENTERED_IN_ERROR, Role.REFERRER, "", ""));
    if (r.status() != AttemptStatus.DRAFT) {
      moved =
          f.enqueue(
              w,
              moved,
              MessageType.ENTERED_IN_ERROR,
              r.version(),
              Optional.empty(),
              NODES.objectNode());
    }
    w.attempt(moved);
    w.audit(f.transitionEvent(r, moved, f.self.organisation().value(), "").build());
    w.audit(f.event(r, f.self.organisation().value(), AuditAction.PURGED).build());
    store.commit(w.build());
    return Decision.ok();
  }

  Decision withdrawConsent(ConsentId consentId) {
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
            f.enqueue(
                w,
                next,
                MessageType.CONSENT_WITHDRAWN,
                r.version(),
                Optional.empty(),
                NODES.objectNode().put("consentRef", withdrawn.ref()));
      }
      w.attempt(next);
      w.audit(
          f.event(r, f.self.organisation().value(), AuditAction.CONSENT_WITHDRAWN)
              .consentVersion(withdrawn.ref())
              .build());
    }
    store.commit(w.build());
    return Decision.ok();
  }

  Decision acknowledgeOutcome(AttemptId attemptId) {
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
    return moves.note(r, MessageType.OUTCOME_ACK, NODES.objectNode());
  }

  Decision feedback(AttemptId attemptId, int rating) {
    return feedback(attemptId, rating, Optional.empty());
  }

  Decision feedback(AttemptId attemptId, int rating, LocalizedText note) {
    return feedback(attemptId, rating, Optional.of(note));
  }

  Decision feedback(AttemptId attemptId, int rating, Optional<LocalizedText> note) {
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
    return moves.note(r, MessageType.FEEDBACK, payload);
  }

  Decision requestInfo(AttemptId attemptId, LocalizedText question) {
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
    return moves.note(r, MessageType.INFO_REQUEST, payload);
  }
}
