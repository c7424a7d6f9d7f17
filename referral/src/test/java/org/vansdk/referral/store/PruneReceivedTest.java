package org.vansdk.referral.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.ReferralId;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.Role;
import org.vansdk.referral.message.Envelope;
import org.vansdk.referral.message.Message;
import org.vansdk.referral.message.MessageType;
import org.vansdk.referral.message.Party;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Received-message records are pruned by age (in memory, H2, PostgreSQL): processed records made
 * before the cut-off go; sequence counters go only for attempts the store does not hold.
 */
class PruneReceivedTest {

  @TempDir static Path dir;

  private static final Party KHM =
      new Party(OrganisationId.parse("KHM-CMAA-HQ"), "hq", CountryCode.parse("KHM"));
  private static final Party THA =
      new Party(OrganisationId.parse("THA-SIRINDHORN-REHAB"), "main", CountryCode.parse("THA"));
  private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
  private static final AttemptId KNOWN = AttemptId.parse("KHM-CMAA-A-1");
  private static final AttemptId UNKNOWN = AttemptId.parse("KHM-CMAA-A-9");

  static Stream<Arguments> stores() {
    return Stream.of(
        Arguments.of("in-memory", (Supplier<ReferralStore>) InMemoryReferralStore::new),
        Arguments.of(
            "h2",
            (Supplier<ReferralStore>)
                () -> JdbcReferralStore.h2File(dir.resolve("prune-" + System.nanoTime()))),
        Arguments.of("postgresql", StoreFixtures.freshPostgres(TestPostgres.url())));
  }

  private static Message ack(String id, AttemptId attempt) {
    return Message.of(
        Envelope.builder()
            .messageId(id)
            .transmissionId(id + "-t")
            .type(MessageType.ACK)
            .correlationId(ReferralId.parse("KHM-CMAA-R-1"))
            .attemptId(attempt)
            .causationId("in-" + id)
            .sender(THA)
            .receiver(KHM)
            .createdAt(T0)
            .senderSeq(0)
            .baseVersion(1)
            .build(),
        JsonNodeFactory.instance.objectNode().put("status", "ok").put("code", "VAN-R-0019"));
  }

  private static Change received(AttemptId attempt, String id, Instant at) {
    return Change.builder()
        .at(at)
        .processed(new ProcessedMessage("in-" + id, "a".repeat(64), ack(id, attempt)))
        .addSequences(new InboundSequence(attempt, KHM.senderKey(), 2))
        .build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void pruneReceived_removesOldRecordsKeepsCountersOfHeldAttempts(
      String name, Supplier<ReferralStore> factory) {
    try (ReferralStore store = factory.get()) {
      store.commit(
          Change.builder()
              .addAttempts(
                  AttemptRecord.builder()
                      .attemptId(KNOWN)
                      .referralId(ReferralId.parse("KHM-CMAA-R-1"))
                      .side(Role.RECEIVER)
                      .referrer(KHM)
                      .receiver(THA)
                      .status(AttemptStatus.SENT)
                      .version(1)
                      .createdAt(T0)
                      .build())
              .build());
      store.commit(received(KNOWN, "1", T0));
      store.commit(received(UNKNOWN, "2", T0));
      store.commit(received(KNOWN, "3", T0.plus(Duration.ofDays(40))));

      int removed = store.pruneReceived(T0.plus(Duration.ofDays(30)));

      assertEquals(3, removed, name + ": two old processed records and one counter");
      assertTrue(store.processed(KHM.organisation(), "in-1").isEmpty(), name);
      assertTrue(store.processed(KHM.organisation(), "in-2").isEmpty(), name);
      assertTrue(store.processed(KHM.organisation(), "in-3").isPresent(), name + ": recent kept");
      assertEquals(2, store.nextInboundSequence(KNOWN, KHM.senderKey()), name + ": held attempt");
      assertEquals(1, store.nextInboundSequence(UNKNOWN, KHM.senderKey()), name + ": unknown");
    }
  }
}
