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
import org.vansdk.testkit.gen.VanGen;
import org.vansdk.testkit.population.PopulationGenerator;

/** Every referral attempt of a testkit population, with the records its Bundle draws on. */
final class Populations {
  private Populations() {}

  static List<FhirReferral> referrals(long seed) {
    Map<Object, Object> byId = new HashMap<>();
    Map<Object, ServiceLocation> locationOf = new HashMap<>();
    List<ReferralAttempt> attempts = new ArrayList<>();
    PopulationGenerator.of(VanGen.spec(seed))
        .forEach(
            r -> {
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
            });
    List<FhirReferral> out = new ArrayList<>();
    for (ReferralAttempt a : attempts) {
      Referral referral = (Referral) byId.get(a.referralId());
      FhirReferral.Builder b =
          FhirReferral.builder()
              .referral(referral)
              .attempt(a)
              .person((Person) byId.get(referral.personId()))
              .referringOrganisation((Organisation) byId.get(referral.referringOrganisation()))
              .targetOrganisation((Organisation) byId.get(a.targetOrganisation()));
      referral.consentId().ifPresent(c -> b.consent((Consent) byId.get(c)));
      a.targetService()
          .ifPresent(
              s -> {
                b.targetService((Service) byId.get(s));
                if (locationOf.containsKey(s)) {
                  b.serviceLocation(locationOf.get(s));
                }
              });
      out.add(b.build());
    }
    return out;
  }
}
