/**
 * Incidents: explosive ordnance accidents, the device categories and groups that caused them, and
 * the treaties they concern.
 */
package org.vansdk.core.incident;
