package org.vansdk.testkit.gen;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.vansdk.core.casualty.Activity;
import org.vansdk.core.casualty.AffectedRelation;
import org.vansdk.core.casualty.Amputation;
import org.vansdk.core.casualty.AmputationLevel;
import org.vansdk.core.casualty.BodyRegion;
import org.vansdk.core.casualty.Casualty;
import org.vansdk.core.casualty.CivilianStatus;
import org.vansdk.core.casualty.Injury;
import org.vansdk.core.casualty.Laterality;
import org.vansdk.core.casualty.Limb;
import org.vansdk.core.casualty.Outcome;
import org.vansdk.core.casualty.Relationship;
import org.vansdk.core.casualty.SensoryLoss;
import org.vansdk.core.casualty.Side;
import org.vansdk.core.code.YesNoUnknown;
import org.vansdk.core.consent.Consent;
import org.vansdk.core.consent.ConsentMethod;
import org.vansdk.core.consent.ConsentStatus;
import org.vansdk.core.consent.DataCategory;
import org.vansdk.core.consent.Purpose;
import org.vansdk.core.deidentified.DeidentifiedCasualty;
import org.vansdk.core.delivery.DeliveryOutcome;
import org.vansdk.core.delivery.ServiceDelivery;
import org.vansdk.core.directory.Capacity;
import org.vansdk.core.directory.Eligibility;
import org.vansdk.core.directory.Organisation;
import org.vansdk.core.directory.OrganisationType;
import org.vansdk.core.directory.ReferralTerms;
import org.vansdk.core.directory.Service;
import org.vansdk.core.directory.ServiceLocation;
import org.vansdk.core.directory.ServiceStatus;
import org.vansdk.core.functioning.FunctioningAssessment;
import org.vansdk.core.functioning.WgSsResponse;
import org.vansdk.core.id.AssessmentId;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.id.CasualtyId;
import org.vansdk.core.id.ConsentId;
import org.vansdk.core.id.DeliveryId;
import org.vansdk.core.id.ExternalIdentifier;
import org.vansdk.core.id.IncidentId;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.PersonId;
import org.vansdk.core.id.ReferralId;
import org.vansdk.core.id.ServiceId;
import org.vansdk.core.id.ServiceLocationId;
import org.vansdk.core.id.SubmissionId;
import org.vansdk.core.incident.AccidentClass;
import org.vansdk.core.incident.DeviceCategory;
import org.vansdk.core.incident.Incident;
import org.vansdk.core.incident.Verification;
import org.vansdk.core.need.Need;
import org.vansdk.core.need.NeedStatus;
import org.vansdk.core.need.NeedsAssessment;
import org.vansdk.core.need.Priority;
import org.vansdk.core.need.ServiceType;
import org.vansdk.core.person.Contact;
import org.vansdk.core.person.DisplacementStatus;
import org.vansdk.core.person.Person;
import org.vansdk.core.person.Sex;
import org.vansdk.core.place.AdminArea;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.place.GeoPoint;
import org.vansdk.core.place.Location;
import org.vansdk.core.qls.QualityOfLifeSurvey;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.Referral;
import org.vansdk.core.referral.ReferralAttempt;
import org.vansdk.core.referral.ReferralStatus;
import org.vansdk.core.referral.StatusChange;
import org.vansdk.core.submission.ReportingPeriod;
import org.vansdk.core.submission.Submission;
import org.vansdk.core.text.LocalizedText;
import org.vansdk.core.time.PartialDate;

/**
 * One fully populated, mutually consistent example of every record type (a survivor, her incident,
 * casualty record, assessments, consent, referral and its attempt, a delivery, the directory
 * entries) that passes every structural and semantic rule of the validator. Handy as a starting
 * point for a vendor's own fixtures; for variety use {@link VanGen} or the population generator.
 * The personal values are invented.
 *
 * @since 1.0
 */
public final class SampleRecords {
  /** The sample person's (invented) name. */
  public static final String SECRET_NAME = "Sokha Chan";

  /** The sample person's (invented) national ID. */
  public static final String SECRET_ID = "010203040506";

  /** The sample person's (invented) phone number. */
  public static final String SECRET_PHONE = "+855 12 345 678";

  /** The instant the samples are built around. */
  public static final Instant T0 = Instant.parse("2024-03-01T02:00:00Z");

  /** The referring organisation (a mine action authority). */
  public static final OrganisationId CMAA = OrganisationId.parse("KHM-CMAA-ORG1");

  /** The receiving organisation (a rehabilitation provider). */
  public static final OrganisationId HI = OrganisationId.parse("KHM-HI-ORG1");

  private SampleRecords() {}

  /** Returns the sample person record. */
  public static Person person() {
    return Person.builder()
        .id(PersonId.parse("KHM-CMAA-P000123"))
        .addIdentifiers(ExternalIdentifier.of("khm-national-id", SECRET_ID))
        .name(SECRET_NAME)
        .sex(Sex.FEMALE)
        .birthDate(PartialDate.parse("1985-06"))
        .birthDateEstimated(true)
        .nationality(CountryCode.KHM)
        .residence(
            Location.builder()
                .country(CountryCode.KHM)
                .adminArea(AdminArea.of("KH120101", 3, "Chey Chumneas"))
                .point(
                    GeoPoint.builder()
                        .latitude(11.56)
                        .longitude(104.92)
                        .accuracyMetres(50.0)
                        .build())
                .build())
        .displacementStatus(DisplacementStatus.NOT_DISPLACED)
        .addLanguages("km")
        .contact(Contact.builder().phone(SECRET_PHONE).build())
        .householdHead(YesNoUnknown.YES)
        .build();
  }

  /** Returns the sample incident record. */
  public static Incident incident() {
    return Incident.builder()
        .id(IncidentId.parse("KHM-CMAA-I000045"))
        .date(PartialDate.parse("2019-06-14"))
        .location(
            Location.builder()
                .country(CountryCode.KHM)
                .adminArea(AdminArea.of("KH0201", 2, "Banan"))
                .build())
        .accidentClass(AccidentClass.EO_ACCIDENT)
        .deviceCategory(DeviceCategory.ANTIPERSONNEL_MINE)
        .areaMarkedBefore(YesNoUnknown.NO)
        .areaClearedBefore(YesNoUnknown.UNKNOWN)
        .reportingOrganisation(CMAA)
        .verification(Verification.VERIFIED)
        .build();
  }

  /** Returns the sample casualty record. */
  public static Casualty casualty() {
    return Casualty.builder()
        .id(CasualtyId.parse("KHM-CMAA-C000077"))
        .personId(person().id())
        .incidentId(incident().id())
        .outcome(Outcome.INJURED)
        .civilianStatus(CivilianStatus.CIVILIAN)
        .ageAtIncident(34)
        .activityAtIncident(Activity.FARMING)
        .tampered(false)
        .priorRiskEducation(YesNoUnknown.NO)
        .addInjuries(
            Injury.builder().region(BodyRegion.LOWER_LIMB).laterality(Laterality.LEFT).build())
        .addAmputations(
            Amputation.builder()
                .limb(Limb.LOWER)
                .side(Side.LEFT)
                .level(AmputationLevel.BELOW_KNEE)
                .build())
        .addSensoryLoss(SensoryLoss.HEARING_PARTIAL)
        .firstAidOnSite(YesNoUnknown.YES)
        .minutesToFacility(90)
        .build();
  }

  /** Returns the sample relation record. */
  public static AffectedRelation relation() {
    return AffectedRelation.builder()
        .personId(PersonId.parse("KHM-CMAA-P000124"))
        .casualtyId(casualty().id())
        .relationship(Relationship.CHILD)
        .build();
  }

  /** Returns the sample functioning record. */
  public static FunctioningAssessment functioning() {
    return FunctioningAssessment.builder()
        .id(AssessmentId.parse("KHM-HI-F0001"))
        .personId(person().id())
        .date(PartialDate.parse("2020-01-10"))
        .proxy(false)
        .seeing(WgSsResponse.NO_DIFFICULTY)
        .hearing(WgSsResponse.SOME_DIFFICULTY)
        .walking(WgSsResponse.A_LOT_OF_DIFFICULTY)
        .cognition(WgSsResponse.NO_DIFFICULTY)
        .selfCare(WgSsResponse.SOME_DIFFICULTY)
        .communication(WgSsResponse.DONT_KNOW)
        .build();
  }

  /** Returns the sample needs record. */
  public static NeedsAssessment needs() {
    return NeedsAssessment.builder()
        .id(AssessmentId.parse("KHM-HI-N0001"))
        .personId(person().id())
        .date(PartialDate.parse("2020-01-10"))
        .assessedBy(HI)
        .addNeeds(
            Need.builder()
                .serviceType(ServiceType.PROSTHESIS)
                .priority(Priority.HIGH)
                .status(NeedStatus.UNMET)
                .note(LocalizedText.of("km", "ត្រូវការជើងសិប្បនិម្មិត"))
                .build())
        .build();
  }

  /** Returns the sample organisation record. */
  public static Organisation organisation() {
    return Organisation.builder()
        .id(HI)
        .addName(LocalizedText.of("en", "Physical Rehabilitation Centre Battambang"))
        .type(OrganisationType.INTERNATIONAL_NGO)
        .country(CountryCode.KHM)
        .build();
  }

  /** Returns the sample service record. */
  public static Service service() {
    return Service.builder()
        .id(ServiceId.parse("KHM-HI-S01"))
        .organisationId(HI)
        .addName(LocalizedText.of("en", "Prosthetics and orthotics"))
        .addServiceTypes(ServiceType.PROSTHESIS, ServiceType.ORTHOSIS, ServiceType.PHYSIOTHERAPY)
        .status(ServiceStatus.ACTIVE)
        .eligibility(Eligibility.builder().minAge(0).maxAge(120).build())
        .cost(LocalizedText.of("en", "Free of charge"))
        .addLanguages("km", "en")
        .capacity(
            Capacity.builder()
                .available(12)
                .maximum(40)
                .unit("fittings per month")
                .updated(T0)
                .build())
        .referralTerms(ReferralTerms.builder().daysToRespond(10).build())
        .build();
  }

  /** Returns the sample serviceLocation record. */
  public static ServiceLocation serviceLocation() {
    return ServiceLocation.builder()
        .id(ServiceLocationId.parse("KHM-HI-L01"))
        .serviceId(service().id())
        .location(
            Location.builder()
                .country(CountryCode.KHM)
                .adminArea(AdminArea.of("KH02", 1, "Battambang"))
                .build())
        .addAreasCovered(
            AdminArea.of("KH02", 1, "Battambang"), AdminArea.of("KH22", 1, "Oddar Meanchey"))
        .accessibility(LocalizedText.of("en", "Step-free entrance"))
        .build();
  }

  /** Returns the sample delivery record. */
  public static ServiceDelivery delivery() {
    return ServiceDelivery.builder()
        .id(DeliveryId.parse("KHM-HI-D0001"))
        .personId(person().id())
        .organisationId(HI)
        .serviceId(service().id())
        .serviceType(ServiceType.PROSTHESIS)
        .startDate(PartialDate.parse("2024-03-10"))
        .endDate(PartialDate.parse("2024-04-15"))
        .outcome(DeliveryOutcome.COMPLETED)
        .referralId(referral().id())
        .cost(new BigDecimal("350.00"))
        .currency("USD")
        .units(1)
        .build();
  }

  /** Returns the sample consent record. */
  public static Consent consent() {
    return Consent.builder()
        .id(ConsentId.parse("KHM-CMAA-K0001"))
        .personId(person().id())
        .addGrantees(HI)
        .addPurposes(Purpose.REFERRAL, Purpose.SERVICE_DELIVERY)
        .addDataCategories(DataCategory.IDENTITY, DataCategory.CONTACT, DataCategory.MEDICAL)
        .addCountries(CountryCode.KHM)
        .givenAt(T0)
        .expiresAt(T0.plusSeconds(365L * 24 * 3600))
        .method(ConsentMethod.THUMBPRINT)
        .capturedBy(CMAA)
        .language("km")
        .status(ConsentStatus.ACTIVE)
        .build();
  }

  /** Returns the sample referral record. */
  public static Referral referral() {
    return Referral.builder()
        .id(ReferralId.parse("KHM-CMAA-R0001"))
        .personId(person().id())
        .addServiceTypes(ServiceType.PROSTHESIS)
        .priority(Priority.HIGH)
        .referringOrganisation(CMAA)
        .createdAt(T0)
        .consentId(consent().id())
        .doNotContact(false)
        .status(ReferralStatus.ACTIVE)
        .build();
  }

  /** Returns the sample attempt record. */
  public static ReferralAttempt attempt() {
    return ReferralAttempt.builder()
        .id(AttemptId.parse("KHM-CMAA-A0001"))
        .referralId(referral().id())
        .targetOrganisation(HI)
        .targetService(service().id())
        .destinationCountry(CountryCode.KHM)
        .addHistory(StatusChange.builder().status(AttemptStatus.DRAFT).at(T0).build())
        .addHistory(
            StatusChange.builder().status(AttemptStatus.SENT).at(T0.plusSeconds(60)).build())
        .addHistory(
            StatusChange.builder().status(AttemptStatus.ACCEPTED).at(T0.plusSeconds(3600)).build())
        .status(AttemptStatus.ACCEPTED)
        .build();
  }

  /** Returns the sample survey record. */
  public static QualityOfLifeSurvey survey() {
    return QualityOfLifeSurvey.builder()
        .id(AssessmentId.parse("KHM-CMAA-Q0001"))
        .personId(person().id())
        .date(PartialDate.parse("2021"))
        .instrumentVersion("CMAA-QLS-2019")
        .holdsIdCard(YesNoUnknown.YES)
        .enoughFood(YesNoUnknown.NO)
        .hasLoan(YesNoUnknown.UNKNOWN)
        .build();
  }

  /** Returns the sample deidentified record. */
  public static DeidentifiedCasualty deidentified() {
    return DeidentifiedCasualty.builder()
        .pseudonym("v1.ABCDEFGHIJKLMNOP")
        .sex(Sex.FEMALE)
        .ageBand("30-34")
        .country(CountryCode.KHM)
        .adminArea(AdminArea.of("KH02", 1, "Battambang"))
        .incidentPeriod(PartialDate.parse("2019"))
        .deviceCategory(DeviceCategory.ANTIPERSONNEL_MINE)
        .outcome(Outcome.INJURED)
        .civilianStatus(CivilianStatus.CIVILIAN)
        .activityGroup(Activity.FARMING.group())
        .amputation(YesNoUnknown.YES)
        .disability3(YesNoUnknown.YES)
        .addServicesReceived(ServiceType.PROSTHESIS)
        .build();
  }

  /** Returns the sample submission record. */
  public static Submission submission() {
    return Submission.builder()
        .submissionId(SubmissionId.parse("KHM-CMAA-SUB2024Q1"))
        .country(CountryCode.KHM)
        .reportingOrganisation(CMAA)
        .generatedAt(T0)
        .period(ReportingPeriod.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31)))
        .addPersons(person())
        .addPersons(Person.builder().id(PersonId.parse("KHM-CMAA-P000124")).sex(Sex.MALE).build())
        .addIncidents(incident())
        .addCasualties(casualty())
        .addAffectedRelations(relation())
        .addFunctioningAssessments(functioning())
        .addNeedsAssessments(needs())
        .addOrganisations(organisation())
        .addServices(service())
        .addServiceLocations(serviceLocation())
        .addServiceDeliveries(delivery())
        .addConsents(consent())
        .addReferrals(referral())
        .addReferralAttempts(attempt())
        .addQualityOfLifeSurveys(survey())
        .build();
  }
}
