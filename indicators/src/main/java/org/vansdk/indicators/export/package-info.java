/**
 * Export of indicator tables: SDMX-CSV 2.0 and JSON, with the reporting period and unit, dimensions
 * as columns, totals marked {@code _T}, and suppressed cells flagged and withheld.
 */
@NullMarked
package org.vansdk.indicators.export;

import org.jspecify.annotations.NullMarked;
