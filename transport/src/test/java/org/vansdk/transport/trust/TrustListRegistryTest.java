package org.vansdk.transport.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vansdk.transport.trust.TrustFixtures.KHM;
import static org.vansdk.transport.trust.TrustFixtures.KHM_1;
import static org.vansdk.transport.trust.TrustFixtures.LAO;
import static org.vansdk.transport.trust.TrustFixtures.NETWORK;
import static org.vansdk.transport.trust.TrustFixtures.OPERATOR;
import static org.vansdk.transport.trust.TrustFixtures.T0;
import static org.vansdk.transport.trust.TrustFixtures.draft;
import static org.vansdk.transport.trust.TrustFixtures.pinned;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vansdk.referral.signature.KeyId;
import org.vansdk.referral.signature.SignatureCheck;
import org.vansdk.referral.signature.SignatureVerifier;
import org.vansdk.referral.signature.SigningKey;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class TrustListRegistryTest {

  @TempDir Path dir;

  private final TrustListRegistry registry = TrustListRegistry.of(pinned(), NETWORK);
  private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);

  private static TrustList v1() {
    return draft().signedBy(OPERATOR);
  }

  private static TrustList v2() {
    return v1().withRevocation(KHM_1.keyId(), T0.plus(Duration.ofHours(1)), T0).signedBy(OPERATOR);
  }

  @Test
  void empty_knowsNoKey() {
    assertTrue(registry.find(KHM_1.keyId()).isEmpty());
    assertEquals(0, registry.version());
  }

  @Test
  void accept_newer_thenOlderRefused_heldKept() {
    assertEquals(TrustListRegistry.Acceptance.UPDATED, registry.accept(v2()));
    TrustListException e = assertThrows(TrustListException.class, () -> registry.accept(v1()));
    assertEquals(TrustErrors.OLDER_VERSION, e.code());
    assertEquals(2, registry.version());
    assertTrue(registry.find(KHM_1.keyId()).orElseThrow().revoked());
  }

  @Test
  void accept_sameVersionSameContent_unchanged_otherContent_conflict() {
    registry.accept(v1());
    assertEquals(TrustListRegistry.Acceptance.UNCHANGED, registry.accept(v1()));
    TrustList forged =
        new TrustList(NETWORK, 1, T0, v2().organisations(), List.of()).signedBy(OPERATOR);
    TrustListException e = assertThrows(TrustListException.class, () -> registry.accept(forged));
    assertEquals(TrustErrors.VERSION_CONFLICT, e.code());
  }

  @Test
  void accept_otherNetwork_orUnsigned_refused() {
    TrustList other = new TrustList("OTHER", 1, T0, List.of(), List.of()).signedBy(OPERATOR);
    assertEquals(
        TrustErrors.OTHER_NETWORK,
        assertThrows(TrustListException.class, () -> registry.accept(other)).code());
    assertEquals(
        TrustErrors.NOT_SIGNED_BY_OPERATOR,
        assertThrows(TrustListException.class, () -> registry.accept(draft())).code());
  }

  @Test
  void keys_byUse_andOrganisationsWithEndpoints() {
    SigningKey requestsOnly = TrustFixtures.key("KHM-CMAA-HTTP-1", 11);
    TrustList list =
        v1().withKey(
                KHM,
                TrustedKey.of(
                    requestsOnly.keyId(),
                    requestsOnly.rawPublicKey(),
                    T0,
                    T0.plus(Duration.ofDays(30)),
                    EnumSet.of(KeyUse.SIGN_REQUESTS)),
                T0)
            .signedBy(OPERATOR);
    registry.accept(list);
    assertTrue(registry.find(requestsOnly.keyId()).isEmpty(), "not listed for messages");
    assertTrue(registry.forRequests().find(requestsOnly.keyId()).isPresent());
    assertTrue(registry.organisation(KHM).orElseThrow().endpoint().isPresent());
    assertTrue(registry.organisation(LAO).orElseThrow().endpoint().isEmpty());
  }

  @Test
  void verifier_refusesUnknownRevokedAndExpired_acceptsBeforeRevocation() {
    registry.accept(v2());
    SignatureVerifier verifier = new SignatureVerifier(registry);
    ObjectNode doc = JsonNodeFactory.instance.objectNode().put("type", "accept");
    String sig = KHM_1.signCanonical(doc);
    String kid = KHM_1.keyId().value();
    assertEquals(SignatureCheck.VALID, verifier.verifyCanonical(KHM, kid, doc, sig, T0));
    assertEquals(
        SignatureCheck.REVOKED_KEY,
        verifier.verifyCanonical(KHM, kid, doc, sig, T0.plus(Duration.ofHours(1))));
    assertEquals(
        SignatureCheck.KEY_NOT_YET_VALID,
        verifier.verifyCanonical(KHM, kid, doc, sig, T0.minus(Duration.ofDays(2))));
    assertEquals(
        SignatureCheck.UNKNOWN_KEY, verifier.verifyCanonical(KHM, "KHM-CMAA-9", doc, sig, T0));
    assertEquals(
        SignatureCheck.KEY_OF_ANOTHER_ORGANISATION,
        verifier.verifyCanonical(LAO, kid, doc, sig, T0));
  }

  @Test
  void refresh_fromFile_keepsLastGoodList_andSaysWhy() throws IOException {
    Path file = dir.resolve("trust-list.json");
    TrustListRefresh refresh = new TrustListRefresh(TrustListSource.file(file), registry, clock);
    TrustListRefresh.Outcome missing = refresh.refresh();
    assertEquals(TrustListRefresh.Status.FAILED, missing.status());
    assertEquals(TrustErrors.UNREACHABLE, missing.code().orElseThrow());

    Files.write(file, TrustListJson.write(v2()));
    assertEquals(TrustListRefresh.Status.UPDATED, refresh.refresh().status());
    assertEquals(TrustListRefresh.Status.UNCHANGED, refresh.refresh().status());

    Files.write(file, TrustListJson.write(v1()));
    TrustListRefresh.Outcome rollback = refresh.refresh();
    assertEquals(TrustListRefresh.Status.FAILED, rollback.status());
    assertEquals(TrustErrors.OLDER_VERSION, rollback.code().orElseThrow());
    assertEquals(2, rollback.heldVersion());

    Files.writeString(file, "{ broken");
    assertEquals(TrustErrors.INVALID, refresh.refresh().code().orElseThrow());
    assertEquals(2, registry.version());
    assertTrue(registry.find(KHM_1.keyId()).isPresent());
    assertEquals(T0, refresh.lastOutcome().orElseThrow().at());
  }

  @Test
  void start_refreshesOnTheScheduler() throws Exception {
    Path file = dir.resolve("trust-list.json");
    Files.write(file, TrustListJson.write(v1()));
    CountDownLatch refreshed = new CountDownLatch(1);
    TrustListRegistry watched = TrustListRegistry.of(pinned(), NETWORK);
    TrustListSource counting =
        new TrustListSource() {
          @Override
          public byte[] fetch() {
            byte[] b = TrustListSource.file(file).fetch();
            refreshed.countDown();
            return b;
          }

          @Override
          public String describe() {
            return file.toString();
          }
        };
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try {
      new TrustListRefresh(counting, watched, clock).start(scheduler, Duration.ofHours(1));
      assertTrue(refreshed.await(10, TimeUnit.SECONDS), "the first refresh runs at once");
    } finally {
      scheduler.shutdown();
      assertTrue(scheduler.awaitTermination(10, TimeUnit.SECONDS));
    }
    assertEquals(1, watched.version());
    assertTrue(watched.find(KeyId.of("LAO-NRA-2026-01")).isPresent());
  }
}
