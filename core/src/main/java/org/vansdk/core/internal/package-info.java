/**
 * Implementation shared between the SDK's own modules and exported only to them (qualified exports
 * in {@code module-info.java}): the NDJSON line splitter, the dense string index behind every
 * identifier join, SHA-256 in hex. Not API: it may change in any release.
 */
package org.vansdk.core.internal;
