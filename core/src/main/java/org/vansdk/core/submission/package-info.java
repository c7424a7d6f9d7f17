/**
 * Submissions: the unit a vendor sends and validates, its header, record types and schema version.
 */
@NullMarked
package org.vansdk.core.submission;

import org.jspecify.annotations.NullMarked;
