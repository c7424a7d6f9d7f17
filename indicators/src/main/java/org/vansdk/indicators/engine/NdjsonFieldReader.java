package org.vansdk.indicators.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;
import org.vansdk.core.casualty.CivilianStatus;
import org.vansdk.core.casualty.Outcome;
import org.vansdk.core.code.CodeList;
import org.vansdk.core.code.YesNoUnknown;
import org.vansdk.core.functioning.WgSsIdentifiers;
import org.vansdk.core.functioning.WgSsResponse;
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
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.ObjectReader;

/**
 * Reads an NDJSON stream into a {@link Dataset}, streaming the four high-volume record types
 * (persons, incidents, casualties, functioning assessments) field by field with the codec's own
 * parser (same stream constraints) instead of binding each line into a model object, which is where
 * most of the time of a full binding goes. Every other line is decoded in full by {@link
 * Ndjson#decode}.
 *
 * <p>The stream is cut into chunks of whole lines; with a parallelism above 1 the chunks are parsed
 * on that many threads while the calling thread applies the parsed rows to the dataset in stream
 * order, so the result, and the first error reported, are those of a sequential read.
 *
 * <p>What a streamed line is checked for: well-formed JSON, one object with {@code type} and an
 * object {@code record}, nothing after it, and every field the indicators read present when
 * required, once, of the right JSON type and a valid value (codes from the code lists, partial
 * dates, ISO country codes). Fields the indicators do not read are skipped unchecked: whole-record
 * validation belongs upstream (the validation module), as a file is validated once and counted many
 * times. A line that fails a check throws a {@link VanJsonException} with its line number and a
 * JSON pointer, never a silently wrong count.
 */
final class NdjsonFieldReader {
  private static final String PERSON = RecordType.PERSON.code();
  private static final String INCIDENT = RecordType.INCIDENT.code();
  private static final String CASUALTY = RecordType.CASUALTY.code();
  private static final String FUNCTIONING = RecordType.FUNCTIONING_ASSESSMENT.code();

  /** The WG-SS answer properties of a functioning assessment, in WgSsIdentifiers.from order. */
  private static final String[] DOMAINS = {
    "seeing", "hearing", "walking", "cognition", "selfCare", "communication"
  };

  /** Bytes of a chunk before it is cut at its last line end. */
  static final int CHUNK = 1 << 20;

  private final VanJson json;
  private final ObjectReader reader;
  private final InputStream in;
  private final Dataset data;
  private final int parallelism;
  private final int maxLine;
  private final int chunkBytes;
  private byte[] buffer;
  private int limit;
  private boolean eof;

  NdjsonFieldReader(VanJson json, InputStream in, Dataset data, int parallelism) {
    this(json, in, data, parallelism, CHUNK);
  }

  /** As the public path, with another chunk size (tests cut small streams into many chunks). */
  NdjsonFieldReader(VanJson json, InputStream in, Dataset data, int parallelism, int chunkBytes) {
    this.json = json;
    // Repeated properties are checked here for the fields read (see Fields); the rest is skipped.
    this.reader = json.mapper().reader().without(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    this.in = in;
    this.data = data;
    this.parallelism = parallelism;
    this.maxLine = (int) Math.min(Integer.MAX_VALUE - 16, json.limits().maxDocumentBytes());
    this.chunkBytes = chunkBytes;
    this.buffer = new byte[2 * chunkBytes];
  }

  /** Reads every line of the stream into the dataset. */
  void readAll() {
    long linesBefore = 0;
    if (parallelism <= 1) {
      for (byte[] chunk = next(linesBefore); chunk != null; chunk = next(linesBefore)) {
        linesBefore = apply(new Parse(chunk).run(), linesBefore);
      }
      return;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            parallelism,
            r -> {
              Thread t = new Thread(r, "van-indicators-ndjson");
              t.setDaemon(true);
              return t;
            });
    try {
      ArrayDeque<Future<Parsed>> inFlight = new ArrayDeque<>();
      while (true) {
        byte[] chunk;
        try {
          chunk = nextChunk();
        } catch (RuntimeException e) {
          // An earlier line's error, still being parsed, comes first, as in a sequential read.
          while (!inFlight.isEmpty()) {
            linesBefore = apply(await(inFlight.poll()), linesBefore);
          }
          throw rebased(e, linesBefore);
        }
        if (chunk == null) {
          break;
        }
        inFlight.add(pool.submit(new Parse(chunk)::run));
        if (inFlight.size() > 2 * parallelism) {
          linesBefore = apply(await(inFlight.poll()), linesBefore);
        }
      }
      while (!inFlight.isEmpty()) {
        linesBefore = apply(await(inFlight.poll()), linesBefore);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** The next chunk, its errors numbered after the lines already applied. */
  private byte[] next(long linesBefore) {
    try {
      return nextChunk();
    } catch (RuntimeException e) {
      throw rebased(e, linesBefore);
    }
  }

  /** An error of {@link #nextChunk}, whose line numbers count from the first unread line. */
  private static RuntimeException rebased(RuntimeException e, long linesBefore) {
    return e instanceof VanJsonException
        ? ((VanJsonException) e).atLine(linesBefore + ((VanJsonException) e).line(), "")
        : e;
  }

  private static Parsed await(Future<Parsed> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VanException(ErrorCode.IO, "interrupted while reading NDJSON", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new VanException(ErrorCode.IO, "cannot read NDJSON: " + cause, cause);
    }
  }

  /** Applies a parsed chunk; returns the number of lines read so far. */
  private long apply(Parsed parsed, long linesBefore) {
    for (Consumer<Dataset> row : parsed.rows) {
      row.accept(data);
    }
    if (parsed.failure != null) {
      throw parsed.failure.atLine(linesBefore + parsed.failure.line(), "");
    }
    return linesBefore + parsed.lines;
  }

  /**
   * The next chunk of whole lines (the last one may lack its line end at the end of the stream), or
   * null at the end. An overlong line is reported as line 1: the first unread one.
   */
  private byte[] nextChunk() {
    int searched = 0;
    while (true) {
      while (!eof && limit < chunkBytes) {
        fill();
      }
      int nl = -1;
      for (int i = limit - 1; i >= searched; i--) {
        if (buffer[i] == '\n') {
          nl = i;
          break;
        }
      }
      if (nl >= 0 || eof) {
        int end = nl >= 0 ? nl + 1 : limit;
        if (end == 0) {
          return null;
        }
        byte[] chunk = Arrays.copyOf(buffer, end);
        System.arraycopy(buffer, end, buffer, 0, limit - end);
        limit -= end;
        return chunk;
      }
      searched = limit;
      if (limit > maxLine + 2) {
        throw new VanJsonException(
            ErrorCode.LIMIT_EXCEEDED,
            "NDJSON line longer than the limit of " + json.limits().maxDocumentBytes() + " bytes",
            "",
            1,
            1);
      }
      if (limit == buffer.length) {
        buffer = Arrays.copyOf(buffer, (int) Math.min(buffer.length * 2L, maxLine + 3L));
      }
      fill();
    }
  }

  private void fill() {
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

  /** A parsed chunk: the rows to apply in order, its line count, and the error that stopped it. */
  private static final class Parsed {
    final List<Consumer<Dataset>> rows;
    final long lines;
    final VanJsonException failure;

    Parsed(List<Consumer<Dataset>> rows, long lines, VanJsonException failure) {
      this.rows = rows;
      this.lines = lines;
      this.failure = failure;
    }
  }

  /** Parses one chunk into rows; line numbers in its errors count from the chunk's first line. */
  private final class Parse {
    private final byte[] buffer;
    private final List<Consumer<Dataset>> rows = new ArrayList<>();
    private long lineNumber;

    Parse(byte[] chunk) {
      this.buffer = chunk;
    }

    Parsed run() {
      int start = 0;
      try {
        while (start < buffer.length) {
          int nl = start;
          while (nl < buffer.length && buffer[nl] != '\n') {
            nl++;
          }
          lineNumber++;
          int stop = nl > start && buffer[nl - 1] == '\r' ? nl - 1 : nl;
          if (stop - start > maxLine) {
            throw new VanJsonException(
                ErrorCode.LIMIT_EXCEEDED,
                "NDJSON line longer than the limit of "
                    + json.limits().maxDocumentBytes()
                    + " bytes",
                "",
                lineNumber,
                1);
          }
          if (!isBlank(start, stop)) {
            line(start, stop - start);
          }
          start = nl + 1;
        }
        return new Parsed(rows, lineNumber, null);
      } catch (VanJsonException e) {
        return new Parsed(rows, lineNumber, e);
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

    /**
     * One line: streamed if it is a person, incident or casualty with "type" first, else decoded.
     */
    private void line(int off, int len) {
      String pointer = "";
      try (JsonParser p = reader.createParser(buffer, off, len)) {
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
        boolean functioning = type.equals(FUNCTIONING);
        if (!(person || incident || casualty || functioning)
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
        } else if (casualty) {
          casualty(p);
        } else {
          functioning(p);
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
      Object record =
          Ndjson.decode(json, Arrays.copyOfRange(buffer, off, off + len), lineNumber).record();
      rows.add(d -> d.accept(record));
    }

    private void person(JsonParser p) {
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
      rows.add(d -> d.person(personId, personSex));
    }

    private void incident(JsonParser p) {
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
      rows.add(d -> d.incident(incidentId, day, dev, pCode, level, countryCode, mark));
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

    private void functioning(JsonParser p) {
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
      rows.add(d -> d.functioning(person, assessment, day, identifiers));
    }

    /** Marks a property read, refusing it if it was already read in this object. */
    private int once(int seen, int bit, String pointer, JsonParser p) {
      if ((seen & bit) != 0) {
        throw mapping("repeated property", pointer, p);
      }
      return seen | bit;
    }

    private void casualty(JsonParser p) {
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
                expect(
                    e == JsonToken.START_OBJECT, "an array of objects", "/record/amputations", p);
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
      rows.add(d -> d.casualty(person, incident, out, civ, years, education, amputated, diedDay));
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
}
