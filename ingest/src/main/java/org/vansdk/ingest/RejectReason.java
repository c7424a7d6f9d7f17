package org.vansdk.ingest;

import org.vansdk.core.ErrorCode;

/**
 * Why a source row was rejected: each reason has a stable code written to the reject file. A row is
 * rejected whole (none of its records is written) so that a corrected file can be imported again.
 */
public enum RejectReason {
  /** The row has more cells than the header, or fewer in a CSV file. */
  RAGGED_ROW("VAN-G-0101", "the row has a different number of cells than the header"),
  /** A value the record needs is blank or explicitly unknown. */
  MISSING_VALUE("VAN-G-0102", "a required value is blank or unknown"),
  /** The value is not in the mapping's value map, which rejects unmapped values. */
  UNMAPPED_VALUE("VAN-G-0103", "the value is not in the mapping's value map"),
  /** The value matches none of the mapping's date patterns or is not on the calendar. */
  INVALID_DATE("VAN-G-0104", "the value is not a date in any of the mapping's patterns"),
  /** The value is not a whole number within the mapping's bounds. */
  INVALID_NUMBER("VAN-G-0105", "the value is not a whole number within the allowed range"),
  /** The value names no administrative area of the country, or more than one. */
  UNKNOWN_AREA("VAN-G-0106", "the value is not a P-code or a known province name of the country"),
  /** The record key is blank or not usable verbatim in an identifier. */
  INVALID_KEY(
      "VAN-G-0107",
      "the key is blank, or has characters other than letters, digits, '.', '_', '-' (use"
          + " \"hash\": true) or is too long"),
  /** The same key was seen before with different values for the record. */
  CONFLICTING_DUPLICATE(
      "VAN-G-0108", "an earlier row has the same key for this record with different values"),
  /** The age at the incident does not agree with the birth and incident dates. */
  AGE_MISMATCH(
      "VAN-G-0109", "the age at incident does not agree with the birth and incident dates"),
  /** A value of the wrong kind: not true/false, not a country or organisation code. */
  INVALID_VALUE("VAN-G-0110", "the value is not of the kind the field takes"),
  /** The record built from the row is refused by the schema module's validator. */
  INVALID_RECORD("VAN-G-0111", "the record built from the row is not valid");

  private final ErrorCode code;
  private final String description;

  RejectReason(String code, String description) {
    this.code = ErrorCode.of(code);
    this.description = description;
  }

  /** Returns the stable code written to the reject file. */
  public ErrorCode code() {
    return code;
  }

  /** Returns what the reason means (English). */
  public String description() {
    return description;
  }
}
