package org.vansdk.hub.web;

import java.util.List;

/**
 * A part of the hub (relay, submissions, figures, directory, dashboard, operations) as the server
 * mounts it: its routes. A feature is built from a {@link HubContext} and may hold state of its
 * own; it is closed when the hub stops.
 *
 * @since 1.0
 */
public interface HubFeature extends AutoCloseable {

  /** The feature's routes. */
  List<Route> routes();

  /**
   * Called once when the hub stops taking new requests, before it waits for the requests in flight
   * to finish: a feature wakes what waits for an event that will not come now (a long-poll answers
   * at once). By default nothing.
   */
  default void stopping() {}

  /** Releases what the feature holds, once no request is in flight; by default nothing. */
  @Override
  default void close() {}
}
