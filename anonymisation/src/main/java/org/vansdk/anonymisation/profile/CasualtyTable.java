package org.vansdk.anonymisation.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vansdk.anonymisation.AnonymisationException;
import org.vansdk.anonymisation.pseudonym.Pseudonymiser;
import org.vansdk.core.casualty.Activity;
import org.vansdk.core.casualty.Casualty;
import org.vansdk.core.casualty.CivilianStatus;
import org.vansdk.core.casualty.Outcome;
import org.vansdk.core.code.YesNoUnknown;
import org.vansdk.core.delivery.ServiceDelivery;
import org.vansdk.core.functioning.FunctioningAssessment;
import org.vansdk.core.id.ExternalIdentifier;
import org.vansdk.core.incident.DeviceCategory;
import org.vansdk.core.incident.Incident;
import org.vansdk.core.need.ServiceType;
import org.vansdk.core.person.Person;
import org.vansdk.core.person.Sex;
import org.vansdk.core.place.AdminArea;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.time.PartialDate;

/**
 * What the regional profile keeps of its input, as codes in growable arrays: per casualty its
 * person, incident, age, activity, outcome, civilian status and amputation; per person the
 * pseudonym (computed on arrival, so identifiers are not kept), sex, the DISABILITY3 of the latest
 * assessment and the services received; per incident its country, place, date and device. Places
 * and dates are stored once each in dictionaries. Records may arrive in any order; references are
 * checked by {@link #checkReferences()}. Memory grows with the number of records, not with the size
 * of their JSON. Not thread-safe.
 */
final class CasualtyTable {
  private static final Sex[] SEXES = Sex.values();
  private static final Activity[] ACTIVITIES = Activity.values();
  private static final Outcome[] OUTCOMES = Outcome.values();
  private static final CivilianStatus[] STATUSES = CivilianStatus.values();
  private static final DeviceCategory[] DEVICES = DeviceCategory.values();
  private static final YesNoUnknown[] YES_NO = YesNoUnknown.values();
  private static final ServiceType[] SERVICES = ServiceType.values();

  static {
    if (SERVICES.length > 64) {
      throw new IllegalStateException("service types no longer fit a 64-bit set");
    }
  }

  private final Pseudonymiser pseudonymiser;

  // Persons, by index.
  private final Map<String, Integer> personIndex = new HashMap<>();
  private boolean[] personDefined = new boolean[1024];
  private String[] pseudonym = new String[1024];
  private byte[] sex = new byte[1024];
  private PartialDate[] assessedOn = new PartialDate[1024];
  private String[] assessmentId = new String[1024];
  private byte[] disability3 = new byte[1024];
  private long[] services = new long[1024];

  // Incidents, by index.
  private final Map<String, Integer> incidentIndex = new HashMap<>();
  private boolean[] incidentDefined = new boolean[1024];
  private short[] country = new short[1024];
  private int[] place = new int[1024];
  private int[] date = new int[1024];
  private byte[] device = new byte[1024];

  // Dictionaries.
  final Dictionary<CountryCode> countries = new Dictionary<>();
  final Dictionary<String> places = new Dictionary<>();
  final Dictionary<PartialDate> dates = new Dictionary<>();

  // Casualties, by position.
  private int size;
  private int[] person = new int[1024];
  private int[] incident = new int[1024];
  private short[] age = new short[1024];
  private byte[] activity = new byte[1024];
  private byte[] outcome = new byte[1024];
  private byte[] civilian = new byte[1024];
  private byte[] amputation = new byte[1024];

  CasualtyTable(Pseudonymiser pseudonymiser) {
    this.pseudonymiser = pseudonymiser;
    Arrays.fill(disability3, (byte) YesNoUnknown.UNKNOWN.ordinal());
  }

  /** Values numbered in order of first appearance. */
  static final class Dictionary<T> {
    private final Map<T, Integer> index = new HashMap<>();
    private final List<T> values = new ArrayList<>();

    int code(T value) {
      Integer code = index.get(value);
      if (code == null) {
        code = values.size();
        index.put(value, code);
        values.add(value);
      }
      return code;
    }

    T value(int code) {
      return values.get(code);
    }

    int size() {
      return values.size();
    }
  }

  /**
   * Keeps what the profile needs of a model record; records of other types are ignored.
   *
   * @param record a core model record
   */
  void accept(Object record) {
    if (record instanceof Casualty) {
      add((Casualty) record);
    } else if (record instanceof Person) {
      add((Person) record);
    } else if (record instanceof Incident) {
      add((Incident) record);
    } else if (record instanceof FunctioningAssessment) {
      add((FunctioningAssessment) record);
    } else if (record instanceof ServiceDelivery) {
      ServiceDelivery d = (ServiceDelivery) record;
      int p = personOf(d.personId().value());
      services[p] |= 1L << d.serviceType().ordinal();
    }
  }

  private void add(Casualty c) {
    if (size == person.length) {
      int n = size * 2;
      person = Arrays.copyOf(person, n);
      incident = Arrays.copyOf(incident, n);
      age = Arrays.copyOf(age, n);
      activity = Arrays.copyOf(activity, n);
      outcome = Arrays.copyOf(outcome, n);
      civilian = Arrays.copyOf(civilian, n);
      amputation = Arrays.copyOf(amputation, n);
    }
    person[size] = personOf(c.personId().value());
    incident[size] = incidentOf(c.incidentId().value());
    age[size] = (short) (int) c.ageAtIncident().map(a -> Math.max(0, Math.min(130, a))).orElse(-1);
    activity[size] = (byte) c.activityAtIncident().ordinal();
    outcome[size] = (byte) c.outcome().ordinal();
    civilian[size] = (byte) c.civilianStatus().ordinal();
    YesNoUnknown amputated =
        !c.amputations().isEmpty()
            ? YesNoUnknown.YES
            : c.injuries().isEmpty() ? YesNoUnknown.UNKNOWN : YesNoUnknown.NO;
    amputation[size] = (byte) amputated.ordinal();
    size++;
  }

  private void add(Person p) {
    int i = personOf(p.id().value());
    personDefined[i] = true;
    sex[i] = (byte) p.sex().ordinal();
    Optional<ExternalIdentifier> first =
        p.identifiers().stream()
            .min(
                Comparator.comparing(ExternalIdentifier::system)
                    .thenComparing(ExternalIdentifier::value));
    pseudonym[i] =
        pseudonymiser.pseudonym(
            first.map(id -> id.system() + ":" + id.value()).orElse(p.id().value()));
  }

  private void add(Incident inc) {
    int i = incidentOf(inc.id().value());
    incidentDefined[i] = true;
    CountryCode c = inc.location().country();
    country[i] = (short) countries.code(c);
    String leaf =
        inc.location()
            .adminArea()
            .map(AdminArea::pCode)
            .filter(code -> PlaceCodes.province(code).isPresent())
            .orElse(c.code());
    place[i] = places.code(leaf);
    date[i] = dates.code(inc.date());
    device[i] = (byte) inc.deviceCategory().ordinal();
  }

  private void add(FunctioningAssessment f) {
    int p = personOf(f.personId().value());
    PartialDate when = f.date();
    String id = f.id().value();
    if (assessedOn[p] != null) {
      int c = when.compareTo(assessedOn[p]);
      if (c < 0 || (c == 0 && id.compareTo(assessmentId[p]) <= 0)) {
        return;
      }
    }
    assessedOn[p] = when;
    assessmentId[p] = id;
    // Derived from the six answers (the WG's syntax), never taken from what the sender computed.
    YesNoUnknown value = f.computedIdentifiers().disability3();
    disability3[p] = (byte) value.ordinal();
  }

  private int personOf(String id) {
    Integer i = personIndex.get(id);
    if (i != null) {
      return i;
    }
    int n = personIndex.size();
    personIndex.put(id, n);
    if (n == personDefined.length) {
      int c = n * 2;
      personDefined = Arrays.copyOf(personDefined, c);
      pseudonym = Arrays.copyOf(pseudonym, c);
      sex = Arrays.copyOf(sex, c);
      assessedOn = Arrays.copyOf(assessedOn, c);
      assessmentId = Arrays.copyOf(assessmentId, c);
      disability3 = Arrays.copyOf(disability3, c);
      Arrays.fill(disability3, n, c, (byte) YesNoUnknown.UNKNOWN.ordinal());
      services = Arrays.copyOf(services, c);
    }
    return n;
  }

  private int incidentOf(String id) {
    Integer i = incidentIndex.get(id);
    if (i != null) {
      return i;
    }
    int n = incidentIndex.size();
    incidentIndex.put(id, n);
    if (n == incidentDefined.length) {
      int c = n * 2;
      incidentDefined = Arrays.copyOf(incidentDefined, c);
      country = Arrays.copyOf(country, c);
      place = Arrays.copyOf(place, c);
      date = Arrays.copyOf(date, c);
      device = Arrays.copyOf(device, c);
    }
    return n;
  }

  /**
   * Checks that every casualty's person and incident were read, then drops the identifier indexes
   * and the assessment bookkeeping, which the release does not need.
   *
   * @throws AnonymisationException {@code VAN-A-0003} naming the first casualty whose person or
   *     incident is absent
   */
  void checkReferences() {
    for (int i = 0; i < size; i++) {
      boolean personMissing = !personDefined[person[i]];
      if (personMissing || !incidentDefined[incident[i]]) {
        throw new AnonymisationException(
            AnonymisationException.INVALID_CONFIGURATION,
            "casualty at position "
                + (i + 1)
                + " refers to a "
                + (personMissing ? "person" : "incident")
                + " absent from the input; every casualty needs its person and incident");
      }
    }
    personIndex.clear();
    incidentIndex.clear();
    assessedOn = new PartialDate[0];
    assessmentId = new String[0];
  }

  /**
   * Puts the casualties in an order that does not depend on the input's: by pseudonym, then by
   * every kept value. Local recoding may release two records of equal quasi-identifiers at
   * different levels, and which one it generalises follows their order; this makes the release the
   * same whatever order the records arrived in. Casualties equal in every kept value are
   * interchangeable.
   */
  void canonicalise() {
    Integer[] boxed = new Integer[size];
    for (int i = 0; i < size; i++) {
      boxed[i] = i;
    }
    Comparator<Integer> byContent =
        Comparator.<Integer, String>comparing(this::pseudonym)
            .thenComparing(i -> places.value(placeCode(i)))
            .thenComparing(i -> dates.value(dateCode(i)).toString())
            .thenComparingInt(i -> age[i])
            .thenComparingInt(i -> sex[person[i]])
            .thenComparingInt(i -> device[incident[i]])
            .thenComparingInt(i -> activity[i])
            .thenComparingInt(i -> outcome[i])
            .thenComparingInt(i -> civilian[i])
            .thenComparingInt(i -> amputation[i])
            .thenComparingInt(i -> disability3[person[i]])
            .thenComparingLong(i -> services[person[i]]);
    Arrays.sort(boxed, byContent);
    int[] p = new int[size];
    int[] inc = new int[size];
    short[] ag = new short[size];
    byte[] act = new byte[size];
    byte[] out = new byte[size];
    byte[] civ = new byte[size];
    byte[] amp = new byte[size];
    for (int to = 0; to < size; to++) {
      int from = boxed[to];
      p[to] = person[from];
      inc[to] = incident[from];
      ag[to] = age[from];
      act[to] = activity[from];
      out[to] = outcome[from];
      civ[to] = civilian[from];
      amp[to] = amputation[from];
    }
    person = p;
    incident = inc;
    age = ag;
    activity = act;
    outcome = out;
    civilian = civ;
    amputation = amp;
  }

  int size() {
    return size;
  }

  String pseudonym(int casualty) {
    return pseudonym[person[casualty]];
  }

  Sex sex(int casualty) {
    return SEXES[sex[person[casualty]]];
  }

  /** The age at the incident, or -1 when unknown. */
  int age(int casualty) {
    return age[casualty];
  }

  int placeCode(int casualty) {
    return place[incident[casualty]];
  }

  /** Whether the incident is located within a province (not only at its country). */
  boolean hasProvince(int casualty) {
    return !places.value(placeCode(casualty)).equals(country(casualty).code());
  }

  int dateCode(int casualty) {
    return date[incident[casualty]];
  }

  CountryCode country(int casualty) {
    return countries.value(country[incident[casualty]]);
  }

  DeviceCategory device(int casualty) {
    return DEVICES[device[incident[casualty]]];
  }

  Activity activity(int casualty) {
    return ACTIVITIES[activity[casualty]];
  }

  Outcome outcome(int casualty) {
    return OUTCOMES[outcome[casualty]];
  }

  CivilianStatus civilianStatus(int casualty) {
    return STATUSES[civilian[casualty]];
  }

  YesNoUnknown amputation(int casualty) {
    return YES_NO[amputation[casualty]];
  }

  YesNoUnknown disability3(int casualty) {
    return YES_NO[disability3[person[casualty]]];
  }

  List<ServiceType> services(int casualty) {
    long set = services[person[casualty]];
    List<ServiceType> out = new ArrayList<>(Long.bitCount(set));
    for (ServiceType t : SERVICES) {
      if ((set & (1L << t.ordinal())) != 0) {
        out.add(t);
      }
    }
    return out;
  }
}
