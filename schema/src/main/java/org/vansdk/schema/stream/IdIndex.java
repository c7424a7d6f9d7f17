package org.vansdk.schema.stream;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.vansdk.core.internal.StringIndex;
import org.vansdk.core.submission.RecordType;
import org.vansdk.schema.validation.IssueCode;
import org.vansdk.schema.validation.ValidationIssue;
import tools.jackson.databind.JsonNode;

/**
 * Identifiers seen so far in an NDJSON stream, per record type, and references not yet resolved.
 * Memory grows with the number of identifiers (and forward references), never with whole records.
 * Not thread-safe.
 *
 * @since 1.0
 */
public final class IdIndex {
  /** References as data: source type, property, target type. */
  private static final Object[][] REFERENCES = {
    {RecordType.CASUALTY, "personId", RecordType.PERSON},
    {RecordType.CASUALTY, "incidentId", RecordType.INCIDENT},
    {RecordType.AFFECTED_RELATION, "personId", RecordType.PERSON},
    {RecordType.AFFECTED_RELATION, "casualtyId", RecordType.CASUALTY},
    {RecordType.FUNCTIONING_ASSESSMENT, "personId", RecordType.PERSON},
    {RecordType.NEEDS_ASSESSMENT, "personId", RecordType.PERSON},
    {RecordType.QUALITY_OF_LIFE_SURVEY, "personId", RecordType.PERSON},
    {RecordType.SERVICE_DELIVERY, "personId", RecordType.PERSON},
    {RecordType.SERVICE_DELIVERY, "referralId", RecordType.REFERRAL},
    {RecordType.SERVICE_DELIVERY, "serviceId", RecordType.SERVICE},
    {RecordType.SERVICE_LOCATION, "serviceId", RecordType.SERVICE},
    {RecordType.CONSENT, "personId", RecordType.PERSON},
    {RecordType.REFERRAL, "personId", RecordType.PERSON},
    {RecordType.REFERRAL, "consentId", RecordType.CONSENT},
    {RecordType.REFERRAL, "basedOn", RecordType.REFERRAL},
    {RecordType.REFERRAL_ATTEMPT, "referralId", RecordType.REFERRAL},
    {RecordType.REFERRAL_ATTEMPT, "targetService", RecordType.SERVICE},
    {RecordType.REFERRAL_ATTEMPT, "replaces", RecordType.REFERRAL_ATTEMPT},
  };

  // one open-addressing table per type: about half the memory per identifier of a HashSet
  private final Map<RecordType, StringIndex> ids = new EnumMap<>(RecordType.class);
  private final List<Pending> pending = new ArrayList<>();

  private static final class Pending {
    final RecordType target;
    final String id;
    final long line;
    final String pointer;
    final String property;

    Pending(RecordType target, String id, long line, String pointer, String property) {
      this.target = target;
      this.id = id;
      this.line = line;
      this.pointer = pointer;
      this.property = property;
    }
  }

  /** Creates an empty index. */
  public IdIndex() {}

  /**
   * Records a line's identifier and checks its references; unresolved ones wait for the end.
   *
   * @param type the record type
   * @param record the record tree
   * @param line the line number
   * @param sink receives duplicate-identifier issues
   */
  public void add(RecordType type, JsonNode record, long line, Consumer<ValidationIssue> sink) {
    JsonNode id = record.get("id");
    if (id != null && id.isString()) {
      StringIndex known = ids.computeIfAbsent(type, t -> new StringIndex());
      int before = known.size();
      if (known.intern(id.asString()) < before) {
        sink.accept(
            ValidationIssue.error(
                    IssueCode.DUPLICATE_ID,
                    "/record/id",
                    "identifier used by an earlier "
                        + type.code()
                        + " line; identifiers are unique")
                .at(line, 1));
      }
    }
    for (Object[] ref : REFERENCES) {
      if (ref[0] != type) {
        continue;
      }
      String property = (String) ref[1];
      JsonNode v = record.get(property);
      if (v != null && v.isString()) {
        RecordType target = (RecordType) ref[2];
        if (!contains(target, v.asString())) {
          pending.add(new Pending(target, v.asString(), line, "/record/" + property, property));
        }
      }
    }
  }

  /**
   * Reports references that never resolved, at the end of the stream.
   *
   * @param sink receives issues
   */
  public void finish(Consumer<ValidationIssue> sink) {
    for (Pending p : pending) {
      if (!contains(p.target, p.id)) {
        IssueCode code =
            p.target == RecordType.CONSENT && p.property.equals("consentId")
                ? IssueCode.CONSENT_MISSING
                : IssueCode.UNRESOLVED_REFERENCE;
        sink.accept(
            ValidationIssue.error(
                    code,
                    p.pointer,
                    p.property
                        + " does not resolve: no "
                        + p.target.code()
                        + " line with that id in the stream")
                .at(p.line, 1));
      }
    }
    pending.clear();
  }

  /** Returns the number of identifiers held. */
  public long size() {
    long n = 0;
    for (StringIndex s : ids.values()) {
      n += s.size();
    }
    return n;
  }

  /**
   * Returns whether an identifier of a type was seen.
   *
   * @param type the record type
   * @param id the identifier
   * @return true when seen
   */
  public boolean contains(RecordType type, String id) {
    StringIndex known = ids.get(type);
    return known != null && known.find(id) >= 0;
  }
}
