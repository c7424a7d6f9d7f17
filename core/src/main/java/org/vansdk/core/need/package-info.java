/**
 * Needs: the service-type hierarchy (pillar, then type), needs assessments and the needs they find.
 */
@NullMarked
package org.vansdk.core.need;

import org.jspecify.annotations.NullMarked;
