/**
 * Incidents: explosive ordnance accidents, the device categories and groups that caused them, and
 * the treaties they concern.
 */
@NullMarked
package org.vansdk.core.incident;

import org.jspecify.annotations.NullMarked;
