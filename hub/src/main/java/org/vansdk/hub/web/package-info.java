/**
 * The hub's web contract: who calls ({@link org.vansdk.hub.web.Caller} with its {@link
 * org.vansdk.hub.web.Role}s), what a route is ({@link org.vansdk.hub.web.Route}: method, path
 * template, the roles allowed, a handler), and how a part of the hub contributes its routes ({@link
 * org.vansdk.hub.web.HubFeature}). The server authenticates the caller, matches the route, checks
 * the role, and turns a {@link org.vansdk.hub.web.HubException} into an {@code
 * application/problem+json} answer; handlers check what the role alone cannot (own country, own
 * mailbox).
 */
@NullMarked
package org.vansdk.hub.web;

import org.jspecify.annotations.NullMarked;
