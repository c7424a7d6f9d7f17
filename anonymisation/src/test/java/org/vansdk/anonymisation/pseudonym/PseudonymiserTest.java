package org.vansdk.anonymisation.pseudonym;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vansdk.anonymisation.AnonymisationException;

class PseudonymiserTest {
  static final Purpose DASHBOARD = Purpose.of("regional_dashboard");
  static final Recipient REGIONAL = Recipient.of("regional");
  static final Recipient OTHER = Recipient.of("LAO-NRA");

  static byte[] secret(long seed) {
    byte[] b = new byte[32];
    new Random(seed).nextBytes(b);
    return b;
  }

  static KeyProvider provider() {
    return InMemoryKeyProvider.empty()
        .add(PseudonymKey.of(DASHBOARD, REGIONAL, 1, secret(1)))
        .add(PseudonymKey.of(DASHBOARD, REGIONAL, 2, secret(2)))
        .add(PseudonymKey.of(DASHBOARD, OTHER, 1, secret(3)));
  }

  @Test
  void pseudonym_currentKey_carriesVersionAndBase32() {
    String token = Pseudonymiser.of(provider(), DASHBOARD, REGIONAL).pseudonym("123456789012");
    assertTrue(token.matches("v2\\.[A-Z2-7]{52}"), token);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1234-5678-9012",
        " 1234 5678 9012 ",
        "1234.5678/9012",
        "១២៣៤៥៦៧៨៩០១២", // Khmer
        "໑໒໓໔໕໖໗໘໙໐໑໒", // Lao
        "๑๒๓๔๕๖๗๘๙๐๑๒", // Thai
        "၁၂၃၄၅၆၇၈၉၀၁၂", // Myanmar
        "１２３４５６７８９０１２" // full width
      })
  void pseudonym_formattingAndScripts_stable(String written) {
    Pseudonymiser p = Pseudonymiser.of(provider(), DASHBOARD, REGIONAL);
    assertEquals(p.pseudonym("123456789012"), p.pseudonym(written), written);
  }

  @Test
  void normalise_lettersAndSeparators_upperCasedWithoutSeparators() {
    assertEquals("KHMCMAA000123", IdentifierNormaliser.normalise("khm-cmaa 000123"));
  }

  @Test
  void pseudonym_differentVersionRecipientOrPurpose_unrelated() {
    KeyProvider keys = provider();
    String id = "KH-0012-3456";
    String v2 = Pseudonymiser.of(keys, DASHBOARD, REGIONAL).pseudonym(id);
    String v1 = Pseudonymiser.of(keys.key(DASHBOARD, REGIONAL, 1).orElseThrow()).pseudonym(id);
    String other = Pseudonymiser.of(keys, DASHBOARD, OTHER).pseudonym(id);
    assertTrue(v1.startsWith("v1."));
    assertNotEquals(v1.substring(3), v2.substring(3));
    assertNotEquals(v1.substring(3), other.substring(3));
    Purpose linkage = Purpose.of("referral_linkage");
    PseudonymKey sameBytes = PseudonymKey.of(linkage, REGIONAL, 1, secret(9));
    PseudonymKey otherBytes = PseudonymKey.of(DASHBOARD, REGIONAL, 1, secret(10));
    assertNotEquals(
        Pseudonymiser.of(sameBytes).pseudonym(id), Pseudonymiser.of(otherBytes).pseudonym(id));
  }

  @Test
  void key_under256Bits_refusedWithoutKeyMaterial() {
    byte[] shortKey = new byte[31];
    AnonymisationException e =
        assertThrows(
            AnonymisationException.class, () -> PseudonymKey.of(DASHBOARD, REGIONAL, 1, shortKey));
    assertEquals(AnonymisationException.INVALID_KEY, e.code());
    assertTrue(e.getMessage().contains("248 bits"), e.getMessage());
  }

  @Test
  void missingKey_refused_noUnkeyedFallback() {
    AnonymisationException e =
        assertThrows(
            AnonymisationException.class,
            () -> Pseudonymiser.of(InMemoryKeyProvider.empty(), DASHBOARD, REGIONAL));
    assertEquals(AnonymisationException.INVALID_KEY, e.code());
  }

  @Test
  void toStringAndMessages_neverShowKeyOrIdentifier() {
    byte[] bytes = secret(1);
    PseudonymKey key = PseudonymKey.of(DASHBOARD, REGIONAL, 1, bytes);
    String hex = HexFormat.of().formatHex(bytes);
    assertFalse(key.toString().contains(hex.substring(0, 8)), key.toString());
    assertFalse(Pseudonymiser.of(key).toString().contains(hex.substring(0, 8)));
    AnonymisationException e =
        assertThrows(AnonymisationException.class, () -> Pseudonymiser.of(key).pseudonym(" - "));
    assertEquals(AnonymisationException.INVALID_CONFIGURATION, e.code());
  }

  @Test
  void destroyedKey_cannotBeReadBack() {
    PseudonymKey key = PseudonymKey.of(DASHBOARD, REGIONAL, 1, secret(4));
    String before = Pseudonymiser.of(key).pseudonym("1");
    key.destroy();
    assertNotEquals(before, Pseudonymiser.of(key).pseudonym("1"));
  }

  /**
   * A 12-digit structured ID (2-digit province, 6-digit birth date yymmdd, 4-digit serial) has a
   * small space: a plain SHA-256 falls to enumeration, the HMAC pseudonym does not.
   */
  @Test
  void dictionaryAttack_plainSha256Falls_hmacResists() throws Exception {
    String victim = "12" + "850614" + "0042";
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    String leakedPlain =
        HexFormat.of().formatHex(sha.digest(victim.getBytes(StandardCharsets.US_ASCII)));
    String leakedToken = Pseudonymiser.of(provider(), DASHBOARD, REGIONAL).pseudonym(victim);
    // The attacker knows the structure: province 12, born in 1985, serial below 100.
    Map<String, String> dictionary = new HashMap<>();
    for (int month = 1; month <= 12; month++) {
      for (int day = 1; day <= 31; day++) {
        for (int serial = 0; serial < 100; serial++) {
          String candidate = String.format("1285%02d%02d%04d", month, day, serial);
          String hash =
              HexFormat.of().formatHex(sha.digest(candidate.getBytes(StandardCharsets.US_ASCII)));
          dictionary.put(hash, candidate);
          String token = Pseudonymiser.base32(sha.digest(candidate.getBytes()));
          dictionary.put(token, candidate);
        }
      }
    }
    assertEquals(victim, dictionary.get(leakedPlain));
    assertNull(dictionary.get(leakedToken.substring(3)));
    assertNull(dictionary.get(leakedToken));
  }
}
