package org.vansdk.testkit.population;

import static org.vansdk.core.referral.AttemptStatus.ACCEPTED;
import static org.vansdk.core.referral.AttemptStatus.CANCELLED;
import static org.vansdk.core.referral.AttemptStatus.COMPLETED;
import static org.vansdk.core.referral.AttemptStatus.DECLINED;
import static org.vansdk.core.referral.AttemptStatus.DRAFT;
import static org.vansdk.core.referral.AttemptStatus.ENTERED_IN_ERROR;
import static org.vansdk.core.referral.AttemptStatus.IN_PROGRESS;
import static org.vansdk.core.referral.AttemptStatus.NOT_COMPLETED;
import static org.vansdk.core.referral.AttemptStatus.ON_HOLD;
import static org.vansdk.core.referral.AttemptStatus.RECEIVED;
import static org.vansdk.core.referral.AttemptStatus.SENT;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.testkit.random.Prng;

/**
 * The referral attempt state table (docs/protocol.md) as data, and random legal paths through it
 * that end in a chosen status. Thread-safe (immutable tables).
 */
final class AttemptPaths {
  /** Allowed moves: from a status to the statuses it may move to next. */
  static final Map<AttemptStatus, Set<AttemptStatus>> NEXT = table();

  private static final AttemptStatus[] CANCELLABLE = {
    DRAFT, SENT, RECEIVED, ACCEPTED, IN_PROGRESS, ON_HOLD
  };

  private AttemptPaths() {}

  private static Map<AttemptStatus, Set<AttemptStatus>> table() {
    Map<AttemptStatus, Set<AttemptStatus>> t = new EnumMap<>(AttemptStatus.class);
    t.put(DRAFT, EnumSet.of(SENT, CANCELLED, ENTERED_IN_ERROR));
    t.put(SENT, EnumSet.of(RECEIVED, ACCEPTED, DECLINED, CANCELLED, ENTERED_IN_ERROR));
    t.put(RECEIVED, EnumSet.of(ACCEPTED, DECLINED, CANCELLED, ENTERED_IN_ERROR));
    t.put(
        ACCEPTED,
        EnumSet.of(IN_PROGRESS, ON_HOLD, COMPLETED, NOT_COMPLETED, CANCELLED, ENTERED_IN_ERROR));
    t.put(IN_PROGRESS, EnumSet.of(ON_HOLD, COMPLETED, NOT_COMPLETED, CANCELLED, ENTERED_IN_ERROR));
    t.put(ON_HOLD, EnumSet.of(IN_PROGRESS, COMPLETED, NOT_COMPLETED, CANCELLED, ENTERED_IN_ERROR));
    for (AttemptStatus last : new AttemptStatus[] {DECLINED, COMPLETED, NOT_COMPLETED, CANCELLED}) {
      t.put(last, EnumSet.of(ENTERED_IN_ERROR));
    }
    t.put(ENTERED_IN_ERROR, EnumSet.noneOf(AttemptStatus.class));
    Map<AttemptStatus, Set<AttemptStatus>> frozen = new EnumMap<>(AttemptStatus.class);
    t.forEach((k, v) -> frozen.put(k, java.util.Collections.unmodifiableSet(v)));
    return java.util.Collections.unmodifiableMap(frozen);
  }

  /** Returns true if the sequence starts at draft and every move is in the table. */
  static boolean isLegal(List<AttemptStatus> path) {
    if (path.isEmpty() || path.get(0) != DRAFT) {
      return false;
    }
    for (int i = 1; i < path.size(); i++) {
      if (!NEXT.get(path.get(i - 1)).contains(path.get(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns a random legal path from draft that ends in the given status.
   *
   * @param end the last status
   * @param r the randomness
   * @return the statuses in order
   */
  static List<AttemptStatus> to(AttemptStatus end, Prng r) {
    List<AttemptStatus> path = new ArrayList<>(8);
    build(end, r, path);
    return path;
  }

  private static void build(AttemptStatus end, Prng r, List<AttemptStatus> path) {
    switch (end) {
      case DRAFT:
        path.add(DRAFT);
        return;
      case SENT:
        build(DRAFT, r, path);
        path.add(SENT);
        return;
      case RECEIVED:
        build(SENT, r, path);
        path.add(RECEIVED);
        return;
      case ACCEPTED:
      case DECLINED:
        build(r.chance(0.6) ? RECEIVED : SENT, r, path);
        path.add(end);
        return;
      case IN_PROGRESS:
        build(ACCEPTED, r, path);
        path.add(IN_PROGRESS);
        if (r.chance(0.2)) {
          path.add(ON_HOLD);
          path.add(IN_PROGRESS);
        }
        return;
      case ON_HOLD:
        build(r.chance(0.7) ? IN_PROGRESS : ACCEPTED, r, path);
        path.add(ON_HOLD);
        return;
      case COMPLETED:
        build(r.chance(0.85) ? IN_PROGRESS : ACCEPTED, r, path);
        path.add(COMPLETED);
        return;
      case NOT_COMPLETED:
        build(r.chance(0.6) ? IN_PROGRESS : ACCEPTED, r, path);
        path.add(NOT_COMPLETED);
        return;
      case CANCELLED:
        build(r.pick(CANCELLABLE), r, path);
        path.add(CANCELLED);
        return;
      case ENTERED_IN_ERROR:
        build(r.pick(CANCELLABLE), r, path);
        path.add(ENTERED_IN_ERROR);
        return;
    }
    throw new IllegalStateException("no path to " + end.code());
  }
}
