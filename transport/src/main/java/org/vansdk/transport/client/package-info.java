/**
 * The client side of the HTTP binding: a {@link org.vansdk.transport.client.Dispatcher} drains a
 * node's outbox to its peers over HTTPS, one ordered lane per peer, with exponential back-off,
 * jitter and {@code Retry-After}, and parks what must never be resent.
 */
@NullMarked
package org.vansdk.transport.client;

import org.jspecify.annotations.NullMarked;
