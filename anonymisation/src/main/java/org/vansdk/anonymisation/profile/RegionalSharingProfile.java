package org.vansdk.anonymisation.profile;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.vansdk.anonymisation.AnonymisationException;
import org.vansdk.anonymisation.hierarchy.Hierarchy;
import org.vansdk.anonymisation.hierarchy.VaHierarchies;
import org.vansdk.anonymisation.policy.AnonymisationPolicy;
import org.vansdk.anonymisation.policy.AuditRecord;
import org.vansdk.anonymisation.policy.LevelRange;
import org.vansdk.anonymisation.pseudonym.KeyProvider;
import org.vansdk.anonymisation.pseudonym.PseudonymKey;
import org.vansdk.anonymisation.pseudonym.Pseudonymiser;
import org.vansdk.anonymisation.risk.RiskReport;
import org.vansdk.anonymisation.search.Dataset;
import org.vansdk.anonymisation.search.FullDomainSearch;
import org.vansdk.anonymisation.search.PrivacyModel;
import org.vansdk.anonymisation.search.SearchResult;
import org.vansdk.core.casualty.Activity;
import org.vansdk.core.casualty.Casualty;
import org.vansdk.core.code.YesNoUnknown;
import org.vansdk.core.deidentified.DeidentifiedCasualty;
import org.vansdk.core.delivery.ServiceDelivery;
import org.vansdk.core.functioning.FunctioningAssessment;
import org.vansdk.core.id.ExternalIdentifier;
import org.vansdk.core.id.IncidentId;
import org.vansdk.core.id.PersonId;
import org.vansdk.core.incident.DeviceCategory;
import org.vansdk.core.incident.Incident;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.need.ServiceType;
import org.vansdk.core.person.Person;
import org.vansdk.core.person.Sex;
import org.vansdk.core.place.AdminArea;
import org.vansdk.core.submission.Submission;
import org.vansdk.core.time.PartialDate;

/**
 * Produces the regional sharing profile: one {@link DeidentifiedCasualty} per casualty of a
 * submission, with six quasi-identifiers (sex, age at incident, place, incident date, device,
 * activity) generalised by the optimal full-domain search under the policy, a keyed pseudonym
 * instead of identity, and the facts the regional indicators need.
 *
 * <p>The profile raises the policy's minimum levels to what a de-identified casualty can carry: age
 * at least a 5-year band (level 1), place at least province (level 2), incident date at least month
 * (level 1), activity at least its group (level 1). Suppressed casualties are kept with every
 * quasi-identifier withheld (sex unknown, nothing else), so regional totals stay complete. The
 * pseudonym is made from the person's first external identifier (ordered by system, then value), or
 * from the person's record id when there is none. Output is sorted by pseudonym then content: the
 * same submission, key and policy give the same bytes.
 *
 * <p>Immutable and thread-safe.
 */
public final class RegionalSharingProfile {
  /** Quasi-identifiers in column order. */
  public static final List<String> ATTRIBUTES =
      List.of("sex", "age", "place", "incidentDate", "device", "activity");

  /** Attributes l-diversity may protect in this profile. */
  public static final List<String> SENSITIVE = List.of("outcome", "civilianStatus");

  private static final int[] PROFILE_MIN = {0, 1, 2, 1, 0, 1};
  private static final Pattern PROVINCE = Pattern.compile("[A-Z]{2}\\d{2}");
  private static final Pattern PCODE = Pattern.compile("[A-Z]{2}(\\d{2}){1,3}");

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
    Map<PersonId, Person> persons = new HashMap<>();
    submission.persons().forEach(p -> persons.put(p.id(), p));
    Map<IncidentId, Incident> incidents = new HashMap<>();
    submission.incidents().forEach(i -> incidents.put(i.id(), i));
    List<Casualty> casualties = submission.casualties();
    int n = casualties.size();
    Person[] person = new Person[n];
    Incident[] incident = new Incident[n];
    int firstYear = Integer.MAX_VALUE;
    int lastYear = Integer.MIN_VALUE;
    TreeSet<String> pcodes = new TreeSet<>();
    TreeSet<String> countries = new TreeSet<>();
    for (int i = 0; i < n; i++) {
      Casualty c = casualties.get(i);
      person[i] = persons.get(c.personId());
      incident[i] = incidents.get(c.incidentId());
      if (person[i] == null || incident[i] == null) {
        throw new AnonymisationException(
            AnonymisationException.INVALID_CONFIGURATION,
            "casualty at position "
                + i
                + " refers to a "
                + (person[i] == null ? "person" : "incident")
                + " absent from the submission; every casualty needs its person and incident");
      }
      firstYear = Math.min(firstYear, incident[i].date().year());
      lastYear = Math.max(lastYear, incident[i].date().year());
      placeLeaf(incident[i]).ifPresent(pcodes::add);
      countries.add(incident[i].location().country().code());
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
    Dataset.Builder builder = Dataset.builder(hierarchies);
    Optional<String> sensitive = policy.sensitiveAttribute();
    if (sensitive.isPresent()) {
      if (!SENSITIVE.contains(sensitive.get())) {
        throw new AnonymisationException(
            AnonymisationException.POLICY_REFUSED,
            "l-diversity attribute "
                + sensitive.get()
                + " is not offered by the regional profile; allowed: "
                + SENSITIVE);
      }
      builder.sensitive(sensitive.get());
    }
    for (int i = 0; i < n; i++) {
      Casualty c = casualties.get(i);
      Incident inc = incident[i];
      List<String> row =
          List.of(
              person[i].sex().code(),
              c.ageAtIncident().map(a -> Integer.toString(Math.min(130, a))).orElse("unknown"),
              placeLeaf(inc).orElse(inc.location().country().code()),
              inc.date().toString(),
              inc.deviceCategory().code(),
              c.activityAtIncident().code());
      if (sensitive.isPresent()) {
        builder.add(
            row,
            sensitive.get().equals("outcome") ? c.outcome().code() : c.civilianStatus().code());
      } else {
        builder.add(row);
      }
    }
    Dataset data = builder.build();
    FullDomainSearch.Builder search =
        FullDomainSearch.builder(data)
            .suppressionLimit(policy.suppressionLimit())
            .loss(policy.lossModel());
    for (PrivacyModel model : policy.privacyModels()) {
      search.privacy(model);
    }
    for (int a = 0; a < ATTRIBUTES.size(); a++) {
      int top = hierarchies.get(a).levels() - 1;
      Optional<LevelRange> range = policy.levels(ATTRIBUTES.get(a));
      int min = Math.max(PROFILE_MIN[a], range.map(LevelRange::min).orElse(0));
      int max = Math.min(top, range.map(LevelRange::max).orElse(top));
      search.levels(a, Math.min(min, top), Math.max(Math.min(min, top), max));
    }
    FullDomainSearch configured = search.build();
    SearchResult result = n == 0 ? null : configured.run();
    int[] chosen = result == null ? new int[ATTRIBUTES.size()] : result.levels();

    PseudonymKey key = keys.currentKey(policy.purpose(), policy.recipient());
    Pseudonymiser pseudonymiser = Pseudonymiser.of(key);
    Map<PersonId, List<FunctioningAssessment>> assessments = new HashMap<>();
    submission
        .functioningAssessments()
        .forEach(f -> assessments.computeIfAbsent(f.personId(), k -> new ArrayList<>()).add(f));
    Map<PersonId, EnumSet<ServiceType>> services = new HashMap<>();
    for (ServiceDelivery d : submission.serviceDeliveries()) {
      services
          .computeIfAbsent(d.personId(), k -> EnumSet.noneOf(ServiceType.class))
          .add(d.serviceType());
    }
    List<DeidentifiedCasualty> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Casualty c = casualties.get(i);
      boolean suppressed = result.isSuppressed(i);
      DeidentifiedCasualty.Builder b = DeidentifiedCasualty.builder();
      b.pseudonym(pseudonymiser.pseudonym(identifierOf(person[i])));
      b.country(incident[i].location().country());
      b.outcome(c.outcome());
      b.civilianStatus(c.civilianStatus());
      b.amputation(
          !c.amputations().isEmpty()
              ? YesNoUnknown.YES
              : c.injuries().isEmpty() ? YesNoUnknown.UNKNOWN : YesNoUnknown.NO);
      b.disability3(disability3(assessments.getOrDefault(person[i].id(), List.of())));
      b.servicesReceived(
          new ArrayList<>(
              services.getOrDefault(person[i].id(), EnumSet.noneOf(ServiceType.class))));
      if (suppressed) {
        b.sex(Sex.UNKNOWN);
      } else {
        release(b, result, i);
      }
      out.add(b.build());
    }
    VanJson json = VanJson.strict();
    Map<DeidentifiedCasualty, String> text = new HashMap<>();
    out.forEach(r -> text.put(r, json.write(r)));
    out.sort(Comparator.comparing(DeidentifiedCasualty::pseudonym).thenComparing(r -> text.get(r)));

    Map<String, Integer> levels = new LinkedHashMap<>();
    for (int a = 0; a < ATTRIBUTES.size(); a++) {
      levels.put(ATTRIBUTES.get(a), chosen[a]);
    }
    List<String> models = new ArrayList<>();
    policy.privacyModels().forEach(m -> models.add(m.toString()));
    int k = policy.k();
    AuditRecord audit =
        new AuditRecord(
            policy.name(),
            policy.sha256(),
            clock.instant(),
            n,
            out.size(),
            levels,
            result == null ? 0 : result.suppressedCount(),
            models,
            configured.maxSuppressed(),
            policy.lossModelName(),
            result == null ? 0 : result.loss(),
            RiskReport.before(data, k),
            result == null ? RiskReport.before(data, k) : RiskReport.after(data, result, k),
            policy.purpose().code(),
            policy.recipient().code(),
            key.version());
    return new Release(out, audit, ATTRIBUTES);
  }

  private static void release(DeidentifiedCasualty.Builder b, SearchResult r, int row) {
    int[] levels = r.levels();
    b.sex(levels[0] == 0 ? Sex.fromCode(r.releasedValue(0, row)) : Sex.UNKNOWN);
    String age = r.releasedValue(1, row);
    if (age.matches(DeidentifiedCasualty.AGE_BAND_PATTERN)) {
      b.ageBand(age);
    }
    String place = r.releasedValue(2, row);
    if (PROVINCE.matcher(place).matches()) {
      b.adminArea(AdminArea.builder().pCode(place).level(1).build());
    }
    String date = r.releasedValue(3, row);
    if (levels[3] == 1 && date.matches("\\d{4}(-\\d{2})?")) {
      b.incidentPeriod(PartialDate.parse(date));
    } else if (levels[3] <= 3 && date.matches("\\d{4}.*")) {
      b.incidentPeriod(PartialDate.ofYear(Integer.parseInt(date.substring(0, 4))));
    }
    String device = r.releasedValue(4, row);
    if (levels[4] == 0) {
      b.deviceCategory(DeviceCategory.fromCode(device));
    } else if (levels[4] == 1 && device.equals("mine")) {
      b.deviceCategory(DeviceCategory.UNSPECIFIED_MINE);
    }
    if (levels[5] <= 1) {
      String group = r.releasedValue(5, row);
      b.activityGroup(org.vansdk.core.casualty.ActivityGroup.fromCode(group));
    }
  }

  private static YesNoUnknown disability3(List<FunctioningAssessment> list) {
    Optional<FunctioningAssessment> latest =
        list.stream()
            .max(
                Comparator.comparing(FunctioningAssessment::date)
                    .thenComparing(f -> f.id().value()));
    // Derived from the answers (WG analytic syntax), as the indicators do, not taken from
    // identifiers a sender computed.
    return latest.map(f -> f.computedIdentifiers().disability3()).orElse(YesNoUnknown.UNKNOWN);
  }

  private static String identifierOf(Person p) {
    Optional<ExternalIdentifier> first =
        p.identifiers().stream()
            .min(
                Comparator.comparing(ExternalIdentifier::system)
                    .thenComparing(ExternalIdentifier::value));
    return first.map(id -> id.system() + ":" + id.value()).orElse(p.id().value());
  }

  private static Optional<String> placeLeaf(Incident incident) {
    return incident
        .location()
        .adminArea()
        .map(AdminArea::pCode)
        .filter(code -> PCODE.matcher(code).matches());
  }

  private static Hierarchy placeHierarchy(TreeSet<String> pcodes, TreeSet<String> countries) {
    Hierarchy.Builder b = Hierarchy.builder("place");
    TreeSet<String> all = new TreeSet<>();
    for (String code : pcodes) {
      for (int len = 4; len <= code.length(); len += 2) {
        all.add(code.substring(0, len));
      }
    }
    Map<String, String> countryOfPrefix = new HashMap<>();
    for (String country : countries) {
      countryOfPrefix.put(country.substring(0, 2), country);
    }
    for (String code : all) {
      String country = countryOfPrefix.getOrDefault(code.substring(0, 2), code.substring(0, 2));
      b.add(
          code, code.substring(0, Math.min(6, code.length())), code.substring(0, 4), country, "*");
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

  private static List<String> codes(Sex[] values) {
    List<String> codes = new ArrayList<>();
    for (Sex s : values) {
      codes.add(s.code());
    }
    return codes;
  }
}
