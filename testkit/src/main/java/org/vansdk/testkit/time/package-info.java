/**
 * Time for tests: a {@link java.time.Clock} that a test moves by hand, to inject where the SDK
 * takes a clock (referral nodes, stores, transports) so that expiry, retry and ordering are tested
 * without sleeping.
 */
package org.vansdk.testkit.time;
