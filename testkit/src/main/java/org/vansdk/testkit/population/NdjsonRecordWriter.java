package org.vansdk.testkit.population;

import java.io.OutputStream;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.vansdk.core.casualty.Amputation;
import org.vansdk.core.casualty.Casualty;
import org.vansdk.core.casualty.Injury;
import org.vansdk.core.casualty.SensoryLoss;
import org.vansdk.core.code.CodeValue;
import org.vansdk.core.id.ExternalIdentifier;
import org.vansdk.core.incident.Incident;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.person.Contact;
import org.vansdk.core.person.Person;
import org.vansdk.core.place.Location;
import org.vansdk.core.submission.RecordType;
import org.vansdk.core.time.PartialDate;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;

/**
 * Writes records as NDJSON lines through one reused generator, byte for byte what {@code
 * org.vansdk.core.json.Ndjson#line} produces. Persons, incidents and casualties (most of a
 * population) are written field by field in the codec's order (alphabetical, empty values left
 * out), the rest through the codec; tests compare every line with the codec's. Not thread-safe.
 */
final class NdjsonRecordWriter implements Consumer<Object> {
  private static final ClassValue<SerializableString[]> CODES =
      new ClassValue<>() {
        @Override
        protected SerializableString[] computeValue(Class<?> type) {
          Object[] constants = type.getEnumConstants();
          SerializableString[] codes = new SerializableString[constants.length];
          for (int i = 0; i < constants.length; i++) {
            codes[i] = new SerializedString(((CodeValue) constants[i]).code());
          }
          return codes;
        }
      };

  private static final SerializableString N_ACCIDENT_CLASS = new SerializedString("accidentClass");
  private static final SerializableString N_ACTIVITY_AT_INCIDENT =
      new SerializedString("activityAtIncident");
  private static final SerializableString N_ADDRESS = new SerializedString("address");
  private static final SerializableString N_AGE_AT_INCIDENT = new SerializedString("ageAtIncident");
  private static final SerializableString N_AMPUTATIONS = new SerializedString("amputations");
  private static final SerializableString N_AREA_CLEARED_BEFORE =
      new SerializedString("areaClearedBefore");
  private static final SerializableString N_AREA_MARKED_BEFORE =
      new SerializedString("areaMarkedBefore");
  private static final SerializableString N_BIRTH_DATE = new SerializedString("birthDate");
  private static final SerializableString N_BIRTH_DATE_ESTIMATED =
      new SerializedString("birthDateEstimated");
  private static final SerializableString N_CIVILIAN_STATUS =
      new SerializedString("civilianStatus");
  private static final SerializableString N_CONTACT = new SerializedString("contact");
  private static final SerializableString N_DATE = new SerializedString("date");
  private static final SerializableString N_DATE_ESTIMATED = new SerializedString("dateEstimated");
  private static final SerializableString N_DEVICE_CATEGORY =
      new SerializedString("deviceCategory");
  private static final SerializableString N_DIED_ON = new SerializedString("diedOn");
  private static final SerializableString N_DISPLACEMENT_STATUS =
      new SerializedString("displacementStatus");
  private static final SerializableString N_EMAIL = new SerializedString("email");
  private static final SerializableString N_FIRST_AID_ON_SITE =
      new SerializedString("firstAidOnSite");
  private static final SerializableString N_HOUSEHOLD_HEAD = new SerializedString("householdHead");
  private static final SerializableString N_ID = new SerializedString("id");
  private static final SerializableString N_IDENTIFIERS = new SerializedString("identifiers");
  private static final SerializableString N_INCIDENT_ID = new SerializedString("incidentId");
  private static final SerializableString N_INJURIES = new SerializedString("injuries");
  private static final SerializableString N_LANGUAGES = new SerializedString("languages");
  private static final SerializableString N_LATERALITY = new SerializedString("laterality");
  private static final SerializableString N_LEVEL = new SerializedString("level");
  private static final SerializableString N_LIMB = new SerializedString("limb");
  private static final SerializableString N_LOCATION = new SerializedString("location");
  private static final SerializableString N_MINUTES_TO_FACILITY =
      new SerializedString("minutesToFacility");
  private static final SerializableString N_NAME = new SerializedString("name");
  private static final SerializableString N_NATIONALITY = new SerializedString("nationality");
  private static final SerializableString N_OUTCOME = new SerializedString("outcome");
  private static final SerializableString N_PERSON_ID = new SerializedString("personId");
  private static final SerializableString N_PHONE = new SerializedString("phone");
  private static final SerializableString N_PRIOR_RISK_EDUCATION =
      new SerializedString("priorRiskEducation");
  private static final SerializableString N_RECORD = new SerializedString("record");
  private static final SerializableString N_REGION = new SerializedString("region");
  private static final SerializableString N_REPORTING_ORGANISATION =
      new SerializedString("reportingOrganisation");
  private static final SerializableString N_RESIDENCE = new SerializedString("residence");
  private static final SerializableString N_SENSORY_LOSS = new SerializedString("sensoryLoss");
  private static final SerializableString N_SEX = new SerializedString("sex");
  private static final SerializableString N_SIDE = new SerializedString("side");
  private static final SerializableString N_SYSTEM = new SerializedString("system");
  private static final SerializableString N_TAMPERED = new SerializedString("tampered");
  private static final SerializableString N_TYPE = new SerializedString("type");
  private static final SerializableString N_VALUE = new SerializedString("value");
  private static final SerializableString N_VERIFICATION = new SerializedString("verification");

  private static final SerializableString T_CASUALTY = new SerializedString("casualty");
  private static final SerializableString T_PERSON = new SerializedString("person");
  private static final SerializableString T_INCIDENT = new SerializedString("incident");

  private final JsonGenerator generator;
  private final ObjectWriter writer;
  private final Map<Location, SerializableString> locations = new IdentityHashMap<>();
  private final char[] date = new char[10];
  private long lines;

  NdjsonRecordWriter(VanJson json, OutputStream out) {
    this.writer =
        json.mapper()
            .writer()
            .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            .withRootValueSeparator((String) null);
    this.generator = writer.createGenerator(out);
  }

  @Override
  public void accept(Object record) {
    JsonGenerator g = generator;
    g.writeStartObject();
    if (record instanceof Casualty) {
      g.writeName(N_TYPE);
      g.writeString(T_CASUALTY);
      g.writeName(N_RECORD);
      casualty((Casualty) record);
    } else if (record instanceof Person) {
      g.writeName(N_TYPE);
      g.writeString(T_PERSON);
      g.writeName(N_RECORD);
      person((Person) record);
    } else if (record instanceof Incident) {
      g.writeName(N_TYPE);
      g.writeString(T_INCIDENT);
      g.writeName(N_RECORD);
      incident((Incident) record);
    } else {
      g.writeName(N_TYPE);
      g.writeString(RecordType.of(record).code());
      g.writeName(N_RECORD);
      writer.writeValue(g, record);
    }
    g.writeEndObject();
    g.writeRaw('\n');
    lines++;
  }

  private void incident(Incident i) {
    JsonGenerator g = generator;
    g.writeStartObject();
    code(N_ACCIDENT_CLASS, i.accidentClass());
    code(N_AREA_CLEARED_BEFORE, i.areaClearedBefore());
    code(N_AREA_MARKED_BEFORE, i.areaMarkedBefore());
    date(N_DATE, i.date());
    bool(N_DATE_ESTIMATED, i.dateEstimated());
    code(N_DEVICE_CATEGORY, i.deviceCategory());
    g.writeName(N_ID);
    g.writeString(i.id().value());
    location(N_LOCATION, i.location());
    if (i.reportingOrganisation().isPresent()) {
      g.writeName(N_REPORTING_ORGANISATION);
      g.writeString(i.reportingOrganisation().get().value());
    }
    code(N_VERIFICATION, i.verification());
    g.writeEndObject();
  }

  private void person(Person p) {
    JsonGenerator g = generator;
    g.writeStartObject();
    if (p.birthDate().isPresent()) {
      date(N_BIRTH_DATE, p.birthDate().get());
    }
    bool(N_BIRTH_DATE_ESTIMATED, p.birthDateEstimated());
    if (p.contact().isPresent()) {
      contact(p.contact().get());
    }
    code(N_DISPLACEMENT_STATUS, p.displacementStatus());
    code(N_HOUSEHOLD_HEAD, p.householdHead());
    g.writeName(N_ID);
    g.writeString(p.id().value());
    if (!p.identifiers().isEmpty()) {
      g.writeName(N_IDENTIFIERS);
      g.writeStartArray();
      for (ExternalIdentifier e : p.identifiers()) {
        g.writeStartObject();
        string(N_SYSTEM, e.system());
        string(N_VALUE, e.value());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    strings(N_LANGUAGES, p.languages());
    if (p.name().isPresent()) {
      string(N_NAME, p.name().get());
    }
    if (p.nationality().isPresent()) {
      g.writeName(N_NATIONALITY);
      g.writeString(p.nationality().get().code());
    }
    if (p.residence().isPresent()) {
      location(N_RESIDENCE, p.residence().get());
    }
    code(N_SEX, p.sex());
    g.writeEndObject();
  }

  private void contact(Contact c) {
    if (c.address().filter(s -> !s.isEmpty()).isEmpty()
        && c.email().filter(s -> !s.isEmpty()).isEmpty()
        && c.phone().filter(s -> !s.isEmpty()).isEmpty()) {
      // The codec would write an empty object; leave such rare values to it.
      generator.writeName(N_CONTACT);
      writer.writeValue(generator, c);
      return;
    }
    generator.writeName(N_CONTACT);
    generator.writeStartObject();
    c.address().ifPresent(s -> string(N_ADDRESS, s));
    c.email().ifPresent(s -> string(N_EMAIL, s));
    c.phone().ifPresent(s -> string(N_PHONE, s));
    generator.writeEndObject();
  }

  private void casualty(Casualty c) {
    JsonGenerator g = generator;
    g.writeStartObject();
    code(N_ACTIVITY_AT_INCIDENT, c.activityAtIncident());
    if (c.ageAtIncident().isPresent()) {
      g.writeName(N_AGE_AT_INCIDENT);
      g.writeNumber(c.ageAtIncident().get());
    }
    if (!c.amputations().isEmpty()) {
      g.writeName(N_AMPUTATIONS);
      g.writeStartArray();
      for (Amputation a : c.amputations()) {
        g.writeStartObject();
        code(N_LEVEL, a.level());
        code(N_LIMB, a.limb());
        code(N_SIDE, a.side());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    code(N_CIVILIAN_STATUS, c.civilianStatus());
    if (c.diedOn().isPresent()) {
      date(N_DIED_ON, c.diedOn().get());
    }
    code(N_FIRST_AID_ON_SITE, c.firstAidOnSite());
    g.writeName(N_ID);
    g.writeString(c.id().value());
    g.writeName(N_INCIDENT_ID);
    g.writeString(c.incidentId().value());
    if (!c.injuries().isEmpty()) {
      g.writeName(N_INJURIES);
      g.writeStartArray();
      for (Injury i : c.injuries()) {
        g.writeStartObject();
        code(N_LATERALITY, i.laterality());
        code(N_REGION, i.region());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    if (c.minutesToFacility().isPresent()) {
      g.writeName(N_MINUTES_TO_FACILITY);
      g.writeNumber(c.minutesToFacility().get());
    }
    code(N_OUTCOME, c.outcome());
    g.writeName(N_PERSON_ID);
    g.writeString(c.personId().value());
    code(N_PRIOR_RISK_EDUCATION, c.priorRiskEducation());
    if (!c.sensoryLoss().isEmpty()) {
      g.writeName(N_SENSORY_LOSS);
      g.writeStartArray();
      for (SensoryLoss s : c.sensoryLoss()) {
        g.writeString(codeOf(s));
      }
      g.writeEndArray();
    }
    bool(N_TAMPERED, c.tampered());
    g.writeEndObject();
  }

  private void location(SerializableString name, Location location) {
    SerializableString json = locations.get(location);
    if (json == null) {
      json = new SerializedString(writer.writeValueAsString(location));
      if (locations.size() > 100_000) {
        locations.clear();
      }
      locations.put(location, json);
    }
    generator.writeName(name);
    generator.writeRawValue(json);
  }

  private void code(SerializableString name, Enum<?> value) {
    generator.writeName(name);
    generator.writeString(codeOf(value));
  }

  private void code(SerializableString name, Optional<? extends Enum<?>> value) {
    if (value.isPresent()) {
      generator.writeName(name);
      generator.writeString(codeOf(value.get()));
    }
  }

  private static SerializableString codeOf(Enum<?> value) {
    return CODES.get(value.getDeclaringClass())[value.ordinal()];
  }

  private void bool(SerializableString name, Optional<Boolean> value) {
    if (value.isPresent()) {
      generator.writeName(name);
      generator.writeBoolean(value.get());
    }
  }

  private void string(SerializableString name, String value) {
    if (!value.isEmpty()) {
      generator.writeName(name);
      generator.writeString(value);
    }
  }

  private void strings(SerializableString name, List<String> values) {
    if (values.isEmpty()) {
      return;
    }
    generator.writeName(name);
    generator.writeStartArray();
    for (String v : values) {
      generator.writeString(v);
    }
    generator.writeEndArray();
  }

  private void date(SerializableString name, PartialDate d) {
    int n = 4;
    digits(d.year(), 0, 4);
    if (d.monthOrZero() > 0) {
      date[4] = '-';
      digits(d.monthOrZero(), 5, 2);
      n = 7;
      if (d.isFullDate()) {
        date[7] = '-';
        digits(d.earliest().getDayOfMonth(), 8, 2);
        n = 10;
      }
    }
    generator.writeName(name);
    generator.writeString(date, 0, n);
  }

  private void digits(int value, int at, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      date[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  /** Returns the number of lines written. */
  long lines() {
    return lines;
  }

  /** Flushes buffered output to the stream, which stays open. */
  void flush() {
    generator.flush();
  }
}
