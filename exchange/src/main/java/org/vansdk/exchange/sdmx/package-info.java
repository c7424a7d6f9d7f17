/**
 * Indicator tables in the statistical exchange formats: reading SDMX-CSV 2.0 (written by {@link
 * org.vansdk.indicators.export.IndicatorCsv}, the one SDMX-CSV writer) and writing and reading ADX,
 * the IHE profile of SDMX that DHIS2 imports, with our dimensions as ADX category attributes.
 */
package org.vansdk.exchange.sdmx;
