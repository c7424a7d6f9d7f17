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
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;

/**
 * Writes records as NDJSON lines through one reused generator, byte for byte what {@code
 * org.vansdk.core.json.Ndjson#line} produces. Persons, incidents and casualties (most of a
 * population) are written field by field in the codec's order (alphabetical, empty values left
 * out), the rest through the codec; tests compare every line with the codec's. Not thread-safe.
 */
final class NdjsonRecordWriter implements Consumer<Object> {
  private static final ClassValue<String[]> CODES =
      new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
          Object[] constants = type.getEnumConstants();
          String[] codes = new String[constants.length];
          for (int i = 0; i < constants.length; i++) {
            codes[i] = ((CodeValue) constants[i]).code();
          }
          return codes;
        }
      };

  private final JsonGenerator generator;
  private final ObjectWriter writer;
  private final Map<Location, String> locations = new IdentityHashMap<>();
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
      g.writeStringProperty("type", "casualty");
      g.writeName("record");
      casualty((Casualty) record);
    } else if (record instanceof Person) {
      g.writeStringProperty("type", "person");
      g.writeName("record");
      person((Person) record);
    } else if (record instanceof Incident) {
      g.writeStringProperty("type", "incident");
      g.writeName("record");
      incident((Incident) record);
    } else {
      g.writeStringProperty("type", RecordType.of(record).code());
      g.writeName("record");
      writer.writeValue(g, record);
    }
    g.writeEndObject();
    g.writeRaw('\n');
    lines++;
  }

  private void incident(Incident i) {
    JsonGenerator g = generator;
    g.writeStartObject();
    code("accidentClass", i.accidentClass());
    code("areaClearedBefore", i.areaClearedBefore());
    code("areaMarkedBefore", i.areaMarkedBefore());
    date("date", i.date());
    bool("dateEstimated", i.dateEstimated());
    code("deviceCategory", i.deviceCategory());
    g.writeStringProperty("id", i.id().value());
    location("location", i.location());
    if (i.reportingOrganisation().isPresent()) {
      g.writeStringProperty("reportingOrganisation", i.reportingOrganisation().get().value());
    }
    code("verification", i.verification());
    g.writeEndObject();
  }

  private void person(Person p) {
    JsonGenerator g = generator;
    g.writeStartObject();
    if (p.birthDate().isPresent()) {
      date("birthDate", p.birthDate().get());
    }
    bool("birthDateEstimated", p.birthDateEstimated());
    if (p.contact().isPresent()) {
      contact(p.contact().get());
    }
    code("displacementStatus", p.displacementStatus());
    code("householdHead", p.householdHead());
    g.writeStringProperty("id", p.id().value());
    if (!p.identifiers().isEmpty()) {
      g.writeName("identifiers");
      g.writeStartArray();
      for (ExternalIdentifier e : p.identifiers()) {
        g.writeStartObject();
        string("system", e.system());
        string("value", e.value());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    strings("languages", p.languages());
    if (p.name().isPresent()) {
      string("name", p.name().get());
    }
    if (p.nationality().isPresent()) {
      g.writeStringProperty("nationality", p.nationality().get().code());
    }
    if (p.residence().isPresent()) {
      location("residence", p.residence().get());
    }
    code("sex", p.sex());
    g.writeEndObject();
  }

  private void contact(Contact c) {
    if (c.address().filter(s -> !s.isEmpty()).isEmpty()
        && c.email().filter(s -> !s.isEmpty()).isEmpty()
        && c.phone().filter(s -> !s.isEmpty()).isEmpty()) {
      // The codec would write an empty object; leave such rare values to it.
      generator.writeName("contact");
      writer.writeValue(generator, c);
      return;
    }
    generator.writeName("contact");
    generator.writeStartObject();
    c.address().ifPresent(s -> string("address", s));
    c.email().ifPresent(s -> string("email", s));
    c.phone().ifPresent(s -> string("phone", s));
    generator.writeEndObject();
  }

  private void casualty(Casualty c) {
    JsonGenerator g = generator;
    g.writeStartObject();
    code("activityAtIncident", c.activityAtIncident());
    if (c.ageAtIncident().isPresent()) {
      g.writeNumberProperty("ageAtIncident", c.ageAtIncident().get());
    }
    if (!c.amputations().isEmpty()) {
      g.writeName("amputations");
      g.writeStartArray();
      for (Amputation a : c.amputations()) {
        g.writeStartObject();
        code("level", a.level());
        code("limb", a.limb());
        code("side", a.side());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    code("civilianStatus", c.civilianStatus());
    if (c.diedOn().isPresent()) {
      date("diedOn", c.diedOn().get());
    }
    code("firstAidOnSite", c.firstAidOnSite());
    g.writeStringProperty("id", c.id().value());
    g.writeStringProperty("incidentId", c.incidentId().value());
    if (!c.injuries().isEmpty()) {
      g.writeName("injuries");
      g.writeStartArray();
      for (Injury i : c.injuries()) {
        g.writeStartObject();
        code("laterality", i.laterality());
        code("region", i.region());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    if (c.minutesToFacility().isPresent()) {
      g.writeNumberProperty("minutesToFacility", c.minutesToFacility().get());
    }
    code("outcome", c.outcome());
    g.writeStringProperty("personId", c.personId().value());
    code("priorRiskEducation", c.priorRiskEducation());
    if (!c.sensoryLoss().isEmpty()) {
      g.writeName("sensoryLoss");
      g.writeStartArray();
      for (SensoryLoss s : c.sensoryLoss()) {
        g.writeString(codeOf(s));
      }
      g.writeEndArray();
    }
    bool("tampered", c.tampered());
    g.writeEndObject();
  }

  private void location(String name, Location location) {
    String json = locations.get(location);
    if (json == null) {
      json = writer.writeValueAsString(location);
      if (locations.size() > 100_000) {
        locations.clear();
      }
      locations.put(location, json);
    }
    generator.writeName(name);
    generator.writeRawValue(json);
  }

  private void code(String name, Enum<?> value) {
    generator.writeStringProperty(name, codeOf(value));
  }

  private void code(String name, Optional<? extends Enum<?>> value) {
    if (value.isPresent()) {
      generator.writeStringProperty(name, codeOf(value.get()));
    }
  }

  private static String codeOf(Enum<?> value) {
    return CODES.get(value.getDeclaringClass())[value.ordinal()];
  }

  private void bool(String name, Optional<Boolean> value) {
    if (value.isPresent()) {
      generator.writeBooleanProperty(name, value.get());
    }
  }

  private void string(String name, String value) {
    if (!value.isEmpty()) {
      generator.writeStringProperty(name, value);
    }
  }

  private void strings(String name, List<String> values) {
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

  private void date(String name, PartialDate d) {
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
