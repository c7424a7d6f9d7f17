package org.vansdk.transport.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.referral.message.AckStatus;
import org.vansdk.referral.message.MessageType;
import org.vansdk.referral.node.OutboxAction;
import org.vansdk.transport.client.Dispatcher;
import org.vansdk.transport.trust.TrustListRefresh;

/**
 * Records transport events as Micrometer meters (Micrometer is an optional dependency of this
 * module: add {@code micrometer-core} and a registry to use it):
 *
 * <ul>
 *   <li>{@value #REQUESTS} timer, tags {@code route}, {@code method}, {@code status}, {@code code}
 *   <li>{@value #DECISIONS} counter, tags {@code status}, {@code code}
 *   <li>{@value #DELIVERIES} timer, tags {@code peer}, {@code type}
 *   <li>{@value #RETRIES} counter, tags {@code peer}, {@code status}
 *   <li>{@value #PARKED} counter, tags {@code peer}, {@code type}, {@code code}
 *   <li>{@value #OUTBOX_ACTIONS} counter, tags {@code action}, {@code peer}, {@code type}
 *   <li>{@value #TRUST_LIST} counter, tags {@code status}, {@code code}
 *   <li>{@value #BACKLOG} gauge, tag {@code organisation}: messages waiting in a dispatcher's lanes
 *       (see {@link #watch(Dispatcher)})
 * </ul>
 *
 * <p>Tags hold only routes, statuses, codes, message types and organisation ids, so the number of
 * series is bounded by the network's size, and no tag is personal.
 */
public final class MicrometerTransportObserver implements TransportObserver {

  /** Requests answered by an endpoint. */
  public static final String REQUESTS = "van.transport.requests";

  /** Messages decided by the endpoint's node. */
  public static final String DECISIONS = "van.transport.decisions";

  /** Messages delivered by a dispatcher. */
  public static final String DELIVERIES = "van.transport.deliveries";

  /** Failed sends that will be retried. */
  public static final String RETRIES = "van.transport.retries";

  /** Trust list fetches. */
  public static final String TRUST_LIST = "van.transport.trust.refreshes";

  /** Operator actions on the outbox. */
  public static final String OUTBOX_ACTIONS = "van.transport.outbox.actions";

  /** Messages parked for an operator. */
  public static final String PARKED = "van.transport.parked";

  /** Messages waiting in a dispatcher's lanes. */
  public static final String BACKLOG = "van.transport.backlog";

  private static final String NONE = "none";

  private final MeterRegistry registry;

  /** Records into {@code registry}. */
  public MicrometerTransportObserver(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /**
   * Adds the {@value #BACKLOG} gauge for {@code dispatcher}, tagged with its {@code organisation}
   * (read without taking the dispatcher's lock).
   *
   * @return this observer
   */
  public MicrometerTransportObserver watch(Dispatcher dispatcher) {
    Gauge.builder(BACKLOG, dispatcher, Dispatcher::backlog)
        .tag("organisation", dispatcher.organisation().value())
        .description("messages waiting in the dispatcher's lanes")
        .register(registry);
    return this;
  }

  @Override
  public void served(String route, String method, int status, ErrorCode code, long nanos) {
    Timer.builder(REQUESTS)
        .tag("route", route)
        .tag("method", method)
        .tag("status", Integer.toString(status))
        .tag("code", code == null ? NONE : code.value())
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void decided(AckStatus status, ErrorCode code) {
    Counter.builder(DECISIONS)
        .tag("status", status.code())
        .tag("code", code == null ? NONE : code.value())
        .register(registry)
        .increment();
  }

  @Override
  public void delivered(OrganisationId peer, MessageType type, String messageId, long nanos) {
    Timer.builder(DELIVERIES)
        .tag("peer", peer.value())
        .tag("type", type.code())
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void retrying(OrganisationId peer, int httpStatus, long waitMillis) {
    Counter.builder(RETRIES)
        .tag("peer", peer.value())
        .tag("status", Integer.toString(httpStatus))
        .register(registry)
        .increment();
  }

  @Override
  public void parked(
      OrganisationId peer, MessageType type, String messageId, int httpStatus, ErrorCode code) {
    Counter.builder(PARKED)
        .tag("peer", peer.value())
        .tag("type", type.code())
        .tag("code", code == null ? NONE : code.value())
        .register(registry)
        .increment();
  }

  @Override
  public void outboxAction(
      OutboxAction action, OrganisationId peer, MessageType type, String messageId) {
    Counter.builder(OUTBOX_ACTIONS)
        .tag("action", action.code())
        .tag("peer", peer.value())
        .tag("type", type.code())
        .register(registry)
        .increment();
  }

  @Override
  public void trustListRefreshed(TrustListRefresh.Status status, long heldVersion, ErrorCode code) {
    Counter.builder(TRUST_LIST)
        .tag("status", status.name().toLowerCase(java.util.Locale.ROOT))
        .tag("code", code == null ? NONE : code.value())
        .register(registry)
        .increment();
  }
}
