package org.vansdk.transport.observe;

import java.util.List;
import java.util.function.Consumer;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.referral.message.AckStatus;
import org.vansdk.referral.message.MessageType;
import org.vansdk.referral.node.OutboxAction;
import org.vansdk.referral.signature.KeyId;
import org.vansdk.transport.trust.TrustListRefresh;

/** Tells several observers; a failing one is skipped (observers must not break the transport). */
final class FanOut implements TransportObserver {

  private final List<TransportObserver> observers;

  FanOut(List<TransportObserver> observers) {
    this.observers = observers;
  }

  private void each(Consumer<TransportObserver> call) {
    for (TransportObserver o : observers) {
      try {
        call.accept(o);
      } catch (RuntimeException e) {
        // An observer's failure must not change what the transport does.
      }
    }
  }

  @Override
  public void served(String route, String method, int status, ErrorCode code, long nanos) {
    each(o -> o.served(route, method, status, code, nanos));
  }

  @Override
  public void decided(AckStatus status, ErrorCode code) {
    each(o -> o.decided(status, code));
  }

  @Override
  public void delivered(OrganisationId peer, MessageType type, String messageId, long nanos) {
    each(o -> o.delivered(peer, type, messageId, nanos));
  }

  @Override
  public void retrying(OrganisationId peer, int httpStatus, long waitMillis) {
    each(o -> o.retrying(peer, httpStatus, waitMillis));
  }

  @Override
  public void parked(
      OrganisationId peer, MessageType type, String messageId, int httpStatus, ErrorCode code) {
    each(o -> o.parked(peer, type, messageId, httpStatus, code));
  }

  @Override
  public void outboxAction(
      OutboxAction action, OrganisationId peer, MessageType type, String messageId) {
    each(o -> o.outboxAction(action, peer, type, messageId));
  }

  @Override
  public void trustListRefreshed(TrustListRefresh.Status status, long heldVersion, ErrorCode code) {
    each(o -> o.trustListRefreshed(status, heldVersion, code));
  }

  @Override
  public void signingKeyChanged(KeyId previous, KeyId current) {
    each(o -> o.signingKeyChanged(previous, current));
  }

  @Override
  public void signingKeyRefused(KeyId candidate, ErrorCode code) {
    each(o -> o.signingKeyRefused(candidate, code));
  }
}
