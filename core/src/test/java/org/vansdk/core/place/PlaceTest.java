package org.vansdk.core.place;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;

class PlaceTest {
  @Test
  void countryCodes_fromTheJdkList() {
    assertEquals("KHM", CountryCode.parse("KHM").code());
    assertEquals("Cambodia", CountryCode.KHM.englishName());
    assertEquals(
        ErrorCode.INVALID_COUNTRY,
        assertThrows(VanException.class, () -> CountryCode.parse("XYZ")).code());
    assertThrows(VanException.class, () -> CountryCode.parse("KH"));
  }

  @Test
  void geoPoint_boundsAndAccuracy() {
    assertThrows(VanException.class, () -> GeoPoint.of(91, 0));
    assertThrows(VanException.class, () -> GeoPoint.of(0, -180.5));
    assertThrows(VanException.class, () -> GeoPoint.of(Double.NaN, 0));
    assertThrows(
        VanException.class,
        () -> GeoPoint.builder().latitude(0).longitude(0).accuracyMetres(-1.0).build());
    assertEquals(11.5, GeoPoint.of(11.5, 104.9).latitude());
  }

  @Test
  void adminArea_levelAndCountry() {
    assertThrows(VanException.class, () -> AdminArea.of("KH12", 4, "x"));
    assertThrows(VanException.class, () -> AdminArea.of("kh12", 1, "x"));
    VanException wrongCountry =
        assertThrows(
            VanException.class,
            () ->
                Location.builder()
                    .country(CountryCode.LAO)
                    .adminArea(AdminArea.of("KH12", 1, "Phnom Penh"))
                    .build());
    assertEquals(ErrorCode.INVALID_ADMIN_AREA, wrongCountry.code());
    Location.builder()
        .country(CountryCode.MMR)
        .adminArea(AdminArea.of("MMR001", 1, "Kachin"))
        .build();
  }
}
