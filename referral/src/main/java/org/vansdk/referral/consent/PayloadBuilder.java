package org.vansdk.referral.consent;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.vansdk.core.consent.Consent;
import org.vansdk.core.consent.DataCategory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the {@code personalData} member of a message from personal data grouped by {@link
 * DataCategory}: a category goes in only if it was requested for this referral and the consent
 * covers it; everything else is dropped. Stateless, thread-safe.
 *
 * @since 1.0
 */
public final class PayloadBuilder {

  private PayloadBuilder() {}

  /**
   * Keeps the requested and consented categories of the data.
   *
   * @param consent the consent the disclosure rests on
   * @param requested the categories the referral needs
   * @param data personal data per category (each an object)
   */
  public static ConsentedPayload build(
      Consent consent, Set<DataCategory> requested, Map<DataCategory, ? extends JsonNode> data) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    Set<DataCategory> included = EnumSet.noneOf(DataCategory.class);
    Set<DataCategory> dropped = EnumSet.noneOf(DataCategory.class);
    for (DataCategory category : DataCategory.values()) {
      JsonNode value = data.get(category);
      if (value == null) {
        continue;
      }
      if (requested.contains(category) && consent.dataCategories().contains(category)) {
        out.set(category.code(), value.deepCopy());
        included.add(category);
      } else {
        dropped.add(category);
      }
    }
    return new ConsentedPayload(out, included, dropped);
  }
}
