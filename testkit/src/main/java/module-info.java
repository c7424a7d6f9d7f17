/**
 * The VAN SDK testkit: country profiles, seeded generators of realistic records and whole synthetic
 * national populations, and JUnit 5 helpers for property tests over seeds.
 */
module org.vansdk.testkit {
  requires transitive org.vansdk.core;
  requires transitive java.sql;
  requires static org.immutables.value;
  requires static org.junit.jupiter.api;
  requires static org.junit.jupiter.params;

  exports org.vansdk.testkit.profile;
  exports org.vansdk.testkit.random;
  exports org.vansdk.testkit.population;
  exports org.vansdk.testkit.junit;
  exports org.vansdk.testkit.corpus;
  exports org.vansdk.testkit.audit;

  opens org.vansdk.testkit.corpus;

  exports org.vansdk.testkit.gen;
  exports org.vansdk.testkit.legacy;
  exports org.vansdk.testkit.time;
  exports org.vansdk.testkit.jdbc;
}
