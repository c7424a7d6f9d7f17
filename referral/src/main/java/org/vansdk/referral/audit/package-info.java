/**
 * The per-referral audit log: append-only entries (actor, action, status change, message, consent
 * version, data categories disclosed) chained by SHA-256 over their canonical JSON, with a verify
 * operation that detects altered, removed and reordered entries.
 */
@NullMarked
package org.vansdk.referral.audit;

import org.jspecify.annotations.NullMarked;
