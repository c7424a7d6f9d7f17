package org.vansdk.ingest.mapping;

import org.vansdk.core.submission.RecordType;

/** The records one source row may yield, in the order they are written. */
public enum Target {
  /** The person (several rows may name the same person). */
  PERSON("person", RecordType.PERSON),
  /** The incident (several casualties may share one). */
  INCIDENT("incident", RecordType.INCIDENT),
  /** The casualty: this person hurt or killed in this incident. */
  CASUALTY("casualty", RecordType.CASUALTY),
  /** A Washington Group Short Set assessment of the person. */
  FUNCTIONING_ASSESSMENT("functioningAssessment", RecordType.FUNCTIONING_ASSESSMENT);

  private final String key;
  private final RecordType type;

  Target(String key, RecordType type) {
    this.key = key;
    this.type = type;
  }

  /** Returns the key naming this target in a mapping document. */
  public String key() {
    return key;
  }

  /** Returns the record type written. */
  public RecordType recordType() {
    return type;
  }
}
