/**
 * Submissions of national focal points ({@link org.vansdk.hub.submission.SubmissionFeature}): a
 * country's de-identified release (DeidentifiedCasualty NDJSON, streamed and validated line by
 * line) or indicator table (SDMX-CSV 2.0), answered with a receipt in the manner of a DHIS2 import
 * summary, stored in one transaction only when every record is accepted, and made regional when the
 * focal point approves it.
 */
@NullMarked
package org.vansdk.hub.submission;

import org.jspecify.annotations.NullMarked;
