/**
 * JMH benchmarks of the referral protocol: messages processed per second by a receiving node
 * (signature, schema, transition, audit, outbox) with the in-memory and the H2 file store, and
 * Ed25519 verification alone as the physical bound.
 */
package org.vansdk.benchmarks.referral;
