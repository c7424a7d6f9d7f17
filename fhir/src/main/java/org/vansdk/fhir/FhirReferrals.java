package org.vansdk.fhir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vansdk.core.consent.Consent;
import org.vansdk.core.directory.Organisation;
import org.vansdk.core.directory.Service;
import org.vansdk.core.directory.ServiceLocation;
import org.vansdk.core.person.Person;
import org.vansdk.core.referral.Referral;
import org.vansdk.core.referral.ReferralAttempt;

/**
 * Gathers, from a set of canonical records (a submission's, an NDJSON file's), the records of each
 * referral attempt's Bundle. Stateless, thread-safe.
 */
public final class FhirReferrals {
  private FhirReferrals() {}

  /**
   * One {@link FhirReferral} per referral attempt among the records, in the records' order; the
   * service location is the first one given for the target service.
   *
   * @param records canonical records of any types (others are ignored)
   * @return the attempts with their records
   * @throws FhirException {@link FhirException#RECORDS_MISMATCH} when an attempt's referral,
   *     person, consent or organisations are not among the records (the message names the attempt
   *     and what is missing)
   */
  public static List<FhirReferral> of(Iterable<?> records) {
    Map<Object, Object> byId = new HashMap<>();
    Map<Object, ServiceLocation> locationOf = new HashMap<>();
    List<ReferralAttempt> attempts = new ArrayList<>();
    for (Object r : records) {
      if (r instanceof Person p) {
        byId.put(p.id(), p);
      } else if (r instanceof Consent c) {
        byId.put(c.id(), c);
      } else if (r instanceof Referral x) {
        byId.put(x.id(), x);
      } else if (r instanceof Organisation o) {
        byId.put(o.id(), o);
      } else if (r instanceof Service s) {
        byId.put(s.id(), s);
      } else if (r instanceof ServiceLocation l) {
        locationOf.putIfAbsent(l.serviceId(), l);
      } else if (r instanceof ReferralAttempt a) {
        attempts.add(a);
      }
    }
    List<FhirReferral> out = new ArrayList<>(attempts.size());
    for (ReferralAttempt a : attempts) {
      String where = "attempt " + a.id().value() + ": ";
      Referral referral = find(byId, a.referralId(), Referral.class, where + "its referral");
      FhirReferral.Builder b =
          FhirReferral.builder()
              .referral(referral)
              .attempt(a)
              .person(find(byId, referral.personId(), Person.class, where + "the person"))
              .referringOrganisation(
                  find(
                      byId,
                      referral.referringOrganisation(),
                      Organisation.class,
                      where + "the referring organisation"))
              .targetOrganisation(
                  find(
                      byId,
                      a.targetOrganisation(),
                      Organisation.class,
                      where + "the target organisation"));
      referral
          .consentId()
          .ifPresent(c -> b.consent(find(byId, c, Consent.class, where + "the named consent")));
      a.targetService()
          .ifPresent(
              s -> {
                if (byId.get(s) instanceof Service service) {
                  b.targetService(service);
                  if (locationOf.containsKey(s)) {
                    b.serviceLocation(locationOf.get(s));
                  }
                }
              });
      out.add(b.build());
    }
    return out;
  }

  private static <T> T find(Map<Object, Object> byId, Object id, Class<T> type, String what) {
    Object found = byId.get(id);
    if (!type.isInstance(found)) {
      throw new FhirException(FhirException.RECORDS_MISMATCH, what + " is not among the records");
    }
    return type.cast(found);
  }
}
