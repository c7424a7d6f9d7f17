package org.vansdk.ingest;

/**
 * One reason a row was rejected, located by source column and canonical field; the detail names
 * what was expected and never quotes the source value.
 *
 * @param column the source column (header text or {@code #n}), empty when not one column
 * @param field where in the output the value was going, e.g. {@code person/sex}
 * @param reason the reason
 * @param detail what was expected, or the validator's code and message; no source data
 */
record Problem(String column, String field, RejectReason reason, String detail) {}
