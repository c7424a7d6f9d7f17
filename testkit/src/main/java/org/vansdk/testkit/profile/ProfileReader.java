package org.vansdk.testkit.profile;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.json.VanJsonException;
import org.vansdk.core.place.Gazetteer;
import org.vansdk.core.place.GazetteerArea;
import tools.jackson.databind.JsonNode;

/**
 * Reads a profile document strictly, walking the JSON tree so every error carries the JSON Pointer
 * of the offending value. Not thread-safe; one instance per document.
 */
final class ProfileReader {
  /** Longest accepted code pattern. */
  private static final int MAX_PATTERN_LENGTH = 100;

  /** What a code pattern may be made of: capitals and fixed-length digit runs. */
  private static final Pattern CODE_PATTERN = Pattern.compile("(?:[A-Z]|\\\\d\\{[1-9][0-9]?\\})+");

  private static final double SUM_TOLERANCE = 0.001;

  /** Which of the gazetteer's names the profile's level-1 areas carry in generated records. */
  private static final List<String> LEVEL1_NAMES = List.of("english", "national");

  private static final Pattern ISO3 = Pattern.compile("[A-Z]{3}");
  private static final Pattern ORG_CODE = Pattern.compile("[A-Z0-9]{2,16}");
  private static final Pattern TEMPLATE =
      Pattern.compile("\\{(parent|level1)\\}([A-Z]*)\\{(n+)\\}");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

  private final String origin;
  private Map<String, Source> sources = Map.of();
  private final List<String[]> sourceRefs = new ArrayList<>();

  ProfileReader(String origin) {
    this.origin = origin;
  }

  CountryProfile read(InputStream json) {
    JsonNode root;
    try {
      root = VanJson.strict().readTree(json.readAllBytes());
    } catch (IOException e) {
      throw new ProfileException(origin + ": cannot be read", e);
    } catch (VanJsonException e) {
      throw new ProfileException(
          origin,
          e.pointer(),
          "is not well-formed JSON: "
              + e.problem()
              + (e.line() > 0 ? " (line " + e.line() + ", column " + e.column() + ")" : ""));
    } catch (NumberFormatException e) {
      // Jackson refuses numbers beyond BigDecimal's range this way; its text quotes the input.
      throw new ProfileException(origin, "", "a number is too large or too precise to read");
    }
    if (root == null || root.isMissingNode()) {
      throw new ProfileException(origin + ": is empty; expected a profile object");
    }
    Obj o = new Obj(root, "");
    int format = o.integer("profileFormat");
    if (format != 1) {
      throw fail("/profileFormat", "is " + format + "; this SDK reads profile format 1 only");
    }
    String country = o.string("country");
    if (!ISO3.matcher(country).matches()) {
      throw fail("/country", "must be an ISO 3166-1 alpha-3 code such as KHM");
    }
    String countryName = o.string("countryName");
    LocalDate compiledOn = o.date("compiledOn");
    String summary = o.string("summary");
    sources = readSources(o.obj("sources"));
    Obj reference = o.obj("reference");
    reference.positiveInteger("totalCasualties");
    reference.string("through");
    sourceRef(reference, "source");
    reference.done();
    IncidentYears years = readYears(o.obj("incidentYears"));
    Map<Attribute, Distribution> distributions = new EnumMap<>(Attribute.class);
    for (Attribute attribute : Attribute.values()) {
      distributions.put(attribute, readDistribution(attribute, o.obj(attribute.property()), years));
    }
    AdminAreas admin = readAdmin(o.obj("adminAreas"), country);
    List<ProfileOrganisation> organisations =
        readOrganisations(o.array("organisations"), "/organisations");
    NameParts names = readNames(o.obj("syntheticNames"));
    List<String> languages = o.strings("languages", List.of(), false);
    for (int i = 0; i < languages.size(); i++) {
      if (!LANGUAGE.matcher(languages.get(i)).matches()) {
        throw fail("/languages/" + i, "must be a BCP 47 language tag such as km or lo");
      }
    }
    if (languages.isEmpty()) {
      throw fail("/languages", "must list at least one language");
    }
    CareFlow careFlow = readCareFlow(o.obj("careFlow"));
    o.done();
    for (String[] ref : sourceRefs) {
      if (!sources.containsKey(ref[1])) {
        throw fail(
            ref[0],
            "refers to source '"
                + ref[1]
                + "' which is not declared; declared: "
                + sources.keySet());
      }
    }
    return new CountryProfile(
        country,
        countryName,
        compiledOn,
        summary,
        sources,
        years,
        distributions,
        admin,
        organisations,
        names,
        languages,
        careFlow);
  }

  private Map<String, Source> readSources(Obj o) {
    Map<String, Source> map = new LinkedHashMap<>();
    for (String id : o.names()) {
      Obj s = o.obj(id);
      map.put(
          id, new Source(id, s.string("citation"), s.stringAllowEmpty("url"), s.string("date")));
      s.done();
    }
    if (map.isEmpty()) {
      throw fail("/sources", "must declare at least one source");
    }
    o.done();
    return Collections.unmodifiableMap(map);
  }

  private String sourceRef(Obj o, String name) {
    String id = o.string(name);
    sourceRefs.add(new String[] {o.path + "/" + name, id});
    return id;
  }

  private IncidentYears readYears(Obj o) {
    String source = sourceRef(o, "source");
    boolean approximate = o.bool("approximate");
    String basis = o.string("basis");
    List<JsonNode> periods = o.array("periods");
    if (periods.isEmpty()) {
      throw fail(o.path + "/periods", "must list at least one period");
    }
    List<Double> perYear = new ArrayList<>();
    int first = 0;
    int expected = 0;
    double total = 0;
    for (int i = 0; i < periods.size(); i++) {
      Obj p = new Obj(periods.get(i), o.path + "/periods/" + i);
      int from = p.year("from");
      int to = p.year("to");
      double count = p.number("perYear");
      p.done();
      if (i == 0) {
        first = from;
      } else if (from != expected) {
        throw fail(
            p.path + "/from", "is " + from + "; periods must follow on, expected " + expected);
      }
      if (to < from) {
        throw fail(p.path + "/to", "is before from (" + from + ")");
      }
      if (count < 0) {
        throw fail(p.path + "/perYear", "must not be negative");
      }
      for (int y = from; y <= to; y++) {
        perYear.add(count);
      }
      total += count * (to - from + 1);
      expected = to + 1;
    }
    if (total <= 0) {
      throw fail(o.path + "/periods", "must give at least one casualty in some year");
    }
    o.done();
    double[] counts = perYear.stream().mapToDouble(Double::doubleValue).toArray();
    return new IncidentYears(first, counts, source, approximate, basis);
  }

  private Distribution readDistribution(Attribute attribute, Obj o, IncidentYears years) {
    String source = sourceRef(o, "source");
    boolean approximate = o.bool("approximate");
    String basis = o.string("basis");
    List<JsonNode> erasJson = o.array("eras");
    if (erasJson.isEmpty()) {
      throw fail(o.path + "/eras", "must list at least one era");
    }
    List<Era> eras = new ArrayList<>();
    int expected = years.first();
    for (int i = 0; i < erasJson.size(); i++) {
      Obj e = new Obj(erasJson.get(i), o.path + "/eras/" + i);
      int from = e.year("from");
      int to = e.year("to");
      if (from != expected) {
        throw fail(
            e.path + "/from",
            "is "
                + from
                + "; eras must cover the incident years "
                + years.first()
                + "-"
                + years.last()
                + " without gap or overlap, expected "
                + expected);
      }
      if (to < from) {
        throw fail(e.path + "/to", "is before from (" + from + ")");
      }
      Shares shares = readShares(e.obj("shares"), attribute.allowed());
      e.done();
      eras.add(new Era(from, to, shares));
      expected = to + 1;
    }
    if (expected != years.last() + 1) {
      throw fail(
          o.path + "/eras",
          "end in " + (expected - 1) + " but the incident years run to " + years.last());
    }
    o.done();
    return new Distribution(attribute, source, approximate, basis, eras);
  }

  private Shares readShares(Obj o, List<String> allowed) {
    Map<String, Double> map = new LinkedHashMap<>();
    double sum = 0;
    for (String code : o.names()) {
      if (!allowed.contains(code)) {
        throw fail(o.path + "/" + escape(code), "is not an allowed code; allowed: " + allowed);
      }
      double share = o.number(code);
      if (share < 0 || share > 1) {
        throw fail(o.path + "/" + escape(code), "is " + share + "; a share must be in [0, 1]");
      }
      map.put(code, share);
      sum += share;
    }
    if (map.isEmpty()) {
      throw fail(o.path, "must give at least one share; allowed codes: " + allowed);
    }
    if (Math.abs(sum - 1) > SUM_TOLERANCE) {
      throw fail(
          o.path,
          String.format(
              java.util.Locale.ROOT,
              "shares sum to %.4f; they must sum to 1 (within %s)",
              sum,
              SUM_TOLERANCE));
    }
    o.done();
    return new Shares(map);
  }

  private AdminAreas readAdmin(Obj o, String country) {
    String source = sourceRef(o, "source");
    String names = o.string("level1Names");
    if (!LEVEL1_NAMES.contains(names)) {
      throw fail(o.path + "/level1Names", "is not an allowed value; allowed: " + LEVEL1_NAMES);
    }
    boolean uncertain = o.bool("uncertain");
    String note = o.string("note");
    Pattern level1Pattern = o.pattern("level1Pattern");
    LowerLevel level2 = readLowerLevel(o.obj("level2"), 2);
    LowerLevel level3 = readLowerLevel(o.obj("level3"), 3);
    List<JsonNode> areas = o.array("level1");
    if (areas.isEmpty()) {
      throw fail(o.path + "/level1", "must list at least one area");
    }
    List<Level1Area> level1 = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < areas.size(); i++) {
      Obj a = new Obj(areas.get(i), o.path + "/level1/" + i);
      String pCode = a.string("pcode");
      if (!level1Pattern.matcher(pCode).matches()) {
        throw fail(a.path + "/pcode", "'" + pCode + "' does not match " + level1Pattern);
      }
      if (!seen.add(pCode)) {
        throw fail(a.path + "/pcode", "'" + pCode + "' is listed twice");
      }
      Optional<GazetteerArea> known =
          Gazetteer.level1(pCode).filter(g -> g.country().code().equals(country));
      if (known.isEmpty()) {
        throw fail(
            a.path + "/pcode",
            "'" + pCode + "' is not a level-1 area of " + country + " in core's Gazetteer");
      }
      String name =
          names.equals("national") ? known.get().nationalName() : known.get().englishName();
      double weight = a.number("weight");
      if (!(weight > 0)) {
        throw fail(a.path + "/weight", "must be greater than 0");
      }
      boolean flagged = a.optionalBool("uncertain", false);
      String areaNote = a.optionalString("note", "");
      a.done();
      level1.add(new Level1Area(pCode, name, weight, flagged, areaNote));
    }
    o.done();
    Level1Area last = level1.get(level1.size() - 1);
    String l2 = level2.code(last.pCode(), last.pCode(), 1, level2.perParent());
    if (!level2.pattern().matcher(l2).matches()) {
      throw fail(
          o.path + "/level2/code", "builds '" + l2 + "' which does not match " + level2.pattern());
    }
    String l3 = level3.code(last.pCode(), l2, level2.perParent(), level3.perParent());
    if (!level3.pattern().matcher(l3).matches()) {
      throw fail(
          o.path + "/level3/code", "builds '" + l3 + "' which does not match " + level3.pattern());
    }
    return new AdminAreas(source, uncertain, note, level1Pattern, level1, level2, level3);
  }

  private LowerLevel readLowerLevel(Obj o, int level) {
    Pattern pattern = o.pattern("pattern");
    String template = o.string("code");
    java.util.regex.Matcher m = TEMPLATE.matcher(template);
    if (!m.matches()) {
      throw fail(
          o.path + "/code",
          "must look like {parent}{nn} or {level1}D{nnn}: the parent or level-1 code, optional"
              + " capitals, then n's for the zero-padded number");
    }
    boolean synthetic = o.bool("synthetic");
    int perParent = o.integer("perParent");
    if (perParent < 1 || perParent > 99) {
      throw fail(o.path + "/perParent", "is " + perParent + "; allowed: 1 to 99");
    }
    String note = o.string("note");
    o.done();
    boolean inLevel1 = m.group(1).equals("level1");
    int width = m.group(3).length();
    if (!inLevel1 && Integer.toString(perParent).length() > width) {
      throw fail(o.path + "/code", "has " + width + " digits, too few for " + perParent + " areas");
    }
    return new LowerLevel(
        level, pattern, template, inLevel1, m.group(2), width, synthetic, perParent, note);
  }

  private List<ProfileOrganisation> readOrganisations(List<JsonNode> nodes, String path) {
    List<ProfileOrganisation> list = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    boolean anyProvider = false;
    for (int i = 0; i < nodes.size(); i++) {
      Obj o = new Obj(nodes.get(i), path + "/" + i);
      String code = o.string("code");
      if (!ORG_CODE.matcher(code).matches() || !seen.add(code)) {
        throw fail(o.path + "/code", "must be 2-16 capitals or digits and unique in the profile");
      }
      String name = o.string("name");
      String type = o.string("type");
      if (!Codes.ORGANISATION_TYPE.contains(type)) {
        throw fail(
            o.path + "/type", "is not an organisation type; allowed: " + Codes.ORGANISATION_TYPE);
      }
      List<String> services = o.strings("serviceTypes", Codes.SERVICE_TYPE, true);
      anyProvider |= !services.isEmpty();
      o.done();
      list.add(new ProfileOrganisation(code, name, type, services));
    }
    if (!anyProvider) {
      throw fail(path, "must include at least one organisation offering a service type");
    }
    return list;
  }

  private NameParts readNames(Obj o) {
    boolean familyFirst = o.bool("familyNameFirst");
    List<String> family = o.strings("family", List.of(), false);
    List<String> male = o.strings("givenMale", List.of(), false);
    List<String> female = o.strings("givenFemale", List.of(), false);
    if (male.isEmpty() || female.isEmpty()) {
      throw fail(o.path, "givenMale and givenFemale must each list at least one name");
    }
    o.done();
    return new NameParts(familyFirst, family, male, female);
  }

  private CareFlow readCareFlow(Obj o) {
    String basis = o.string("basis");
    double laterDeath = o.probability("laterDeathAmongInjured");
    Shares indirect = readShares(o.obj("indirectVictimsPerCasualty"), Codes.SMALL_COUNTS);
    double functioning = o.probability("functioningAssessedAmongSurvivors");
    double needs = o.probability("needsAssessedAmongSurvivors");
    double referred = o.probability("referredAmongNeedsAssessed");
    Shares attempts =
        readShares(
            o.obj("attemptsPerReferral"), Codes.SMALL_COUNTS.subList(1, Codes.SMALL_COUNTS.size()));
    Shares endState = readShares(o.obj("attemptEndState"), Codes.ATTEMPT_STATUS);
    double withoutReferral = o.probability("deliveriesWithoutReferral");
    double withdrawn = o.probability("consentWithdrawnShare");
    double householdHead = o.probability("householdHeadAmongAdults");
    Shares displacement = readShares(o.obj("displacementStatus"), Codes.DISPLACEMENT);
    o.done();
    return new CareFlow(
        basis,
        laterDeath,
        indirect,
        functioning,
        needs,
        referred,
        attempts,
        endState,
        withoutReferral,
        withdrawn,
        householdHead,
        displacement);
  }

  private ProfileException fail(String pointer, String problem) {
    return new ProfileException(origin, pointer, problem);
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

    List<String> names() {
      List<String> names = new ArrayList<>(node.propertyNames());
      known.addAll(names);
      return names;
    }

    private JsonNode required(String name) {
      known.add(name);
      JsonNode value = node.get(name);
      if (value == null || value.isNull()) {
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
      known.add(name);
      return node.has(name) ? string(name) : otherwise;
    }

    boolean bool(String name) {
      JsonNode v = required(name);
      if (!v.isBoolean()) {
        throw fail(path + "/" + escape(name), "must be true or false");
      }
      return v.booleanValue();
    }

    boolean optionalBool(String name, boolean otherwise) {
      known.add(name);
      return node.has(name) ? bool(name) : otherwise;
    }

    double number(String name) {
      JsonNode v = required(name);
      if (!v.isNumber()) {
        throw fail(path + "/" + escape(name), "must be a number");
      }
      double d = v.doubleValue();
      if (!Double.isFinite(d)) {
        throw fail(path + "/" + escape(name), "must be a finite number");
      }
      return d;
    }

    double probability(String name) {
      double d = number(name);
      if (d < 0 || d > 1) {
        throw fail(path + "/" + escape(name), "is " + d + "; must be in [0, 1]");
      }
      return d;
    }

    int integer(String name) {
      JsonNode v = required(name);
      if (!v.isIntegralNumber() || !v.canConvertToInt()) {
        throw fail(path + "/" + escape(name), "must be a whole number");
      }
      return v.intValue();
    }

    int positiveInteger(String name) {
      int i = integer(name);
      if (i <= 0) {
        throw fail(path + "/" + escape(name), "must be greater than 0");
      }
      return i;
    }

    int year(String name) {
      int y = integer(name);
      if (y < 1900 || y > 2100) {
        throw fail(path + "/" + escape(name), "is " + y + "; allowed: 1900 to 2100");
      }
      return y;
    }

    LocalDate date(String name) {
      String s = string(name);
      try {
        return LocalDate.parse(s);
      } catch (DateTimeParseException e) {
        throw fail(path + "/" + escape(name), "must be a date such as 2026-11-29");
      }
    }

    /**
     * Reads a code pattern. Only capitals and {@code \d{n}} digit runs are accepted, so the profile
     * cannot bring a regular expression that backtracks for ever or fails to compile.
     */
    Pattern pattern(String name) {
      String s = string(name);
      if (s.length() > MAX_PATTERN_LENGTH || !CODE_PATTERN.matcher(s).matches()) {
        throw fail(
            path + "/" + escape(name),
            "must be capitals and \\d{n} digit runs such as KH\\d{2}, at most "
                + MAX_PATTERN_LENGTH
                + " characters");
      }
      return Pattern.compile(s);
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

    List<String> strings(String name, List<String> allowed, boolean restrict) {
      List<JsonNode> items = array(name);
      List<String> out = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        JsonNode item = items.get(i);
        String where = path + "/" + escape(name) + "/" + i;
        if (!item.isString() || item.stringValue().isBlank()) {
          throw fail(where, "must be a non-empty string");
        }
        if (restrict && !allowed.contains(item.stringValue())) {
          throw fail(where, "is not an allowed code; allowed: " + allowed);
        }
        out.add(item.stringValue());
      }
      return List.copyOf(out);
    }

    void done() {
      for (String name : node.propertyNames()) {
        if (!known.contains(name)) {
          throw fail(path + "/" + escape(name), "is not a known property; allowed: " + known);
        }
      }
    }
  }
}
