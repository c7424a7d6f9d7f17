/**
 * The hub's HTTP server: the router (method and path template, 404, 405), authentication by RFC
 * 9421 HTTP Message Signatures against the trust list, role checks (401, 403), problem documents,
 * body limits, JSON request logs without personal data, meters, and the operations routes ({@code
 * /health}, {@code /metrics}, {@code /openapi.json}).
 */
@NullMarked
package org.vansdk.hub.server;

import org.jspecify.annotations.NullMarked;
