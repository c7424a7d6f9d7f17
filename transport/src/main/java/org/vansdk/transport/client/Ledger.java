package org.vansdk.transport.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.vansdk.core.ErrorCode;
import org.vansdk.referral.node.Transmission;
import org.vansdk.transport.observe.TransportObserver;

/**
 * A dispatcher's account of its lanes' messages: how many wait (queued, neither delivered nor
 * parked), and what it parked, which it queues no more until an operator lets it go. Thread-safe.
 */
final class Ledger {

  private final TransportObserver observer;
  private final AtomicInteger backlog = new AtomicInteger();
  private final List<Parked> parked = Collections.synchronizedList(new ArrayList<>());
  private final Set<String> parkedIds = Collections.synchronizedSet(new HashSet<>());

  Ledger(TransportObserver observer) {
    this.observer = observer;
  }

  /** A message was queued in a lane. */
  void queued() {
    backlog.incrementAndGet();
  }

  /** A message was delivered: it leaves its lane. */
  void done(Lane lane, Transmission t) {
    lane.done(t);
    backlog.decrementAndGet();
  }

  /** The peer refused a message for good: it leaves its lane and is parked, never resent. */
  void park(Lane lane, Transmission t, int status, ErrorCode code, List<Parked> parkedNow) {
    Parked p =
        new Parked(t.message().envelope().messageId(), t.message().type(), lane.peer, status, code);
    parkedIds.add(p.messageId());
    parked.add(p);
    parkedNow.add(p);
    done(lane, t);
    observer.parked(lane.peer, p.type(), p.messageId(), status, code);
  }

  boolean isParked(String messageId) {
    return parkedIds.contains(messageId);
  }

  /** Lets a parked message be queued again; whether it was parked. */
  boolean unpark(String messageId) {
    return parkedIds.remove(messageId);
  }

  /** Everything parked so far, oldest first. */
  List<Parked> parked() {
    synchronized (parked) {
      return List.copyOf(parked);
    }
  }

  int backlog() {
    return backlog.get();
  }
}
