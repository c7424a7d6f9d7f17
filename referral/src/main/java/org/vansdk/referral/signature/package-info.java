/**
 * Message signatures: RFC 8785 canonical JSON, Ed25519 signing and verification with the JDK, and
 * the organisation key registry that maps a key id to the organisation that owns it.
 */
@NullMarked
package org.vansdk.referral.signature;

import org.jspecify.annotations.NullMarked;
