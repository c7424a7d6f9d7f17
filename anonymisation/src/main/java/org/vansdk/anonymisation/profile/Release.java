package org.vansdk.anonymisation.profile;

import java.util.List;
import org.vansdk.anonymisation.policy.AuditRecord;
import org.vansdk.core.deidentified.DeidentifiedCasualty;
import org.vansdk.core.json.VanJson;

/**
 * The output of the regional sharing profile: de-identified casualties in a deterministic order,
 * and the audit of how they were produced. Immutable.
 */
public final class Release {
  private final List<DeidentifiedCasualty> records;
  private final AuditRecord audit;
  private final List<String> attributes;

  Release(List<DeidentifiedCasualty> records, AuditRecord audit, List<String> attributes) {
    this.records = List.copyOf(records);
    this.audit = audit;
    this.attributes = List.copyOf(attributes);
  }

  /**
   * Returns the de-identified casualties, sorted by pseudonym then content.
   *
   * @return an unmodifiable list
   */
  public List<DeidentifiedCasualty> records() {
    return records;
  }

  /**
   * Returns the audit record.
   *
   * @return the audit
   */
  public AuditRecord audit() {
    return audit;
  }

  /**
   * Returns the audit as JSON.
   *
   * @return pretty JSON with a fixed property order
   */
  public String auditJson() {
    return audit.toJson(attributes);
  }

  /**
   * Writes the records as NDJSON (one compact JSON object per line) with the strict codec.
   *
   * @return the NDJSON text
   */
  public String toNdjson() {
    VanJson json = VanJson.strict();
    StringBuilder out = new StringBuilder();
    for (DeidentifiedCasualty record : records) {
      out.append(json.write(record)).append('\n');
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return "Release[" + records.size() + " records, " + audit.suppressedRecords() + " suppressed]";
  }
}
