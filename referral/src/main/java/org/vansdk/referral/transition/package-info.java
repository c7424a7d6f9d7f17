/**
 * The attempt state machine as data: the table of {@code docs/protocol.md} saying which role may
 * move an attempt from which status to which and what each move requires, with checks that explain
 * a refusal.
 */
package org.vansdk.referral.transition;
