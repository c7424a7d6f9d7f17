/**
 * Protocol messages: the message types of DESIGN.md §5, the envelope (ids, parties, sequence, base
 * version, confidentiality, consent reference, payload hash) and the signed wire form.
 */
package org.vansdk.referral.message;
