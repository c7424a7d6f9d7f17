package org.vansdk.referral.signature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Both Ed25519 engines against the RFC 8032 and Wycheproof vectors, and against each other. */
class Ed25519EngineTest {

  private static final HexFormat HEX = HexFormat.of();

  static Stream<Ed25519Engine> engines() {
    return Stream.of(Ed25519Engine.jdk(), Ed25519Engine.bouncyCastle());
  }

  /** RFC 8032 §7.1: TEST 1, 2, 3 and SHA(abc) (secret key, public key, message, signature). */
  private static final String[][] RFC8032 = {
    {
      "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
      "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
      "",
      "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
          + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
    },
    {
      "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
      "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
      "72",
      "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
          + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"
    },
    {
      "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
      "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
      "af82",
      "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac"
          + "18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"
    },
    {
      "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42",
      "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf",
      "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
          + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
      "dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b589"
          + "09351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704"
    },
  };

  @ParameterizedTest
  @MethodSource("engines")
  void rfc8032_vectors_publicKeySignatureAndVerdict(Ed25519Engine engine) {
    for (String[] vector : RFC8032) {
      byte[] secret = HEX.parseHex(vector[0]);
      byte[] expectedPublic = HEX.parseHex(vector[1]);
      byte[] message = HEX.parseHex(vector[2]);
      byte[] expectedSignature = HEX.parseHex(vector[3]);
      String where = engine.name() + " on the vector with key " + vector[1];
      assertArrayEquals(expectedPublic, engine.publicKey(secret), where);
      assertArrayEquals(expectedSignature, engine.sign(secret, message), where);
      assertTrue(engine.verify(expectedPublic, message, expectedSignature), where);
      byte[] tampered = expectedSignature.clone();
      tampered[5] ^= 1;
      assertFalse(engine.verify(expectedPublic, message, tampered), where);
    }
  }

  @TestFactory
  Stream<DynamicTest> wycheproof_everyVector_expectedVerdictOnBothEngines() throws Exception {
    Optional<Path> folder = Conformance.folder("ed25519");
    assumeTrue(folder.isPresent(), Conformance.missing("ed25519"));
    JsonNode suite =
        JsonMapper.builder()
            .build()
            .readTree(folder.get().resolve("testvectors_v1/ed25519_test.json").toFile());
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode group : suite.get("testGroups")) {
      byte[] publicKey = HEX.parseHex(group.get("publicKey").get("pk").asString());
      for (JsonNode test : group.get("tests")) {
        byte[] message = HEX.parseHex(test.get("msg").asString());
        byte[] signature = HEX.parseHex(test.get("sig").asString());
        boolean expected = "valid".equals(test.get("result").asString());
        int id = test.get("tcId").asInt();
        engines()
            .forEach(
                engine ->
                    tests.add(
                        DynamicTest.dynamicTest(
                            engine.name() + " tcId " + id,
                            () ->
                                assertEquals(
                                    expected,
                                    engine.verify(publicKey, message, signature),
                                    "Wycheproof tcId " + id + " " + test.get("flags")))));
      }
    }
    assertEquals(151 * 2, tests.size(), "Wycheproof Ed25519 has 151 tests");
    return tests.stream();
  }

  @Test
  void engines_signIdenticallyAndVerifyEachOther() {
    long seed = 20261206L;
    Random random = new Random(seed);
    Ed25519Engine jdk = Ed25519Engine.jdk();
    Ed25519Engine bc = Ed25519Engine.bouncyCastle();
    for (int i = 0; i < 200; i++) {
      byte[] secret = new byte[32];
      random.nextBytes(secret);
      byte[] message = new byte[random.nextInt(300)];
      random.nextBytes(message);
      String where = "seed " + seed + ", case " + i;
      byte[] publicKey = jdk.publicKey(secret);
      assertArrayEquals(publicKey, bc.publicKey(secret), where);
      byte[] byJdk = jdk.sign(secret, message);
      byte[] byBc = bc.sign(secret, message);
      assertArrayEquals(byJdk, byBc, where);
      assertTrue(bc.verify(publicKey, message, byJdk), where);
      assertTrue(jdk.verify(publicKey, message, byBc), where);
      if (message.length > 0) {
        message[random.nextInt(message.length)] ^= 0x10;
        assertFalse(jdk.verify(publicKey, message, byBc), where);
        assertFalse(bc.verify(publicKey, message, byJdk), where);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("engines")
  void verify_malformedInput_answersFalseWithoutThrowing(Ed25519Engine engine) {
    byte[] secret = new byte[32];
    byte[] publicKey = engine.publicKey(secret);
    byte[] signature = engine.sign(secret, new byte[] {1});
    assertFalse(engine.verify(new byte[31], new byte[] {1}, signature));
    assertFalse(engine.verify(publicKey, new byte[] {1}, new byte[63]));
    byte[] notAPoint = new byte[32];
    notAPoint[0] = 2; // y = 2 has no x on the curve
    assertFalse(engine.verify(notAPoint, new byte[] {1}, signature));
    assertThrows(IllegalArgumentException.class, () -> engine.sign(new byte[16], new byte[0]));
  }

  @Test
  void preferred_isBouncyCastleWhenOnTheClassPath() {
    assertEquals("bouncycastle", Ed25519Engine.preferred().name());
  }

  @Test
  void signingKeyGenerate_drawsTheSameKeyAsTheJdksGenerator() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
    generator.initialize(255, seeded(7));
    byte[] expected = JdkEd25519.rawPublicKey(generator.generateKeyPair().getPublic());
    SigningKey key = SigningKey.generate(KeyId.of("KHM-CMAA-k1"), seeded(7));
    assertArrayEquals(expected, key.rawPublicKey());
    assertArrayEquals(expected, JdkEd25519.rawPublicKey(key.publicKey()));
  }

  private static SecureRandom seeded(long seed) throws Exception {
    SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
    random.setSeed(seed);
    return random;
  }
}
