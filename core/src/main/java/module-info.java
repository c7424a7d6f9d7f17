/**
 * The VAN SDK core: the canonical, immutable data model of victim assistance, its code lists with
 * labels, identifiers, partial dates, places and the strict JSON codec.
 */
// The modules internal is exported to depend on this one, so they are not found when it compiles.
@SuppressWarnings("module")
module org.vansdk.core {
  requires transitive tools.jackson.databind;
  requires transitive com.fasterxml.jackson.annotation;
  requires transitive org.jspecify;
  requires static org.immutables.value;

  exports org.vansdk.core;
  exports org.vansdk.core.code;
  exports org.vansdk.core.id;
  exports org.vansdk.core.time;
  exports org.vansdk.core.place;
  exports org.vansdk.core.text;
  exports org.vansdk.core.person;
  exports org.vansdk.core.incident;
  exports org.vansdk.core.casualty;
  exports org.vansdk.core.functioning;
  exports org.vansdk.core.need;
  exports org.vansdk.core.directory;
  exports org.vansdk.core.delivery;
  exports org.vansdk.core.consent;
  exports org.vansdk.core.referral;
  exports org.vansdk.core.qls;
  exports org.vansdk.core.submission;
  exports org.vansdk.core.deidentified;
  exports org.vansdk.core.json;
  exports org.vansdk.core.internal to
      org.vansdk.schema,
      org.vansdk.anonymisation,
      org.vansdk.referral,
      org.vansdk.transport,
      org.vansdk.indicators;

  opens org.vansdk.core.id to
      tools.jackson.databind;
  opens org.vansdk.core.time to
      tools.jackson.databind;
  opens org.vansdk.core.place to
      tools.jackson.databind;
  opens org.vansdk.core.text to
      tools.jackson.databind;
  opens org.vansdk.core.person to
      tools.jackson.databind;
  opens org.vansdk.core.incident to
      tools.jackson.databind;
  opens org.vansdk.core.casualty to
      tools.jackson.databind;
  opens org.vansdk.core.functioning to
      tools.jackson.databind;
  opens org.vansdk.core.need to
      tools.jackson.databind;
  opens org.vansdk.core.directory to
      tools.jackson.databind;
  opens org.vansdk.core.delivery to
      tools.jackson.databind;
  opens org.vansdk.core.consent to
      tools.jackson.databind;
  opens org.vansdk.core.referral to
      tools.jackson.databind;
  opens org.vansdk.core.qls to
      tools.jackson.databind;
  opens org.vansdk.core.submission to
      tools.jackson.databind;
  opens org.vansdk.core.deidentified to
      tools.jackson.databind;
  opens org.vansdk.core.code to
      tools.jackson.databind;
}
