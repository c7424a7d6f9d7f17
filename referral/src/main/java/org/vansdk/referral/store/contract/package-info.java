/**
 * The published contract of {@link org.vansdk.referral.store.ReferralStore}: a tester that a vendor
 * runs against its own store implementation (in its own test suite) to check that a referral node
 * can rely on it, as the SDK does for its in-memory, H2 and PostgreSQL stores.
 */
package org.vansdk.referral.store.contract;
