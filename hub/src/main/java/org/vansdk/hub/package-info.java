/**
 * The regional hub of the network (DESIGN §10): {@link org.vansdk.hub.Hub} starts the server with
 * its database, trust list, roles and features; {@link org.vansdk.hub.HubErrors} holds the server's
 * stable codes.
 */
@NullMarked
package org.vansdk.hub;

import org.jspecify.annotations.NullMarked;
