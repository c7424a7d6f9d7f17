package org.vansdk.benchmarks.referral;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.vansdk.core.consent.Consent;
import org.vansdk.core.consent.ConsentMethod;
import org.vansdk.core.consent.ConsentStatus;
import org.vansdk.core.consent.DataCategory;
import org.vansdk.core.consent.Purpose;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.id.ConsentId;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.id.PersonId;
import org.vansdk.core.id.ReferralId;
import org.vansdk.core.id.ServiceId;
import org.vansdk.core.need.Priority;
import org.vansdk.core.need.ServiceType;
import org.vansdk.core.place.CountryCode;
import org.vansdk.core.referral.Referral;
import org.vansdk.core.referral.ReferralStatus;
import org.vansdk.core.text.LocalizedText;
import org.vansdk.referral.message.Message;
import org.vansdk.referral.message.MessageCodec;
import org.vansdk.referral.message.Party;
import org.vansdk.referral.node.Decision;
import org.vansdk.referral.node.DirectoryEntry;
import org.vansdk.referral.node.InMemoryServiceDirectory;
import org.vansdk.referral.node.ReferralDraft;
import org.vansdk.referral.node.ReferralNode;
import org.vansdk.referral.node.Transmission;
import org.vansdk.referral.signature.CanonicalJson;
import org.vansdk.referral.signature.Ed25519Engine;
import org.vansdk.referral.signature.InMemoryOrganisationKeyRegistry;
import org.vansdk.referral.signature.KeyId;
import org.vansdk.referral.signature.SignatureVerifier;
import org.vansdk.referral.signature.SigningKey;
import org.vansdk.referral.store.InMemoryReferralStore;
import org.vansdk.referral.store.JdbcReferralStore;
import org.vansdk.referral.store.ReferralStore;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Messages processed per second by a receiving node: each message is a signed {@code
 * referral_request} (KHM → THA, Khmer note, identity and medical data) that the node parses, checks
 * against its JSON Schema, verifies (Ed25519), de-duplicates, sequences, turns into a new attempt
 * ({@code sent}), audits (hash chain) and answers (ack in the outbox), all committed to the store.
 * Each invocation feeds {@link #BATCH} fresh messages to a fresh node; the score is time per
 * message.
 *
 * <ul>
 *   <li>{@code verifyBatch} / {@code verifyBatchParallel}: Ed25519 verification alone of the same
 *       messages on one / {@link #THREADS} threads with the default engine (BouncyCastle), the
 *       physical bound to compare with; {@code verifyBatchJdk}: the same with the JDK's engine.
 *   <li>{@code receiveInMemoryJdk}: the receive path with the JDK's engine (the path before
 *       BouncyCastle), the anchor for the engine change.
 *   <li>{@code receiveInMemory[Parallel]}, {@code receiveH2File[Parallel]}: {@code receive} one
 *       message at a time (H2 durable: one transaction each).
 *   <li>{@code receiveH2FileGrouped[Parallel]}: {@code receiveAll} of {@code group} messages, one
 *       transaction each (group commit).
 *   <li>{@code transmitReplies}: {@code outgoing()} signing the batch's acks, the rest of the cost
 *       of answering.
 * </ul>
 *
 * <pre>
 * benchmarks/run.sh 'ReferralBenchmark' -f 1 -wi 4 -i 6
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@OperationsPerInvocation(ReferralBenchmark.BATCH)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g"})
public class ReferralBenchmark {

  /** Messages per invocation. */
  public static final int BATCH = 4000;

  /** Threads of the parallel variants: the cores of the reference machine. */
  public static final int THREADS = 2;

  static final Party KHM = new Party(OrganisationId.parse("KHM-CMAA-HQ"), "hq", CountryCode.KHM);
  static final Party THA =
      new Party(OrganisationId.parse("THA-SIRINDHORN-REHAB"), "main", CountryCode.THA);
  static final ServiceId SERVICE = ServiceId.parse("THA-SIRINDHORN-PROSTHESIS");
  static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");

  private InMemoryOrganisationKeyRegistry registry;
  private SigningKey thaKey;
  private List<byte[]> messages;
  private List<byte[]> contents;
  private List<String> signatures;
  private SignatureVerifier uncached;
  private SignatureVerifier uncachedJdk;
  private ExecutorService pool;

  static SecureRandom seeded(long seed) {
    try {
      SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
      r.setSeed(seed);
      return r;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Signs {@link #BATCH} referral requests once. */
  @Setup(Level.Trial)
  public void prepare() {
    registry = new InMemoryOrganisationKeyRegistry();
    SigningKey khmKey = SigningKey.generate(KeyId.of("KHM-CMAA-HQ-K1"), seeded(1));
    thaKey = SigningKey.generate(KeyId.of("THA-SIRINDHORN-REHAB-K1"), seeded(2));
    registry.register(KHM.organisation(), khmKey).register(THA.organisation(), thaKey);
    InMemoryServiceDirectory directory =
        new InMemoryServiceDirectory().add(new DirectoryEntry(SERVICE, THA, Duration.ofDays(14)));
    ReferralNode referrer =
        ReferralNode.builder()
            .party(KHM)
            .signingKey(khmKey)
            .keyRegistry(registry)
            .store(new InMemoryReferralStore())
            .clock(Clock.fixed(T0, ZoneOffset.UTC))
            .directory(directory)
            .random(new Random(1))
            .build();
    for (int i = 0; i < BATCH; i++) {
      Consent consent =
          Consent.builder()
              .id(ConsentId.parse("KHM-CMAA-C" + i))
              .personId(PersonId.parse("KHM-CMAA-P" + i))
              .addGrantees(THA.organisation())
              .addPurposes(Purpose.REFERRAL)
              .addDataCategories(DataCategory.IDENTITY, DataCategory.MEDICAL)
              .addCountries(CountryCode.THA)
              .givenAt(T0.minusSeconds(3600))
              .method(ConsentMethod.THUMBPRINT)
              .language("km")
              .status(ConsentStatus.ACTIVE)
              .build();
      Referral referral =
          Referral.builder()
              .id(ReferralId.parse("KHM-CMAA-R" + i))
              .personId(PersonId.parse("KHM-CMAA-P" + i))
              .addServiceTypes(ServiceType.PROSTHESIS)
              .priority(Priority.HIGH)
              .referringOrganisation(KHM.organisation())
              .createdAt(T0)
              .consentId(consent.id())
              .status(ReferralStatus.ACTIVE)
              .build();
      ObjectNode identity = JsonNodeFactory.instance.objectNode().put("name", "Survivor " + i);
      ObjectNode medical =
          JsonNodeFactory.instance.objectNode().put("amputation", "below_knee_left");
      Decision referred =
          referrer.refer(
              ReferralDraft.builder()
                  .referral(referral)
                  .attemptId(AttemptId.parse("KHM-CMAA-A" + i))
                  .targetService(SERVICE)
                  .requestedCategories(EnumSet.of(DataCategory.IDENTITY, DataCategory.MEDICAL))
                  .personalData(
                      Map.of(DataCategory.IDENTITY, identity, DataCategory.MEDICAL, medical))
                  .note(LocalizedText.of("km", "\u179f\u17bc\u1798\u1787\u17bd\u1799"))
                  .noteCategories(EnumSet.of(DataCategory.MEDICAL))
                  .build(),
              consent);
      if (!referred.done()) {
        throw new IllegalStateException(
            "benchmark set-up refused: " + referred.code() + " " + referred.message());
      }
    }
    messages = new ArrayList<>(BATCH);
    for (Transmission t : referrer.outgoing()) {
      messages.add(t.bytes());
    }
    if (messages.size() != BATCH) {
      throw new IllegalStateException("expected " + BATCH + " requests, got " + messages.size());
    }
    contents = new ArrayList<>(BATCH);
    signatures = new ArrayList<>(BATCH);
    for (byte[] wire : messages) {
      Message m = Message.fromJson(MessageCodec.parse(wire));
      contents.add(CanonicalJson.toBytes(m.signedContent()));
      signatures.add(m.signature().orElseThrow().value());
    }
    uncached = new SignatureVerifier(registry);
    uncachedJdk = uncached.withEngine(Ed25519Engine.jdk());
    pool = Executors.newFixedThreadPool(THREADS);
  }

  /** Stops the worker threads. */
  @TearDown(Level.Trial)
  public void stop() {
    pool.shutdownNow();
  }

  /** Runs {@code work(from, to)} over the batch split into {@link #THREADS} slices, in parallel. */
  private void split(Slice work) {
    List<Future<?>> parts = new ArrayList<>(THREADS);
    for (int t = 0; t < THREADS; t++) {
      int from = BATCH * t / THREADS;
      int to = BATCH * (t + 1) / THREADS;
      parts.add(pool.submit(() -> work.run(from, to)));
    }
    try {
      for (Future<?> f : parts) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** A slice of the batch. */
  @FunctionalInterface
  interface Slice {
    void run(int from, int to);
  }

  private void verifySlice(SignatureVerifier verifier, int from, int to, Blackhole bh) {
    for (int i = from; i < to; i++) {
      bh.consume(
          verifier.verify(
              KHM.organisation(), "KHM-CMAA-HQ-K1", contents.get(i), signatures.get(i)));
    }
  }

  private void receiveGroups(ReferralNode node, int group, int from, int to, Blackhole bh) {
    for (int i = from; i < to; i += group) {
      bh.consume(node.receiveAll(messages.subList(i, Math.min(to, i + group))));
    }
  }

  private void receiveSlice(ReferralNode node, int from, int to, Blackhole bh) {
    for (int i = from; i < to; i++) {
      bh.consume(node.receive(messages.get(i)));
    }
  }

  private ReferralNode node(ReferralStore store) {
    return node(store, Ed25519Engine.preferred());
  }

  private ReferralNode node(ReferralStore store, Ed25519Engine engine) {
    return ReferralNode.builder()
        .ed25519(engine)
        .party(THA)
        .signingKey(thaKey)
        .keyRegistry(registry)
        .store(store)
        .clock(Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC))
        .random(new Random(2))
        .build();
  }

  /** A fresh in-memory receiver per batch. */
  @State(Scope.Thread)
  public static class InMemory {
    ReferralNode node;

    /** Creates the node. */
    @Setup(Level.Invocation)
    public void fresh(ReferralBenchmark b) {
      node = b.node(new InMemoryReferralStore());
    }
  }

  /** A fresh in-memory receiver per batch that verifies with the JDK's engine. */
  @State(Scope.Thread)
  public static class InMemoryJdk {
    ReferralNode node;

    /** Creates the node. */
    @Setup(Level.Invocation)
    public void fresh(ReferralBenchmark b) {
      node = b.node(new InMemoryReferralStore(), Ed25519Engine.jdk());
    }
  }

  /** A fresh H2 file database per batch. */
  @State(Scope.Thread)
  public static class H2File {
    /** Messages per {@code receiveAll} call in the grouped variants (a queue poll). */
    @Param({"50", "200"})
    public int group;

    ReferralNode node;
    Path dir;

    /** Creates the database and node. */
    @Setup(Level.Invocation)
    public void fresh(ReferralBenchmark b) throws IOException {
      dir = Files.createTempDirectory("van-referral-bench");
      node = b.node(JdbcReferralStore.h2File(dir.resolve("receiver")));
    }

    /** Closes and deletes the database. */
    @TearDown(Level.Invocation)
    public void drop() throws IOException {
      node.store().close();
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
  }

  /** The whole receive path with the in-memory store; score = time per message. */
  @Benchmark
  public void receiveInMemory(InMemory state, Blackhole bh) {
    receiveSlice(state.node, 0, BATCH, bh);
  }

  /** The whole receive path with the in-memory store and the JDK's engine (the anchor). */
  @Benchmark
  public void receiveInMemoryJdk(InMemoryJdk state, Blackhole bh) {
    receiveSlice(state.node, 0, BATCH, bh);
  }

  /** The whole receive path with the H2 file store; score = time per message. */
  @Benchmark
  public void receiveH2File(H2File state, Blackhole bh) {
    receiveSlice(state.node, 0, BATCH, bh);
  }

  /** A fresh in-memory receiver that has received the batch; its outbox holds the acks. */
  @State(Scope.Thread)
  public static class Answered {
    ReferralNode node;

    /** Creates the node and receives the batch (not measured). */
    @Setup(Level.Invocation)
    public void fresh(ReferralBenchmark b) {
      node = b.node(new InMemoryReferralStore());
      for (byte[] m : b.messages) {
        node.receive(m);
      }
    }
  }

  /**
   * Transmitting the replies: {@code outgoing()} takes the batch's acks from the outbox and signs
   * each. Score = time per message; receive + transmit is the whole cost of answering a message.
   */
  @Benchmark
  public void transmitReplies(Answered state, Blackhole bh) {
    bh.consume(state.node.outgoing());
  }

  /** Ed25519 verification of every message of the batch on one thread; score = time per message. */
  @Benchmark
  public void verifyBatch(Blackhole bh) {
    verifySlice(uncached, 0, BATCH, bh);
  }

  /** As {@link #verifyBatch} with the JDK's engine: its bound. */
  @Benchmark
  public void verifyBatchJdk(Blackhole bh) {
    verifySlice(uncachedJdk, 0, BATCH, bh);
  }

  /** The same verification split over {@link #THREADS} threads: the machine's bound. */
  @Benchmark
  public void verifyBatchParallel(Blackhole bh) {
    split((from, to) -> verifySlice(uncached, from, to, bh));
  }

  /** The whole receive path, in-memory store, {@link #THREADS} threads receiving at once. */
  @Benchmark
  public void receiveInMemoryParallel(InMemory state, Blackhole bh) {
    split((from, to) -> receiveSlice(state.node, from, to, bh));
  }

  /** The whole receive path, H2 file store, {@link #THREADS} threads receiving at once. */
  @Benchmark
  public void receiveH2FileParallel(H2File state, Blackhole bh) {
    split((from, to) -> receiveSlice(state.node, from, to, bh));
  }

  /**
   * The whole receive path, H2 file store, {@code group} messages per {@code receiveAll} (one
   * transaction each), one thread.
   */
  @Benchmark
  public void receiveH2FileGrouped(H2File state, Blackhole bh) {
    receiveGroups(state.node, state.group, 0, BATCH, bh);
  }

  /** As {@link #receiveH2FileGrouped}, with {@link #THREADS} threads receiving at once. */
  @Benchmark
  public void receiveH2FileGroupedParallel(H2File state, Blackhole bh) {
    split((from, to) -> receiveGroups(state.node, state.group, from, to, bh));
  }
}
