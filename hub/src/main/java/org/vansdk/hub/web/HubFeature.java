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

  /** Releases what the feature holds; by default nothing. */
  @Override
  default void close() {}
}
