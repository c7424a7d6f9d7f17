package org.vansdk.referral.store.contract;

import java.time.Instant;
import java.util.Optional;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.id.ConsentId;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.ReferralId;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.Role;
import org.vansdk.referral.audit.AuditAction;
import org.vansdk.referral.audit.AuditChain;
import org.vansdk.referral.audit.AuditEntry;
import org.vansdk.referral.audit.AuditEvent;
import org.vansdk.referral.message.Envelope;
import org.vansdk.referral.message.Message;
import org.vansdk.referral.message.MessageType;
import org.vansdk.referral.message.Party;
import org.vansdk.referral.store.AttemptRecord;
import org.vansdk.referral.store.ConsentState;
import org.vansdk.referral.store.OutboxEntry;
import org.vansdk.referral.store.ProcessedMessage;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Synthetic records the contract cases write: no real person, ids of two test organisations. */
final class ContractRecords {
  static final Party REFERRER =
      new Party(OrganisationId.parse("KHM-CMAA-HQ"), "hq", CountryCode.parse("KHM"));
  static final Party RECEIVER =
      new Party(OrganisationId.parse("THA-SIRINDHORN-REHAB"), "main", CountryCode.parse("THA"));
  static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

  /** Text of the synthetic personal data, so that a test can look for it in messages. */
  static final String PERSONAL_MARK = "Contract Person Sok";

  private ContractRecords() {}

  static ReferralId referral(int n) {
    return ReferralId.parse("KHM-CMAA-R-" + n);
  }

  static AttemptId attemptId(int n) {
    return AttemptId.parse("KHM-CMAA-A-" + n);
  }

  static ConsentId consentId(int n) {
    return ConsentId.parse("KHM-CMAA-C-" + n);
  }

  /** An attempt record with a small personal-data block (or {@code personalChars} of text). */
  static AttemptRecord attempt(int n, AttemptStatus status, long version, int personalChars) {
    ObjectNode personal = JsonNodeFactory.instance.objectNode().put("name", PERSONAL_MARK);
    if (personalChars > 0) {
      personal.put("notes", text(personalChars));
    }
    return AttemptRecord.builder()
        .attemptId(attemptId(n))
        .referralId(referral(n))
        .side(Role.REFERRER)
        .referrer(REFERRER)
        .receiver(RECEIVER)
        .status(status)
        .version(version)
        .createdAt(T0.plusSeconds(n))
        .addServiceTypes("prosthesis")
        .addDataCategories("identity", "medical")
        .consentRef(consentId(n).value() + "#1")
        .personalData(personal)
        .build();
  }

  static AttemptRecord attempt(int n, AttemptStatus status, long version) {
    return attempt(n, status, version, 0);
  }

  /** A message with an id, on attempt {@code n}, with a payload of about {@code chars} text. */
  static Message message(String id, int n, int chars) {
    ObjectNode payload = JsonNodeFactory.instance.objectNode();
    if (chars > 0) {
      payload.put("note", text(chars));
    }
    return Message.of(
        Envelope.builder()
            .messageId(id)
            .transmissionId(id + "-t1")
            .type(MessageType.ACCEPT)
            .correlationId(referral(n))
            .attemptId(attemptId(n))
            .sender(RECEIVER)
            .receiver(REFERRER)
            .createdAt(T0)
            .senderSeq(1)
            .baseVersion(1)
            .build(),
        payload);
  }

  static Message message(String id) {
    return message(id, 1, 0);
  }

  static OutboxEntry outbox(String id, boolean reliable) {
    return new OutboxEntry(message(id), reliable);
  }

  static ProcessedMessage processed(String id) {
    return new ProcessedMessage(
        id, Message.payloadHash(message(id).payload()), message("ack-" + id));
  }

  static ConsentState consent(int n, int version, boolean withdrawn) {
    return new ConsentState(consentId(n), version, withdrawn);
  }

  /** The audit entry that follows {@code last} on referral {@code n}. */
  static AuditEntry entry(int n, Optional<AuditEntry> last, String to, int detailChars) {
    AuditEvent.Builder e =
        AuditEvent.builder()
            .referralId(referral(n).value())
            .at(T0.plusSeconds(last.map(AuditEntry::sequence).orElse(-1L) + 1))
            .actor("KHM-CMAA")
            .action(AuditAction.TRANSITION)
            .attemptId(attemptId(n).value())
            .toStatus(to);
    if (detailChars > 0) {
      e.detail(text(detailChars));
    }
    return AuditChain.append(last, e.build());
  }

  static AuditEntry entry(int n, Optional<AuditEntry> last, String to) {
    return entry(n, last, to, 0);
  }

  /**
   * Text of a given length mixing ASCII, Khmer, Thai and a character outside the Basic Multilingual
   * Plane, so that a store that mangles encodings or truncates is caught.
   */
  static String text(int chars) {
    String unit = "ok \u1780\u17d2\u1798\u17c2\u179a \u0e44\u0e17\u0e22 \ud83d\udc4d ";
    StringBuilder b = new StringBuilder(chars + unit.length());
    while (b.length() < chars) {
      b.append(unit);
    }
    return b.toString();
  }
}
