/**
 * Synthetic files in the layouts of existing national exports (CMVIS-style casualty export,
 * IMSMA-style victim/accident export, DMIS-style disability register), written from a generated
 * population with the mess real files have (blank lines, stray spaces, national digits, Buddhist
 * Era years, province names in the national script or misspelt), so that importers can be tested by
 * round trip.
 */
@NullMarked
package org.vansdk.testkit.legacy;

import org.jspecify.annotations.NullMarked;
