package org.vansdk.transport.node;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.vansdk.referral.node.Decision;
import org.vansdk.referral.node.OutboxAction;
import org.vansdk.referral.node.ReferralNode;
import org.vansdk.referral.node.StuckAttempt;
import org.vansdk.referral.signature.InMemoryOrganisationKeyRegistry;
import org.vansdk.referral.store.JdbcReferralStore;
import org.vansdk.referral.store.OutboxEntry;
import org.vansdk.transport.client.Dispatcher;
import org.vansdk.transport.observe.TransportObserver;

/**
 * An operator's view of one node and hands on its outbox: what is stuck (attempts whose status has
 * not moved, messages unacknowledged for long or parked), and resending, parking or cancelling one
 * message. Each action is audited by the node on the attempt's referral and reported to the {@link
 * org.vansdk.transport.observe.TransportObserver} (log line, metric). Obtained from a running
 * {@link NetworkNode#operator()}, or {@link #open opened} on the store of a stopped node, which is
 * what {@code van node outbox} and {@code van node stuck} do. Thread-safe.
 *
 * <p>On a running node, a message resent here leaves at once, also one its dispatcher parked in the
 * current run.
 */
public final class NodeOperator implements AutoCloseable {

  private final ReferralNode node;
  private final TransportObserver observer;
  private final Optional<JdbcReferralStore> owned;
  private final Optional<Dispatcher> dispatcher;

  private NodeOperator(
      ReferralNode node,
      TransportObserver observer,
      Optional<JdbcReferralStore> owned,
      Optional<Dispatcher> dispatcher) {
    this.node = node;
    this.observer = observer;
    this.owned = owned;
    this.dispatcher = dispatcher;
  }

  /**
   * The operator of a running node (closing it leaves the node running): a message resent here is
   * let out of the dispatcher's parked set and leaves on a round started at once.
   */
  static NodeOperator of(ReferralNode node, TransportObserver observer, Dispatcher dispatcher) {
    return new NodeOperator(node, observer, Optional.empty(), Optional.of(dispatcher));
  }

  /**
   * Opens the store of a stopped node for its operator: reads the signing key the configuration
   * names (to build the node; nothing is signed or sent), but neither the trust list nor the TLS
   * files, and serves nothing. An H2 file store is locked by a running node: stop it first.
   *
   * @throws NodeConfigurationException if the key file is unusable or the store cannot be opened
   */
  public static NodeOperator open(NodeConfiguration configuration, TransportObserver observer) {
    JdbcReferralStore store = NetworkNode.openStore(configuration);
    try {
      ReferralNode node =
          ReferralNode.builder()
              .party(configuration.party())
              .signingKey(KeyFiles.signingKey(configuration))
              .keyRegistry(new InMemoryOrganisationKeyRegistry())
              .store(store)
              .build();
      return new NodeOperator(node, observer, Optional.of(store), Optional.empty());
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /**
   * Attempts that have not ended and whose status has not moved for {@code quietFor}, the
   * longest-quiet first.
   */
  public List<StuckAttempt> stuckAttempts(Duration quietFor) {
    return node.stuckAttempts(quietFor);
  }

  /** Unacknowledged messages parked or created more than {@code olderThan} ago, oldest first. */
  public List<OutboxEntry> stuckOutbox(Duration olderThan) {
    return node.stuckOutbox(olderThan);
  }

  /** Every unacknowledged message of the outbox, oldest first. */
  public List<OutboxEntry> unacknowledged() {
    return node.unacknowledged();
  }

  /**
   * Resends, parks or cancels one unacknowledged message, as {@link ReferralNode#outboxAction}.
   *
   * @return the node's decision; a refusal changes nothing and is not reported
   * @throws org.vansdk.referral.store.ReferralStoreException if the store cannot commit
   */
  public Decision act(OutboxAction action, String messageId, String reason) {
    Optional<OutboxEntry> entry =
        node.unacknowledged().stream()
            .filter(e -> e.message().envelope().messageId().equals(messageId))
            .findFirst();
    if (action == OutboxAction.RESEND) {
      // Before the store makes it due: the round that commit wakes must not skip it as parked.
      // (If the node refuses the resend, the entry stays parked in the store, so nothing leaves.)
      dispatcher.ifPresent(running -> running.unpark(messageId));
    }
    Decision d = node.outboxAction(action, messageId, reason);
    if (d.done() && action == OutboxAction.RESEND) {
      dispatcher.ifPresent(Dispatcher::wake); // due at once now: no need to wait for the interval
    }
    if (d.done() && entry.isPresent()) {
      OutboxEntry e = entry.get();
      try {
        observer.outboxAction(
            action,
            e.message().envelope().receiver().organisation(),
            e.message().type(),
            messageId);
      } catch (RuntimeException ignored) {
        // Observers must not throw; what one throws is dropped (the audit holds the action).
      }
    }
    return d;
  }

  /** Closes the store if this operator opened it; a running node's store stays open. */
  @Override
  public void close() {
    owned.ifPresent(JdbcReferralStore::close);
  }
}
