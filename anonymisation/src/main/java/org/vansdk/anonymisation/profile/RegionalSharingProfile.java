package org.vansdk.anonymisation.profile;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.vansdk.anonymisation.AnonymisationException;
import org.vansdk.anonymisation.hierarchy.Hierarchy;
import org.vansdk.anonymisation.hierarchy.VaHierarchies;
import org.vansdk.anonymisation.policy.AnonymisationPolicy;
import org.vansdk.anonymisation.policy.AuditRecord;
import org.vansdk.anonymisation.policy.LevelRange;
import org.vansdk.anonymisation.policy.Priority;
import org.vansdk.anonymisation.policy.Recoding;
import org.vansdk.anonymisation.pseudonym.KeyProvider;
import org.vansdk.anonymisation.pseudonym.PseudonymKey;
import org.vansdk.anonymisation.pseudonym.Pseudonymiser;
import org.vansdk.anonymisation.risk.RiskReport;
import org.vansdk.anonymisation.risk.UtilityReport;
import org.vansdk.anonymisation.search.Dataset;
import org.vansdk.anonymisation.search.FullDomainSearch;
import org.vansdk.anonymisation.search.LocalRecoding;
import org.vansdk.anonymisation.search.LocalRecodingResult;
import org.vansdk.core.casualty.Activity;
import org.vansdk.core.casualty.CivilianStatus;
import org.vansdk.core.casualty.Outcome;
import org.vansdk.core.deidentified.DeidentifiedCasualty;
import org.vansdk.core.incident.DeviceCategory;
import org.vansdk.core.json.NdjsonReader;
import org.vansdk.core.json.NdjsonRecord;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.person.Sex;
import org.vansdk.core.submission.Submission;

/**
 * Produces the regional sharing profile: one {@link DeidentifiedCasualty} per casualty of a
 * submission or NDJSON stream, with six quasi-identifiers (sex, age at incident, place, incident
 * date, device, activity) generalised under the policy, a keyed pseudonym instead of identity, and
 * the facts the regional indicators need. Generalisation is local recoding by default ({@link
 * LocalRecoding}: classes may keep different levels, never worse than the global optimum) or the
 * optimal full-domain search when the policy says {@code "recoding": "global"}; the audit says
 * which, the release gives each record's levels, and a {@link UtilityReport} says what the release
 * can still answer ({@link #QUESTIONS}).
 *
 * <p>The profile raises the policy's minimum levels to what a de-identified casualty can carry: age
 * at least a 5-year band (level 1), place at least province (level 2), incident date at least month
 * (level 1), activity at least its group (level 1); place at most country (level 3), since the
 * country is always released. Suppressed casualties are kept with every quasi-identifier withheld
 * (sex unknown, nothing else), so regional totals stay complete. The pseudonym is made from the
 * person's first external identifier (ordered by system, then value), or from the person's record
 * id when there is none. Output is sorted by pseudonym then content: the same submission, key and
 * policy give the same bytes.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 1.0
 */
public final class RegionalSharingProfile {
  /** Quasi-identifiers in column order. */
  public static final List<String> ATTRIBUTES =
      List.copyOf(DeidentifiedCasualty.LEVEL_NAMES.keySet());

  /** Attributes l-diversity may protect in this profile. */
  public static final List<String> SENSITIVE = List.of("outcome", "civilianStatus");

  private static final int[] PROFILE_MIN = {0, 1, 2, 1, 0, 1};

  /** The country is always released, so place is never generalised above it. */
  private static final int[] PROFILE_MAX = {9, 9, 3, 9, 9, 9};

  /** The name of each level of each quasi-identifier's hierarchy, finest first. */
  public static final Map<String, List<String>> LEVEL_NAMES = DeidentifiedCasualty.LEVEL_NAMES;

  /** The questions the utility report answers: what regional analysts count first. */
  public static final List<UtilityReport.Question> QUESTIONS =
      List.of(
          question("casualties by province and year", "place", 2, "incidentDate", 3),
          question("casualties by sex and 5-year age band", "sex", 0, "age", 1),
          question(
              "casualties by province, year, sex and 5-year age band",
              "place",
              2,
              "incidentDate",
              3,
              "sex",
              0,
              "age",
              1),
          question("casualties by year and month", "incidentDate", 1),
          question("casualties by device category and year", "device", 0, "incidentDate", 3),
          question("casualties by activity group and province", "activity", 1, "place", 2));

  private final AnonymisationPolicy policy;
  private final KeyProvider keys;
  private final Clock clock;

  private RegionalSharingProfile(AnonymisationPolicy policy, KeyProvider keys, Clock clock) {
    this.policy = policy;
    this.keys = keys;
    this.clock = clock;
  }

  /**
   * Creates the profile.
   *
   * @param policy the anonymisation policy
   * @param keys the pseudonym key provider
   * @param clock the clock stamped into audits
   * @return the profile
   */
  public static RegionalSharingProfile of(
      AnonymisationPolicy policy, KeyProvider keys, Clock clock) {
    return new RegionalSharingProfile(policy, keys, clock);
  }

  /**
   * De-identifies the casualties of a submission.
   *
   * @param submission the national submission
   * @return the release and its audit
   * @throws AnonymisationException {@code VAN-A-0003} if a casualty refers to a person or incident
   *     absent from the submission; {@code VAN-A-0006} if the policy cannot be met
   */
  public Release apply(Submission submission) {
    Collector collector = collector();
    submission.persons().forEach(collector);
    submission.incidents().forEach(collector);
    submission.casualties().forEach(collector);
    submission.functioningAssessments().forEach(collector);
    submission.serviceDeliveries().forEach(collector);
    return collector.release();
  }

  /**
   * De-identifies the casualties of an NDJSON stream ({@code {"type": ..., "record": ...}} lines,
   * in any order), reading one line at a time: memory grows with the number of records kept as
   * codes, not with the size of the input.
   *
   * @param reader the NDJSON reader; read to the end, not closed
   * @return the release and its audit
   * @throws org.vansdk.core.json.VanJsonException located at its line if a line is malformed
   * @throws AnonymisationException as {@link #apply(Submission)}
   */
  public Release apply(NdjsonReader reader) {
    Collector collector = collector();
    for (Optional<NdjsonRecord> r = reader.next(); r.isPresent(); r = reader.next()) {
      collector.accept(r.get().record());
    }
    return collector.release();
  }

  /**
   * Returns a collector to feed records one at a time (e.g. from a generator), then release.
   *
   * @return a new collector, to be used once
   */
  public Collector collector() {
    PseudonymKey key = keys.currentKey(policy.purpose(), policy.recipient());
    return new Collector(key);
  }

  /**
   * Receives the records of one input one at a time, in any order, and keeps what the profile needs
   * as codes (persons' pseudonyms are computed on arrival; identifiers, names and other fields are
   * not kept). Records of other types are ignored. Not thread-safe; use once.
   */
  public final class Collector implements Consumer<Object> {
    private final PseudonymKey key;
    private final CasualtyTable table;
    private boolean released;

    private Collector(PseudonymKey key) {
      this.key = key;
      this.table = new CasualtyTable(Pseudonymiser.of(key));
    }

    /**
     * Keeps a model record: a person, incident, casualty, functioning assessment or service
     * delivery.
     *
     * @param record the record
     */
    @Override
    public void accept(Object record) {
      table.accept(record);
    }

    /**
     * Returns the number of casualties received so far.
     *
     * @return the count
     */
    public int casualties() {
      return table.size();
    }

    /**
     * De-identifies the casualties received.
     *
     * @return the release and its audit
     * @throws AnonymisationException {@code VAN-A-0003} if a casualty refers to a person or
     *     incident not received, or the collector was released already; {@code VAN-A-0006} if the
     *     policy cannot be met
     */
    public Release release() {
      if (released) {
        throw new AnonymisationException(
            AnonymisationException.INVALID_CONFIGURATION, "a collector can be released only once");
      }
      released = true;
      table.checkReferences();
      table.canonicalise();
      return RegionalSharingProfile.this.release(table, key);
    }
  }

  private Release release(CasualtyTable table, PseudonymKey key) {
    int n = table.size();
    Dataset data = dataset(table);
    @Nullable LocalRecodingResult result = n == 0 ? null : recode(data);
    Deidentification deidentification = new Deidentification(table, result);
    int[] order = order(deidentification, n);

    List<String> models = new ArrayList<>();
    policy.privacyModels().forEach(m -> models.add(m.toString()));
    int k = policy.k();
    boolean local = result != null && result.isLocal();
    OptionalDouble globalLoss =
        result == null
            ? OptionalDouble.of(0)
            : result.global().map(g -> OptionalDouble.of(g.loss())).orElse(OptionalDouble.empty());
    UtilityReport utility =
        UtilityReport.measure(
            n, LEVEL_NAMES, deidentification::level, deidentification::isSuppressed, QUESTIONS);
    // Global recoding: the level of every record; local: the coarsest level of a released record.
    Map<String, Integer> levels = new LinkedHashMap<>();
    for (UtilityReport.AttributeLevels a : utility.attributes()) {
      int coarsest = 0;
      for (int level = 0; level < a.records().size(); level++) {
        coarsest = a.records().get(level) > 0 ? level : coarsest;
      }
      levels.put(a.attribute(), coarsest);
    }
    AuditRecord audit =
        new AuditRecord(
            policy.name(),
            policy.sha256(),
            clock.instant(),
            n,
            n,
            levels,
            result == null ? 0 : result.suppressedCount(),
            models,
            FullDomainSearch.builder(data)
                .suppressionLimit(policy.suppressionLimit())
                .build()
                .maxSuppressed(),
            policy.lossModelName(),
            result == null ? 0 : result.loss(),
            RiskReport.before(data, k),
            result == null ? RiskReport.before(data, k) : RiskReport.after(data, result, k),
            policy.purpose().code(),
            policy.recipient().code(),
            key.version(),
            local ? Recoding.LOCAL.code() : Recoding.GLOBAL.code(),
            globalLoss,
            utility,
            priorities(deidentification, n));
    return new Release(deidentification, order, audit, ATTRIBUTES);
  }

  private Dataset dataset(CasualtyTable table) {
    int n = table.size();
    int firstYear = Integer.MAX_VALUE;
    int lastYear = Integer.MIN_VALUE;
    TreeSet<String> pcodes = new TreeSet<>();
    TreeSet<String> countries = new TreeSet<>();
    boolean[] datesUsed = new boolean[table.dates.size()];
    boolean[] placesUsed = new boolean[table.places.size()];
    for (int i = 0; i < n; i++) {
      datesUsed[table.dateCode(i)] = true;
      placesUsed[table.placeCode(i)] = true;
      countries.add(table.country(i).code());
    }
    for (int d = 0; d < datesUsed.length; d++) {
      if (datesUsed[d]) {
        int year = table.dates.value(d).year();
        firstYear = Math.min(firstYear, year);
        lastYear = Math.max(lastYear, year);
      }
    }
    for (int p = 0; p < placesUsed.length; p++) {
      String place = table.places.value(p);
      if (placesUsed[p] && !countries.contains(place)) {
        pcodes.add(place);
      }
    }
    if (n == 0) {
      firstYear = lastYear = 2000;
    }
    List<Hierarchy> hierarchies =
        List.of(
            VaHierarchies.flat("sex", codes(Sex.values())),
            VaHierarchies.ageWithUnknown(130),
            placeHierarchy(pcodes, countries),
            VaHierarchies.partialDate("incidentDate", firstYear, lastYear),
            device(),
            activity());
    int[] placeLeaf = new int[placesUsed.length];
    for (int p = 0; p < placeLeaf.length; p++) {
      placeLeaf[p] = placesUsed[p] ? hierarchies.get(2).leaf(table.places.value(p)) : -1;
    }
    int[] dateLeaf = new int[datesUsed.length];
    for (int d = 0; d < dateLeaf.length; d++) {
      dateLeaf[d] = datesUsed[d] ? hierarchies.get(3).leaf(table.dates.value(d).toString()) : -1;
    }
    int unknownAge = hierarchies.get(1).leaf("unknown");
    int[][] columns = new int[ATTRIBUTES.size()][n];
    for (int i = 0; i < n; i++) {
      columns[0][i] = hierarchies.get(0).leaf(table.sex(i).code());
      int age = table.age(i);
      columns[1][i] = age < 0 ? unknownAge : hierarchies.get(1).leaf(Integer.toString(age));
      columns[2][i] = placeLeaf[table.placeCode(i)];
      columns[3][i] = dateLeaf[table.dateCode(i)];
      columns[4][i] = hierarchies.get(4).leaf(table.device(i).code());
      columns[5][i] = hierarchies.get(5).leaf(table.activity(i).code());
    }
    Optional<String> sensitive = policy.sensitiveAttribute();
    if (sensitive.isEmpty()) {
      return Dataset.ofColumns(hierarchies, columns);
    }
    if (!SENSITIVE.contains(sensitive.get())) {
      throw new AnonymisationException(
          AnonymisationException.POLICY_REFUSED,
          "l-diversity attribute "
              + sensitive.get()
              + " is not offered by the regional profile; allowed: "
              + SENSITIVE);
    }
    boolean outcome = sensitive.get().equals("outcome");
    List<String> labels = new ArrayList<>();
    if (outcome) {
      for (Outcome o : Outcome.values()) {
        labels.add(o.code());
      }
    } else {
      for (CivilianStatus s : CivilianStatus.values()) {
        labels.add(s.code());
      }
    }
    int[] codes = new int[n];
    for (int i = 0; i < n; i++) {
      codes[i] = outcome ? table.outcome(i).ordinal() : table.civilianStatus(i).ordinal();
    }
    return Dataset.ofColumns(
        hierarchies, columns, new Dataset.SensitiveColumn(sensitive.get(), labels, codes));
  }

  /** Local or global recoding under the policy, within the levels the profile can carry. */
  private LocalRecodingResult recode(Dataset data) {
    LocalRecoding.Builder local =
        LocalRecoding.builder(data)
            .suppressionLimit(policy.suppressionLimit())
            .loss(policy.lossModel());
    policy.privacyModels().forEach(local::privacy);
    for (int a = 0; a < ATTRIBUTES.size(); a++) {
      int top = Math.min(PROFILE_MAX[a], data.hierarchy(a).levels() - 1);
      Optional<LevelRange> range = policy.levels(ATTRIBUTES.get(a));
      int min = Math.min(top, Math.max(PROFILE_MIN[a], range.map(LevelRange::min).orElse(0)));
      int max = Math.max(min, Math.min(top, range.map(LevelRange::max).orElse(top)));
      local.levels(a, min, max);
    }
    for (Priority priority : policy.priorities()) {
      int[] levels = new int[ATTRIBUTES.size()];
      for (int a = 0; a < levels.length; a++) {
        levels[a] = priority.levels().getOrDefault(ATTRIBUTES.get(a), Integer.MAX_VALUE);
      }
      local.priority(priority.share(), levels);
    }
    LocalRecoding recoding = local.build();
    if (policy.recoding() == Recoding.GLOBAL) {
      return LocalRecodingResult.of(data, recoding.globalSearch().run(), policy.lossModel());
    }
    return recoding.run();
  }

  /** Each priority of the policy with the released casualties meeting it. */
  private List<AuditRecord.PriorityOutcome> priorities(Deidentification records, int n) {
    List<AuditRecord.PriorityOutcome> outcomes = new ArrayList<>();
    for (Priority priority : policy.priorities()) {
      long meeting = 0;
      for (int i = 0; i < n; i++) {
        boolean meets = !records.isSuppressed(i);
        for (Map.Entry<String, Integer> e : priority.levels().entrySet()) {
          meets = meets && records.level(ATTRIBUTES.indexOf(e.getKey()), i) <= e.getValue();
        }
        meeting += meets ? 1 : 0;
      }
      outcomes.add(new AuditRecord.PriorityOutcome(priority, meeting));
    }
    return outcomes;
  }

  /** Positions sorted by pseudonym, then by the record's JSON when a person has two casualties. */
  private static int[] order(Deidentification records, int n) {
    Integer[] boxed = new Integer[n];
    for (int i = 0; i < n; i++) {
      boxed[i] = i;
    }
    VanJson json = VanJson.strict();
    Arrays.sort(
        boxed,
        (x, y) -> {
          int c = records.pseudonym(x).compareTo(records.pseudonym(y));
          if (c != 0) {
            return c;
          }
          return json.write(records.record(x)).compareTo(json.write(records.record(y)));
        });
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = boxed[i];
    }
    return order;
  }

  private static Hierarchy placeHierarchy(TreeSet<String> pcodes, TreeSet<String> countries) {
    Hierarchy.Builder b = Hierarchy.builder("place");
    TreeSet<String> all = new TreeSet<>();
    for (String code : pcodes) {
      all.add(code);
      String province = PlaceCodes.province(code).orElseThrow();
      all.add(province);
      if (PlaceCodes.ochaShaped(code)) {
        for (int len = 4; len < code.length(); len += 2) {
          all.add(code.substring(0, len));
        }
      }
    }
    Map<String, String> countryOfPrefix = new HashMap<>();
    for (String country : countries) {
      countryOfPrefix.put(country.substring(0, 2), country);
    }
    for (String code : all) {
      String country = countryOfPrefix.getOrDefault(code.substring(0, 2), code.substring(0, 2));
      b.add(code, PlaceCodes.district(code), PlaceCodes.province(code).orElseThrow(), country, "*");
    }
    for (String country : countries) {
      b.add(country, country, country, country, "*");
    }
    return b.build();
  }

  private static Hierarchy device() {
    Map<String, String> groups = new LinkedHashMap<>();
    for (DeviceCategory d : DeviceCategory.values()) {
      groups.put(d.code(), d.group().code());
    }
    return VaHierarchies.grouped("device", groups);
  }

  private static Hierarchy activity() {
    Map<String, String> groups = new LinkedHashMap<>();
    for (Activity a : Activity.values()) {
      groups.put(a.code(), a.group().code());
    }
    return VaHierarchies.grouped("activity", groups);
  }

  private static UtilityReport.Question question(String text, Object... attributeAndLevel) {
    Map<String, Integer> needs = new LinkedHashMap<>();
    for (int i = 0; i < attributeAndLevel.length; i += 2) {
      needs.put((String) attributeAndLevel[i], (Integer) attributeAndLevel[i + 1]);
    }
    return new UtilityReport.Question(text, needs);
  }

  private static List<String> codes(Sex[] values) {
    List<String> codes = new ArrayList<>();
    for (Sex s : values) {
      codes.add(s.code());
    }
    return codes;
  }
}
