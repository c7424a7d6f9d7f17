package org.vansdk.referral.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.vansdk.core.VanStyle;
import org.vansdk.referral.audit.AuditEntry;

/**
 * One unit of work a {@link ReferralStore} commits atomically: attempt states, audit entries, the
 * processed-message record, sequence counters, and outbox additions and removals. A crash either
 * keeps all of it or none of it, so a message is neither lost nor sent twice.
 *
 * @since 1.0
 */
@Value.Immutable
@VanStyle
public abstract class Change {

  /** Attempts to insert or replace. */
  public abstract List<AttemptRecord> attempts();

  /** Audit entries to append (already chained). */
  public abstract List<AuditEntry> audit();

  /** The message processed by this change, with its reply. */
  public abstract Optional<ProcessedMessage> processed();

  /** Inbound sequence counters to set. */
  public abstract List<InboundSequence> sequences();

  /** Messages to add to the outbox. */
  public abstract List<OutboxEntry> outboxAdd();

  /**
   * New retry state (attempts, next due) of outbox entries, matched by message id; an entry no
   * longer in the outbox is not added back.
   */
  public abstract List<OutboxEntry> outboxRetry();

  /** Message ids to remove from the outbox. */
  public abstract List<String> outboxRemove();

  /**
   * When the node made the change, on its clock: kept with the processed-message record and the
   * sequence counters for {@link ReferralStore#pruneReceived}. Absent, they count as made at the
   * epoch (the first pruning removes them).
   */
  public abstract Optional<Instant> at();

  /** Consent states to insert or replace. */
  public abstract List<ConsentState> consents();

  /** True if the change writes nothing. */
  public final boolean isEmpty() {
    return attempts().isEmpty()
        && audit().isEmpty()
        && processed().isEmpty()
        && sequences().isEmpty()
        && outboxAdd().isEmpty()
        && outboxRemove().isEmpty()
        && outboxRetry().isEmpty()
        && consents().isEmpty();
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Change}. */
  public static final class Builder extends ImmutableChange.Builder {}
}
