package org.vansdk.indicators.engine;

import java.util.List;
import org.vansdk.indicators.table.Observation;

/**
 * Small-cell suppression of one request's cells. Kept behind this seam so the anonymisation
 * module's primary + secondary suppression can replace the primary-only strategy without touching
 * the engine.
 */
interface CellSuppression {
  /**
   * The cells with small ones (and those that would reveal them) suppressed.
   *
   * @param cells the cells of one request, in table order
   * @param threshold cells with a count from 1 to threshold - 1 are small
   */
  List<Observation> apply(List<Observation> cells, int threshold);
}
