package org.vansdk.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vansdk.core.functioning.Instrument;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.RecordId;
import org.vansdk.core.incident.Verification;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.place.AdminArea;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.submission.RecordType;
import org.vansdk.core.time.PartialDate;
import org.vansdk.ingest.mapping.Field;
import org.vansdk.ingest.mapping.MappingModel;
import org.vansdk.ingest.mapping.MappingModel.ColumnRef;
import org.vansdk.ingest.mapping.MappingModel.RecordSpec;
import org.vansdk.ingest.mapping.SourceFormat;
import org.vansdk.ingest.mapping.Target;
import org.vansdk.ingest.mapping.ValueSpec;
import org.vansdk.ingest.source.SourceRow;
import org.vansdk.ingest.transform.AreaResolver;
import org.vansdk.ingest.transform.Digits;
import org.vansdk.ingest.transform.Text;
import org.vansdk.schema.validation.PayloadValidator;
import org.vansdk.schema.validation.ValidationIssue;
import org.vansdk.schema.validation.ValidationReport;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns one source row into canonical records, or into the problems that reject it. A row's records
 * are built directly in their canonical JSON form (properties in alphabetical order, empty values
 * left out, the model's defaults filled in: what core's model writes for the same record), written
 * once, validated as built by the schema module (the same checks and issues as validating the
 * written text, and its semantic rules include every invariant core's model checks), and only then
 * written out, all or none. A person or incident met before under the same key is written once; met
 * again with other values, the row is rejected. Not thread-safe.
 */
final class RowMapper {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final int TARGETS = Target.values().length;

  /** The date of each record that its estimated flag and the casualty's age are derived from. */
  private static final Set<Field> MAIN_DATES =
      EnumSet.of(Field.PERSON_BIRTH_DATE, Field.INCIDENT_DATE, Field.ASSESSMENT_DATE);

  private final MappingModel mapping;
  private final JsonMapper mapper = VanJson.strict().mapper();
  private final JsonNodeFactory factory = mapper.getNodeFactory();
  // one generator for the whole import, writing the row's records into one buffer
  private final RowBuffer scratch = new RowBuffer();
  private final ObjectWriter writer = mapper.writer().withRootValueSeparator((String) null);
  private final JsonGenerator generator = writer.createGenerator(scratch);
  private final PayloadValidator validator;
  private final List<Compiled> records = new ArrayList<>();
  private final Map<Target, KeyIndex> seen = new EnumMap<>(Target.class);
  private final Map<RecordType, Long> written = new EnumMap<>(RecordType.class);
  private final int width;
  private final boolean shortRowsAllowed;
  private final MessageDigest sha256;
  private final String idPrefix;
  private final boolean deriveAge;
  private final String ageColumn;
  // keeps the row's early index loads (see KeyIndex.touch) from being optimised away
  private long touched;

  RowMapper(MappingModel mapping, List<String> header, PayloadValidator validator) {
    this.mapping = mapping;
    this.validator = validator;
    this.width = header.size();
    this.shortRowsAllowed = mapping.source().format() == SourceFormat.XLSX;
    this.idPrefix = mapping.country().code() + "-" + mapping.organisation() + "-";
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
    Optional<ValueSpec> age =
        mapping.record(Target.CASUALTY).map(r -> r.fields().get(Field.CASUALTY_AGE));
    this.deriveAge = age.flatMap(ValueSpec::derive).isPresent();
    this.ageColumn = age.map(v -> label(v.columns())).orElse("");
    Columns columns = new Columns(header);
    AreaResolver areas = AreaResolver.of(mapping.country());
    for (RecordSpec r : mapping.records()) {
      List<ValueReader> fields = new ArrayList<>();
      for (Map.Entry<Field, ValueSpec> e : r.fields().entrySet()) {
        fields.add(reader(e.getKey(), e.getValue(), columns, areas, r.target().key()));
      }
      List<ValueReader> ids = new ArrayList<>();
      List<String> systems = new ArrayList<>();
      for (MappingModel.IdentifierSpec id : r.identifiers()) {
        ids.add(reader(Field.PERSON_NAME, id.value(), columns, areas, "person/identifiers"));
        systems.add(id.system());
      }
      List<ItemReader> items = new ArrayList<>();
      Map<String, Integer> inList = new HashMap<>();
      for (MappingModel.ItemSpec item : r.items()) {
        int i = inList.merge(item.list(), 1, Integer::sum) - 1;
        List<ValueReader> values = new ArrayList<>();
        for (Map.Entry<Field, ValueSpec> e : item.fields().entrySet()) {
          String where = r.target().key() + "/" + item.list() + "/" + i;
          values.add(reader(e.getKey(), e.getValue(), columns, areas, where));
        }
        items.add(new ItemReader(item.list(), values, factory));
      }
      int[] key = columns.indexes(r.key().columns(), r.key().pointer());
      records.add(new Compiled(r, key, label(r.key().columns()), fields, ids, systems, items));
      seen.put(r.target(), new KeyIndex());
    }
  }

  private ValueReader reader(
      Field field, ValueSpec spec, Columns columns, AreaResolver areas, String record) {
    return new ValueReader(
        field,
        spec,
        columns.indexes(spec.columns(), spec.pointer()),
        label(spec.columns()),
        record
            + "/"
            + (field == Field.PERSON_NAME && record.endsWith("identifiers")
                ? "value"
                : field.property()),
        mapping.unknownValues(),
        areas,
        mapping.country());
  }

  private static String label(List<ColumnRef> columns) {
    List<String> labels = new ArrayList<>();
    for (ColumnRef c : columns) {
      labels.add(c.label());
    }
    return String.join("+", labels);
  }

  /** Returns the records written so far, by type. */
  Map<RecordType, Long> written() {
    return written;
  }

  /**
   * Maps a row; when it has no problem its new records are written to {@code out}.
   *
   * @return the problems that reject the row; empty when accepted
   */
  List<Problem> map(SourceRow row, OutputStream out) {
    String[] cells = row.cells();
    List<Problem> problems = new ArrayList<>(2);
    if (cells.length > width) {
      for (int i = width; i < cells.length; i++) {
        if (cells[i] != null && !cells[i].isBlank()) {
          problems.add(
              new Problem(
                  "#" + (i + 1),
                  "",
                  RejectReason.RAGGED_ROW,
                  cells.length + " cells; the header has " + width));
          return problems;
        }
      }
    } else if (cells.length < width && !shortRowsAllowed) {
      problems.add(
          new Problem(
              "", "", RejectReason.RAGGED_ROW, cells.length + " cells; the header has " + width));
      return problems;
    }
    Map<Target, ObjectNode> nodes = new EnumMap<>(Target.class);
    Map<Target, String> ids = new EnumMap<>(Target.class);
    PartialDate[] dates = new PartialDate[TARGETS];
    for (Compiled c : records) {
      String id = id(c, cells, problems);
      ObjectNode node = object();
      node.put("id", id == null ? "" : id);
      for (ValueReader v : c.fields) {
        Object value = v.read(cells, problems);
        if (value != null && value != ValueReader.ABSENT) {
          put(node, v.field(), value);
          if (MAIN_DATES.contains(v.field())) {
            dates[c.spec.target().ordinal()] = (PartialDate) value;
          }
        }
      }
      if (!c.identifiers.isEmpty()) {
        ArrayNode list = factory.arrayNode();
        for (int i = 0; i < c.identifiers.size(); i++) {
          Object value = c.identifiers.get(i).read(cells, problems);
          if (value instanceof String) {
            list.add(object().put("system", c.systems.get(i)).put("value", (String) value));
          }
        }
        if (!list.isEmpty()) {
          node.set("identifiers", list);
        }
      }
      for (ItemReader item : c.items) {
        item.add(node, cells, problems);
      }
      nodes.put(c.spec.target(), node);
      ids.put(c.spec.target(), id);
    }
    if (!problems.isEmpty()) {
      return problems;
    }
    // start the row's index lookups together: their cache misses overlap
    long touched = 0;
    for (Compiled c : records) {
      seen.get(c.spec.target()).hash(ids.get(c.spec.target()));
    }
    for (Compiled c : records) {
      touched ^= seen.get(c.spec.target()).touch();
    }
    this.touched = touched;
    link(nodes, ids, dates, problems);
    if (!problems.isEmpty()) {
      return problems;
    }
    scratch.reset();
    List<Runnable> commits = new ArrayList<>(nodes.size());
    for (Compiled c : records) {
      build(c, cells, nodes.get(c.spec.target()), ids.get(c.spec.target()), commits, problems);
    }
    if (!problems.isEmpty()) {
      return problems;
    }
    try {
      scratch.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    commits.forEach(Runnable::run);
    return problems;
  }

  /**
   * Returns an empty object whose properties are written in alphabetical order, as core's model
   * writes them.
   */
  private ObjectNode object() {
    return object(factory);
  }

  /** An empty object written with its properties in alphabetical order, as the model writes. */
  static ObjectNode object(JsonNodeFactory factory) {
    return new ObjectNode(factory, new SortedProperties());
  }

  /**
   * Adds the references between the row's records, derived ages, estimated-date flags and the
   * model's defaults.
   */
  private void link(
      Map<Target, ObjectNode> nodes,
      Map<Target, String> ids,
      PartialDate[] dates,
      List<Problem> problems) {
    ObjectNode person = nodes.get(Target.PERSON);
    ObjectNode incident = nodes.get(Target.INCIDENT);
    ObjectNode casualty = nodes.get(Target.CASUALTY);
    ObjectNode assessment = nodes.get(Target.FUNCTIONING_ASSESSMENT);
    if (person != null) {
      estimated(person, dates[Target.PERSON.ordinal()], "birthDateEstimated");
    }
    if (incident != null) {
      estimated(incident, dates[Target.INCIDENT.ordinal()], "dateEstimated");
      if (!incident.has("location")) {
        incident.set("location", object().put("country", mapping.country().code()));
      }
      if (!incident.has("verification")) {
        incident.put("verification", Verification.UNVERIFIED.code());
      }
    }
    if (assessment != null) {
      assessment.put("personId", ids.get(Target.PERSON));
      if (!assessment.has("instrument")) {
        assessment.put("instrument", Instrument.WG_SS.code());
      }
    }
    if (casualty == null) {
      return;
    }
    casualty.put("personId", ids.get(Target.PERSON));
    casualty.put("incidentId", ids.get(Target.INCIDENT));
    PartialDate birth = dates[Target.PERSON.ordinal()];
    PartialDate on = dates[Target.INCIDENT.ordinal()];
    if (birth == null || on == null) {
      return;
    }
    if (!casualty.has("ageAtIncident")) {
      if (deriveAge && birth.isFullDate() && on.isFullDate()) {
        long age = ChronoUnit.YEARS.between(birth.earliest(), on.earliest());
        if (age >= 0 && age <= 120) {
          casualty.put("ageAtIncident", (int) age);
        }
      }
      return;
    }
    long age = casualty.get("ageAtIncident").asLong();
    long youngest = ChronoUnit.YEARS.between(birth.latest(), on.earliest());
    long oldest = ChronoUnit.YEARS.between(birth.earliest(), on.latest());
    if (age < youngest || age > oldest) {
      problems.add(
          new Problem(
              ageColumn,
              "casualty/ageAtIncident",
              RejectReason.AGE_MISMATCH,
              "the dates allow " + Math.max(0, youngest) + " to " + oldest));
    }
  }

  private static void estimated(ObjectNode node, PartialDate date, String flag) {
    if (date != null && !date.isFullDate() && !node.has(flag)) {
      node.put(flag, true);
    }
  }

  private void build(
      Compiled c,
      String[] cells,
      ObjectNode node,
      String id,
      List<Runnable> commits,
      List<Problem> problems) {
    RecordType type = c.spec.target().recordType();
    int start = scratch.size();
    line(c.head, node); // kept only if the record is new and valid
    long fingerprint = KeyIndex.fingerprint(scratch.buffer(), start, scratch.size());
    KeyIndex known = seen.get(c.spec.target());
    int before = known.find(id);
    if (before >= 0) {
      scratch.truncate(start);
      if (known.fingerprintAt(before) != fingerprint) {
        problems.add(
            new Problem(
                c.keyLabel,
                c.spec.target().key() + "/id",
                RejectReason.CONFLICTING_DUPLICATE,
                "the " + c.spec.target().key() + " differs from the one an earlier row gave"));
      }
      return;
    }
    ValidationReport report = validator.validateRecord(type, node);
    if (!report.isValid()) {
      scratch.truncate(start);
      for (ValidationIssue issue : report.errors()) {
        problems.add(
            new Problem(
                column(c, issue.pointer(), cells),
                c.spec.target().key() + issue.pointer(),
                RejectReason.INVALID_RECORD,
                issue.code().code() + " " + issue.message()));
      }
      return;
    }
    commits.add(
        () -> {
          known.put(id, fingerprint);
          written.merge(type, 1L, Long::sum);
        });
  }

  /** Writes the record's NDJSON line: the envelope's head, the record, and the closing brace. */
  private void line(byte[] head, ObjectNode record) {
    scratch.write(head, 0, head.length);
    writer.writeValue(generator, record);
    generator.flush();
    scratch.write('}');
    scratch.write('\n');
  }

  /** The row's NDJSON lines, written out together once every record of the row is accepted. */
  private static final class RowBuffer extends ByteArrayOutputStream {
    RowBuffer() {
      super(4096);
    }

    byte[] buffer() {
      return buf;
    }

    void truncate(int size) {
      count = size;
    }
  }

  private static String column(Compiled c, String pointer, String[] cells) {
    String[] parts = pointer.split("/");
    if (parts.length < 2) {
      return "";
    }
    if (parts.length >= 4 && parts[2].matches("[0-9]{1,6}")) {
      // the n-th item written to a list is the n-th of its items the row gave
      int n = Integer.parseInt(parts[2]);
      for (ItemReader item : c.items) {
        if (item.list().equals(parts[1]) && item.given(cells) && n-- == 0) {
          return item.columnLabel(parts[3]);
        }
      }
      return "";
    }
    for (ValueReader v : c.fields) {
      if (v.field().property().equals(parts[1])) {
        return v.columnLabel();
      }
    }
    return "";
  }

  private String id(Compiled c, String[] cells, List<Problem> problems) {
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < c.key.length; i++) {
      int col = c.key[i];
      String part = col < cells.length && cells[col] != null ? Text.normalise(cells[col]) : "";
      part = Digits.toAscii(part);
      if (part.isEmpty()) {
        problems.add(
            new Problem(
                c.keyLabel, c.spec.target().key() + "/id", RejectReason.INVALID_KEY, "blank"));
        return null;
      }
      if (i > 0) {
        key.append(c.spec.key().hashed() ? "\u001f" : "-");
      }
      key.append(part);
    }
    String local;
    if (c.spec.key().hashed()) {
      byte[] digest = sha256.digest(key.toString().getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder(c.spec.key().prefix());
      for (int i = 0; i < 10; i++) {
        hex.append(HEX[(digest[i] >> 4) & 0xf]).append(HEX[digest[i] & 0xf]);
      }
      local = hex.toString();
    } else {
      local = c.spec.key().prefix() + key;
    }
    String id = idPrefix + local;
    if (!RecordId.isWellFormed(id)) {
      problems.add(
          new Problem(
              c.keyLabel,
              c.spec.target().key() + "/id",
              RejectReason.INVALID_KEY,
              "not usable verbatim in an identifier"));
      return null;
    }
    return id;
  }

  private void put(ObjectNode node, Field field, Object value) {
    String p = field.property();
    if (value instanceof String) {
      node.put(p, (String) value);
    } else if (value instanceof Boolean) {
      node.put(p, (Boolean) value);
    } else if (value instanceof Long) {
      node.put(p, (Long) value);
    } else if (value instanceof AdminArea) {
      AdminArea a = (AdminArea) value;
      ObjectNode area = object().put("pCode", a.pCode()).put("level", a.level());
      a.name().ifPresent(n -> area.put("name", n));
      node.set(p, object().put("country", mapping.country().code()).set("adminArea", area));
    } else if (value instanceof CountryCode) {
      node.put(p, ((CountryCode) value).code());
    } else if (value instanceof OrganisationId) {
      node.put(p, ((OrganisationId) value).value());
    } else {
      node.put(p, value.toString());
    }
  }

  /** A record specification with its columns resolved. */
  private static final class Compiled {
    final RecordSpec spec;
    final int[] key;
    final String keyLabel;
    final List<ValueReader> fields;
    final List<ValueReader> identifiers;
    final List<String> systems;
    final List<ItemReader> items;
    final byte[] head;

    Compiled(
        RecordSpec spec,
        int[] key,
        String keyLabel,
        List<ValueReader> fields,
        List<ValueReader> identifiers,
        List<String> systems,
        List<ItemReader> items) {
      this.spec = spec;
      this.items = items;
      this.head =
          ("{\"type\":\"" + spec.target().recordType().code() + "\",\"record\":")
              .getBytes(StandardCharsets.US_ASCII);
      this.key = key;
      this.keyLabel = keyLabel;
      this.fields = fields;
      this.identifiers = identifiers;
      this.systems = systems;
    }
  }
}
