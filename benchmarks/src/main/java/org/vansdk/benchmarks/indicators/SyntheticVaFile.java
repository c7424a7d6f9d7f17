package org.vansdk.benchmarks.indicators;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.vansdk.core.casualty.Activity;
import org.vansdk.core.casualty.Amputation;
import org.vansdk.core.casualty.AmputationLevel;
import org.vansdk.core.casualty.Casualty;
import org.vansdk.core.casualty.CivilianStatus;
import org.vansdk.core.casualty.Limb;
import org.vansdk.core.casualty.Outcome;
import org.vansdk.core.casualty.Side;
import org.vansdk.core.code.YesNoUnknown;
import org.vansdk.core.functioning.FunctioningAssessment;
import org.vansdk.core.functioning.WgSsResponse;
import org.vansdk.core.id.AssessmentId;
import org.vansdk.core.id.CasualtyId;
import org.vansdk.core.id.IncidentId;
import org.vansdk.core.id.PersonId;
import org.vansdk.core.incident.AccidentClass;
import org.vansdk.core.incident.DeviceCategory;
import org.vansdk.core.incident.Incident;
import org.vansdk.core.json.Ndjson;
import org.vansdk.core.json.NdjsonReader;
import org.vansdk.core.json.NdjsonRecord;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.person.Person;
import org.vansdk.core.person.Sex;
import org.vansdk.core.place.AdminArea;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.place.Location;
import org.vansdk.core.time.PartialDate;

/**
 * A seeded synthetic national dataset written once as VAN NDJSON: persons, incidents (2 per 3
 * casualties), casualties and WG-SS assessments (half the persons). Shaped roughly like Cambodia's
 * casualty data (85% male, 30% children, mostly antipersonnel mines and ERW, 25 provinces).
 */
final class SyntheticVaFile {
  private SyntheticVaFile() {}

  /** The file for this many casualties under target/, generated if missing. */
  static Path ensure(int casualties, long seed) {
    Path file = Path.of("target", "indicators-" + casualties + "-" + seed + ".ndjson");
    if (Files.exists(file)) {
      return file;
    }
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), "indicators", ".tmp");
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
        write(casualties, seed, out);
      }
      Files.move(tmp, file);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads every record of the file into memory. */
  static List<Object> read(Path file) {
    List<Object> records = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      NdjsonReader r = Ndjson.reader(VanJson.strict(), in);
      for (Optional<NdjsonRecord> rec = r.next(); rec.isPresent(); rec = r.next()) {
        records.add(rec.get().record());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return records;
  }

  private static void write(int casualties, long seed, OutputStream out) {
    VanJson json = VanJson.strict();
    Random rnd = new Random(seed);
    int persons = casualties;
    int incidents = Math.max(1, casualties * 2 / 3);
    for (int p = 0; p < persons; p++) {
      double x = rnd.nextDouble();
      Sex sex = x < 0.82 ? Sex.MALE : (x < 0.97 ? Sex.FEMALE : Sex.UNKNOWN);
      Ndjson.writeLine(json, Person.builder().id(person(p)).sex(sex).build(), out);
      if (rnd.nextBoolean()) {
        WgSsResponse[] r = new WgSsResponse[6];
        for (int i = 0; i < 6; i++) {
          double y = rnd.nextDouble();
          r[i] =
              y < 0.6
                  ? WgSsResponse.NO_DIFFICULTY
                  : (y < 0.97 ? WgSsResponse.values()[1 + rnd.nextInt(3)] : WgSsResponse.REFUSED);
        }
        Ndjson.writeLine(
            json,
            FunctioningAssessment.builder()
                .id(AssessmentId.parse("KHM-HI-F" + p))
                .personId(person(p))
                .date(PartialDate.ofYearMonth(2015 + rnd.nextInt(9), 1 + rnd.nextInt(12)))
                .seeing(r[0])
                .hearing(r[1])
                .walking(r[2])
                .cognition(r[3])
                .selfCare(r[4])
                .communication(r[5])
                .build(),
            out);
      }
    }
    DeviceCategory[] devices = DeviceCategory.values();
    for (int i = 0; i < incidents; i++) {
      int year = 1995 + rnd.nextInt(30);
      PartialDate date =
          rnd.nextDouble() < 0.1
              ? PartialDate.ofYear(year)
              : PartialDate.ofDate(year, 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
      Location.Builder loc = Location.builder().country(CountryCode.KHM);
      if (rnd.nextDouble() < 0.95) {
        loc.adminArea(
            AdminArea.of(
                String.format("KH%02d%02d", 1 + rnd.nextInt(25), 1 + rnd.nextInt(9)), 2, "d"));
      }
      Ndjson.writeLine(
          json,
          Incident.builder()
              .id(IncidentId.parse("KHM-CMAA-I" + i))
              .date(date)
              .location(loc.build())
              .accidentClass(AccidentClass.EO_ACCIDENT)
              .deviceCategory(devices[rnd.nextInt(devices.length)])
              .areaMarkedBefore(YesNoUnknown.values()[rnd.nextInt(3)])
              .build(),
          out);
    }
    for (int c = 0; c < casualties; c++) {
      double o = rnd.nextDouble();
      Outcome outcome = o < 0.25 ? Outcome.KILLED : (o < 0.98 ? Outcome.INJURED : Outcome.UNKNOWN);
      Casualty.Builder b =
          Casualty.builder()
              .id(CasualtyId.parse("KHM-CMAA-C" + c))
              .personId(person(c))
              .incidentId(IncidentId.parse("KHM-CMAA-I" + rnd.nextInt(incidents)))
              .outcome(outcome)
              .civilianStatus(CivilianStatus.values()[rnd.nextInt(4)])
              .activityAtIncident(Activity.FARMING);
      if (rnd.nextDouble() < 0.9) {
        b.ageAtIncident(rnd.nextDouble() < 0.3 ? rnd.nextInt(18) : 18 + rnd.nextInt(60));
      }
      if (rnd.nextDouble() < 0.6) {
        b.priorRiskEducation(YesNoUnknown.values()[rnd.nextInt(3)]);
      }
      if (outcome == Outcome.INJURED && rnd.nextDouble() < 0.35) {
        b.addAmputations(
            Amputation.builder()
                .limb(Limb.LOWER)
                .side(Side.RIGHT)
                .level(AmputationLevel.BELOW_KNEE)
                .build());
      }
      Ndjson.writeLine(json, b.build(), out);
    }
  }

  private static PersonId person(int p) {
    return PersonId.parse("KHM-CMAA-P" + p);
  }
}
