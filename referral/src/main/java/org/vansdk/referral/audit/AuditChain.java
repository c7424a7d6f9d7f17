package org.vansdk.referral.audit;

import java.util.List;
import java.util.Optional;
import org.vansdk.core.internal.Sha256;

/**
 * Builds and verifies per-referral hash chains of {@link AuditEntry}: each entry carries the hash
 * of the one before it, and its own hash covers that link, so any altered, removed or reordered
 * entry is detected. Truncation at the end is detected against a known head ({@link #verify(List,
 * String)}), which the stores keep next to each referral. Stateless, thread-safe.
 *
 * @since 1.0
 */
public final class AuditChain {

  /** The previous hash of the first entry of every chain. */
  public static final String GENESIS = "0".repeat(64);

  private AuditChain() {}

  /**
   * Appends an event after the last entry of a chain.
   *
   * @param last the current last entry, or empty if the chain is empty
   * @param event what to append
   * @throws IllegalArgumentException if the event is for another referral than {@code last}
   */
  public static AuditEntry append(Optional<AuditEntry> last, AuditEvent event) {
    if (last.isPresent() && !last.get().referralId().equals(event.referralId())) {
      throw new IllegalArgumentException(
          "audit event for referral "
              + event.referralId()
              + " cannot follow an entry of referral "
              + last.get().referralId());
    }
    AuditEntry.Builder b =
        AuditEntry.builder()
            .referralId(event.referralId())
            .sequence(last.map(e -> e.sequence() + 1).orElse(0L))
            .at(event.at())
            .actor(event.actor())
            .action(event.action())
            .attemptId(event.attemptId())
            .fromStatus(event.fromStatus())
            .toStatus(event.toStatus())
            .messageId(event.messageId())
            .consentVersion(event.consentVersion())
            .addAllDataCategories(event.dataCategories())
            .detail(event.detail())
            .previousHash(last.map(AuditEntry::hash).orElse(GENESIS))
            .hash(GENESIS);
    AuditEntry unhashed = b.build();
    return AuditEntry.builder().from(unhashed).hash(unhashed.computeHash()).build();
  }

  /**
   * Verifies a whole chain, in stored order: positions run 0, 1, 2 …, every entry names the same
   * referral, links to the hash of the entry before it, and hashes to its stored hash.
   */
  public static AuditVerification verify(List<AuditEntry> entries) {
    String previous = GENESIS;
    String referral = entries.isEmpty() ? "" : entries.get(0).referralId();
    for (int i = 0; i < entries.size(); i++) {
      AuditEntry e = entries.get(i);
      if (e.sequence() != i) {
        return AuditVerification.broken(
            entries.size(),
            i,
            "entry at position " + i + " has sequence " + e.sequence() + " (removed or reordered)");
      }
      if (!e.referralId().equals(referral)) {
        return AuditVerification.broken(
            entries.size(), i, "entry at position " + i + " belongs to another referral");
      }
      if (!e.previousHash().equals(previous)) {
        return AuditVerification.broken(
            entries.size(), i, "entry at position " + i + " does not link to the entry before");
      }
      if (!e.computeHash().equals(e.hash())) {
        return AuditVerification.broken(
            entries.size(), i, "entry at position " + i + " was altered (hash mismatch)");
      }
      previous = e.hash();
    }
    return AuditVerification.ok(entries.size());
  }

  /**
   * Verifies a chain and that it ends at the expected head hash, which also detects entries removed
   * from the end.
   */
  public static AuditVerification verify(List<AuditEntry> entries, String expectedHead) {
    AuditVerification v = verify(entries);
    if (!v.valid()) {
      return v;
    }
    String head = entries.isEmpty() ? GENESIS : entries.get(entries.size() - 1).hash();
    if (!head.equals(expectedHead)) {
      return AuditVerification.broken(
          entries.size(), entries.size(), "chain does not end at the recorded head (truncated)");
    }
    return v;
  }

  /** Lower-case hex SHA-256 of the bytes. */
  public static String sha256Hex(byte[] data) {
    return Sha256.hex(data);
  }
}
