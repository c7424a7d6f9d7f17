package org.vansdk.transport.client;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.vansdk.core.id.OrganisationId;

/**
 * Where each peer organisation's message endpoint is: the base URI under which {@code
 * /van/v1/messages} is served. Implementations must be thread-safe.
 *
 * @since 1.0
 */
@FunctionalInterface
public interface PeerEndpoints {

  /** The base URI of an organisation's endpoint, or empty if it has none (mailbox only). */
  Optional<URI> endpoint(OrganisationId organisation);

  /** A fixed table of endpoints. */
  static PeerEndpoints of(Map<OrganisationId, URI> endpoints) {
    Map<OrganisationId, URI> copy = Map.copyOf(endpoints);
    return organisation -> Optional.ofNullable(copy.get(organisation));
  }
}
