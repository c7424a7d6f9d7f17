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
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vansdk.core.referral.AttemptStateTable;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.testkit.random.Prng;

/**
 * Random legal paths through the referral attempt state table ({@link AttemptStateTable}) that end
 * in a chosen status. The moves come from the table; only the weights of the choices live here.
 * Thread-safe (immutable tables).
 */
final class AttemptPaths {
  /** Allowed moves: from a status to the statuses it may move to next (any role). */
  static final Map<AttemptStatus, Set<AttemptStatus>> NEXT = table();

  /** The non-final statuses, in declaration order: where a cancellation or an error may come. */
  private static final AttemptStatus[] CANCELLABLE =
      Arrays.stream(AttemptStatus.values()).filter(s -> !s.isFinal()).toArray(AttemptStatus[]::new);

  private AttemptPaths() {}

  private static Map<AttemptStatus, Set<AttemptStatus>> table() {
    Map<AttemptStatus, Set<AttemptStatus>> t = new EnumMap<>(AttemptStatus.class);
    for (AttemptStatus s : AttemptStatus.values()) {
      t.put(s, Collections.unmodifiableSet(AttemptStateTable.next(s)));
    }
    return Collections.unmodifiableMap(t);
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
