/**
 * The validators and their report: {@link org.vansdk.schema.validation.PayloadValidator} checks a
 * single record, a submission or an NDJSON stream against the published schemas and the semantic
 * rules; {@link org.vansdk.schema.validation.MessageValidator} checks a referral protocol message
 * against the message schemas. Both return a {@link org.vansdk.schema.validation.ValidationReport}
 * of issues, each with a stable {@link org.vansdk.schema.validation.IssueCode}, a JSON Pointer and,
 * when the input was text, a line and column.
 */
@NullMarked
package org.vansdk.schema.validation;

import org.jspecify.annotations.NullMarked;
