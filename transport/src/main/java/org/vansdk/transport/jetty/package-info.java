/**
 * The endpoint served by Jetty 12 (core API, no servlets): a {@link
 * org.eclipse.jetty.server.Handler} to mount in an existing Jetty server, and a ready HTTPS server
 * with per-request time limits against slow clients. Needs {@code org.eclipse.jetty:jetty-server}
 * on the class path.
 */
@NullMarked
package org.vansdk.transport.jetty;

import org.jspecify.annotations.NullMarked;
