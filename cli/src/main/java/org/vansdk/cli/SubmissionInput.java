package org.vansdk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;
import org.vansdk.core.casualty.Casualty;
import org.vansdk.core.delivery.ServiceDelivery;
import org.vansdk.core.functioning.FunctioningAssessment;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.SubmissionId;
import org.vansdk.core.incident.Incident;
import org.vansdk.core.json.Ndjson;
import org.vansdk.core.json.NdjsonReader;
import org.vansdk.core.json.NdjsonRecord;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.person.Person;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.submission.Submission;

/**
 * Reads the records a command needs from a Submission JSON file or an NDJSON stream into one
 * Submission. NDJSON carries no header, so the header is made from the records: the country of the
 * first incident, and an identifier naming the input as an NDJSON import.
 */
final class SubmissionInput {
  private SubmissionInput() {}

  static Submission read(Input file) throws IOException {
    try (InputStream in = file.open()) {
      if (!file.namedNdjson() && !Sniff.isNdjson(in)) {
        return VanJson.strict().readSubmission(in.readAllBytes());
      }
      return readNdjson(in);
    }
  }

  private static Submission readNdjson(InputStream in) {
    Submission.Builder b = Submission.builder();
    CountryCode country = null;
    try (NdjsonReader reader = Ndjson.reader(VanJson.strict(), in)) {
      for (Optional<NdjsonRecord> r = reader.next(); r.isPresent(); r = reader.next()) {
        Object record = r.get().record();
        if (record instanceof Person) {
          b.addPersons((Person) record);
        } else if (record instanceof Incident) {
          Incident i = (Incident) record;
          b.addIncidents(i);
          country = country == null ? i.location().country() : country;
        } else if (record instanceof Casualty) {
          b.addCasualties((Casualty) record);
        } else if (record instanceof FunctioningAssessment) {
          b.addFunctioningAssessments((FunctioningAssessment) record);
        } else if (record instanceof ServiceDelivery) {
          b.addServiceDeliveries((ServiceDelivery) record);
        }
      }
    }
    if (country == null) {
      throw new VanException(ErrorCode.JSON_MAPPING, "the NDJSON input has no incident records");
    }
    return b.submissionId(SubmissionId.parse(country.code() + "-VANCLI-ndjson-import"))
        .country(country)
        .reportingOrganisation(OrganisationId.parse(country.code() + "-VANCLI-import"))
        .generatedAt(Instant.EPOCH)
        .build();
  }
}
