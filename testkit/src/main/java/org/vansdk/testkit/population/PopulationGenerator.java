package org.vansdk.testkit.population;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Consumer;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;
import org.vansdk.core.casualty.AffectedRelation;
import org.vansdk.core.casualty.Casualty;
import org.vansdk.core.consent.Consent;
import org.vansdk.core.delivery.ServiceDelivery;
import org.vansdk.core.directory.Organisation;
import org.vansdk.core.directory.Service;
import org.vansdk.core.directory.ServiceLocation;
import org.vansdk.core.functioning.FunctioningAssessment;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.SubmissionId;
import org.vansdk.core.incident.Incident;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.need.NeedsAssessment;
import org.vansdk.core.person.Person;
import org.vansdk.core.referral.Referral;
import org.vansdk.core.referral.ReferralAttempt;
import org.vansdk.core.submission.ReportingPeriod;
import org.vansdk.core.submission.Submission;

/**
 * Generates a synthetic national population of victim-assistance records shaped by a country
 * profile: the directory (organisations, services, locations), then incident by incident the
 * incident, its casualties and their persons, indirect victims, WG-SS and needs assessments,
 * consents, referrals with attempt histories, and service deliveries.
 *
 * <p>Every reference points to a record written earlier; every timeline is ordered (birth before
 * incident, follow-up after it, referral after the needs assessment, attempt histories legal under
 * the state table, deliveries after acceptance, nothing after a death or the anchor date). The same
 * spec gives byte-identical output on any machine. Streaming output uses memory independent of the
 * count. Instances are immutable and thread-safe; each call generates afresh.
 *
 * <pre>{@code
 * PopulationSpec spec = PopulationSpec.builder().country(CountryCode.LAO).casualties(1_000_000).seed(7).build();
 * try (OutputStream out = Files.newOutputStream(Path.of("lao.ndjson"))) {
 *   PopulationGenerator.of(spec).writeNdjson(out);
 * }
 * }</pre>
 */
public final class PopulationGenerator {
  /** The largest population {@link #toSubmission()} builds in memory. */
  public static final long MAX_SUBMISSION_CASUALTIES = 20_000;

  private final PopulationSpec spec;

  private PopulationGenerator(PopulationSpec spec) {
    this.spec = spec;
  }

  /**
   * Returns a generator for a spec.
   *
   * @param spec what to generate
   * @return the generator
   */
  public static PopulationGenerator of(PopulationSpec spec) {
    return new PopulationGenerator(Objects.requireNonNull(spec, "spec"));
  }

  /** Returns the spec. */
  public PopulationSpec spec() {
    return spec;
  }

  /**
   * Pushes every record, in output order, to a consumer. Records are core model values ({@link
   * Person}, {@link Incident}, {@link Casualty}, ...).
   *
   * @param sink receives each record once
   */
  public void forEach(Consumer<Object> sink) {
    new PopulationEngine(spec, Objects.requireNonNull(sink, "sink")).run();
  }

  /**
   * Writes the population as NDJSON, one {@code {"type": ..., "record": {...}}} per line, with the
   * strict codec. Memory use does not depend on the count.
   *
   * @param out the output; flushed, not closed
   * @return the number of lines written
   * @throws UncheckedIOException if writing fails
   */
  public long writeNdjson(OutputStream out) {
    BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
    NdjsonRecordWriter writer = new NdjsonRecordWriter(VanJson.strict(), buffered);
    forEach(writer);
    writer.flush();
    try {
      buffered.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return writer.lines();
  }

  /**
   * Builds the population as one Submission document, for small sizes.
   *
   * @return the submission, dated at the end of the anchor day
   * @throws VanException if the spec asks for more than {@link #MAX_SUBMISSION_CASUALTIES}
   */
  public Submission toSubmission() {
    if (spec.casualties() > MAX_SUBMISSION_CASUALTIES) {
      throw new VanException(
          ErrorCode.of("VAN-T-0002"),
          "a Submission holds at most "
              + MAX_SUBMISSION_CASUALTIES
              + " generated casualties; write NDJSON for "
              + spec.casualties());
    }
    String iso3 = spec.country().code();
    String reporter = spec.profile().organisations().get(0).code();
    Submission.Builder b =
        Submission.builder()
            .submissionId(
                SubmissionId.parse(
                    iso3 + "-" + reporter + "-SUB-" + Long.toUnsignedString(spec.seed(), 36)))
            .country(spec.country())
            .reportingOrganisation(OrganisationId.parse(iso3 + "-" + reporter + "-org"))
            .generatedAt(Instant.ofEpochSecond((spec.anchorDate().toEpochDay() + 1) * 86_400 - 1))
            .period(ReportingPeriod.of(LocalDate.of(1979, 1, 1), spec.anchorDate()));
    forEach(
        record -> {
          if (record instanceof Person) {
            b.addPersons((Person) record);
          } else if (record instanceof Incident) {
            b.addIncidents((Incident) record);
          } else if (record instanceof Casualty) {
            b.addCasualties((Casualty) record);
          } else if (record instanceof AffectedRelation) {
            b.addAffectedRelations((AffectedRelation) record);
          } else if (record instanceof FunctioningAssessment) {
            b.addFunctioningAssessments((FunctioningAssessment) record);
          } else if (record instanceof NeedsAssessment) {
            b.addNeedsAssessments((NeedsAssessment) record);
          } else if (record instanceof Organisation) {
            b.addOrganisations((Organisation) record);
          } else if (record instanceof Service) {
            b.addServices((Service) record);
          } else if (record instanceof ServiceLocation) {
            b.addServiceLocations((ServiceLocation) record);
          } else if (record instanceof ServiceDelivery) {
            b.addServiceDeliveries((ServiceDelivery) record);
          } else if (record instanceof Consent) {
            b.addConsents((Consent) record);
          } else if (record instanceof Referral) {
            b.addReferrals((Referral) record);
          } else if (record instanceof ReferralAttempt) {
            b.addReferralAttempts((ReferralAttempt) record);
          } else {
            throw new IllegalStateException("unexpected record " + record.getClass().getName());
          }
        });
    return b.build();
  }
}
