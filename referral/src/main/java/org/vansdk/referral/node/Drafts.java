package org.vansdk.referral.node;

import static org.vansdk.referral.node.LocalMoves.canonical;
import static org.vansdk.referral.node.MessageFactory.NODES;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.vansdk.core.consent.DataCategory;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.Referral;
import org.vansdk.core.referral.Role;
import org.vansdk.referral.audit.AuditAction;
import org.vansdk.referral.message.MessageCodec;
import org.vansdk.referral.store.AttemptRecord;
import org.vansdk.referral.store.ReferralStore;
import org.vansdk.referral.store.StatusEntry;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records a referrer's draft attempt: the target service looked up in the directory, the personal
 * data and note kept (canonical JSON only) until sending, the creation audited. Nothing leaves the
 * organisation here, so no consent is needed yet. Called by {@link ReferralNode} with its lock
 * held.
 */
final class Drafts {

  private final ReferralStore store;
  private final MessageFactory f;
  private final ServiceDirectory directory;

  Drafts(ReferralStore store, MessageFactory f, ServiceDirectory directory) {
    this.store = store;
    this.f = f;
    this.directory = directory;
  }

  Decision createDraft(ReferralDraft draft) {
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
    Instant now = f.clock.instant();
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
    int size = MessageCodec.toBytes(personal).length + MessageCodec.toBytes(request).length;
    if (size > MessageCodec.MAX_MESSAGE_BYTES) {
      return Decision.refused(
          ReferralErrors.COMMAND_INVALID,
          "the personal data and note of draft "
              + draft.attemptId()
              + " are "
              + size
              + " bytes; a message may have at most "
              + MessageCodec.MAX_MESSAGE_BYTES
              + "; nothing was recorded");
    }
    AttemptRecord.Builder r =
        AttemptRecord.builder()
            .attemptId(draft.attemptId())
            .personId(referral.personId())
            .namedConsent(referral.consentId())
            .referralId(referral.id())
            .side(Role.REFERRER)
            .referrer(f.self)
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
        f.event(record, f.self.organisation().value(), AuditAction.CREATED)
            .toStatus(AttemptStatus.DRAFT.code())
            .build());
    store.commit(w.build());
    return Decision.ok();
  }
}
