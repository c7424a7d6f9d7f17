package org.vansdk.referral.consent;

import java.util.Set;
import org.vansdk.core.consent.DataCategory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Personal data cut down to what a consent allows: the {@code personalData} object to send (one
 * member per category), the categories it holds, and the categories that were dropped.
 *
 * @param personalData the object to send; never contains a dropped category
 * @param included the categories sent
 * @param dropped the categories supplied but not sent
 * @since 1.0
 */
public record ConsentedPayload(
    ObjectNode personalData, Set<DataCategory> included, Set<DataCategory> dropped) {

  /** Defensive copies. */
  public ConsentedPayload {
    personalData = personalData.deepCopy();
    included = Set.copyOf(included);
    dropped = Set.copyOf(dropped);
  }

  /** A copy of the object to send. */
  @Override
  public ObjectNode personalData() {
    return personalData.deepCopy();
  }

  @Override
  public String toString() {
    return "ConsentedPayload[included=" + included + ", dropped=" + dropped + "]";
  }
}
