/**
 * The attempt state machine as data: the table of {@code docs/protocol.md} saying which role may
 * move an attempt from which status to which and what each move requires, with checks that explain
 * a refusal.
 */
@NullMarked
package org.vansdk.referral.transition;

import org.jspecify.annotations.NullMarked;
