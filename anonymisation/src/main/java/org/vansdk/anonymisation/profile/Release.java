package org.vansdk.anonymisation.profile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vansdk.anonymisation.policy.AuditRecord;
import org.vansdk.anonymisation.risk.UtilityReport;
import org.vansdk.core.deidentified.DeidentifiedCasualty;
import org.vansdk.core.json.VanJson;

/**
 * The output of the regional sharing profile: de-identified casualties in a deterministic order (by
 * pseudonym, then content), the generalisation levels of each, and the audit of how they were
 * produced. Records are made from codes when asked for, so a large release can be written without
 * holding every record as an object. Immutable and thread-safe.
 *
 * @since 1.0
 */
public final class Release {
  private final Deidentification records;
  private final int[] order; // position in the release -> casualty
  private final AuditRecord audit;
  private final List<String> attributes;

  Release(Deidentification records, int[] order, AuditRecord audit, List<String> attributes) {
    this.records = records;
    this.order = order;
    this.audit = audit;
    this.attributes = List.copyOf(attributes);
  }

  /**
   * Returns the number of de-identified casualties.
   *
   * @return the record count, suppressed records included
   */
  public int size() {
    return order.length;
  }

  /**
   * Returns the de-identified casualties, sorted by pseudonym then content. Each is made when read.
   *
   * @return an unmodifiable list
   */
  public List<DeidentifiedCasualty> records() {
    return Collections.unmodifiableList(
        new AbstractList<>() {
          @Override
          public DeidentifiedCasualty get(int index) {
            return records.record(order[index]);
          }

          @Override
          public int size() {
            return order.length;
          }
        });
  }

  /**
   * Returns whether a record's quasi-identifiers were all withheld.
   *
   * @param index the record's position in {@link #records()}
   * @return true if suppressed
   */
  public boolean isSuppressed(int index) {
    return records.isSuppressed(order[index]);
  }

  /**
   * Returns the generalisation level of each quasi-identifier of a record (levels as in the
   * policy's hierarchies); a suppressed record has every attribute withheld and an empty map.
   *
   * @param index the record's position in {@link #records()}
   * @return an unmodifiable map in {@link RegionalSharingProfile#ATTRIBUTES} order
   */
  public Map<String, Integer> levels(int index) {
    int casualty = order[index];
    if (records.isSuppressed(casualty)) {
      return Map.of();
    }
    Map<String, Integer> levels = new LinkedHashMap<>();
    for (int a = 0; a < attributes.size(); a++) {
      levels.put(attributes.get(a), records.level(a, casualty));
    }
    return Collections.unmodifiableMap(levels);
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
   * Returns the utility report: records at each level and the questions the release answers.
   *
   * @return the report, also in the audit
   */
  public UtilityReport utility() {
    return audit.utility();
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
   * Writes the records as NDJSON (one compact JSON object per line) with the strict codec, one
   * record at a time.
   *
   * @param out the output; not closed
   * @param written called with the number of records written so far after each record, e.g. for
   *     progress
   * @throws UncheckedIOException if writing fails
   */
  public void writeNdjson(OutputStream out, java.util.function.LongConsumer written) {
    VanJson json = VanJson.strict();
    try {
      for (int i = 0; i < order.length; i++) {
        out.write(json.writeBytes(records.record(order[i])));
        out.write('\n');
        written.accept(i + 1L);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the release", e);
    }
  }

  /**
   * Writes the records as NDJSON (one compact JSON object per line) with the strict codec.
   *
   * @return the NDJSON text
   */
  public String toNdjson() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeNdjson(out, n -> {});
    return out.toString(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "Release["
        + order.length
        + " records, "
        + audit.suppressedRecords()
        + " suppressed, "
        + audit.recoding()
        + " recoding]";
  }
}
