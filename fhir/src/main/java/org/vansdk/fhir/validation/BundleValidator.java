package org.vansdk.fhir.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Validates FHIR R4 resources (our referral Bundles, Task updates) with HAPI's {@link
 * FhirValidator}: the official R4 XML Schemas (HAPI's schema validator over the validation
 * resources) and our profile rules (cardinality, fixed and pattern values, reference targets,
 * required bindings, known extensions and every error-level FHIRPath invariant of base R4 and of
 * our profiles, checked against snapshots generated from our shipped StructureDefinitions).
 *
 * <p>Building one costs a few seconds (base R4 definitions, schemas, snapshots): share it; {@link
 * #shared()} gives one per JVM. Thread-safe.
 *
 * <p>HAPI's full instance validator ({@code hapi-fhir-validation}, {@code org.hl7.fhir.validation})
 * is not used: it is not available from the registries this project builds from; this class checks
 * the same structural and invariant rules, without terminology servers or slicing discriminators
 * other than extension URLs.
 */
public final class BundleValidator {
  private static final class Holder {
    static final BundleValidator SHARED = new BundleValidator(FhirContext.forR4Cached());
  }

  private final FhirValidator validator;

  private BundleValidator(FhirContext context) {
    this.validator = context.newValidator();
    validator.setValidateAgainstStandardSchema(true);
    validator.setValidateAgainstStandardSchematron(false);
    validator.registerValidatorModule(new ProfileRules(new Profiles(context)));
  }

  /**
   * Returns the validator shared in this JVM, built on first use.
   *
   * @return the validator
   */
  public static BundleValidator shared() {
    return Holder.SHARED;
  }

  /**
   * Validates a resource.
   *
   * @param resource an R4 resource, usually a Bundle
   * @return the problems found, errors and warnings, each with its FHIR path; empty when valid
   */
  public List<Problem> validate(IBaseResource resource) {
    ValidationResult result = validator.validateWithResult(resource);
    return result.getMessages().stream()
        .filter(m -> m.getSeverity() != ResultSeverityEnum.INFORMATION)
        .map(BundleValidator::problem)
        .toList();
  }

  private static Problem problem(SingleValidationMessage m) {
    return new Problem(
        m.getSeverity() == ResultSeverityEnum.WARNING
            ? Problem.Severity.WARNING
            : Problem.Severity.ERROR,
        m.getLocationString() == null ? "" : m.getLocationString(),
        m.getMessage());
  }

  /**
   * One problem found.
   *
   * @param severity error or warning
   * @param path where (a FHIR path, or the schema validator's line and column)
   * @param message the rule broken
   */
  public record Problem(Severity severity, String path, String message) {
    /** How bad. */
    public enum Severity {
      /** The resource breaks a rule. */
      ERROR,
      /** The resource is valid but suspect. */
      WARNING
    }
  }
}
