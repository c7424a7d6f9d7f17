package org.vansdk.transport.http;

/**
 * Anything that answers HTTP requests in the binding's framework-neutral form: a {@link
 * MessageEndpoint}, or an application's own router that mounts one beside other routes. The server
 * adapters serve any implementation. Implementations must be thread-safe and should not throw: an
 * error is a response.
 *
 * @since 1.0
 */
@FunctionalInterface
public interface HttpEndpoint {

  /** Answers one request. */
  EndpointResponse handle(EndpointRequest request);
}
