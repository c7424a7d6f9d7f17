package org.vansdk.testkit.corpus;

/**
 * An issue a validator must report for an invalid corpus payload.
 *
 * @param code the stable issue code, e.g. {@code VAN-S-0013}
 * @param pointer the JSON Pointer of the offending value ({@code ""} for the document)
 * @since 1.0
 */
public record ExpectedIssue(String code, String pointer) {}
