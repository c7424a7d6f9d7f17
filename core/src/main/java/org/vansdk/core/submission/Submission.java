package org.vansdk.core.submission;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.vansdk.core.VanStyle;
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
import org.vansdk.core.need.NeedsAssessment;
import org.vansdk.core.person.Person;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.qls.QualityOfLifeSurvey;
import org.vansdk.core.referral.Referral;
import org.vansdk.core.referral.ReferralAttempt;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The unit a vendor sends and validates: a header (schema version, identifier, country, reporting
 * organisation, time, period) and arrays of records. Referential integrity across the arrays is
 * checked by the validator's semantic layer, not here. Large submissions use NDJSON instead (see
 * {@link RecordType} and {@code org.vansdk.core.json.Ndjson}).
 *
 * @since 1.0
 */
@Value.Immutable
@JsonPropertyOrder({
  "schemaVersion",
  "submissionId",
  "country",
  "reportingOrganisation",
  "generatedAt",
  "period"
})
@VanStyle
@JsonSerialize(as = ImmutableSubmission.class)
@JsonDeserialize(as = ImmutableSubmission.class)
public abstract class Submission {
  /**
   * Returns the wire-format version, {@code major.minor}; {@value SchemaVersion#CURRENT_TEXT} by
   * default.
   */
  @Value.Default
  public String schemaVersion() {
    return SchemaVersion.CURRENT_TEXT;
  }

  /** Returns the submission's identifier. */
  public abstract SubmissionId submissionId();

  /** Returns the reporting country. */
  public abstract CountryCode country();

  /** Returns the organisation that produced it. */
  public abstract OrganisationId reportingOrganisation();

  /** Returns when it was produced. */
  public abstract Instant generatedAt();

  /** Returns the period it reports on. */
  public abstract Optional<ReportingPeriod> period();

  /** Returns the Person records. */
  public abstract List<Person> persons();

  /** Returns the Incident records. */
  public abstract List<Incident> incidents();

  /** Returns the Casualty records. */
  public abstract List<Casualty> casualties();

  /** Returns the AffectedRelation records. */
  public abstract List<AffectedRelation> affectedRelations();

  /** Returns the FunctioningAssessment records. */
  public abstract List<FunctioningAssessment> functioningAssessments();

  /** Returns the NeedsAssessment records. */
  public abstract List<NeedsAssessment> needsAssessments();

  /** Returns the Organisation records. */
  public abstract List<Organisation> organisations();

  /** Returns the Service records. */
  public abstract List<Service> services();

  /** Returns the ServiceLocation records. */
  public abstract List<ServiceLocation> serviceLocations();

  /** Returns the ServiceDelivery records. */
  public abstract List<ServiceDelivery> serviceDeliveries();

  /** Returns the Consent records. */
  public abstract List<Consent> consents();

  /** Returns the Referral records. */
  public abstract List<Referral> referrals();

  /** Returns the ReferralAttempt records. */
  public abstract List<ReferralAttempt> referralAttempts();

  /** Returns the QualityOfLifeSurvey records. */
  public abstract List<QualityOfLifeSurvey> qualityOfLifeSurveys();

  /** Returns the total number of records in all arrays. */
  public final int recordCount() {
    return persons().size()
        + incidents().size()
        + casualties().size()
        + affectedRelations().size()
        + functioningAssessments().size()
        + needsAssessments().size()
        + organisations().size()
        + services().size()
        + serviceLocations().size()
        + serviceDeliveries().size()
        + consents().size()
        + referrals().size()
        + referralAttempts().size()
        + qualityOfLifeSurveys().size();
  }

  @Value.Check
  void check() {
    SchemaVersion.parse(schemaVersion());
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Submission}. */
  public static final class Builder extends ImmutableSubmission.Builder {}
}
