/**
 * Anonymisation for regional sharing of victim-assistance data: keyed pseudonyms, generalisation
 * hierarchies, an optimal full-domain search under k-anonymity and l-diversity, risk measures and
 * small-cell protection of aggregate tables.
 */
module org.vansdk.anonymisation {
  requires transitive org.vansdk.core;

  exports org.vansdk.anonymisation;
  exports org.vansdk.anonymisation.hierarchy;
  exports org.vansdk.anonymisation.pseudonym;
  exports org.vansdk.anonymisation.search;
}
