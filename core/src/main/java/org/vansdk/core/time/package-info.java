/**
 * Time: partial dates (year, year-month or full date) as reported for births and incidents, with
 * calendar checks and range-aware comparisons, and the age ranges they imply.
 */
@NullMarked
package org.vansdk.core.time;

import org.jspecify.annotations.NullMarked;
