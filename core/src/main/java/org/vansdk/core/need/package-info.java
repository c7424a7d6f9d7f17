/**
 * Needs: the service-type hierarchy (pillar, then type), needs assessments and the needs they find.
 */
package org.vansdk.core.need;
