package org.vansdk.referral.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.vansdk.core.VanStyle;

/**
 * What is to be appended to an audit log: an {@link AuditEntry} before it is given its position and
 * hashes by {@link AuditChain#append}.
 *
 * @since 1.0
 */
@Value.Immutable
@VanStyle
public abstract class AuditEvent {

  /** The referral whose log receives the entry. */
  public abstract String referralId();

  /** When it happened. */
  public abstract Instant at();

  /** Who acted: an organisation id or {@code system}. */
  public abstract String actor();

  /** What happened. */
  public abstract AuditAction action();

  /** The attempt concerned. */
  public abstract Optional<String> attemptId();

  /** Status before. */
  public abstract Optional<String> fromStatus();

  /** Status after. */
  public abstract Optional<String> toStatus();

  /** The causing message. */
  public abstract Optional<String> messageId();

  /** Consent id and version in force. */
  public abstract Optional<String> consentVersion();

  /** Data categories disclosed (codes). */
  public abstract List<String> dataCategories();

  /** A reason code or short non-personal detail. */
  public abstract Optional<String> detail();

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AuditEvent}. */
  public static final class Builder extends ImmutableAuditEvent.Builder {}
}
