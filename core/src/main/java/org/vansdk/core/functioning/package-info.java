/**
 * Functioning: Washington Group Short Set assessments and the disability identifiers derived from
 * them.
 */
@NullMarked
package org.vansdk.core.functioning;

import org.jspecify.annotations.NullMarked;
