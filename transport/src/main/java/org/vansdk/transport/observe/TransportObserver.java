package org.vansdk.transport.observe;

import java.util.List;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.referral.message.AckStatus;
import org.vansdk.referral.message.MessageType;
import org.vansdk.referral.node.OutboxAction;
import org.vansdk.referral.signature.KeyId;
import org.vansdk.transport.trust.TrustListRefresh;

/**
 * Watches a transport: the {@link org.vansdk.transport.http.MessageEndpoint} reports each request
 * it served and each message its node decided, the {@link org.vansdk.transport.client.Dispatcher}
 * each delivery, retry and parked message. Every method has a default that does nothing, so an
 * observer implements only what it needs. Called on the serving or sending thread: implementations
 * must be thread-safe and quick, and must not throw (what they throw is dropped).
 *
 * <p>Nothing passed here is personal data; an implementation that logs must keep it that way.
 */
public interface TransportObserver {

  /** An observer that does nothing (the default of endpoints and dispatchers). */
  TransportObserver NONE = new TransportObserver() {};

  /**
   * A request was answered.
   *
   * @param route the route's path, or {@code "other"} for any path the endpoint does not serve
   *     (never the request's own path, which is input text)
   * @param method the request method if it is a standard one, else {@code "other"}
   * @param status the HTTP status answered
   * @param code the problem's stable code when the answer is an error, else {@code null}
   * @param nanos how long the endpoint took to answer
   */
  default void served(String route, String method, int status, ErrorCode code, long nanos) {}

  /**
   * The node decided one received message.
   *
   * @param status what the node answered
   * @param code the node's stable code for it
   */
  default void decided(AckStatus status, ErrorCode code) {}

  /**
   * A message reached its peer (the peer answered 200 or 204).
   *
   * @param peer the receiving organisation
   * @param type the message type
   * @param messageId the message's id
   * @param nanos how long the request took
   */
  default void delivered(OrganisationId peer, MessageType type, String messageId, long nanos) {}

  /**
   * A send failed in a way that is retried later (time-out, broken connection, 408, 429, 5xx).
   *
   * @param peer the receiving organisation
   * @param httpStatus the status answered, or 0 when no answer came
   * @param waitMillis how long the lane now waits before its next try
   */
  default void retrying(OrganisationId peer, int httpStatus, long waitMillis) {}

  /**
   * A message was parked: it will not be resent until an operator acts.
   *
   * @param peer the receiving organisation
   * @param type the message type
   * @param messageId the message's id
   * @param httpStatus the status answered, or 0 when it was never sent
   * @param code the stable code of why
   */
  default void parked(
      OrganisationId peer, MessageType type, String messageId, int httpStatus, ErrorCode code) {}

  /**
   * An operator (or the node, for a message parked by the dispatcher) acted on an unacknowledged
   * message of the outbox; the action is also in the referral's audit log.
   *
   * @param action what was done
   * @param peer the message's receiving organisation
   * @param type the message type
   * @param messageId the message's id
   */
  default void outboxAction(
      OutboxAction action, OrganisationId peer, MessageType type, String messageId) {}

  /**
   * The node fetched the network's trust list.
   *
   * @param status whether a newer list is now held, the held one was fetched again, or the fetch
   *     failed (the held list is kept)
   * @param heldVersion the version held after the fetch (0 before the first)
   * @param code the stable code of why it failed, else {@code null}
   */
  default void trustListRefreshed(
      TrustListRefresh.Status status, long heldVersion, ErrorCode code) {}

  /**
   * The node now signs new messages with another key (key rotation).
   *
   * @param previous the key it signed with
   * @param current the key it signs with from now on
   */
  default void signingKeyChanged(KeyId previous, KeyId current) {}

  /**
   * The node's configuration names a signing key it cannot switch to yet; it keeps its key.
   *
   * @param candidate the key named
   * @param code why
   */
  default void signingKeyRefused(KeyId candidate, ErrorCode code) {}

  /**
   * An observer that tells each of {@code observers} in turn; one that throws does not keep the
   * others from hearing.
   */
  static TransportObserver all(TransportObserver... observers) {
    return new FanOut(List.of(observers));
  }
}
