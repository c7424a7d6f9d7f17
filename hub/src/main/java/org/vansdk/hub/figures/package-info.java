/**
 * The regional figures: the indicators by country and year computed with the indicators module from
 * the regional dataset (each country's latest approved de-identified release) whenever an approval
 * changes it, small cells protected across the whole regional table, stored, and served to every
 * reader as JSON, SDMX-CSV 2.0 and ADX ({@link org.vansdk.hub.figures.FiguresFeature}).
 */
@NullMarked
package org.vansdk.hub.figures;

import org.jspecify.annotations.NullMarked;
