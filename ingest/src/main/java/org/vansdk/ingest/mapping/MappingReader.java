package org.vansdk.ingest.mapping;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.vansdk.core.VanException;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.place.CountryCode;
import org.vansdk.ingest.IngestException;
import org.vansdk.ingest.mapping.MappingModel.ColumnRef;
import org.vansdk.ingest.mapping.MappingModel.IdentifierSpec;
import org.vansdk.ingest.mapping.MappingModel.ItemSpec;
import org.vansdk.ingest.mapping.MappingModel.KeySpec;
import org.vansdk.ingest.mapping.MappingModel.RecordSpec;
import org.vansdk.ingest.mapping.MappingModel.SourceSpec;
import org.vansdk.ingest.mapping.ValueSpec.AreaSpec;
import org.vansdk.ingest.mapping.ValueSpec.DateSpec;
import org.vansdk.ingest.mapping.ValueSpec.NumberSpec;
import org.vansdk.ingest.mapping.ValueSpec.SplitSpec;
import org.vansdk.ingest.transform.DatePatterns;
import org.vansdk.ingest.transform.Spelling;
import org.vansdk.ingest.transform.Text;
import tools.jackson.databind.JsonNode;

/**
 * Reads a mapping document strictly: every object's keys are checked against the ones it may have,
 * every value against what it may be, and the first problem is thrown as {@link
 * IngestException#MAPPING_INVALID} with its JSON Pointer and, for a misspelt key, the key meant.
 * Mirrors {@code mapping.schema.json}, which a test keeps in step.
 */
public final class MappingReader {
  /** The mapping format this reader understands. */
  public static final String FORMAT = "1.0";

  private static final Pattern ORGANISATION = Pattern.compile("[A-Z0-9]{2,16}");
  private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._-]{0,16}");
  private final String origin;

  private MappingReader(String origin) {
    this.origin = origin;
  }

  /**
   * Reads a mapping document.
   *
   * @param json the UTF-8 document
   * @param origin the document's name for messages (a file name, not a full path)
   * @return the mapping
   * @throws IngestException {@code VAN-G-0001} if it is malformed or breaks the mapping schema
   */
  public static MappingModel read(byte[] json, String origin) {
    JsonNode root;
    try {
      root = VanJson.strict().readTree(json);
    } catch (VanException e) {
      throw new IngestException(
          IngestException.MAPPING_INVALID, origin + ": not a JSON document: " + e.getMessage(), e);
    }
    return new MappingReader(origin).mapping(root);
  }

  private MappingModel mapping(JsonNode root) {
    Obj o = new Obj(root, "");
    o.done(
        List.of(
            "mappingFormat",
            "name",
            "description",
            "country",
            "organisation",
            "source",
            "unknownValues",
            "records"));
    String format = o.string("mappingFormat");
    if (!format.equals(FORMAT)) {
      throw fail("/mappingFormat", "is '" + format + "'; supported: " + FORMAT);
    }
    String name = o.string("name");
    String description = o.optionalString("description", "");
    CountryCode country;
    String countryCode = o.string("country");
    try {
      country = CountryCode.parse(countryCode);
    } catch (VanException e) {
      throw fail("/country", "is not an ISO 3166-1 alpha-3 country code (e.g. KHM)");
    }
    String organisation = o.string("organisation");
    if (!ORGANISATION.matcher(organisation).matches()) {
      throw fail("/organisation", "must be 2-16 capital letters or digits, e.g. CMAA");
    }
    SourceSpec source = source(o.obj("source"));
    List<String> unknown = new ArrayList<>();
    if (o.has("unknownValues")) {
      for (String s : o.strings("unknownValues", true)) {
        unknown.add(Text.fold(s));
      }
    }
    Obj records = o.obj("records");
    records.done(allKeys());
    List<RecordSpec> specs = new ArrayList<>();
    for (Target t : Target.values()) {
      if (records.has(t.key())) {
        specs.add(record(t, records.obj(t.key())));
      }
    }
    if (specs.isEmpty()) {
      throw fail("/records", "must define at least one of " + allKeys());
    }
    boolean hasCasualty = specs.stream().anyMatch(r -> r.target() == Target.CASUALTY);
    for (RecordSpec r : specs) {
      if (r.target() == Target.CASUALTY) {
        for (Target needed : List.of(Target.PERSON, Target.INCIDENT)) {
          if (specs.stream().noneMatch(s -> s.target() == needed)) {
            throw fail("/records", "a casualty needs a " + needed.key() + " record as well");
          }
        }
      }
      if (r.target() == Target.FUNCTIONING_ASSESSMENT
          && specs.stream().noneMatch(s -> s.target() == Target.PERSON)) {
        throw fail("/records", "a functioningAssessment needs a person record as well");
      }
      for (Map.Entry<Field, ValueSpec> e : r.fields().entrySet()) {
        if (e.getValue().derive().isPresent() && !hasCasualty) {
          throw fail(e.getValue().pointer() + "/derive", "needs person, incident and casualty");
        }
      }
    }
    return new MappingModel(
        name, description, country, organisation, source, List.copyOf(unknown), List.copyOf(specs));
  }

  private static List<String> allKeys() {
    List<String> keys = new ArrayList<>();
    for (Target t : Target.values()) {
      keys.add(t.key());
    }
    return keys;
  }

  private SourceSpec source(Obj o) {
    SourceFormat format = enumValue(o, "format", SourceFormat.class);
    o.done(
        format == SourceFormat.CSV
            ? List.of("format", "encoding", "delimiter", "quote", "headerRow")
            : List.of("format", "sheet", "headerRow"));
    int headerRow = o.has("headerRow") ? o.integer("headerRow", 1, 1000) : 1;
    if (format == SourceFormat.CSV) {
      SourceEncoding encoding = SourceEncoding.UTF_8;
      if (o.has("encoding")) {
        String e = o.string("encoding");
        encoding = null;
        List<String> allowed = new ArrayList<>();
        for (SourceEncoding s : SourceEncoding.values()) {
          allowed.add(s.code());
          if (s.code().equals(e)) {
            encoding = s;
          }
        }
        if (encoding == null) {
          throw fail(o.path + "/encoding", "is '" + e + "'; allowed: " + allowed);
        }
      }
      char delimiter = o.has("delimiter") ? o.character("delimiter") : ',';
      char quote = o.has("quote") ? o.character("quote") : '"';
      if (delimiter == quote) {
        throw fail(o.path + "/quote", "must differ from the delimiter");
      }
      return new SourceSpec(format, encoding, delimiter, quote, Optional.empty(), headerRow);
    }
    Optional<String> sheet = o.has("sheet") ? Optional.of(o.string("sheet")) : Optional.empty();
    return new SourceSpec(format, SourceEncoding.UTF_8, ',', '"', sheet, headerRow);
  }

  private RecordSpec record(Target target, Obj o) {
    List<String> keys = new ArrayList<>(List.of("key", "fields"));
    if (target == Target.PERSON) {
      keys.add("identifiers");
    }
    keys.addAll(Field.lists(target));
    o.done(keys);
    KeySpec key = key(o.obj("key"));
    Obj fields = o.obj("fields");
    Map<Field, ValueSpec> map = new EnumMap<>(Field.class);
    List<String> allowed = Field.properties(target);
    fields.done(allowed);
    for (String name : fields.names()) {
      Optional<Field> f = Field.of(target, name);
      if (f.isEmpty()) {
        throw unknownKey(fields.path, name, allowed);
      }
      map.put(f.get(), value(f.get(), fields.obj(name)));
    }
    for (Field f : Field.values()) {
      if (f.target() == target && f.list().isEmpty() && f.required() && !map.containsKey(f)) {
        throw fail(
            fields.path,
            "must map '"
                + f.property()
                + "' (a "
                + target.key()
                + " needs it"
                + (f.hasUnknownCode()
                    ? "; use {\"constant\": \"unknown\"} if the source lacks it)"
                    : ")"));
      }
    }
    List<IdentifierSpec> identifiers = new ArrayList<>();
    if (target == Target.PERSON && o.has("identifiers")) {
      List<JsonNode> items = o.array("identifiers");
      for (int i = 0; i < items.size(); i++) {
        Obj id = new Obj(items.get(i), o.path + "/identifiers/" + i);
        id.done(List.of("system", "value"));
        String system = id.string("system");
        ValueSpec value = value(Field.PERSON_NAME, id.obj("value"));
        identifiers.add(new IdentifierSpec(system, value));
      }
    }
    List<ItemSpec> items = new ArrayList<>();
    for (String list : Field.lists(target)) {
      if (o.has(list)) {
        List<JsonNode> entries = o.array(list);
        for (int i = 0; i < entries.size(); i++) {
          items.add(item(target, list, new Obj(entries.get(i), o.path + "/" + list + "/" + i)));
        }
      }
    }
    return new RecordSpec(target, key, map, List.copyOf(identifiers), List.copyOf(items));
  }

  /** One item of a list: its fields, strictly; the required ones must be mapped. */
  private ItemSpec item(Target target, String list, Obj o) {
    List<String> allowed = Field.properties(target, list);
    o.done(allowed);
    Map<Field, ValueSpec> map = new EnumMap<>(Field.class);
    for (String name : o.names()) {
      Field f = Field.of(target, list, name).orElseThrow(() -> unknownKey(o.path, name, allowed));
      map.put(f, value(f, o.obj(name)));
    }
    for (Field f : Field.values()) {
      if (f.target() == target && f.list().equals(list) && f.required() && !map.containsKey(f)) {
        throw fail(o.path, "must map '" + f.property() + "' (an item of " + list + " needs it)");
      }
    }
    if (map.values().stream().allMatch(v -> v.columns().isEmpty())) {
      throw fail(o.path, "must read at least one value from a column (an item of constants only)");
    }
    return new ItemSpec(list, map, o.path);
  }

  private KeySpec key(Obj o) {
    o.done(List.of("column", "columns", "prefix", "hash"));
    List<ColumnRef> columns = columns(o);
    if (columns.isEmpty()) {
      throw fail(o.path, "must name a column or columns");
    }
    String prefix = o.has("prefix") ? o.stringAllowEmpty("prefix") : "";
    if (!PREFIX.matcher(prefix).matches()) {
      throw fail(o.path + "/prefix", "must be up to 16 letters, digits, '.', '_' or '-'");
    }
    boolean hashed = o.has("hash") && o.bool("hash");
    return new KeySpec(columns, prefix, hashed, o.path);
  }

  private List<ColumnRef> columns(Obj o) {
    if (o.has("column") && o.has("columns")) {
      throw fail(o.path + "/columns", "give either column or columns, not both");
    }
    if (o.has("column")) {
      return List.of(column(o.node.get("column"), o.path + "/column", o));
    }
    if (o.has("columns")) {
      List<JsonNode> items = o.array("columns");
      if (items.isEmpty()) {
        throw fail(o.path + "/columns", "must name at least one column");
      }
      List<ColumnRef> out = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        out.add(column(items.get(i), o.path + "/columns/" + i, o));
      }
      return out;
    }
    return List.of();
  }

  private ColumnRef column(JsonNode v, String pointer, Obj owner) {
    owner.known.add("column");
    owner.known.add("columns");
    if (v.isString() && !v.stringValue().isBlank()) {
      return new ColumnRef(Text.normalise(v.stringValue()), 0);
    }
    if (v.isIntegralNumber() && v.canConvertToInt() && v.intValue() >= 1 && v.intValue() <= 16384) {
      return new ColumnRef("", v.intValue());
    }
    throw fail(pointer, "must be a header name or a column number from 1");
  }

  private ValueSpec value(Field field, Obj o) {
    o.done(
        List.of(
            "column",
            "columns",
            "separator",
            "constant",
            "derive",
            "split",
            "map",
            "unmapped",
            "date",
            "number",
            "area"));
    List<ColumnRef> columns = columns(o);
    String separator = o.has("separator") ? o.stringAllowEmpty("separator") : " ";
    Optional<String> constant =
        o.has("constant") ? Optional.of(o.stringAllowEmpty("constant")) : Optional.empty();
    Optional<ValueSpec.Derivation> derive = Optional.empty();
    if (o.has("derive")) {
      if (field != Field.CASUALTY_AGE) {
        throw fail(o.path + "/derive", "only ageAtIncident can be derived");
      }
      derive = Optional.of(enumValue(o, "derive", ValueSpec.Derivation.class));
    }
    int sources = (columns.isEmpty() ? 0 : 1) + (constant.isPresent() ? 1 : 0);
    if (sources != 1 && !(sources == 0 && derive.isPresent())) {
      throw fail(o.path, "needs exactly one of column, columns or constant (or derive)");
    }
    if (constant.isPresent() && derive.isPresent()) {
      throw fail(o.path + "/derive", "cannot be combined with a constant");
    }
    Optional<SplitSpec> split = Optional.empty();
    if (o.has("split")) {
      Obj s = o.obj("split");
      s.done(List.of("separator", "part"));
      String sep = s.string("separator");
      int part = s.integer("part", -64, 64);
      if (part == 0) {
        throw fail(s.path + "/part", "must not be 0 (1 is the first part, -1 the last)");
      }
      split = Optional.of(new SplitSpec(sep, part));
    }
    Map<String, String> map = new LinkedHashMap<>();
    if (o.has("map")) {
      Obj m = o.obj("map");
      for (String from : m.names()) {
        String to = m.stringAllowEmpty(from);
        checkTarget(field, to, m.path + "/" + escape(from));
        String folded = Text.fold(from);
        if (map.containsKey(folded)) {
          throw fail(
              m.path + "/" + escape(from), "repeats a source value (compared ignoring case)");
        }
        map.put(folded, to);
      }
    }
    boolean toUnknown = false;
    if (o.has("unmapped")) {
      String u = o.string("unmapped");
      if (!u.equals("reject") && !u.equals("unknown")) {
        throw fail(o.path + "/unmapped", "is '" + u + "'; allowed: [reject, unknown]");
      }
      if (map.isEmpty()) {
        throw fail(o.path + "/unmapped", "needs a map");
      }
      toUnknown = u.equals("unknown");
      if (toUnknown && field.kind() == Field.Kind.CODE && !field.hasUnknownCode()) {
        throw fail(o.path + "/unmapped", field.property() + " has no unknown code; use reject");
      }
    }
    Optional<DateSpec> date = Optional.empty();
    if (o.has("date")) {
      requireKind(field, Field.Kind.DATE, o.path + "/date");
      Obj d = o.obj("date");
      d.done(List.of("patterns", "calendar"));
      List<String> patterns = d.strings("patterns", false);
      if (patterns.isEmpty()) {
        throw fail(d.path + "/patterns", "must list at least one pattern");
      }
      for (int i = 0; i < patterns.size(); i++) {
        Optional<String> problem = DatePatterns.problem(patterns.get(i));
        if (problem.isPresent()) {
          throw fail(d.path + "/patterns/" + i, problem.get());
        }
      }
      ValueSpec.Calendar calendar =
          d.has("calendar")
              ? enumValue(d, "calendar", ValueSpec.Calendar.class)
              : ValueSpec.Calendar.GREGORIAN;
      date = Optional.of(new DateSpec(List.copyOf(patterns), calendar));
    } else if (field.kind() == Field.Kind.DATE && constant.isEmpty()) {
      throw fail(o.path, "a date field needs \"date\": {\"patterns\": [...]}");
    }
    Optional<NumberSpec> number = Optional.empty();
    if (o.has("number")) {
      requireKind(field, Field.Kind.INTEGER, o.path + "/number");
      Obj n = o.obj("number");
      n.done(List.of("min", "max"));
      long min = n.has("min") ? n.integer("min", 0, Integer.MAX_VALUE) : 0;
      long max = n.has("max") ? n.integer("max", 0, Integer.MAX_VALUE) : Integer.MAX_VALUE;
      if (min > max) {
        throw fail(n.path + "/max", "must not be below min");
      }
      number = Optional.of(new NumberSpec(min, max));
    }
    Optional<AreaSpec> area = Optional.empty();
    if (o.has("area")) {
      requireKind(field, Field.Kind.AREA, o.path + "/area");
      Obj a = o.obj("area");
      a.done(List.of("level", "spellingTolerance"));
      int level = a.has("level") ? a.integer("level", 1, 3) : 1;
      int tolerance = a.has("spellingTolerance") ? a.integer("spellingTolerance", 0, 2) : 0;
      area = Optional.of(new AreaSpec(level, tolerance));
    } else if (field.kind() == Field.Kind.AREA) {
      area = Optional.of(new AreaSpec(1, 0));
    }
    if (constant.isPresent()) {
      checkConstant(field, constant.get(), o.path + "/constant");
    }
    return new ValueSpec(
        columns,
        separator,
        constant,
        derive,
        split,
        Map.copyOf(map),
        toUnknown,
        date,
        number,
        area,
        o.path);
  }

  private void checkConstant(Field field, String value, String pointer) {
    switch (field.kind()) {
      case CODE:
      case BOOLEAN:
        checkTarget(field, value, pointer);
        break;
      case COUNTRY:
        try {
          CountryCode.parse(value);
        } catch (VanException e) {
          throw fail(pointer, "is not an ISO 3166-1 alpha-3 country code");
        }
        break;
      case ORGANISATION:
        try {
          OrganisationId.parse(value);
        } catch (VanException e) {
          throw fail(pointer, "is not an organisation identifier (ISO3-ORG-local)");
        }
        break;
      default:
        break;
    }
  }

  private void checkTarget(Field field, String to, String pointer) {
    List<String> allowed;
    if (field.kind() == Field.Kind.CODE) {
      allowed = field.allowedCodes();
    } else if (field.kind() == Field.Kind.BOOLEAN) {
      allowed = List.of("true", "false");
    } else {
      return;
    }
    if (!allowed.contains(to)) {
      throw fail(
          pointer,
          "'"
              + to
              + "' is not a value of "
              + field.property()
              + "; allowed: "
              + allowed
              + Spelling.suggest(to, allowed).map(s -> "; did you mean '" + s + "'?").orElse(""));
    }
  }

  private void requireKind(Field field, Field.Kind kind, String pointer) {
    if (field.kind() != kind) {
      throw fail(
          pointer,
          "does not apply to "
              + field.property()
              + " (not a "
              + kind.name().toLowerCase(Locale.ROOT)
              + " field)");
    }
  }

  private <E extends Enum<E>> E enumValue(Obj o, String name, Class<E> type) {
    String v = o.string(name);
    List<String> allowed = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      String code = camel(e.name());
      allowed.add(code);
      if (code.equals(v)) {
        return e;
      }
    }
    throw fail(
        o.path + "/" + escape(name),
        "is '"
            + v
            + "'; allowed: "
            + allowed
            + Spelling.suggest(v, allowed).map(s -> "; did you mean '" + s + "'?").orElse(""));
  }

  /** Returns the lowerCamelCase form of an enum constant name: AGE_FROM_DATES → ageFromDates. */
  static String camel(String constant) {
    StringBuilder sb = new StringBuilder();
    boolean up = false;
    for (char c : constant.toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        sb.append(up ? c : Character.toLowerCase(c));
        up = false;
      }
    }
    return sb.toString();
  }

  private IngestException unknownKey(String path, String name, Collection<String> allowed) {
    return fail(
        path + "/" + escape(name),
        "is not a known key; allowed: "
            + allowed
            + Spelling.suggest(name, allowed).map(s -> "; did you mean '" + s + "'?").orElse(""));
  }

  private IngestException fail(String pointer, String problem) {
    return new IngestException(
        IngestException.MAPPING_INVALID,
        origin + ": " + (pointer.isEmpty() ? "/" : pointer) + ": " + problem);
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  /** A JSON object being read: remembers which properties were asked for to reject the rest. */
  private final class Obj {
    final JsonNode node;
    final String path;
    final Set<String> known = new LinkedHashSet<>();

    Obj(JsonNode node, String path) {
      if (node == null || !node.isObject()) {
        throw fail(path, "must be an object");
      }
      this.node = node;
      this.path = path;
    }

    boolean has(String name) {
      known.add(name);
      return node.has(name);
    }

    List<String> names() {
      List<String> names = new ArrayList<>(node.propertyNames());
      known.addAll(names);
      return names;
    }

    private JsonNode required(String name) {
      known.add(name);
      JsonNode value = node.get(name);
      if (value == null || value.isNull()) {
        for (String other : node.propertyNames()) {
          if (!known.contains(other) && Spelling.suggest(other, List.of(name)).isPresent()) {
            throw unknownKey(path, other, List.of(name));
          }
        }
        throw fail(path + "/" + escape(name), "is required");
      }
      return value;
    }

    String string(String name) {
      String s = stringAllowEmpty(name);
      if (s.isBlank()) {
        throw fail(path + "/" + escape(name), "must not be empty");
      }
      return s;
    }

    String stringAllowEmpty(String name) {
      JsonNode v = required(name);
      if (!v.isString()) {
        throw fail(path + "/" + escape(name), "must be a string");
      }
      return v.stringValue();
    }

    String optionalString(String name, String otherwise) {
      return has(name) ? string(name) : otherwise;
    }

    char character(String name) {
      String s = stringAllowEmpty(name);
      if (s.length() != 1 || s.charAt(0) == '\n' || s.charAt(0) == '\r') {
        throw fail(path + "/" + escape(name), "must be one character (not a line break)");
      }
      return s.charAt(0);
    }

    boolean bool(String name) {
      JsonNode v = required(name);
      if (!v.isBoolean()) {
        throw fail(path + "/" + escape(name), "must be true or false");
      }
      return v.booleanValue();
    }

    int integer(String name, int min, int max) {
      JsonNode v = required(name);
      if (!v.isIntegralNumber() || !v.canConvertToInt()) {
        throw fail(path + "/" + escape(name), "must be a whole number");
      }
      int i = v.intValue();
      if (i < min || i > max) {
        throw fail(path + "/" + escape(name), "is " + i + "; allowed: " + min + " to " + max);
      }
      return i;
    }

    Obj obj(String name) {
      return new Obj(required(name), path + "/" + escape(name));
    }

    List<JsonNode> array(String name) {
      JsonNode v = required(name);
      if (!v.isArray()) {
        throw fail(path + "/" + escape(name), "must be an array");
      }
      return new ArrayList<>(v.values());
    }

    List<String> strings(String name, boolean allowEmpty) {
      List<JsonNode> items = array(name);
      List<String> out = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        JsonNode item = items.get(i);
        if (!item.isString() || (!allowEmpty && item.stringValue().isBlank())) {
          throw fail(path + "/" + escape(name) + "/" + i, "must be a non-empty string");
        }
        out.add(item.stringValue());
      }
      return List.copyOf(out);
    }

    /** Rejects any property not in the allowed list, naming the allowed ones. */
    void done(List<String> allowed) {
      known.addAll(allowed);
      for (String name : node.propertyNames()) {
        if (!allowed.contains(name)) {
          throw unknownKey(path, name, allowed);
        }
      }
    }
  }
}
