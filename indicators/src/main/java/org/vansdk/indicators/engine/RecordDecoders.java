package org.vansdk.indicators.engine;

import java.util.Arrays;
import java.util.function.Consumer;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;
import org.vansdk.core.casualty.CivilianStatus;
import org.vansdk.core.casualty.Outcome;
import org.vansdk.core.code.CodeList;
import org.vansdk.core.code.CodeValue;
import org.vansdk.core.code.YesNoUnknown;
import org.vansdk.core.functioning.WgSsIdentifiers;
import org.vansdk.core.functioning.WgSsResponse;
import org.vansdk.core.id.RecordId;
import org.vansdk.core.incident.DeviceCategory;
import org.vansdk.core.json.VanJsonException;
import org.vansdk.core.person.Sex;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.time.PartialDate;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;

/**
 * Decodes the {@code record} object of a streamed person, incident, casualty or functioning
 * assessment line field by field from the codec's parser, checking every field the indicators read
 * (present when required, once, of the right JSON type, a valid value) and skipping the others.
 * Each decoder returns the row to apply to the {@link Dataset}; a failed check throws a {@link
 * VanJsonException} at {@link #line} with the field's JSON pointer. One instance per chunk, used by
 * one thread at a time.
 */
final class RecordDecoders {
  /** The WG-SS answer properties of a functioning assessment, in WgSsIdentifiers.from order. */
  private static final String[] DOMAINS = {
    "seeing", "hearing", "walking", "cognition", "selfCare", "communication"
  };

  /** The number of the line being decoded, for the errors. */
  long line;

  Consumer<Dataset> person(JsonParser p) {
    int seen = 0;
    String id = null;
    int sex = -1;
    for (String name = p.nextName(); name != null; name = p.nextName()) {
      JsonToken t = p.nextToken();
      if (name.equals("id")) {
        seen = once(seen, 1, "/record/id", p);
        id = id(p, t, "/record/id");
      } else if (name.equals("sex")) {
        seen = once(seen, 2, "/record/sex", p);
        sex = code(p, t, Sex.class, "/record/sex");
      } else {
        p.skipChildren();
      }
    }
    require(id != null, "/record/id", p);
    require(sex >= 0, "/record/sex", p);
    String personId = id;
    int personSex = sex;
    return d -> d.person(personId, personSex);
  }

  Consumer<Dataset> incident(JsonParser p) {
    int seen = 0;
    String id = null;
    PartialDate date = null;
    int device = -1;
    int marked = YesNoUnknown.UNKNOWN.ordinal();
    String[] area = null;
    for (String name = p.nextName(); name != null; name = p.nextName()) {
      JsonToken t = p.nextToken();
      switch (name) {
        case "id":
          seen = once(seen, 1, "/record/id", p);
          id = id(p, t, "/record/id");
          break;
        case "date":
          seen = once(seen, 2, "/record/date", p);
          date = date(p, t, "/record/date");
          break;
        case "deviceCategory":
          seen = once(seen, 4, "/record/deviceCategory", p);
          device = code(p, t, DeviceCategory.class, "/record/deviceCategory");
          break;
        case "areaMarkedBefore":
          seen = once(seen, 8, "/record/areaMarkedBefore", p);
          if (t != JsonToken.VALUE_NULL) {
            marked = code(p, t, YesNoUnknown.class, "/record/areaMarkedBefore");
          }
          break;
        case "location":
          seen = once(seen, 16, "/record/location", p);
          area = location(p, t);
          break;
        default:
          p.skipChildren();
      }
    }
    require(id != null, "/record/id", p);
    require(date != null, "/record/date", p);
    require(device >= 0, "/record/deviceCategory", p);
    require(area != null, "/record/location", p);
    int level = area[2] == null ? 0 : Integer.parseInt(area[2]);
    String incidentId = id;
    PartialDate day = date;
    int dev = device;
    int mark = marked;
    String pCode = area[1];
    String countryCode = area[0];
    return d -> d.incident(incidentId, day, dev, pCode, level, countryCode, mark);
  }

  /** The location's country code, admin-area P-code and level (both null when absent). */
  private String[] location(JsonParser p, JsonToken t) {
    expect(t == JsonToken.START_OBJECT, "an object", "/record/location", p);
    String[] out = new String[3];
    int seen = 0;
    for (String name = p.nextName(); name != null; name = p.nextName()) {
      JsonToken v = p.nextToken();
      if (name.equals("country")) {
        seen = once(seen, 1, "/record/location/country", p);
        String c = string(p, v, "/record/location/country");
        try {
          out[0] = CountryCode.parse(c).code();
        } catch (VanException e) {
          throw invalid(e, "/record/location/country", p);
        }
      } else if (name.equals("adminArea") && v != JsonToken.VALUE_NULL) {
        seen = once(seen, 2, "/record/location/adminArea", p);
        expect(v == JsonToken.START_OBJECT, "an object", "/record/location/adminArea", p);
        int level = -1;
        for (String n = p.nextName(); n != null; n = p.nextName()) {
          JsonToken w = p.nextToken();
          if (n.equals("pCode")) {
            expect(out[1] == null, "given once", "/record/location/adminArea/pCode", p);
            out[1] = string(p, w, "/record/location/adminArea/pCode");
          } else if (n.equals("level")) {
            expect(level < 0, "given once", "/record/location/adminArea/level", p);
            expect(
                w == JsonToken.VALUE_NUMBER_INT,
                "an integer",
                "/record/location/adminArea/level",
                p);
            level = p.getIntValue();
          } else {
            p.skipChildren();
          }
        }
        require(out[1] != null, "/record/location/adminArea/pCode", p);
        require(level >= 0, "/record/location/adminArea/level", p);
        out[2] = Integer.toString(level);
      } else {
        p.skipChildren();
      }
    }
    require(out[0] != null, "/record/location/country", p);
    return out;
  }

  Consumer<Dataset> functioning(JsonParser p) {
    int seen = 0;
    String id = null;
    String personId = null;
    PartialDate date = null;
    WgSsResponse[] answers = new WgSsResponse[DOMAINS.length];
    for (String name = p.nextName(); name != null; name = p.nextName()) {
      JsonToken t = p.nextToken();
      if (name.equals("id")) {
        seen = once(seen, 1, "/record/id", p);
        id = id(p, t, "/record/id");
      } else if (name.equals("personId")) {
        seen = once(seen, 2, "/record/personId", p);
        personId = id(p, t, "/record/personId");
      } else if (name.equals("date")) {
        seen = once(seen, 4, "/record/date", p);
        date = date(p, t, "/record/date");
      } else {
        int domain = Arrays.asList(DOMAINS).indexOf(name);
        if (domain < 0) {
          p.skipChildren();
          continue;
        }
        String pointer = "/record/" + name;
        seen = once(seen, 8 << domain, pointer, p);
        answers[domain] = WgSsResponse.values()[code(p, t, WgSsResponse.class, pointer)];
      }
    }
    require(id != null, "/record/id", p);
    require(personId != null, "/record/personId", p);
    require(date != null, "/record/date", p);
    for (int i = 0; i < DOMAINS.length; i++) {
      require(answers[i] != null, "/record/" + DOMAINS[i], p);
    }
    String assessment = id;
    String person = personId;
    PartialDate day = date;
    WgSsIdentifiers identifiers = WgSsIdentifiers.from(answers);
    return d -> d.functioning(person, assessment, day, identifiers);
  }

  /** Marks a property read, refusing it if it was already read in this object. */
  private int once(int seen, int bit, String pointer, JsonParser p) {
    if ((seen & bit) != 0) {
      throw mapping("repeated property", pointer, p);
    }
    return seen | bit;
  }

  Consumer<Dataset> casualty(JsonParser p) {
    int seen = 0;
    String personId = null;
    String incidentId = null;
    int outcome = -1;
    int civilian = -1;
    int age = -1;
    int risk = YesNoUnknown.UNKNOWN.ordinal();
    boolean amputation = false;
    int died = Dataset.NO_DAY;
    for (String name = p.nextName(); name != null; name = p.nextName()) {
      JsonToken t = p.nextToken();
      switch (name) {
        case "personId":
          seen = once(seen, 1, "/record/personId", p);
          personId = id(p, t, "/record/personId");
          break;
        case "incidentId":
          seen = once(seen, 2, "/record/incidentId", p);
          incidentId = id(p, t, "/record/incidentId");
          break;
        case "outcome":
          seen = once(seen, 4, "/record/outcome", p);
          outcome = code(p, t, Outcome.class, "/record/outcome");
          break;
        case "civilianStatus":
          seen = once(seen, 8, "/record/civilianStatus", p);
          civilian = code(p, t, CivilianStatus.class, "/record/civilianStatus");
          break;
        case "ageAtIncident":
          seen = once(seen, 16, "/record/ageAtIncident", p);
          if (t != JsonToken.VALUE_NULL) {
            expect(t == JsonToken.VALUE_NUMBER_INT, "an integer", "/record/ageAtIncident", p);
            age = p.getIntValue();
            expect(age >= 0 && age <= 120, "from 0 to 120", "/record/ageAtIncident", p);
          }
          break;
        case "priorRiskEducation":
          seen = once(seen, 32, "/record/priorRiskEducation", p);
          if (t != JsonToken.VALUE_NULL) {
            risk = code(p, t, YesNoUnknown.class, "/record/priorRiskEducation");
          }
          break;
        case "amputations":
          seen = once(seen, 64, "/record/amputations", p);
          if (t != JsonToken.VALUE_NULL) {
            expect(t == JsonToken.START_ARRAY, "an array", "/record/amputations", p);
            for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
              expect(e == JsonToken.START_OBJECT, "an array of objects", "/record/amputations", p);
              amputation = true;
              p.skipChildren();
            }
          }
          break;
        case "diedOn":
          seen = once(seen, 128, "/record/diedOn", p);
          if (t != JsonToken.VALUE_NULL) {
            died = (int) date(p, t, "/record/diedOn").earliest().toEpochDay();
          }
          break;
        default:
          p.skipChildren();
      }
    }
    require(personId != null, "/record/personId", p);
    require(incidentId != null, "/record/incidentId", p);
    require(outcome >= 0, "/record/outcome", p);
    require(civilian >= 0, "/record/civilianStatus", p);
    String person = personId;
    String incident = incidentId;
    int out = outcome;
    int civ = civilian;
    int years = age;
    int education = risk;
    boolean amputated = amputation;
    int diedDay = died;
    return d -> d.casualty(person, incident, out, civ, years, education, amputated, diedDay);
  }

  /** A record identifier, checked against {@code ISO3-ORG-local} by {@link RecordId}. */
  private String id(JsonParser p, JsonToken t, String pointer) {
    String s = string(p, t, pointer);
    if (!RecordId.isWellFormed(s)) {
      throw new VanJsonException(
          ErrorCode.INVALID_IDENTIFIER,
          "identifier does not follow ISO3-ORG-local (e.g. KHM-CMAA-000123)",
          pointer,
          line,
          column(p));
    }
    return s;
  }

  private String string(JsonParser p, JsonToken t, String pointer) {
    expect(t == JsonToken.VALUE_STRING, "a string", pointer, p);
    return p.getString();
  }

  private <E extends Enum<E> & CodeValue> int code(
      JsonParser p, JsonToken t, Class<E> type, String pointer) {
    String s = string(p, t, pointer);
    try {
      return CodeList.fromCode(type, s).ordinal();
    } catch (VanException e) {
      throw invalid(e, pointer, p);
    }
  }

  private PartialDate date(JsonParser p, JsonToken t, String pointer) {
    String s = string(p, t, pointer);
    try {
      return PartialDate.parse(s);
    } catch (VanException e) {
      throw invalid(e, pointer, p);
    }
  }

  private void expect(boolean ok, String what, String pointer, JsonParser p) {
    if (!ok) {
      throw mapping("must be " + what, pointer, p);
    }
  }

  private void require(boolean present, String pointer, JsonParser p) {
    if (!present) {
      throw mapping("required property missing", pointer, p);
    }
  }

  VanJsonException mapping(String problem, String pointer, JsonParser p) {
    return new VanJsonException(ErrorCode.JSON_MAPPING, problem, pointer, line, column(p));
  }

  private VanJsonException invalid(VanException e, String pointer, JsonParser p) {
    return new VanJsonException(e.code(), "invalid value", pointer, line, column(p));
  }

  private static long column(JsonParser p) {
    TokenStreamLocation at = p.currentTokenLocation();
    return at == null ? 1 : Math.max(1, at.getColumnNr());
  }
}
