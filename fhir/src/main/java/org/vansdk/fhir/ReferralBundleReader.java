package org.vansdk.fhir;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a referral Bundle of ours back into the referral and its attempt: from the one
 * ServiceRequest and the one Task (the other resources are the directory's and the person's, which
 * the referral points to by our ids). Strict: text that is not JSON, an element FHIR R4 does not
 * define, a value of the wrong type, a missing or repeated resource or element, or a code outside
 * our mapping is refused with a {@link FhirException} naming the FHIR path (e.g. {@code
 * Bundle.entry[3].resource.status}) or, for JSON syntax, the line and column; never the value.
 * Thread-safe.
 */
public final class ReferralBundleReader {
  private static final JsonMapper SYNTAX = JsonMapper.builder().build();

  private ReferralBundleReader() {}

  /**
   * Reads FHIR JSON.
   *
   * @param json a Bundle as FHIR R4 JSON
   * @return the referral and the attempt
   * @throws FhirException when the text is not such a Bundle (see the class documentation)
   */
  public static ReadBack read(String json) {
    return read(parse(json, Bundle.class));
  }

  /**
   * Reads a parsed Bundle.
   *
   * @param bundle the Bundle
   * @return the referral and the attempt
   * @throws FhirException when the Bundle is not one of ours
   */
  public static ReadBack read(Bundle bundle) {
    ServiceRequest request = null;
    String requestPath = null;
    Task task = null;
    String taskPath = null;
    for (int i = 0; i < bundle.getEntry().size(); i++) {
      Resource r = bundle.getEntry().get(i).getResource();
      String path = "Bundle.entry[" + i + "].resource";
      if (r instanceof ServiceRequest s) {
        if (request != null) {
          throw new FhirException(FhirException.INCONSISTENT, path + ": a second ServiceRequest");
        }
        request = s;
        requestPath = path;
      } else if (r instanceof Task t) {
        if (task != null) {
          throw new FhirException(FhirException.INCONSISTENT, path + ": a second Task");
        }
        task = t;
        taskPath = path;
      }
    }
    if (request == null) {
      throw Fields.missing("Bundle.entry", "needs the referral's ServiceRequest");
    }
    if (task == null) {
      throw Fields.missing("Bundle.entry", "needs the attempt's Task");
    }
    ReadBack back =
        new ReadBack(
            ReferralServiceRequest.read(request, requestPath), AttemptTask.read(task, taskPath));
    if (!back.attempt().referralId().equals(back.referral().id())) {
      throw new FhirException(
          FhirException.INCONSISTENT,
          taskPath + ".focus: the Task is for another referral than the ServiceRequest's");
    }
    return back;
  }

  /**
   * Parses FHIR R4 JSON strictly into a resource of a type.
   *
   * @throws FhirException {@link FhirException#NOT_FHIR} with the line and column of a syntax
   *     error, or the element and what was wrong with it
   */
  static <T extends IBaseResource> T parse(String json, Class<T> type) {
    try {
      SYNTAX.readTree(json);
    } catch (JacksonException e) {
      TokenStreamLocation l = e.getLocation();
      throw new FhirException(
          FhirException.NOT_FHIR,
          "not JSON: syntax error"
              + (l == null ? "" : " at line " + l.getLineNr() + ", column " + l.getColumnNr()));
    }
    IParser parser = ReferralBundles.context().newJsonParser();
    parser.setParserErrorHandler(new Strict());
    try {
      return parser.parseResource(type, json);
    } catch (DataFormatException e) {
      // HAPI's message may quote the value: say only what kind of problem it is.
      throw new FhirException(
          FhirException.NOT_FHIR,
          "not a FHIR R4 "
              + type.getSimpleName()
              + " (the resource type or an element's JSON type"
              + " is wrong)");
    }
  }

  /** Refuses what the lenient default would let through; messages name elements only. */
  private static final class Strict implements IParserErrorHandler {
    private static String where(IParseLocation l) {
      return l == null || l.getParentElementName() == null
          ? "the resource"
          : "element " + l.getParentElementName();
    }

    private static FhirException fail(IParseLocation l, String what) {
      return new FhirException(FhirException.NOT_FHIR, where(l) + ": " + what);
    }

    @Override
    public void containedResourceWithNoId(IParseLocation l) {
      throw fail(l, "a contained resource has no id");
    }

    @Override
    public void incorrectJsonType(
        IParseLocation l,
        String element,
        BaseJsonLikeValue.ValueType expected,
        BaseJsonLikeValue.ScalarType expectedScalar,
        BaseJsonLikeValue.ValueType found,
        BaseJsonLikeValue.ScalarType foundScalar) {
      throw fail(l, "child " + element + " should be JSON " + expected + " but is " + found);
    }

    @Override
    public void invalidValue(IParseLocation l, String value, String error) {
      throw fail(l, "a value is not valid for its FHIR type");
    }

    @Override
    public void missingRequiredElement(IParseLocation l, String element) {
      throw fail(l, "required element " + element + " is missing");
    }

    @Override
    public void unexpectedRepeatingElement(IParseLocation l, String element) {
      throw fail(l, "element " + element + " may not repeat");
    }

    @Override
    public void unknownAttribute(IParseLocation l, String name) {
      throw fail(l, "unknown attribute " + name);
    }

    @Override
    public void unknownElement(IParseLocation l, String name) {
      throw fail(l, "unknown element " + name + " (not in FHIR R4)");
    }

    @Override
    public void unknownReference(IParseLocation l, String reference) {
      // A reference to a resource outside the Bundle is allowed: ours carry identifiers.
    }

    @Override
    public void invalidInternalReference(IParseLocation l, String reference) {
      throw fail(l, "a reference to a contained resource that is not there");
    }

    @Override
    public void extensionContainsValueAndNestedExtensions(IParseLocation l) {
      throw fail(l, "an extension has both a value and nested extensions");
    }
  }
}
