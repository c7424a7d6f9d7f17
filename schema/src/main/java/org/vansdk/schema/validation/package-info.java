/**
 * The payload validator and its report: {@link org.vansdk.schema.validation.PayloadValidator}
 * checks a single record, a submission or an NDJSON stream against the published schemas and the
 * semantic rules, and returns a {@link org.vansdk.schema.validation.ValidationReport} of issues,
 * each with a stable {@link org.vansdk.schema.validation.IssueCode}, a JSON Pointer and a line and
 * column in the input.
 */
package org.vansdk.schema.validation;
