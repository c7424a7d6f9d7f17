package org.vansdk.core.referral;

/**
 * What a move needs besides being in the table; checked by the side that makes the move.
 *
 * @since 1.0
 */
public enum Requirement {
  /** Nothing further. */
  NONE("nothing"),
  /**
   * Active consent covering the receiver, the purpose, every data category sent and the destination
   * country; and the target found in the directory.
   */
  CONSENT_AND_DIRECTORY("active consent covering receiver, purpose, categories and country"),
  /** Someone has looked at the referral (not the transport acknowledgement). */
  SEEN_BY_PERSON("a person has looked at it"),
  /** A decline reason code. */
  DECLINE_REASON("a decline reason"),
  /** A reason (free code) for putting the attempt on hold. */
  HOLD_REASON("a hold reason"),
  /** An outcome. */
  OUTCOME("an outcome"),
  /** A not-completed reason code. */
  NOT_COMPLETED_REASON("a not-completed reason"),
  /** A cancel request from the referrer, or consent withdrawal or expiry (system). */
  CANCEL_REQUEST("a cancel request from the referrer, or consent withdrawal or expiry"),
  /** Personal data is purged; the audit is kept. */
  PURGE("personal data purged, audit kept");

  private final String description;

  Requirement(String description) {
    this.description = description;
  }

  /** English description of the requirement. */
  public String description() {
    return description;
  }
}
