/**
 * The framework-neutral HTTP binding: {@link org.vansdk.transport.http.MessageEndpoint} takes a
 * request's method, path, headers and body and returns status, headers and body, so any web stack
 * can mount it; errors are {@code application/problem+json} with stable codes.
 */
@NullMarked
package org.vansdk.transport.http;

import org.jspecify.annotations.NullMarked;
