package org.vansdk.indicators.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;
import org.vansdk.core.casualty.CivilianStatus;
import org.vansdk.core.casualty.Outcome;
import org.vansdk.core.code.CodeList;
import org.vansdk.core.code.YesNoUnknown;
import org.vansdk.core.incident.DeviceCategory;
import org.vansdk.core.json.Ndjson;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.json.VanJsonException;
import org.vansdk.core.person.Sex;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.submission.RecordType;
import org.vansdk.core.time.PartialDate;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an NDJSON stream into a {@link Dataset}, streaming the three high-volume record types
 * (persons, incidents, casualties) field by field with the codec's own parser (same stream
 * constraints) instead of binding each line into a model object, which is where most of the time of
 * a full binding goes. Every other line is decoded in full by {@link Ndjson#decode}.
 *
 * <p>What a streamed line is checked for: well-formed JSON, one object with {@code type} and an
 * object {@code record}, nothing after it, and every field the indicators read present when
 * required, of the right JSON type and a valid value (codes from the code lists, partial dates, ISO
 * country codes). Fields the indicators do not read are skipped unchecked: whole-record validation
 * belongs upstream (the validation module), as a file is validated once and counted many times. A
 * line that fails a check throws a {@link VanJsonException} with its line number and a JSON
 * pointer, never a silently wrong count. Not thread-safe.
 */
final class NdjsonFieldReader {
  private static final String PERSON = RecordType.PERSON.code();
  private static final String INCIDENT = RecordType.INCIDENT.code();
  private static final String CASUALTY = RecordType.CASUALTY.code();

  private final VanJson json;
  private final JsonMapper mapper;
  private final InputStream in;
  private final Dataset data;
  private final int maxLine;
  private byte[] buffer = new byte[1 << 20];
  private int start;
  private int limit;
  private boolean eof;
  private long lineNumber;

  NdjsonFieldReader(VanJson json, InputStream in, Dataset data) {
    this.json = json;
    this.mapper = json.mapper();
    this.in = in;
    this.data = data;
    this.maxLine = (int) Math.min(Integer.MAX_VALUE - 16, json.limits().maxDocumentBytes());
  }

  /** Reads every line of the stream into the dataset. */
  void readAll() {
    while (true) {
      int nl = indexOfNewline(start);
      while (nl < 0 && !eof) {
        fill();
        nl = indexOfNewline(start);
      }
      int end = nl < 0 ? limit : nl;
      if (nl < 0 && end == start) {
        return;
      }
      lineNumber++;
      if (end - start > maxLine) {
        throw new VanJsonException(
            ErrorCode.LIMIT_EXCEEDED,
            "NDJSON line longer than the limit of " + json.limits().maxDocumentBytes() + " bytes",
            "",
            lineNumber,
            1);
      }
      int stop = end > start && buffer[end - 1] == '\r' ? end - 1 : end;
      if (!isBlank(start, stop)) {
        line(start, stop - start);
      }
      start = nl < 0 ? limit : nl + 1;
    }
  }

  private int indexOfNewline(int from) {
    for (int i = from; i < limit; i++) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void fill() {
    if (start > 0) {
      System.arraycopy(buffer, start, buffer, 0, limit - start);
      limit -= start;
      start = 0;
    }
    if (limit == buffer.length) {
      if (buffer.length > maxLine + 2) {
        throw new VanJsonException(
            ErrorCode.LIMIT_EXCEEDED,
            "NDJSON line longer than the limit of " + json.limits().maxDocumentBytes() + " bytes",
            "",
            lineNumber + 1,
            1);
      }
      buffer = Arrays.copyOf(buffer, (int) Math.min(buffer.length * 2L, maxLine + 3L));
    }
    try {
      int n = in.read(buffer, limit, buffer.length - limit);
      if (n < 0) {
        eof = true;
      } else {
        limit += n;
      }
    } catch (IOException e) {
      throw new VanException(
          ErrorCode.IO, "cannot read NDJSON stream: " + e.getClass().getSimpleName(), e);
    }
  }

  private boolean isBlank(int from, int to) {
    for (int i = from; i < to; i++) {
      if (buffer[i] != ' ' && buffer[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  /** One line: streamed if it is a person, incident or casualty with "type" first, else decoded. */
  private void line(int off, int len) {
    String pointer = "";
    try (JsonParser p = mapper.createParser(buffer, off, len)) {
      if (p.nextToken() != JsonToken.START_OBJECT || !"type".equals(p.nextName())) {
        decode(off, len);
        return;
      }
      if (p.nextToken() != JsonToken.VALUE_STRING) {
        decode(off, len);
        return;
      }
      String type = p.getString();
      boolean person = type.equals(PERSON);
      boolean incident = type.equals(INCIDENT);
      boolean casualty = type.equals(CASUALTY);
      if (!(person || incident || casualty)
          || !"record".equals(p.nextName())
          || p.nextToken() != JsonToken.START_OBJECT) {
        decode(off, len);
        return;
      }
      pointer = "/record";
      if (person) {
        person(p);
      } else if (incident) {
        incident(p);
      } else {
        casualty(p);
      }
      pointer = "";
      JsonToken after = p.nextToken();
      while (after == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        if (json.isStrict() || name.equals("type") || name.equals("record")) {
          throw mapping(
              "unknown or repeated property in an NDJSON line; allowed: record, type", "", p);
        }
        p.nextToken();
        p.skipChildren();
        after = p.nextToken();
      }
      if (after != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw mapping("an NDJSON line must hold one object", "", p);
      }
    } catch (VanJsonException e) {
      throw e;
    } catch (JacksonException e) {
      TokenStreamLocation at = e.getLocation();
      throw new VanJsonException(
          ErrorCode.MALFORMED_JSON,
          "malformed JSON: " + e.getClass().getSimpleName(),
          pointer,
          lineNumber,
          at == null ? 1 : Math.max(1, at.getColumnNr()));
    }
  }

  private void decode(int off, int len) {
    data.accept(
        Ndjson.decode(json, Arrays.copyOfRange(buffer, off, off + len), lineNumber).record());
  }

  private void person(JsonParser p) {
    String id = null;
    int sex = -1;
    for (String name = p.nextName(); name != null; name = p.nextName()) {
      JsonToken t = p.nextToken();
      if (name.equals("id")) {
        id = id(p, t, "/record/id");
      } else if (name.equals("sex")) {
        sex = code(p, t, Sex.class, "/record/sex");
      } else {
        p.skipChildren();
      }
    }
    require(id != null, "/record/id", p);
    require(sex >= 0, "/record/sex", p);
    data.person(id, sex);
  }

  private void incident(JsonParser p) {
    String id = null;
    PartialDate date = null;
    int device = -1;
    int marked = YesNoUnknown.UNKNOWN.ordinal();
    String[] area = null;
    for (String name = p.nextName(); name != null; name = p.nextName()) {
      JsonToken t = p.nextToken();
      switch (name) {
        case "id":
          id = id(p, t, "/record/id");
          break;
        case "date":
          date = date(p, t, "/record/date");
          break;
        case "deviceCategory":
          device = code(p, t, DeviceCategory.class, "/record/deviceCategory");
          break;
        case "areaMarkedBefore":
          if (t != JsonToken.VALUE_NULL) {
            marked = code(p, t, YesNoUnknown.class, "/record/areaMarkedBefore");
          }
          break;
        case "location":
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
    data.incident(id, date, device, area[1], level, area[0], marked);
  }

  /** The location's country code, admin-area P-code and level (both null when absent). */
  private String[] location(JsonParser p, JsonToken t) {
    expect(t == JsonToken.START_OBJECT, "an object", "/record/location", p);
    String[] out = new String[3];
    for (String name = p.nextName(); name != null; name = p.nextName()) {
      JsonToken v = p.nextToken();
      if (name.equals("country")) {
        String c = string(p, v, "/record/location/country");
        try {
          out[0] = CountryCode.parse(c).code();
        } catch (VanException e) {
          throw invalid(e, "/record/location/country", p);
        }
      } else if (name.equals("adminArea") && v != JsonToken.VALUE_NULL) {
        expect(v == JsonToken.START_OBJECT, "an object", "/record/location/adminArea", p);
        int level = -1;
        for (String n = p.nextName(); n != null; n = p.nextName()) {
          JsonToken w = p.nextToken();
          if (n.equals("pCode")) {
            out[1] = string(p, w, "/record/location/adminArea/pCode");
          } else if (n.equals("level")) {
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

  private void casualty(JsonParser p) {
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
          personId = id(p, t, "/record/personId");
          break;
        case "incidentId":
          incidentId = id(p, t, "/record/incidentId");
          break;
        case "outcome":
          outcome = code(p, t, Outcome.class, "/record/outcome");
          break;
        case "civilianStatus":
          civilian = code(p, t, CivilianStatus.class, "/record/civilianStatus");
          break;
        case "ageAtIncident":
          if (t != JsonToken.VALUE_NULL) {
            expect(t == JsonToken.VALUE_NUMBER_INT, "an integer", "/record/ageAtIncident", p);
            age = p.getIntValue();
            expect(age >= 0 && age <= 120, "from 0 to 120", "/record/ageAtIncident", p);
          }
          break;
        case "priorRiskEducation":
          if (t != JsonToken.VALUE_NULL) {
            risk = code(p, t, YesNoUnknown.class, "/record/priorRiskEducation");
          }
          break;
        case "amputations":
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
    data.casualty(personId, incidentId, outcome, civilian, age, risk, amputation, died);
  }

  /** A record identifier, checked against {@code ISO3-ORG-local} without a regular expression. */
  private String id(JsonParser p, JsonToken t, String pointer) {
    String s = string(p, t, pointer);
    if (!isRecordId(s)) {
      throw new VanJsonException(
          ErrorCode.INVALID_IDENTIFIER,
          "identifier does not follow ISO3-ORG-local (e.g. KHM-CMAA-000123)",
          pointer,
          lineNumber,
          column(p));
    }
    return s;
  }

  /** The same rule as {@code RecordId.PATTERN}, hand-written because it runs on every line. */
  static boolean isRecordId(String s) {
    int n = s.length();
    if (n < 8 || s.charAt(3) != '-') {
      return false;
    }
    for (int i = 0; i < 3; i++) {
      char c = s.charAt(i);
      if (c < 'A' || c > 'Z') {
        return false;
      }
    }
    int i = 4;
    while (i < n && s.charAt(i) != '-') {
      char c = s.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        return false;
      }
      i++;
    }
    int org = i - 4;
    if (org < 2 || org > 16 || i == n) {
      return false;
    }
    int local = n - i - 1;
    if (local < 1 || local > 64) {
      return false;
    }
    for (int k = i + 1; k < n; k++) {
      char c = s.charAt(k);
      boolean alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (!alnum && (k == i + 1 || (c != '.' && c != '_' && c != '-'))) {
        return false;
      }
    }
    return true;
  }

  private String string(JsonParser p, JsonToken t, String pointer) {
    expect(t == JsonToken.VALUE_STRING, "a string", pointer, p);
    return p.getString();
  }

  private <E extends Enum<E> & org.vansdk.core.code.CodeValue> int code(
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

  private VanJsonException mapping(String problem, String pointer, JsonParser p) {
    return new VanJsonException(ErrorCode.JSON_MAPPING, problem, pointer, lineNumber, column(p));
  }

  private VanJsonException invalid(VanException e, String pointer, JsonParser p) {
    return new VanJsonException(e.code(), "invalid value", pointer, lineNumber, column(p));
  }

  private static long column(JsonParser p) {
    TokenStreamLocation at = p.currentTokenLocation();
    return at == null ? 1 : Math.max(1, at.getColumnNr());
  }
}
