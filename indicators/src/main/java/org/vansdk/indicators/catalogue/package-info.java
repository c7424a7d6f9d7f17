/**
 * The indicator catalogue as data: every indicator of the VAN SDK with its definition, numerator,
 * denominator, unit, allowed disaggregations, rule for unknowns, period semantics and the reporting
 * framework it answers, plus the dimensions along which indicators are disaggregated.
 */
@NullMarked
package org.vansdk.indicators.catalogue;

import org.jspecify.annotations.NullMarked;
