/**
 * The endpoint served by the JDK's own HTTP(S) server ({@code com.sun.net.httpserver}): no
 * dependency beyond the JDK, for small deployments, tests and examples.
 */
@NullMarked
package org.vansdk.transport.jdk;

import org.jspecify.annotations.NullMarked;
