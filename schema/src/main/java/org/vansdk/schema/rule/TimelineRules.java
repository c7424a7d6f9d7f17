package org.vansdk.schema.rule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.vansdk.core.internal.StringIndex;
import org.vansdk.core.submission.RecordType;
import org.vansdk.core.time.AgeRange;
import org.vansdk.core.time.PartialDate;
import org.vansdk.schema.validation.IssueCode;
import org.vansdk.schema.validation.ValidationIssue;
import tools.jackson.databind.JsonNode;

/**
 * The date, age and death rules across records: birth &lt;= incident &lt;= assessment &lt;=
 * referral &lt;= delivery, {@code diedOn} on or after the incident, no needs assessment or delivery
 * after death, age at incident consistent with the birth date. One implementation serves a whole
 * {@code Submission} and an NDJSON stream, where lines come in any order.
 *
 * <p>Records are fed one at a time with {@link #add}; only a few dates per identifier are kept, as
 * ints in primitive arrays indexed by a dense slot per identifier (persons, incidents, referrals),
 * and a fixed handful of ints per dated record (casualties, assessments, referrals, deliveries).
 * Memory is proportional to the number of identifiers, never to whole records. The rules are
 * checked in {@link #finish}, because the earliest incident and death of a person are known only
 * when every casualty has been seen. Not thread-safe.
 *
 * @since 1.0
 */
public final class TimelineRules {
  private static final int NONE = 0;
  private static final int NO_AGE = Integer.MIN_VALUE;

  private final boolean stream;

  private final StringIndex persons = new StringIndex();
  private final StringIndex incidents = new StringIndex();
  private final StringIndex referrals = new StringIndex();
  private int[] birth = new int[64];
  private int[] incidentDate = new int[64];
  private int[] referralDay = new int[64];

  // casualty: person, incident, diedOn, age, killed
  private final Facts casualties = new Facts(5);
  // assessment: needs (1) or functioning (0), person, date
  private final Facts assessments = new Facts(3);
  // referral: person, created day
  private final Facts referralFacts = new Facts(2);
  // delivery: person, referral, start
  private final Facts deliveries = new Facts(3);

  private TimelineRules(boolean stream) {
    this.stream = stream;
  }

  /**
   * Returns rules for the records of one Submission; a record's position is its index in its array,
   * and issues are located by JSON Pointer into the submission.
   *
   * @return empty rules
   */
  public static TimelineRules forSubmission() {
    return new TimelineRules(false);
  }

  /**
   * Returns rules for an NDJSON stream; a record's position is its line number, and issues carry
   * the line and a pointer into the line ({@code /record/...}).
   *
   * @return empty rules
   */
  public static TimelineRules forStream() {
    return new TimelineRules(true);
  }

  /**
   * Keeps what the rules need from one structurally valid record.
   *
   * @param type the record type
   * @param record the record tree
   * @param position the index in its submission array, or the line number in a stream
   */
  public void add(RecordType type, JsonNode record, long position) {
    if (record == null || !record.isObject()) {
      return;
    }
    switch (type) {
      case PERSON:
        {
          Optional<String> id = Values.text(record, "id");
          int b = encode(Values.partialDate(record, "birthDate"));
          if (id.isPresent() && b != NONE) {
            int slot = persons.intern(id.get());
            birth = fit(birth, slot, NONE);
            birth[slot] = b;
          }
          break;
        }
      case INCIDENT:
        {
          Optional<String> id = Values.text(record, "id");
          int d = encode(Values.partialDate(record, "date"));
          if (id.isPresent() && d != NONE) {
            int slot = incidents.intern(id.get());
            incidentDate = fit(incidentDate, slot, NONE);
            incidentDate[slot] = d;
          }
          break;
        }
      case CASUALTY:
        {
          Optional<String> person = Values.text(record, "personId");
          Optional<String> incident = Values.text(record, "incidentId");
          if (person.isEmpty() || incident.isEmpty()) {
            break;
          }
          casualties.add(
              position,
              persons.intern(person.get()),
              incidents.intern(incident.get()),
              encode(Values.partialDate(record, "diedOn")),
              Values.integer(record, "ageAtIncident").orElse(NO_AGE),
              "killed".equals(Values.text(record, "outcome").orElse("")) ? 1 : 0);
          break;
        }
      case FUNCTIONING_ASSESSMENT:
      case NEEDS_ASSESSMENT:
        {
          Optional<String> person = Values.text(record, "personId");
          int date = encode(Values.partialDate(record, "date"));
          if (person.isPresent() && date != NONE) {
            assessments.add(
                position,
                type == RecordType.NEEDS_ASSESSMENT ? 1 : 0,
                persons.intern(person.get()),
                date);
          }
          break;
        }
      case REFERRAL:
        {
          Optional<Instant> created = Values.instant(record, "createdAt");
          if (created.isEmpty()) {
            break;
          }
          int day = encode(Optional.of(Values.dayOf(created.get())));
          Optional<String> id = Values.text(record, "id");
          if (id.isPresent()) {
            int slot = referrals.intern(id.get());
            referralDay = fit(referralDay, slot, NONE);
            referralDay[slot] = day;
          }
          Optional<String> person = Values.text(record, "personId");
          if (person.isPresent()) {
            referralFacts.add(position, persons.intern(person.get()), day);
          }
          break;
        }
      case SERVICE_DELIVERY:
        {
          int start = encode(Values.partialDate(record, "startDate"));
          if (start == NONE) {
            break;
          }
          Optional<String> person = Values.text(record, "personId");
          Optional<String> referral = Values.text(record, "referralId");
          deliveries.add(
              position,
              person.isPresent() ? persons.intern(person.get()) : -1,
              referral.isPresent() ? referrals.intern(referral.get()) : -1,
              start);
          break;
        }
      default:
        break;
    }
  }

  /**
   * Checks every rule on what was added and reports the issues: in a Submission in the order of its
   * arrays, in a stream by line.
   *
   * @param sink receives issues
   */
  public void finish(Consumer<ValidationIssue> sink) {
    List<Located> found = new ArrayList<>();
    int people = persons.size();
    birth = fit(birth, people, NONE);
    incidentDate = fit(incidentDate, incidents.size(), NONE);
    referralDay = fit(referralDay, referrals.size(), NONE);
    int[] firstIncident = new int[people + 1];
    int[] death = new int[people + 1];
    for (int r = 0; r < casualties.size; r++) {
      int person = casualties.get(r, 0);
      int incidentCode = incidentDate[casualties.get(r, 1)];
      if (incidentCode == NONE) {
        continue;
      }
      PartialDate incident = decode(incidentCode);
      long at = casualties.position(r);
      firstIncident[person] = earlier(firstIncident[person], incidentCode);
      PartialDate born = birth[person] == NONE ? null : decode(birth[person]);
      if (born != null && born.isCertainlyAfter(incident)) {
        found.add(
            issue(
                IssueCode.DATE_ORDER,
                RecordType.CASUALTY,
                at,
                "incidentId",
                "the person's birthDate is after the incident; allowed: birth <= incident"));
      }
      int diedCode = casualties.get(r, 2);
      if (diedCode != NONE && decode(diedCode).isCertainlyBefore(incident)) {
        found.add(
            issue(
                IssueCode.DIED_BEFORE_INCIDENT,
                RecordType.CASUALTY,
                at,
                "diedOn",
                "diedOn is before the incident; allowed: on or after the incident date"));
      }
      int age = casualties.get(r, 3);
      if (age != NO_AGE && born != null && !born.isCertainlyAfter(incident)) {
        AgeRange range = AgeRange.between(born, incident);
        if (!range.contains(age)) {
          found.add(
              issue(
                  IssueCode.AGE_INCONSISTENT,
                  RecordType.CASUALTY,
                  at,
                  "ageAtIncident",
                  "ageAtIncident disagrees with the person's birthDate; allowed: "
                      + range.min()
                      + "-"
                      + range.max()));
        }
      }
      int deathCode = diedCode != NONE ? diedCode : casualties.get(r, 4) == 1 ? incidentCode : NONE;
      if (deathCode != NONE) {
        death[person] = earlier(death[person], deathCode);
      }
    }
    for (int r = 0; r < assessments.size; r++) {
      boolean needs = assessments.get(r, 0) == 1;
      int person = assessments.get(r, 1);
      PartialDate date = decode(assessments.get(r, 2));
      RecordType type = needs ? RecordType.NEEDS_ASSESSMENT : RecordType.FUNCTIONING_ASSESSMENT;
      long at = assessments.position(r);
      if (firstIncident[person] != NONE && date.isCertainlyBefore(decode(firstIncident[person]))) {
        found.add(
            issue(
                IssueCode.DATE_ORDER,
                type,
                at,
                "date",
                "assessment date is before the person's incident; allowed: incident <="
                    + " assessment"));
      }
      if (needs && death[person] != NONE && date.isCertainlyAfter(decode(death[person]))) {
        found.add(
            issue(
                IssueCode.ASSESSMENT_AFTER_DEATH,
                type,
                at,
                "date",
                "needs assessment after the person's death; allowed: none after death"));
      }
    }
    for (int r = 0; r < referralFacts.size; r++) {
      int person = referralFacts.get(r, 0);
      if (firstIncident[person] != NONE
          && decode(referralFacts.get(r, 1)).isCertainlyBefore(decode(firstIncident[person]))) {
        found.add(
            issue(
                IssueCode.DATE_ORDER,
                RecordType.REFERRAL,
                referralFacts.position(r),
                "createdAt",
                "referral created before the person's incident; allowed: incident <= referral"));
      }
    }
    for (int r = 0; r < deliveries.size; r++) {
      int person = deliveries.get(r, 0);
      int referral = deliveries.get(r, 1);
      PartialDate start = decode(deliveries.get(r, 2));
      long at = deliveries.position(r);
      if (referral >= 0
          && referralDay[referral] != NONE
          && start.isCertainlyBefore(decode(referralDay[referral]))) {
        found.add(
            issue(
                IssueCode.DATE_ORDER,
                RecordType.SERVICE_DELIVERY,
                at,
                "startDate",
                "delivery starts before its referral was created; allowed: referral <= delivery"));
      }
      if (person >= 0 && death[person] != NONE && start.isCertainlyAfter(decode(death[person]))) {
        found.add(
            issue(
                IssueCode.DELIVERY_AFTER_DEATH,
                RecordType.SERVICE_DELIVERY,
                at,
                "startDate",
                "service delivered after the person's death; allowed: nothing after death"));
      }
    }
    if (stream) {
      found.sort(Comparator.comparingLong(l -> l.position));
    }
    for (Located l : found) {
      sink.accept(l.issue);
    }
  }

  private Located issue(
      IssueCode code, RecordType type, long position, String property, String message) {
    ValidationIssue issue =
        stream
            ? ValidationIssue.error(code, "/record/" + property, message).at(position, 1)
            : ValidationIssue.error(
                code, "/" + arrayOf(type) + "/" + position + "/" + property, message);
    return new Located(position, issue);
  }

  private static String arrayOf(RecordType type) {
    switch (type) {
      case CASUALTY:
        return "casualties";
      case FUNCTIONING_ASSESSMENT:
        return "functioningAssessments";
      case NEEDS_ASSESSMENT:
        return "needsAssessments";
      case REFERRAL:
        return "referrals";
      default:
        return "serviceDeliveries";
    }
  }

  /** The earlier of two encoded dates by {@link PartialDate#compareTo}; NONE counts as absent. */
  private static int earlier(int a, int b) {
    if (a == NONE) {
      return b;
    }
    return decode(a).compareTo(decode(b)) <= 0 ? a : b;
  }

  /** A partial date as one int: year * 10,000 + month * 100 + day, unknown parts 0; NONE absent. */
  static int encode(Optional<PartialDate> date) {
    if (date.isEmpty()) {
      return NONE;
    }
    PartialDate d = date.get();
    int month = d.monthOrZero();
    int day = d.isFullDate() ? d.earliest().getDayOfMonth() : 0;
    return d.year() * 10_000 + month * 100 + day;
  }

  static PartialDate decode(int code) {
    int year = code / 10_000;
    int month = code / 100 % 100;
    int day = code % 100;
    if (day != 0) {
      return PartialDate.ofDate(year, month, day);
    }
    return month != 0 ? PartialDate.ofYearMonth(year, month) : PartialDate.ofYear(year);
  }

  private static final class Located {
    final long position;
    final ValidationIssue issue;

    Located(long position, ValidationIssue issue) {
      this.position = position;
      this.issue = issue;
    }
  }

  /** Rows of a fixed number of ints and a position each, in growable primitive arrays. */
  private static final class Facts {
    private final int stride;
    private int[] values;
    private long[] positions = new long[16];
    int size;

    Facts(int stride) {
      this.stride = stride;
      this.values = new int[16 * stride];
    }

    void add(long position, int... row) {
      if (size == positions.length) {
        positions = Arrays.copyOf(positions, size * 2);
        values = Arrays.copyOf(values, size * 2 * stride);
      }
      positions[size] = position;
      System.arraycopy(row, 0, values, size * stride, stride);
      size++;
    }

    int get(int row, int column) {
      return values[row * stride + column];
    }

    long position(int row) {
      return positions[row];
    }
  }

  /** Grows an int column to hold a slot, filling new cells with a value. */
  private static int[] fit(int[] column, int slot, int fill) {
    if (slot < column.length) {
      return column;
    }
    int old = column.length;
    int[] grown = Arrays.copyOf(column, Math.max(slot + 1, old * 2));
    Arrays.fill(grown, old, grown.length, fill);
    return grown;
  }
}
