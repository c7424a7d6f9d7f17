/**
 * What a transport does, told to whoever watches it: {@link
 * org.vansdk.transport.observe.TransportObserver} receives one call per served request, delivery,
 * retry and parked message; {@link org.vansdk.transport.observe.MicrometerTransportObserver} turns
 * them into Micrometer meters and {@link org.vansdk.transport.observe.JsonLogObserver} into one
 * JSON log line each. Nothing an observer is given is personal: routes, statuses, stable codes,
 * message types, organisation ids and message ids only.
 */
package org.vansdk.transport.observe;
