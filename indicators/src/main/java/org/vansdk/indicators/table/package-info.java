/**
 * Indicator output: tables of observations, each with its dimension values, value, numerator,
 * denominator, count of unknowns and a status flag (normal, no denominator, primary or secondary
 * suppression).
 */
@NullMarked
package org.vansdk.indicators.table;

import org.jspecify.annotations.NullMarked;
