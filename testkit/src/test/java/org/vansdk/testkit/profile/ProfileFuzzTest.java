package org.vansdk.testkit.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;

/**
 * Fuzzes the country profile reader: whatever the bytes, it returns a profile or throws the one
 * documented {@link ProfileException} ({@code VAN-T-0001}); nothing else escapes. The normal build
 * replays the stored inputs in {@code ProfileFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class ProfileFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void parse_refusesOnlyWithProfileException(byte[] input) {
    try {
      CountryProfile profile = CountryProfile.parse(new ByteArrayInputStream(input), "fuzz.json");
      assertEquals(3, profile.country().length());
    } catch (ProfileException e) {
      assertEquals(ProfileException.CODE, e.code());
      assertTrue(e.getMessage().startsWith("VAN-T-0001: fuzz.json: "), e.getMessage());
      assertTrue(e.pointer().isEmpty() || e.pointer().startsWith("/"), e.pointer());
    }
  }
}
