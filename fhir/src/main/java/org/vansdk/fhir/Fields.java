package org.vansdk.fhir;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.vansdk.core.VanException;
import org.vansdk.core.text.LocalizedText;

/**
 * Reading FHIR elements back into our values, failing with the element's FHIR path and a stable
 * code. Messages name paths, systems and allowed codes, never the value found (it may be personal).
 */
final class Fields {
  private Fields() {}

  static FhirException missing(String path, String what) {
    return new FhirException(FhirException.MISSING, path + ": " + what);
  }

  static FhirException invalid(String path, String what) {
    return new FhirException(FhirException.INVALID_VALUE, path + ": " + what);
  }

  /** The one identifier of a system. */
  static String identifier(List<Identifier> ids, String system, String path) {
    String found = null;
    for (int i = 0; i < ids.size(); i++) {
      if (system.equals(ids.get(i).getSystem())) {
        if (found != null) {
          throw new FhirException(
              FhirException.INCONSISTENT, path + "[" + i + "]: a second identifier of " + system);
        }
        found = ids.get(i).getValue();
        if (found == null || found.isEmpty()) {
          throw missing(
              path + "[" + i + "].value", "the identifier of " + system + " has no value");
        }
      }
    }
    if (found == null) {
      throw missing(path, "needs an identifier of system " + system);
    }
    return found;
  }

  /** Our record id from a reference's identifier. */
  static String referenced(Reference r, String system, String path) {
    if (r == null || r.isEmpty()) {
      throw missing(path, "is required");
    }
    if (!r.hasIdentifier() || !system.equals(r.getIdentifier().getSystem())) {
      throw missing(path + ".identifier", "needs an identifier of system " + system);
    }
    String v = r.getIdentifier().getValue();
    if (v == null || v.isEmpty()) {
      throw missing(path + ".identifier.value", "is required");
    }
    return v;
  }

  /** Parses one of our ids or code values, turning the core's refusal into a path-aware one. */
  static <T> T parse(String text, Function<String, T> parser, String path, String allowed) {
    try {
      return parser.apply(text);
    } catch (VanException e) {
      // The core's message may quote the value: only the path and what is allowed go on.
      throw new FhirException(FhirException.INVALID_VALUE, path + ": not " + allowed);
    }
  }

  /** The code of the one coding of a system in a concept. */
  static Optional<String> code(CodeableConcept c, String system) {
    if (c == null) {
      return Optional.empty();
    }
    for (Coding coding : c.getCoding()) {
      if (system.equals(coding.getSystem()) && coding.hasCode()) {
        return Optional.of(coding.getCode());
      }
    }
    return Optional.empty();
  }

  /** A language-tagged text: the string and its {@code van-language} extension. */
  static LocalizedText text(StringType s, String path) {
    Extension lang = s.getExtensionByUrl(FhirNames.EXT_LANGUAGE);
    if (lang == null || !lang.hasValue()) {
      throw missing(
          path + ".extension", "a text needs its language (" + FhirNames.EXT_LANGUAGE + ")");
    }
    return parse(
        s.getValue() == null ? "" : s.getValue(),
        v -> LocalizedText.of(lang.getValue().primitiveValue(), v),
        path,
        "a text with a BCP 47 language tag");
  }
}
