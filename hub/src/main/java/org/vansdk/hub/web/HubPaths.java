package org.vansdk.hub.web;

/**
 * The hub's paths, in one place so that features, the dashboard's scripts and the tests agree.
 *
 * @since 1.0
 */
public final class HubPaths {
  private HubPaths() {}

  /** Prefix of the hub's API. */
  public static final String API = "/van/v1";

  /** {@code POST}: a signed referral message for relay (transport's message route). */
  public static final String MESSAGES = API + "/messages";

  /** {@code GET ?after=cursor}: the caller's mailbox (long-poll). */
  public static final String MAILBOX = API + "/mailbox";

  /** {@code POST}: acknowledge the mailbox up to a cursor. */
  public static final String MAILBOX_ACK = API + "/mailbox:ack";

  /** {@code PUT /{id}?dryRun=}: a submission; {@code GET /{id}}: its receipt. */
  public static final String SUBMISSIONS = API + "/submissions";

  /** {@code GET}: the regional figures as JSON (the indicators module's JSON form). */
  public static final String FIGURES = API + "/figures";

  /** {@code GET}: the regional figures as SDMX-CSV 2.0. */
  public static final String FIGURES_CSV = API + "/figures.csv";

  /** {@code GET}: the regional figures as ADX (XML). */
  public static final String FIGURES_ADX = API + "/figures.adx";

  /** Directory: organisations and services ({@code GET ?country=&serviceType=&area=&q=}). */
  public static final String DIRECTORY = API + "/directory";

  /** The dashboard page. */
  public static final String DASHBOARD = "/";

  /** Liveness and readiness. */
  public static final String HEALTH = "/health";

  /** Prometheus metrics. */
  public static final String METRICS = "/metrics";

  /** The OpenAPI 3.1 document, generated from the routes. */
  public static final String OPENAPI = "/openapi.json";
}
