/**
 * Indicator output: tables of observations, each with its dimension values, value, numerator,
 * denominator, count of unknowns and a status flag (normal, no denominator, primary or secondary
 * suppression).
 */
package org.vansdk.indicators.table;
