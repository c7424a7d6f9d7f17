/**
 * The hub's relay: signed referral messages stored unchanged in their receiver's mailbox, read by
 * long-poll and acknowledged by cursor, with the hub's own audit of what passed.
 */
@NullMarked
package org.vansdk.hub.relay;

import org.jspecify.annotations.NullMarked;
