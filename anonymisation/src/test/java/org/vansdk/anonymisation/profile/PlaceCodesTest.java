package org.vansdk.anonymisation.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vansdk.anonymisation.policy.AnonymisationPolicy;
import org.vansdk.core.deidentified.DeidentifiedCasualty;
import org.vansdk.core.incident.Incident;
import org.vansdk.core.place.AdminArea;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.place.Gazetteer;
import org.vansdk.core.place.Location;
import org.vansdk.core.submission.Submission;

class PlaceCodesTest {
  @Test
  void province_ofEverySchemeInTheGazetteer_andOchaShapedCodes() {
    assertEquals(Optional.of("KH12"), PlaceCodes.province("KH120101"));
    assertEquals(Optional.of("VN42"), PlaceCodes.province("VN4200101234"));
    assertEquals(Optional.of("VN42"), PlaceCodes.province("VN42001"));
    assertEquals(Optional.of("MMR001"), PlaceCodes.province("MMR001012"));
    assertEquals(Optional.of("XX01"), PlaceCodes.province("XX0102"), "OCHA shape, no gazetteer");
    assertEquals(Optional.empty(), PlaceCodes.province("ZZZ9"));
  }

  /** Before, every code not shaped like KH120101 lost its province: Viet Nam's all did. */
  @Test
  void apply_vietnameseCommuneCodes_keepTheirProvince() {
    Submission khm = RegionalSharingProfileTest.submission(3000, 5);
    var provinces = Gazetteer.level1(CountryCode.VNM);
    List<Incident> incidents = new ArrayList<>();
    for (Incident i : khm.incidents()) {
      String commune = i.location().adminArea().orElseThrow().pCode();
      String province = provinces.get(Integer.parseInt(commune.substring(2, 4))).pCode();
      String code = province + "0" + commune.substring(4, 6) + "000" + commune.substring(6, 8);
      incidents.add(
          Incident.builder()
              .from(i)
              .location(
                  Location.builder()
                      .country(CountryCode.VNM)
                      .adminArea(AdminArea.builder().pCode(code).level(3).build())
                      .build())
              .build());
    }
    Submission vnm =
        Submission.builder().from(khm).country(CountryCode.VNM).incidents(incidents).build();
    Release release =
        RegionalSharingProfile.of(
                AnonymisationPolicy.regionalDefault(),
                RegionalSharingProfileTest.keys(),
                RegionalSharingProfileTest.CLOCK)
            .apply(vnm);
    long withProvince = 0;
    for (DeidentifiedCasualty r : release.records()) {
      if (r.adminArea().isPresent()) {
        withProvince++;
        String code = r.adminArea().get().pCode();
        assertTrue(Gazetteer.level1(code).isPresent(), code);
      }
    }
    assertTrue(withProvince > release.size() * 0.8, "province kept for " + withProvince);
    assertEquals(withProvince, release.utility().attributes().get(2).records().get(2));
  }
}
