/**
 * Export of indicator tables: SDMX-CSV style CSV and JSON, with dimensions as columns, totals
 * marked {@code _T}, and suppressed cells flagged and withheld.
 */
package org.vansdk.indicators.export;
