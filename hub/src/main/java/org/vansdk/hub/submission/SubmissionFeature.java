package org.vansdk.hub.submission;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import org.vansdk.core.json.VanJson;
import org.vansdk.hub.figures.RegionalFigures;
import org.vansdk.hub.web.Caller;
import org.vansdk.hub.web.HubContext;
import org.vansdk.hub.web.HubException;
import org.vansdk.hub.web.HubFeature;
import org.vansdk.hub.web.HubPaths;
import org.vansdk.hub.web.HubRequest;
import org.vansdk.hub.web.Role;
import org.vansdk.hub.web.Route;
import org.vansdk.schema.validation.PayloadValidator;
import org.vansdk.transport.http.EndpointResponse;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Submissions of national focal points, each for its own country only:
 *
 * <ul>
 *   <li>{@code PUT /van/v1/submissions/{id}?dryRun=true|false}: a de-identified release ({@code
 *       application/x-ndjson}, DeidentifiedCasualty lines, streamed) or an indicator table ({@code
 *       text/csv}, SDMX-CSV 2.0); answered with a receipt: 201 when stored, 200 for a dry run or
 *       the same content sent again under the same id, 422 when a record is rejected (nothing is
 *       stored), 409 when the id holds other content;
 *   <li>{@code GET /van/v1/submissions/{id}}: the receipt, with {@code approvedAt} once approved
 *       (the country's focal point, or the operator);
 *   <li>{@code POST /van/v1/submissions/{id}:approve}: the country's focal point approves; a
 *       release then replaces the country's previous one in the regional dataset and the regional
 *       figures are recomputed in the same transaction.
 * </ul>
 *
 * Counts submissions by outcome in the meter {@value #METER} (tag {@code outcome}). Thread-safe.
 *
 * @since 1.0
 */
public final class SubmissionFeature implements HubFeature {
  /** The meter counting submissions by outcome. */
  public static final String METER = "van.hub.submissions";

  /** The largest body accepted by default: 256 MiB, about 500,000 de-identified casualties. */
  public static final long DEFAULT_MAX_BODY_BYTES = 256L << 20;

  /** The media type of a de-identified release. */
  public static final String NDJSON = "application/x-ndjson";

  /** The media types of an indicator table. */
  public static final Set<String> CSV = Set.of("text/csv", "application/vnd.sdmx.data+csv");

  private static final String APPROVE = ":approve";
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HubContext context;
  private final long maxBodyBytes;
  private final SubmissionStore store;
  private final RegionalFigures figures;
  private final PayloadValidator validator;
  private final VanJson json = VanJson.strict();

  /**
   * The feature over the hub's database (migrated), with the default body limit.
   *
   * @param context the hub's context
   */
  public SubmissionFeature(HubContext context) {
    this(context, DEFAULT_MAX_BODY_BYTES);
  }

  /**
   * The feature with a body limit of its own.
   *
   * @param context the hub's context
   * @param maxBodyBytes the largest body accepted, in bytes
   */
  public SubmissionFeature(HubContext context, long maxBodyBytes) {
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes must be 1 or more, got " + maxBodyBytes);
    }
    this.context = context;
    this.maxBodyBytes = maxBodyBytes;
    this.store = new SubmissionStore(context.dataSource());
    this.figures = new RegionalFigures(context.clock());
    this.validator = PayloadValidator.withClock(context.clock());
  }

  @Override
  public List<Route> routes() {
    String path = HubPaths.SUBMISSIONS + "/{id}";
    return List.of(
        new Route(
            "PUT",
            path,
            Set.of(Role.FOCAL_POINT),
            "Submit the country's de-identified release or indicator table (dryRun: validate only)",
            this::put,
            Integer.MAX_VALUE), // a whole release: only the hub's own limit applies
        new Route(
            "GET",
            path,
            Set.of(Role.FOCAL_POINT, Role.OPERATOR),
            "A submission's receipt",
            this::get),
        new Route(
            "POST",
            path,
            Set.of(Role.FOCAL_POINT),
            "{id}:approve: the focal point approves the submission; it becomes regional",
            this::approve));
  }

  private EndpointResponse put(HubRequest request) {
    String id = id(request.pathParameter("id"));
    String country = focalPointCountry(request.caller());
    boolean dryRun = dryRun(request);
    Receipt.Kind kind = kind(request);
    Body body = new Body(request.request().body(), maxBodyBytes, contentLength(request));
    try {
      if (dryRun) {
        return answer(read(kind, id, true, country, body, Optional.empty()), 200, "dry_run");
      }
      Optional<SubmissionStore.Stored> known = store.find(id);
      if (known.isPresent()) {
        return replay(known.get(), country, body);
      }
      try (SubmissionStore.Upload upload = store.begin(id, country, kind)) {
        Receipt receipt = read(kind, id, false, country, body, Optional.of(upload));
        if (receipt.status() == Receipt.Status.ERROR) {
          return answer(receipt, 422, "rejected"); // closing the upload rolls it back
        }
        upload.commit(receipt);
        return answer(receipt, 201, receipt.status().name().toLowerCase(java.util.Locale.ROOT));
      } catch (SubmissionStore.Taken taken) {
        return replay(store.find(id).orElseThrow(SubmissionStore::notFound), country, body);
      }
    } catch (HubException e) {
      count("refused");
      throw e;
    }
  }

  private Receipt read(
      Receipt.Kind kind,
      String id,
      boolean dryRun,
      String country,
      Body body,
      Optional<SubmissionStore.Upload> upload) {
    if (kind == Receipt.Kind.INDICATOR_TABLE) {
      return TableReader.read(id, dryRun, country, body, upload);
    }
    ReleaseReader reader =
        new ReleaseReader(validator, json, country, store.regionalPseudonyms(country));
    return reader.read(
        id, dryRun, body, upload.isPresent() ? upload.get() : (line, casualty, content) -> {});
  }

  /** The same id again: the stored receipt for the same content, a conflict for any other. */
  private EndpointResponse replay(SubmissionStore.Stored known, String country, Body body) {
    if (!known.country().equals(country)) {
      throw conflict("the submission id is used by another country's submission; choose another");
    }
    try {
      body.drain();
    } catch (IOException e) {
      throw body.refusal(e);
    }
    body.checkComplete();
    if (!known.contentHash().equals(body.hash())) {
      throw conflict(
          "the submission id is already used for other content (content hash "
              + known.contentHash()
              + "); send new content under a new id");
    }
    count("replayed");
    return json(200, known.receipt());
  }

  private EndpointResponse get(HubRequest request) {
    String id = id(request.pathParameter("id"));
    SubmissionStore.Stored known = store.find(id).orElseThrow(SubmissionStore::notFound);
    Caller caller = request.caller();
    if (!caller.has(Role.OPERATOR) && !caller.isFocalPointOf(known.country())) {
      throw notYours("only the focal point of the submission's country or the operator reads it");
    }
    return json(200, view(known));
  }

  private EndpointResponse approve(HubRequest request) {
    String segment = request.pathParameter("id");
    if (!segment.endsWith(APPROVE)) {
      throw new HubException(
          404,
          SubmissionErrors.UNKNOWN_ACTION,
          "POST on a submission takes an action: {id}:approve");
    }
    String id = id(segment.substring(0, segment.length() - APPROVE.length()));
    SubmissionStore.Stored known = store.find(id).orElseThrow(SubmissionStore::notFound);
    if (!request.caller().isFocalPointOf(known.country())) {
      throw notYours("only the focal point of the submission's country approves it");
    }
    SubmissionStore.Stored approved =
        store.approve(id, Instant.now(context.clock()).toString(), figures);
    if (known.approvedAt().isEmpty()) {
      count("approved");
    }
    return json(200, view(approved));
  }

  /** The stored receipt, with {@code approvedAt} once approved. */
  private static String view(SubmissionStore.Stored known) {
    if (known.approvedAt().isEmpty()) {
      return known.receipt();
    }
    ObjectNode receipt = (ObjectNode) JSON.readTree(known.receipt());
    receipt.put("approvedAt", known.approvedAt().get());
    return JSON.writeValueAsString(receipt);
  }

  private EndpointResponse answer(Receipt receipt, int status, String outcome) {
    count(outcome);
    return json(status, receipt.toJson());
  }

  private static EndpointResponse json(int status, String body) {
    return new EndpointResponse(
        status, Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
  }

  private void count(String outcome) {
    MeterRegistry meters = context.meters();
    meters.counter(METER, "outcome", outcome).increment();
  }

  private static String id(String text) {
    if (!ID.matcher(text).matches()) {
      throw new HubException(
          400,
          SubmissionErrors.MALFORMED_ID,
          "a submission id is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or"
              + " digit");
    }
    return text;
  }

  private static String focalPointCountry(Caller caller) {
    return caller
        .country()
        .filter(caller::isFocalPointOf)
        .orElseThrow(() -> notYours("only a national focal point submits, for its own country"));
  }

  private static boolean dryRun(HubRequest request) {
    String dryRun =
        request
            .parameters(Set.of("dryRun"), SubmissionErrors.BAD_QUERY)
            .getOrDefault("dryRun", "false");
    if (!dryRun.equals("true") && !dryRun.equals("false")) {
      throw badQuery("query parameter dryRun must be given once, true or false");
    }
    return dryRun.equals("true");
  }

  private static Receipt.Kind kind(HubRequest request) {
    Optional<String> type = request.request().mediaType();
    if (type.isPresent() && type.get().equals(NDJSON)) {
      return Receipt.Kind.RELEASE;
    }
    if (type.isPresent() && CSV.contains(type.get())) {
      return Receipt.Kind.INDICATOR_TABLE;
    }
    throw new HubException(
        415,
        SubmissionErrors.UNSUPPORTED_MEDIA_TYPE,
        "a submission is "
            + NDJSON
            + " (a de-identified release) or text/csv (an SDMX-CSV 2.0 indicator table)");
  }

  private static OptionalLong contentLength(HubRequest request) {
    Optional<String> header = request.request().header("Content-Length");
    if (header.isPresent() && header.get().strip().matches("\\d{1,18}")) {
      return OptionalLong.of(Long.parseLong(header.get().strip()));
    }
    return OptionalLong.empty();
  }

  private static HubException badQuery(String message) {
    return new HubException(400, SubmissionErrors.BAD_QUERY, message);
  }

  private static HubException notYours(String message) {
    return new HubException(403, SubmissionErrors.NOT_YOUR_COUNTRY, message);
  }

  private static HubException conflict(String message) {
    return new HubException(409, SubmissionErrors.CONFLICT, message);
  }
}
