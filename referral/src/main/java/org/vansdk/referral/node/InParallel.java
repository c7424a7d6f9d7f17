package org.vansdk.referral.node;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs a stateless step (checking or signing a message: mostly Ed25519 arithmetic) over a batch, on
 * the common fork-join pool as well as the calling thread when the batch is large enough to be
 * worth it. The results keep the batch's order; an exception of any item is thrown to the caller.
 */
final class InParallel {

  /** The smallest batch that is split over threads. */
  static final int THRESHOLD = 8;

  private InParallel() {}

  static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> step) {
    if (items.size() < THRESHOLD) {
      List<R> out = new ArrayList<>(items.size());
      for (T item : items) {
        out.add(step.apply(item));
      }
      return out;
    }
    return items.parallelStream().<R>map(step).collect(Collectors.toList());
  }
}
