package org.vansdk.transport.client;

import java.util.List;

/**
 * What one round of {@link Dispatcher#dispatch()} did.
 *
 * @param delivered messages the peers answered with {@code 200} (their ack was fed to the node)
 * @param waiting messages still queued for a later round (peer busy, unreachable, backing off)
 * @param parked messages parked in this round
 * @since 1.0
 */
public record DispatchReport(int delivered, int waiting, List<Parked> parked) {

  /** Copies the list. */
  public DispatchReport {
    parked = List.copyOf(parked);
  }
}
