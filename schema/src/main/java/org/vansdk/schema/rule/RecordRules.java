package org.vansdk.schema.rule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.vansdk.core.VanException;
import org.vansdk.core.casualty.AmputationLevel;
import org.vansdk.core.casualty.Limb;
import org.vansdk.core.code.CodeList;
import org.vansdk.core.code.YesNoUnknown;
import org.vansdk.core.functioning.WgSsIdentifiers;
import org.vansdk.core.functioning.WgSsResponse;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.submission.RecordType;
import org.vansdk.core.time.PartialDate;
import org.vansdk.schema.validation.IssueCode;
import org.vansdk.schema.validation.ValidationIssue;
import tools.jackson.databind.JsonNode;

/**
 * Semantic rules on one record (the invariants core checks when it builds values, and dates not in
 * the future), run on the JSON tree so a broken record is reported, never thrown. Thread-safe.
 *
 * @since 1.0
 */
public final class RecordRules {
  private static final String[] WG_DOMAINS = {
    "seeing", "hearing", "walking", "cognition", "selfCare", "communication"
  };

  private static final Pattern ALPHA3 = Pattern.compile("[A-Z]{3}");
  private static final Pattern CODE = Pattern.compile("[a-z_]{1,40}");
  private static final Pattern SHORT_CODE = Pattern.compile("[a-z_]{1,20}");

  private final LocalDate today;
  private final Instant now;

  /**
   * Creates the rules for a moment.
   *
   * @param now the current instant, from the validator's clock
   */
  public RecordRules(Instant now) {
    this.now = now;
    this.today = now.atOffset(java.time.ZoneOffset.UTC).toLocalDate();
  }

  /**
   * Checks one record.
   *
   * @param type its type
   * @param record the record's tree
   * @param pointer the record's JSON Pointer in the document
   * @param sink receives issues
   */
  public void check(
      RecordType type, JsonNode record, String pointer, Consumer<ValidationIssue> sink) {
    if (record == null || !record.isObject()) {
      return;
    }
    calendarDates(record, pointer, sink);
    countries(record, pointer, sink);
    switch (type) {
      case PERSON:
        future(record, pointer, "birthDate", sink);
        break;
      case INCIDENT:
        future(record, pointer, "date", sink);
        break;
      case CASUALTY:
        casualty(record, pointer, sink);
        break;
      case FUNCTIONING_ASSESSMENT:
        future(record, pointer, "date", sink);
        wgSs(record, pointer, sink);
        break;
      case NEEDS_ASSESSMENT:
      case QUALITY_OF_LIFE_SURVEY:
        future(record, pointer, "date", sink);
        break;
      case SERVICE:
        eligibility(record, pointer, sink);
        break;
      case SERVICE_DELIVERY:
        delivery(record, pointer, sink);
        break;
      case CONSENT:
        consent(record, pointer, sink);
        break;
      case REFERRAL:
        futureInstant(record, pointer, "createdAt", sink);
        break;
      case REFERRAL_ATTEMPT:
        attempt(record, pointer, sink);
        break;
      default:
        break;
    }
  }

  /**
   * Checks the header of a submission: generatedAt not in the future, period in order.
   *
   * @param submission the submission tree
   * @param sink receives issues
   */
  public void checkHeader(JsonNode submission, Consumer<ValidationIssue> sink) {
    futureInstant(submission, "", "generatedAt", sink);
    countries(submission, "", sink);
    JsonNode period = submission.get("period");
    if (period != null && period.isObject()) {
      Optional<String> start = Values.text(period, "start");
      Optional<String> end = Values.text(period, "end");
      if (start.isPresent() && end.isPresent()) {
        try {
          if (LocalDate.parse(end.get()).isBefore(LocalDate.parse(start.get()))) {
            sink.accept(
                ValidationIssue.error(
                    IssueCode.PERIOD_ORDER,
                    "/period/end",
                    "reporting period ends before it starts; end must be on or after start"));
          }
        } catch (java.time.format.DateTimeParseException e) {
          // reported by the format check
        }
      }
    }
  }

  private void casualty(JsonNode c, String pointer, Consumer<ValidationIssue> sink) {
    future(c, pointer, "diedOn", sink);
    if (c.has("diedOn") && "unknown".equals(Values.text(c, "outcome").orElse(""))) {
      sink.accept(
          ValidationIssue.error(
              IssueCode.DIED_ON_OUTCOME,
              Values.at(pointer, "diedOn"),
              "diedOn is given but outcome is unknown; allowed: diedOn only with outcome"
                  + " injured or killed"));
    }
    JsonNode amputations = c.get("amputations");
    if (amputations != null && amputations.isArray()) {
      for (int i = 0; i < amputations.size(); i++) {
        JsonNode a = amputations.get(i);
        Optional<String> limb = Values.text(a, "limb");
        Optional<String> level = Values.text(a, "level");
        if (limb.isEmpty() || level.isEmpty()) {
          continue;
        }
        try {
          Limb l = Limb.fromCode(limb.get());
          AmputationLevel lv = AmputationLevel.fromCode(level.get());
          if (lv.limb() != l) {
            sink.accept(
                ValidationIssue.error(
                        IssueCode.AMPUTATION_LEVEL,
                        pointer + "/amputations/" + i + "/level",
                        "amputation level "
                            + lv.code()
                            + " is not a level of the "
                            + l.code()
                            + " limb; allowed: "
                            + AmputationLevel.codesOf(l))
                    .withValue(lv.code()));
          }
        } catch (VanException e) {
          // unknown codes are reported by the structural layer
        }
      }
    }
  }

  private void wgSs(JsonNode f, String pointer, Consumer<ValidationIssue> sink) {
    JsonNode sent = f.get("wgSsIdentifiers");
    if (sent == null || !sent.isObject()) {
      return;
    }
    WgSsResponse[] answers = new WgSsResponse[WG_DOMAINS.length];
    try {
      for (int i = 0; i < WG_DOMAINS.length; i++) {
        Optional<String> t = Values.text(f, WG_DOMAINS[i]);
        if (t.isEmpty()) {
          return;
        }
        answers[i] = WgSsResponse.fromCode(t.get());
      }
    } catch (VanException e) {
      return;
    }
    WgSsIdentifiers computed = WgSsIdentifiers.from(answers);
    compare(sent, "sum234", computed.sum234(), pointer, sink);
    compare(sent, "sum34", computed.sum34(), pointer, sink);
    compare(sent, "sum4", computed.sum4(), pointer, sink);
    compare(sent, "missing", computed.missing(), pointer, sink);
    compare(sent, "disability1", computed.disability1(), pointer, sink);
    compare(sent, "disability2", computed.disability2(), pointer, sink);
    compare(sent, "disability3", computed.disability3(), pointer, sink);
    compare(sent, "disability4", computed.disability4(), pointer, sink);
  }

  private static void compare(
      JsonNode sent, String name, int expected, String pointer, Consumer<ValidationIssue> sink) {
    Optional<Integer> got = Values.integer(sent, name);
    if (got.isPresent() && got.get() != expected) {
      sink.accept(
          ValidationIssue.error(
                  IssueCode.WG_SS_INCONSISTENT,
                  pointer + "/wgSsIdentifiers/" + name,
                  "WG-SS " + name + " disagrees with the six answers; computed: " + expected)
              .withValue(String.valueOf(got.get())));
    }
  }

  private static void compare(
      JsonNode sent,
      String name,
      YesNoUnknown expected,
      String pointer,
      Consumer<ValidationIssue> sink) {
    Optional<String> got = Values.text(sent, name);
    if (got.isPresent() && !got.get().equals(expected.code())) {
      sink.accept(
          ValidationIssue.error(
                  IssueCode.WG_SS_INCONSISTENT,
                  pointer + "/wgSsIdentifiers/" + name,
                  "WG-SS " + name + " disagrees with the six answers; computed: " + expected.code())
              .withValue(SHORT_CODE.matcher(got.get()).matches() ? got.get() : "?"));
    }
  }

  private void eligibility(JsonNode s, String pointer, Consumer<ValidationIssue> sink) {
    JsonNode e = s.get("eligibility");
    if (e == null || !e.isObject()) {
      return;
    }
    Optional<java.math.BigDecimal> min = Values.number(e, "minAge");
    Optional<java.math.BigDecimal> max = Values.number(e, "maxAge");
    if (min.isPresent() && max.isPresent() && min.get().compareTo(max.get()) > 0) {
      sink.accept(
          ValidationIssue.error(
              IssueCode.ELIGIBILITY_AGES,
              pointer + "/eligibility/minAge",
              "eligibility minAge is above maxAge; allowed: minAge <= maxAge"));
    }
  }

  private void delivery(JsonNode d, String pointer, Consumer<ValidationIssue> sink) {
    future(d, pointer, "startDate", sink);
    future(d, pointer, "endDate", sink);
    Optional<PartialDate> start = Values.partialDate(d, "startDate");
    Optional<PartialDate> end = Values.partialDate(d, "endDate");
    if (start.isPresent() && end.isPresent() && end.get().isCertainlyBefore(start.get())) {
      sink.accept(
          ValidationIssue.error(
              IssueCode.DELIVERY_END_BEFORE_START,
              Values.at(pointer, "endDate"),
              "delivery endDate is before startDate; allowed: endDate on or after startDate"));
    }
    if (d.has("cost") != d.has("currency")) {
      sink.accept(
          ValidationIssue.error(
              IssueCode.COST_WITHOUT_CURRENCY,
              Values.at(pointer, d.has("cost") ? "cost" : "currency"),
              "cost and currency go together; give both or neither"));
    }
    Optional<String> currency = Values.text(d, "currency");
    if (currency.isPresent() && ALPHA3.matcher(currency.get()).matches()) {
      try {
        Currency.getInstance(currency.get());
      } catch (IllegalArgumentException e) {
        sink.accept(
            ValidationIssue.error(
                    IssueCode.UNKNOWN_CURRENCY,
                    Values.at(pointer, "currency"),
                    "currency is not an ISO 4217 code; allowed e.g. USD, KHR, LAK, THB, VND, MMK")
                .withValue(currency.get()));
      }
    }
  }

  private void consent(JsonNode k, String pointer, Consumer<ValidationIssue> sink) {
    futureInstant(k, pointer, "givenAt", sink);
    futureInstant(k, pointer, "withdrawnAt", sink);
    Optional<String> status = Values.text(k, "status");
    if (status.isPresent() && status.get().equals("withdrawn") != k.has("withdrawnAt")) {
      sink.accept(
          ValidationIssue.error(
                  IssueCode.CONSENT_WITHDRAWAL,
                  Values.at(pointer, k.has("withdrawnAt") ? "withdrawnAt" : "status"),
                  "withdrawnAt is required for, and only for, status withdrawn")
              .withValue(SHORT_CODE.matcher(status.get()).matches() ? status.get() : "?"));
    }
    Optional<Instant> given = Values.instant(k, "givenAt");
    Optional<Instant> expires = Values.instant(k, "expiresAt");
    if (given.isPresent() && expires.isPresent() && !expires.get().isAfter(given.get())) {
      sink.accept(
          ValidationIssue.error(
              IssueCode.CONSENT_EXPIRY,
              Values.at(pointer, "expiresAt"),
              "consent expiresAt must be after givenAt"));
    }
  }

  private void attempt(JsonNode a, String pointer, Consumer<ValidationIssue> sink) {
    JsonNode history = a.get("history");
    if (history == null || !history.isArray() || history.isEmpty()) {
      return;
    }
    Optional<String> status = Values.text(a, "status");
    Optional<String> last = Values.text(history.get(history.size() - 1), "status");
    if (status.isPresent() && last.isPresent() && !status.get().equals(last.get())) {
      sink.accept(
          ValidationIssue.error(
                  IssueCode.ATTEMPT_HISTORY_END,
                  pointer + "/history/" + (history.size() - 1) + "/status",
                  "the last history entry must be the current status " + safe(status.get()))
              .withValue(safe(last.get())));
    }
    Instant previous = null;
    for (int i = 0; i < history.size(); i++) {
      Optional<Instant> at = Values.instant(history.get(i), "at");
      if (at.isEmpty()) {
        continue;
      }
      if (at.get().isAfter(now)) {
        sink.accept(
            ValidationIssue.error(
                IssueCode.DATE_IN_FUTURE,
                pointer + "/history/" + i + "/at",
                "history time is in the future; allowed: not after the validation time"));
      }
      if (previous != null && at.get().isBefore(previous)) {
        sink.accept(
            ValidationIssue.error(
                IssueCode.ATTEMPT_HISTORY_ORDER,
                pointer + "/history/" + i + "/at",
                "history entry " + i + " is earlier than the one before; entries go oldest first"));
      }
      previous = at.get();
    }
  }

  private static String safe(String code) {
    return CODE.matcher(code).matches() ? code : "?";
  }

  private void future(
      JsonNode node, String pointer, String property, Consumer<ValidationIssue> sink) {
    Optional<PartialDate> d = Values.partialDate(node, property);
    if (d.isPresent() && d.get().earliest().isAfter(today)) {
      sink.accept(
          ValidationIssue.error(
              IssueCode.DATE_IN_FUTURE,
              Values.at(pointer, property),
              property + " is in the future; allowed: on or before " + today));
    }
  }

  private void futureInstant(
      JsonNode node, String pointer, String property, Consumer<ValidationIssue> sink) {
    Optional<Instant> t = Values.instant(node, property);
    if (t.isPresent() && t.get().isAfter(now)) {
      sink.accept(
          ValidationIssue.error(
              IssueCode.DATE_IN_FUTURE,
              Values.at(pointer, property),
              property + " is in the future; allowed: not after " + now));
    }
  }

  private static final String[] PARTIAL_DATES = {
    "birthDate", "date", "diedOn", "startDate", "endDate"
  };

  private static void calendarDates(JsonNode node, String pointer, Consumer<ValidationIssue> sink) {
    for (String p : PARTIAL_DATES) {
      Optional<String> t = Values.text(node, p);
      if (t.isPresent() && PartialDate.isWellFormed(t.get())) {
        try {
          PartialDate.parse(t.get());
        } catch (VanException | java.time.DateTimeException e) {
          sink.accept(
              ValidationIssue.error(
                  IssueCode.INVALID_DATE,
                  Values.at(pointer, p),
                  p + " is not a calendar date; allowed: YYYY, YYYY-MM or a real YYYY-MM-DD"));
        }
      }
    }
  }

  private static void countries(JsonNode node, String pointer, Consumer<ValidationIssue> sink) {
    country(node, "country", pointer, sink);
    country(node, "nationality", pointer, sink);
    country(node, "destinationCountry", pointer, sink);
    JsonNode countries = node.get("countries");
    if (countries != null && countries.isArray()) {
      for (int i = 0; i < countries.size(); i++) {
        JsonNode c = countries.get(i);
        if (c.isString() && ALPHA3.matcher(c.asString()).matches() && !isIso(c.asString())) {
          sink.accept(unknownCountry(pointer + "/countries/" + i, c.asString()));
        }
      }
    }
    for (String place : PLACES) {
      JsonNode loc = node.get(place);
      if (loc != null && loc.isObject()) {
        country(loc, "country", pointer, place, sink);
        Optional<String> cc = Values.text(loc, "country");
        JsonNode area = loc.get("adminArea");
        if (cc.isPresent() && area != null && area.isObject() && isIso(cc.get())) {
          Optional<String> pCode = Values.text(area, "pCode");
          if (pCode.isPresent() && !pCodeMatches(pCode.get(), CountryCode.parse(cc.get()))) {
            sink.accept(
                ValidationIssue.error(
                    IssueCode.P_CODE_COUNTRY,
                    Values.at(pointer, place) + "/adminArea/pCode",
                    "admin area P-code does not belong to country "
                        + cc.get()
                        + "; its P-codes start with the ISO alpha-2 or alpha-3 code"));
          }
        }
      }
    }
  }

  private static boolean pCodeMatches(String pCode, CountryCode country) {
    String alpha2 = alpha2(country.code());
    return pCode.startsWith(country.code()) || (alpha2 != null && pCode.startsWith(alpha2));
  }

  private static @Nullable String alpha2(String alpha3) {
    return ALPHA2.get(alpha3);
  }

  /** ISO 3166-1 alpha-3 to alpha-2, built once (the JDK's lookup walks every region). */
  private static final java.util.Map<String, String> ALPHA2 = alpha2Table();

  private static java.util.Map<String, String> alpha2Table() {
    java.util.Map<String, String> table = new java.util.HashMap<>();
    for (String iso2 : java.util.Locale.getISOCountries()) {
      try {
        table.putIfAbsent(new java.util.Locale("", iso2).getISO3Country(), iso2);
      } catch (java.util.MissingResourceException e) {
        // no alpha-3 for this region
      }
    }
    return java.util.Map.copyOf(table);
  }

  private static final java.util.Set<String> ISO_ALPHA3 =
      java.util.Set.copyOf(
          java.util.Locale.getISOCountries(java.util.Locale.IsoCountryCode.PART1_ALPHA3));

  private static final String[] PLACES = {"location", "residence"};

  private static void country(
      JsonNode node, String property, String pointer, Consumer<ValidationIssue> sink) {
    country(node, property, pointer, "", sink);
  }

  /**
   * Checks a country code; the pointer (of an object below the record, if any) is built only for an
   * issue.
   */
  private static void country(
      JsonNode node,
      String property,
      String pointer,
      String below,
      Consumer<ValidationIssue> sink) {
    Optional<String> c = Values.text(node, property);
    // a code in the ISO set matches the pattern: the set alone settles the common case
    if (c.isPresent() && !isIso(c.get()) && ALPHA3.matcher(c.get()).matches()) {
      String at = below.isEmpty() ? pointer : Values.at(pointer, below);
      sink.accept(unknownCountry(Values.at(at, property), c.get()));
    }
  }

  private static ValidationIssue unknownCountry(String pointer, String code) {
    return ValidationIssue.error(
            IssueCode.UNKNOWN_COUNTRY,
            pointer,
            "not an ISO 3166-1 alpha-3 country code; allowed e.g. KHM, LAO, MMR, THA, VNM")
        .withValue(code);
  }

  static boolean isIso(String code) {
    // the same set CountryCode.parse checks, without an exception per unknown code
    return ISO_ALPHA3.contains(code);
  }

  static <E extends Enum<E> & org.vansdk.core.code.CodeValue> boolean isCode(
      Class<E> type, String code) {
    return CodeList.allowed(type).contains(code);
  }
}
