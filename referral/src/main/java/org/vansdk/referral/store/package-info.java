/**
 * Where a node keeps attempts, audit logs, processed messages, sequence counters and its outbox:
 * one {@link org.vansdk.referral.store.ReferralStore} interface, an in-memory store, and a JDBC
 * store for H2 (embedded) and PostgreSQL that commits each change in one transaction.
 */
@NullMarked
package org.vansdk.referral.store;

import org.jspecify.annotations.NullMarked;
