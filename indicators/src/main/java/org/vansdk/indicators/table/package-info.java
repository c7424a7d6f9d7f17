/**
 * Indicator output: tables of observations, each with its dimension values, value, numerator,
 * denominator, count of unknowns and a status flag (normal, suppressed, no denominator).
 */
package org.vansdk.indicators.table;
