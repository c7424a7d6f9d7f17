/**
 * Places: ISO 3166-1 alpha-3 countries, OCHA P-coded administrative areas, WGS84 points and the
 * locations that combine them.
 */
@NullMarked
package org.vansdk.core.place;

import org.jspecify.annotations.NullMarked;
