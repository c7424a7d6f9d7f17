package org.vansdk.referral.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vansdk.core.consent.Consent;
import org.vansdk.core.consent.DataCategory;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.id.ReferralId;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.referral.AttemptStateTable;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.Referral;
import org.vansdk.referral.audit.AuditEntry;
import org.vansdk.referral.message.AckStatus;
import org.vansdk.referral.message.Party;
import org.vansdk.referral.store.AttemptRecord;
import org.vansdk.referral.store.InMemoryReferralStore;
import org.vansdk.referral.store.StatusEntry;
import org.vansdk.testkit.junit.Seeds;

/**
 * Many threads deliver to one receiving node, at once and in a seeded shuffle, the messages of
 * three referring organisations (referrals, some followed by a cancellation, every reliable message
 * sent again after the retry interval, and some wires delivered twice), one by one and in small
 * batches. The node must end as a node that received each message once, in order: the same attempt
 * states and histories, the same audit log, every transition legal under the state table, nothing
 * still held, every message recorded as processed, and every audit chain valid. Uses the node's
 * public API only; no sleeps (threads start together on a latch and are joined).
 */
class ReferralNodeConcurrencyTest {
  private static final List<Party> SENDERS =
      List.of(TestWorld.KHM_CMAA, TestWorld.KHM_HI, TestWorld.KHM_PRC);
  private static final int THREADS = 4;

  /** What the senders put on the wire for the receiver, in send order, and resent copies. */
  private record Traffic(List<byte[]> firsts, List<byte[]> all, List<AttemptId> attempts) {}

  @TestFactory
  Stream<DynamicTest> concurrentReceive_endsAsIfEachMessageArrivedOnceInOrder() {
    return Seeds.dynamicTests("concurrent receive", 12, this::check);
  }

  private void check(long seed) throws InterruptedException {
    Random r = new Random(seed);
    TestWorld world = new TestWorld(seed);
    Traffic traffic = traffic(world, r);
    ReferralNode concurrent =
        receiver(world, seed, 1); // receives the shuffled, duplicated traffic from many threads
    ReferralNode sequential = receiver(world, seed, 2); // receives each message once, in order

    for (byte[] wire : traffic.firsts()) {
      assertEquals(AckStatus.OK, sequential.receive(wire).status(), "sequential reference");
    }

    List<byte[]> shuffled = new ArrayList<>(traffic.all());
    Collections.shuffle(shuffled, r);
    List<List<byte[]>> perThread = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      perThread.add(new ArrayList<>());
    }
    for (int i = 0; i < shuffled.size(); i++) {
      perThread.get(r.nextInt(THREADS)).add(shuffled.get(i));
    }
    long batchSeed = r.nextLong();
    ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      List<byte[]> mine = perThread.get(t);
      Random batches = new Random(batchSeed + t);
      Thread thread =
          new Thread(
              () -> {
                try {
                  start.await();
                  for (int i = 0; i < mine.size(); ) {
                    int n = Math.min(mine.size() - i, 1 + batches.nextInt(3));
                    List<Receipt> receipts =
                        n == 1
                            ? List.of(concurrent.receive(mine.get(i)))
                            : concurrent.receiveAll(mine.subList(i, i + n));
                    for (Receipt receipt : receipts) {
                      if (receipt.status() == AckStatus.FATAL_ERROR) {
                        problems.add("refused: " + receipt);
                      }
                    }
                    i += n;
                  }
                } catch (Throwable e) {
                  problems.add("thrown: " + e);
                }
              },
              "receiver-" + t);
      threads.add(thread);
      thread.start();
    }
    start.countDown();
    for (Thread thread : threads) {
      thread.join();
    }

    assertEquals(List.of(), List.copyOf(problems), "receipts");
    assertEquals(0, concurrent.heldCount(), "messages still held");
    for (AttemptId attempt : traffic.attempts()) {
      AttemptRecord expected = sequential.attempt(attempt).orElseThrow();
      AttemptRecord actual =
          concurrent
              .attempt(attempt)
              .orElseThrow(() -> new AssertionError("attempt " + attempt + " never arrived"));
      assertEquals(expected.status(), actual.status(), attempt + " status");
      assertEquals(expected.version(), actual.version(), attempt + " version");
      assertEquals(expected.history(), actual.history(), attempt + " history");
      assertLegal(attempt, actual.history());
      ReferralId referral = actual.referralId();
      assertEquals(
          summary(sequential.audit(referral)),
          summary(concurrent.audit(referral)),
          referral + " audit");
      assertTrue(concurrent.verifyAudit(referral).valid(), referral + " audit chain");
    }
    assertEquals(
        sequential.store().referrals(), concurrent.store().referrals(), "referrals with a log");
    for (byte[] wire : traffic.firsts()) {
      String id = org.vansdk.referral.message.MessageCodec.parse(wire).get("messageId").asString();
      assertTrue(concurrent.store().processed(id).isPresent(), "message " + id + " processed");
    }
  }

  /**
   * Each sender refers 2 to 4 survivors to the Thai rehabilitation centre and cancels some; every
   * reliable message is then sent again after the retry interval, with a new transmission id.
   */
  private static Traffic traffic(TestWorld world, Random r) {
    List<byte[]> firsts = new ArrayList<>();
    List<byte[]> all = new ArrayList<>();
    List<AttemptId> attempts = new ArrayList<>();
    List<ReferralNode> senders = new ArrayList<>();
    for (Party sender : SENDERS) {
      ReferralNode node = world.add(sender);
      senders.add(node);
      int count = 2 + r.nextInt(3);
      for (int i = 1; i <= count; i++) {
        String local = Integer.toString(i);
        Referral referral = TestWorld.referral(sender, local, local);
        AttemptId attempt = TestWorld.attempt(sender, local);
        Consent consent =
            TestWorld.consent(
                sender,
                local,
                Set.of(TestWorld.THA_REHAB.organisation()),
                EnumSet.of(DataCategory.IDENTITY, DataCategory.MEDICAL),
                Set.of(CountryCode.THA, CountryCode.KHM));
        Decision d =
            node.refer(
                TestWorld.draft(
                    referral,
                    attempt,
                    TestWorld.THA_PROSTHESIS,
                    EnumSet.of(DataCategory.IDENTITY, DataCategory.MEDICAL)),
                consent);
        assertTrue(d.done(), d.message());
        if (r.nextInt(3) == 0) {
          assertTrue(node.cancel(attempt).done(), "cancel " + attempt);
        }
        attempts.add(attempt);
      }
      for (Transmission t : node.outgoing()) {
        firsts.add(t.bytes());
        all.add(t.bytes());
        if (r.nextInt(4) == 0) {
          all.add(t.bytes()); // the same wire twice, as a proxy might
        }
      }
    }
    world.clock.advance(Duration.ofMinutes(1));
    for (ReferralNode node : senders) {
      List<Transmission> resent = node.outgoing();
      assertNotEquals(0, resent.size(), "unacknowledged messages are resent");
      resent.forEach(t -> all.add(t.bytes()));
    }
    return new Traffic(firsts, all, attempts);
  }

  private static ReferralNode receiver(TestWorld world, long seed, int instance) {
    return ReferralNode.builder()
        .party(TestWorld.THA_REHAB)
        .signingKey(world.key(TestWorld.THA_REHAB))
        .keyRegistry(world.registry)
        .store(new InMemoryReferralStore())
        .clock(world.clock)
        .directory(world.directory)
        .random(new Random(seed * 7 + instance))
        .build();
  }

  /**
   * Every step of the history is a row of the state table for the party that took it. A receiver's
   * history starts at {@code sent}: the draft before it stays with the referrer.
   */
  private static void assertLegal(AttemptId attempt, List<StatusEntry> history) {
    Optional<AttemptStatus> state =
        !history.isEmpty() && history.get(0).to() == AttemptStatus.SENT
            ? Optional.of(AttemptStatus.DRAFT)
            : Optional.empty();
    for (StatusEntry e : history) {
      assertTrue(
          AttemptStateTable.find(state, e.to(), e.by()).isPresent(),
          attempt
              + ": "
              + state.map(AttemptStatus::code).orElse("(new)")
              + " -> "
              + e.to().code()
              + " by "
              + e.by().code()
              + " is not in the state table");
      state = Optional.of(e.to());
    }
  }

  /** The audit log without hashes and times: what happened, in order. */
  private static List<String> summary(List<AuditEntry> log) {
    Set<String> out = new LinkedHashSet<>();
    List<String> ordered = new ArrayList<>();
    for (AuditEntry e : log) {
      String line =
          e.sequence()
              + " "
              + e.action().code()
              + " "
              + e.attemptId().orElse("-")
              + " "
              + e.fromStatus().orElse("-")
              + ">"
              + e.toStatus().orElse("-")
              + " "
              + e.messageId().orElse("-");
      out.add(line);
      ordered.add(line);
    }
    assertEquals(ordered.size(), out.size(), "an audit entry repeats");
    return ordered;
  }
}
