/**
 * The VAN SDK referral protocol: signed, consent-gated messages between organisations that move
 * attempts along core's attempt state table, an idempotent and ordered receiver, hash-chained audit
 * logs, and stores (in memory, JDBC on H2 or PostgreSQL) with a transactional outbox.
 */
module org.vansdk.referral {
  requires transitive org.vansdk.core;
  requires transitive java.sql;
  requires static org.immutables.value;
  requires org.vansdk.schema;
  requires tools.jackson.core;
  requires static org.bouncycastle.provider;
  requires static org.junit.jupiter.api;

  exports org.vansdk.referral.signature;
  exports org.vansdk.referral.audit;
  exports org.vansdk.referral.message;
  exports org.vansdk.referral.store;
  exports org.vansdk.referral.store.contract;
  exports org.vansdk.referral.consent;
  exports org.vansdk.referral.node;
}
