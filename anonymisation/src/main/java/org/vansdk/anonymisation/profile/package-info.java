/**
 * The regional sharing profile: from a national {@link org.vansdk.core.submission.Submission} or an
 * NDJSON stream read one line at a time, de-identified casualties ({@link
 * org.vansdk.core.deidentified.DeidentifiedCasualty}) under an anonymisation policy (local recoding
 * by default), with each record's levels, the audit of what was done and a utility report; same
 * input, key and policy give the same bytes.
 */
@NullMarked
package org.vansdk.anonymisation.profile;

import org.jspecify.annotations.NullMarked;
