package org.vansdk.testkit.legacy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.vansdk.core.casualty.Amputation;
import org.vansdk.core.casualty.Casualty;
import org.vansdk.core.casualty.Injury;
import org.vansdk.core.code.CodeValue;
import org.vansdk.core.functioning.FunctioningAssessment;
import org.vansdk.core.functioning.WgSsResponse;
import org.vansdk.core.id.ExternalIdentifier;
import org.vansdk.core.id.PersonId;
import org.vansdk.core.incident.Incident;
import org.vansdk.core.person.Person;
import org.vansdk.core.place.AdminArea;
import org.vansdk.core.place.Gazetteer;
import org.vansdk.core.place.GazetteerArea;
import org.vansdk.core.place.Location;
import org.vansdk.core.time.DatePrecision;
import org.vansdk.core.time.PartialDate;
import org.vansdk.testkit.population.PopulationGenerator;
import org.vansdk.testkit.random.Prng;

/**
 * Writes a generated population in a legacy layout: one row per casualty (CMVIS, IMSMA) or per
 * functioning assessment (DMIS), with the layout's own vocabulary (e.g. {@code AP Mine}, {@code
 * Killed}, Washington Group codes 1-4/7/8/9) and date style, and the chosen {@link Mess}. Record
 * keys are the local parts of the generated identifiers, so an import under the generator's
 * organisation gives the generated identifiers back. Memory holds one incident's people at a time.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 1.0
 */
public final class LegacyExport {
  private static final Map<String, String> ACTIVITY =
      Map.ofEntries(
          Map.entry("farming", "Farming"),
          Map.entry("herding", "Herding"),
          Map.entry("collecting_food_or_wood", "Collecting food/wood"),
          Map.entry("collecting_scrap_metal", "Collecting scrap metal"),
          Map.entry("handling_or_tampering", "Tampering"),
          Map.entry("travelling", "Travelling"),
          Map.entry("playing", "Playing"),
          Map.entry("household_activity", "Household work"),
          Map.entry("fishing", "Fishing"),
          Map.entry("construction_or_land_clearing", "Clearing land/construction"),
          Map.entry("demining", "Demining"),
          Map.entry("military_activity", "Military activity"),
          Map.entry("other", "Other"),
          Map.entry("unknown", "Unknown"));
  private static final Map<String, String> STATUS =
      Map.of(
          "civilian", "Civilian",
          "deminer", "Deminer",
          "military_or_security", "Military",
          "unknown", "Unknown");
  private static final Map<String, String> YES_NO =
      Map.of("yes", "Yes", "no", "No", "unknown", "Unknown");
  private static final Map<String, String> BODY_PART =
      Map.of(
          "head_neck", "Head/Neck",
          "face_eyes", "Face/Eyes",
          "chest", "Chest",
          "abdomen", "Abdomen",
          "back", "Back",
          "pelvis", "Pelvis",
          "upper_limb", "Arm",
          "lower_limb", "Leg");
  private static final Map<String, String> SIDE =
      Map.of(
          "left", "Left",
          "right", "Right",
          "both", "Both",
          "not_applicable", "Not applicable",
          "unknown", "Unknown");
  private static final Map<String, String> AMPUTATION_LEVEL =
      Map.ofEntries(
          Map.entry("partial_hand", "Partial hand"),
          Map.entry("wrist", "Wrist"),
          Map.entry("below_elbow", "Below elbow"),
          Map.entry("elbow", "Elbow"),
          Map.entry("above_elbow", "Above elbow"),
          Map.entry("shoulder", "Shoulder"),
          Map.entry("partial_foot", "Partial foot"),
          Map.entry("ankle", "Ankle"),
          Map.entry("below_knee", "Below knee"),
          Map.entry("knee", "Knee"),
          Map.entry("above_knee", "Above knee"),
          Map.entry("hip", "Hip"));

  /** The injuries and amputations an IMSMA-style row has columns for. */
  private static final int IMSMA_INJURIES = 3;

  private static final int IMSMA_AMPUTATIONS = 2;

  private final LegacyLayout layout;
  private final Mess mess;

  private LegacyExport(LegacyLayout layout, Mess mess) {
    this.layout = layout;
    this.mess = mess;
  }

  /**
   * Returns a clean export in a layout.
   *
   * @param layout the layout
   * @return the export
   */
  public static LegacyExport of(LegacyLayout layout) {
    return new LegacyExport(Objects.requireNonNull(layout, "layout"), Mess.clean());
  }

  /**
   * Returns a copy written with mess.
   *
   * @param mess the mess
   * @return the export
   */
  public LegacyExport withMess(Mess mess) {
    return new LegacyExport(layout, Objects.requireNonNull(mess, "mess"));
  }

  /** Returns the layout. */
  public LegacyLayout layout() {
    return layout;
  }

  /**
   * Pushes the rows of a population, in order; a blank line is an empty list.
   *
   * @param population the generated population (of the layout's country)
   * @param sink receives each row (not the header)
   * @return the number of data rows (blank lines not counted)
   * @throws IllegalArgumentException if the population is of another country
   */
  public long forEachRow(PopulationGenerator population, Consumer<List<String>> sink) {
    if (!population.spec().country().equals(layout.country())) {
      throw new IllegalArgumentException(
          layout + " is an export of " + layout.country() + ", not " + population.spec().country());
    }
    Rows rows = new Rows(sink);
    population.forEach(rows);
    return rows.count;
  }

  /**
   * Writes the layout's CSV file: byte order mark, header, rows, in the layout's encoding and
   * delimiter, values quoted where needed.
   *
   * @param population the generated population
   * @param out the output; flushed, not closed
   * @return the number of data rows
   * @throws UncheckedIOException if writing fails
   */
  public long writeCsv(PopulationGenerator population, OutputStream out) {
    try {
      Writer w = new BufferedWriter(new OutputStreamWriter(out, layout.charset()), 1 << 16);
      w.write('\ufeff');
      writeLine(w, layout.header());
      long rows =
          forEachRow(
              population,
              row -> {
                try {
                  writeLine(w, row);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      w.flush();
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeLine(Writer w, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        w.write(layout.delimiter());
      }
      String c = cells.get(i);
      if (c.indexOf(layout.delimiter()) >= 0
          || c.indexOf('"') >= 0
          || c.indexOf('\n') >= 0
          || c.indexOf('\r') >= 0) {
        w.write('"');
        w.write(c.replace("\"", "\"\""));
        w.write('"');
      } else {
        w.write(c);
      }
    }
    w.write("\r\n");
  }

  /** Joins the population's records into rows. */
  private final class Rows implements Consumer<Object> {
    private final Consumer<List<String>> sink;
    private final Map<PersonId, Person> people = new HashMap<>();
    private final Prng prng = Prng.of(mess.seed());
    private @Nullable Incident incident;
    private long count;

    Rows(Consumer<List<String>> sink) {
      this.sink = sink;
    }

    @Override
    public void accept(Object record) {
      if (record instanceof Incident) {
        incident = (Incident) record;
        people.clear();
      } else if (record instanceof Person) {
        Person p = (Person) record;
        people.put(p.id(), p);
      } else if (record instanceof Casualty && layout != LegacyLayout.DMIS) {
        Casualty c = (Casualty) record;
        emit(layout == LegacyLayout.CMVIS ? cmvis(c) : imsma(c));
      } else if (record instanceof FunctioningAssessment && layout == LegacyLayout.DMIS) {
        emit(dmis((FunctioningAssessment) record));
      }
    }

    private void emit(List<String> row) {
      if (prng.chance(mess.rate(Mess.Kind.BLANK_LINES))) {
        sink.accept(List.of());
      }
      if (prng.chance(mess.rate(Mess.Kind.STRAY_SPACES))) {
        int i = prng.nextInt(row.size());
        if (!row.get(i).isEmpty()) {
          row.set(i, "  " + row.get(i).replace(" ", "  ") + " ");
        }
      }
      count++;
      sink.accept(row);
    }

    /** The incident being joined: a population lists each incident before its casualties. */
    private Incident current() {
      return Objects.requireNonNull(incident, "a casualty before its incident");
    }

    private List<String> cmvis(Casualty c) {
      Person p = Objects.requireNonNull(people.get(c.personId()));
      Incident incident = current();
      List<String> row = new ArrayList<>(layout.header().size());
      row.add(c.id().localId());
      row.add(p.id().localId());
      row.add(incident.id().localId());
      row.add(identifier(p, "cmvis"));
      row.add(p.name().orElse(""));
      row.add(sex(p, "M", "F"));
      row.add(p.birthDate().map(d -> date(d, "d/M/yyyy")).orElse(""));
      row.add(c.ageAtIncident().map(a -> digits(Integer.toString(a))).orElse(""));
      row.add(province(p.residence()));
      row.add(date(incident.date(), "d/M/yyyy"));
      row.add(province(Optional.of(incident.location())));
      row.add(
          incident.accidentClass().code().equals("demining_accident")
              ? "Demining accident"
              : "EO accident");
      row.add(device(incident.deviceCategory().code(), false));
      row.add(ACTIVITY.get(c.activityAtIncident().code()));
      row.add(outcome(c.outcome().code()));
      row.add(STATUS.get(c.civilianStatus().code()));
      row.add(c.diedOn().map(d -> date(d, "d/M/yyyy")).orElse(""));
      row.add(c.priorRiskEducation().map(v -> YES_NO.get(v.code())).orElse(""));
      return row;
    }

    private List<String> imsma(Casualty c) {
      Person p = Objects.requireNonNull(people.get(c.personId()));
      Incident incident = current();
      List<String> row = new ArrayList<>(layout.header().size());
      row.add(incident.id().localId());
      row.add(date(incident.date(), "yyyy-MM-dd"));
      row.add(province(Optional.of(incident.location())));
      row.add(
          incident.accidentClass().code().equals("demining_accident") ? "Demining" : "Civilian");
      row.add(device(incident.deviceCategory().code(), true));
      row.add(incident.areaMarkedBefore().map(v -> YES_NO.get(v.code())).orElse(""));
      row.add(incident.areaClearedBefore().map(v -> YES_NO.get(v.code())).orElse(""));
      row.add(c.id().localId());
      row.add(p.id().localId());
      row.add(identifier(p, "imsma"));
      row.add(p.name().orElse(""));
      row.add(sex(p, "Male", "Female"));
      row.add(p.birthDate().map(d -> date(d, "yyyy-MM-dd")).orElse(""));
      row.add(c.ageAtIncident().map(a -> digits(Integer.toString(a))).orElse(""));
      row.add(outcome(c.outcome().code()));
      row.add(STATUS.get(c.civilianStatus().code()));
      row.add(ACTIVITY.get(c.activityAtIncident().code()));
      row.add(c.tampered().map(t -> t ? "Yes" : "No").orElse(""));
      row.add(c.priorRiskEducation().map(v -> YES_NO.get(v.code())).orElse(""));
      row.add(c.firstAidOnSite().map(v -> YES_NO.get(v.code())).orElse(""));
      row.add(c.minutesToFacility().map(m -> digits(Integer.toString(m))).orElse(""));
      for (int i = 0; i < IMSMA_INJURIES; i++) {
        Optional<Injury> injury =
            i < c.injuries().size() ? Optional.of(c.injuries().get(i)) : Optional.empty();
        row.add(injury.map(j -> BODY_PART.get(j.region().code())).orElse(""));
        row.add(injury.flatMap(Injury::laterality).map(l -> SIDE.get(l.code())).orElse(""));
      }
      for (int i = 0; i < IMSMA_AMPUTATIONS; i++) {
        Optional<Amputation> amputation =
            i < c.amputations().size() ? Optional.of(c.amputations().get(i)) : Optional.empty();
        row.add(amputation.map(a -> AMPUTATION_LEVEL.get(a.level().code())).orElse(""));
        row.add(amputation.map(a -> SIDE.get(a.side().code())).orElse(""));
      }
      return row;
    }

    private List<String> dmis(FunctioningAssessment a) {
      Person p = Objects.requireNonNull(people.get(a.personId()));
      List<String> row = new ArrayList<>(layout.header().size());
      String name = p.name().orElse("");
      int space = name.indexOf(' ');
      row.add("DC-" + p.id().localId());
      row.add(p.id().localId());
      row.add(space < 0 ? name : name.substring(0, space));
      row.add(space < 0 ? "" : name.substring(space + 1));
      row.add(sex(p, "ប្រុស", "ស្រី"));
      row.add(p.birthDate().map(d -> date(d, "dd-MM-yyyy")).orElse(""));
      row.add(province(p.residence()));
      row.add(a.id().localId());
      row.add(date(a.date(), "dd-MM-yyyy"));
      row.add(a.proxy().map(x -> x ? "Yes" : "No").orElse("No"));
      for (WgSsResponse r :
          List.of(
              a.seeing(),
              a.hearing(),
              a.walking(),
              a.cognition(),
              a.selfCare(),
              a.communication())) {
        row.add(wgCode(r));
      }
      return row;
    }

    private String identifier(Person p, String system) {
      for (ExternalIdentifier id : p.identifiers()) {
        if (id.system().equals(system)) {
          return id.value();
        }
      }
      return "";
    }

    private String sex(Person p, String male, String female) {
      switch (p.sex().code()) {
        case "male":
          return male;
        case "female":
          return female;
        default:
          return "Unknown";
      }
    }

    private String outcome(String code) {
      return code.equals("killed") ? "Killed" : code.equals("injured") ? "Injured" : "Unknown";
    }

    private String device(String code, boolean imsma) {
      switch (code) {
        case "antipersonnel_mine":
          return "AP Mine";
        case "antivehicle_mine":
          return "AT Mine";
        case "improvised_mine":
          return imsma ? "IED" : "Improvised Mine";
        case "unspecified_mine":
          return imsma ? "Mine" : "Mine (unspecified)";
        case "cluster_munition_remnant":
          return imsma ? "Submunition" : "Cluster Submunition";
        case "other_erw":
          return "UXO";
        default:
          return "Unknown";
      }
    }

    private String wgCode(CodeValue r) {
      switch (r.code()) {
        case "no_difficulty":
          return "1";
        case "some_difficulty":
          return "2";
        case "a_lot_of_difficulty":
          return "3";
        case "cannot_do_at_all":
          return "4";
        case "refused":
          return "7";
        case "dont_know":
          return "8";
        default:
          return "9";
      }
    }

    /** The level-1 province of a location, in English, the national script or misspelt. */
    private String province(Optional<Location> location) {
      Optional<AdminArea> area = location.flatMap(Location::adminArea);
      if (area.isEmpty()) {
        return "";
      }
      String code = area.get().pCode();
      Optional<GazetteerArea> province = Optional.empty();
      for (int n = code.length(); n > 0 && province.isEmpty(); n--) {
        province = Gazetteer.level1(code.substring(0, n));
      }
      if (province.isEmpty()) {
        return "";
      }
      if (prng.chance(mess.rate(Mess.Kind.NATIONAL_NAMES))) {
        return province.get().nationalName();
      }
      String name = province.get().englishName();
      if (name.length() >= 8 && prng.chance(mess.rate(Mess.Kind.MISSPELT_PROVINCES))) {
        char[] c = name.toCharArray();
        int i = 1 + prng.nextInt(c.length - 3);
        if (Character.isLetter(c[i]) && Character.isLetter(c[i + 1]) && c[i] != c[i + 1]) {
          char t = c[i];
          c[i] = c[i + 1];
          c[i + 1] = t;
        }
        return new String(c);
      }
      return name;
    }

    private String date(PartialDate d, String fullPattern) {
      int year = d.year();
      if (prng.chance(mess.rate(Mess.Kind.BUDDHIST_ERA))) {
        year += 543;
      }
      String y = Integer.toString(year);
      String text;
      boolean iso = fullPattern.startsWith("yyyy");
      boolean padded = fullPattern.startsWith("dd");
      if (d.precision() == DatePrecision.YEAR) {
        text = y;
      } else {
        String m = two(d.monthOrZero(), iso || padded);
        if (d.precision() == DatePrecision.MONTH) {
          text = iso ? y + "-" + m : m + (padded ? "-" : "/") + y;
        } else {
          String day = two(d.earliest().getDayOfMonth(), iso || padded);
          text =
              iso
                  ? y + "-" + m + "-" + day
                  : day + (padded ? "-" : "/") + m + (padded ? "-" : "/") + y;
        }
      }
      return digits(text);
    }

    private String two(int value, boolean pad) {
      return pad && value < 10 ? "0" + value : Integer.toString(value);
    }

    /** ASCII digits, or the country's own digits for a share of values. */
    private String digits(String ascii) {
      if (!prng.chance(mess.rate(Mess.Kind.NATIONAL_DIGITS))) {
        return ascii;
      }
      char zero = layout.country().code().equals("LAO") ? '\u0ed0' : '\u17e0';
      char[] c = ascii.toCharArray();
      for (int i = 0; i < c.length; i++) {
        if (c[i] >= '0' && c[i] <= '9') {
          c[i] = (char) (zero + (c[i] - '0'));
        }
      }
      return new String(c);
    }
  }
}
