/**
 * Submissions: the unit a vendor sends and validates, its header, record types and schema version.
 */
package org.vansdk.core.submission;
