package org.vansdk.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.vansdk.core.text.LocalizedText;

/**
 * References and language-tagged texts as our Bundles write them: a reference always carries our
 * record id as its identifier (so a reader needs no resolution) and, when the resource travels in
 * the Bundle, its {@code urn:uuid:} full URL; a text carries its BCP 47 language in our {@code
 * van-language} extension.
 */
final class Refs {
  private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

  private Refs() {}

  static Reference to(String type, String idSystem, String ourId, boolean inBundle) {
    Reference r = new Reference().setType(type);
    r.setIdentifier(new Identifier().setSystem(idSystem).setValue(ourId));
    if (inBundle) {
      r.setReference(FhirNames.fullUrl(type, ourId));
    }
    return r;
  }

  static InstantType instant(Instant at) {
    return new InstantType(Date.from(at), precision(at), UTC);
  }

  static DateTimeType dateTime(Instant at) {
    return new DateTimeType(Date.from(at), precision(at), UTC);
  }

  private static TemporalPrecisionEnum precision(Instant at) {
    return at.getNano() == 0 ? TemporalPrecisionEnum.SECOND : TemporalPrecisionEnum.MILLI;
  }

  static StringType text(LocalizedText t) {
    StringType s = new StringType(t.text());
    s.addExtension(FhirNames.EXT_LANGUAGE, new CodeType(t.lang()));
    return s;
  }
}
