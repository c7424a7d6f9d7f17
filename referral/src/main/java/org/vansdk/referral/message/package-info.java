/**
 * Protocol messages: the message types of the referral protocol ({@code docs/protocol.md}), the
 * envelope (ids, parties, sequence, base version, confidentiality, consent reference, payload hash)
 * and the signed wire form.
 */
@NullMarked
package org.vansdk.referral.message;

import org.jspecify.annotations.NullMarked;
