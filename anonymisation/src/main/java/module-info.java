/**
 * Anonymisation for regional sharing of victim-assistance data: keyed pseudonyms, generalisation
 * hierarchies, an optimal full-domain search and local recoding under k-anonymity and l-diversity,
 * risk and utility measures and small-cell protection of aggregate tables.
 */
module org.vansdk.anonymisation {
  requires transitive org.vansdk.core;
  requires tools.jackson.databind;

  exports org.vansdk.anonymisation;
  exports org.vansdk.anonymisation.hierarchy;
  exports org.vansdk.anonymisation.policy;
  exports org.vansdk.anonymisation.profile;
  exports org.vansdk.anonymisation.pseudonym;
  exports org.vansdk.anonymisation.risk;
  exports org.vansdk.anonymisation.search;
  exports org.vansdk.anonymisation.table;
}
