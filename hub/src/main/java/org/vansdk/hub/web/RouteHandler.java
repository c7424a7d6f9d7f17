package org.vansdk.hub.web;

import org.vansdk.transport.http.EndpointResponse;

/**
 * Answers one matched, authorised request. Throws {@link HubException} for a refusal the caller
 * should see as a problem document.
 *
 * @since 1.0
 */
@FunctionalInterface
public interface RouteHandler {

  /** Answers the request. */
  EndpointResponse handle(HubRequest request);
}
