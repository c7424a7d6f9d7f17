/**
 * The VAN SDK testkit: country profiles, seeded generators of realistic records and whole synthetic
 * national populations, and JUnit 5 helpers for property tests over seeds.
 */
module org.vansdk.testkit {
  requires tools.jackson.databind;

  exports org.vansdk.testkit.profile;
}
