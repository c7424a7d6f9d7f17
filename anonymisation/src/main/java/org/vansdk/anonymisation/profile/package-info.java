/**
 * The regional sharing profile: from a national {@link org.vansdk.core.submission.Submission},
 * de-identified casualties ({@link org.vansdk.core.deidentified.DeidentifiedCasualty}) under an
 * anonymisation policy, with the audit of what was done; same input, key and policy give the same
 * bytes.
 */
package org.vansdk.anonymisation.profile;
