package org.vansdk.referral.node;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.vansdk.core.consent.Consent;
import org.vansdk.core.id.AttemptId;
import org.vansdk.core.id.ConsentId;
import org.vansdk.core.id.ReferralId;
import org.vansdk.core.referral.AttemptStatus;
import org.vansdk.core.referral.DeclineReason;
import org.vansdk.core.referral.NotCompletedReason;
import org.vansdk.core.text.LocalizedText;
import org.vansdk.referral.audit.AuditEntry;
import org.vansdk.referral.audit.AuditVerification;
import org.vansdk.referral.consent.ConsentGate;
import org.vansdk.referral.message.BusinessStatus;
import org.vansdk.referral.message.HoldReason;
import org.vansdk.referral.message.Message;
import org.vansdk.referral.message.Party;
import org.vansdk.referral.signature.Ed25519Engine;
import org.vansdk.referral.signature.KeyId;
import org.vansdk.referral.signature.OrganisationKeyRegistry;
import org.vansdk.referral.signature.SigningKey;
import org.vansdk.referral.store.AttemptRecord;
import org.vansdk.referral.store.OutboxEntry;
import org.vansdk.referral.store.ReferralStore;

/**
 * One organisation's end of the referral protocol: it refers survivors to other organisations'
 * services (referrer) and answers referrals sent to it (receiver); usually both.
 *
 * <p>Local commands ({@link #send}, {@link #accept}, {@link #cancel} …) check the attempt state
 * table and, for disclosures, the consent gate; they return a {@link Decision} and never throw for
 * a refused move. Received messages ({@link #receive}) are parsed strictly, checked against their
 * JSON Schema, their signature verified against the organisation key registry, de-duplicated by
 * sender and message id, ordered by sender sequence (gaps are held and a {@code sync_request}
 * sent), and applied per the state table; the answer goes back as an {@code ack}. Every state
 * change, its audit entries and the messages it causes are committed to the {@link ReferralStore}
 * in one change; {@link #outgoing} hands the outbox to a transport, signing each transmission.
 *
 * <p>Only the receiver moves an attempt once sent (one writer per field); the referrer mirrors the
 * moves in sender order, so both sides converge. Held out-of-order messages live in memory only:
 * after a restart the sender resends them, since they were not acknowledged.
 *
 * <p>Thread-safe: state changes are synchronised on the node; the stateless checks of {@link
 * #receive} and the signing in {@link #outgoing} run outside that lock.
 */
public final class ReferralNode {

  private final Party self;
  private final ReferralStore store;
  private final MessageFactory factory;
  private final AdmissionCheck admission;
  private final InboundSequencer inbound;
  private final OutboxPump pump;
  private final ReferrerCommands referrer;
  private final ReceiverCommands receiver;
  private final Drafts drafts;
  private final ExpirySweep expiry;
  private final OutboxOperations operations;
  private final SigningKeys keys;
  private final Duration retention;

  private ReferralNode(Builder b) {
    this.keys = new SigningKeys(b.key);
    SignatureSuite signatures =
        b.signatures != null ? b.signatures : SignatureSuite.ed25519(keys, b.registry, b.engine);
    MessageValidation validation = b.validate ? MessageSchemas.instance() : MessageValidation.NONE;
    this.self = b.party;
    this.retention = b.retention;
    this.store = b.store;
    this.factory = new MessageFactory(self, b.clock, b.random, signatures);
    this.admission = new AdmissionCheck(self, validation, signatures);
    this.pump = new OutboxPump(store, factory, b.retryAfter);
    this.inbound =
        new InboundSequencer(
            store,
            factory,
            new RemoteMoves(store, factory),
            new HeldMessages(b.maxHeldPerSender, b.maxHeld),
            new MessageClockRules(b.clockSkew, b.maxMessageAge));
    LocalMoves moves = new LocalMoves(store, factory, validation);
    this.drafts = new Drafts(store, factory, b.directory);
    this.referrer = new ReferrerCommands(store, factory, moves, b.directory, drafts);
    this.receiver = new ReceiverCommands(store, moves);
    this.expiry = new ExpirySweep(store, factory, moves);
    this.operations = new OutboxOperations(store, factory);
  }

  /** A builder; party, signing key, key registry and store are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** This node's party (organisation, system, country). */
  public Party party() {
    return self;
  }

  /** The id of the key this node signs new messages with. */
  public KeyId signingKeyId() {
    return keys.current().keyId();
  }

  /**
   * Signs with another key from now on, without a restart (key rotation): messages created from
   * this instant on (on the node's clock), acknowledgements included, are signed with {@code next};
   * messages created before keep the key they were made under, so their resends carry the same
   * signature. List {@code next} in the peers' key registries (the network's trust list) as valid
   * from before now first, and keep the old key valid while messages made under it may still be
   * resent (the overlap). After a restart the node knows only the key it is built with: a message
   * made under an older key is then signed with that one.
   *
   * @return false if {@code next} is the current key already (nothing changed)
   * @throws IllegalArgumentException if another key already has the current key's id
   */
  public boolean rotateSigningKey(SigningKey next) {
    return keys.rotate(next, factory.clock.instant());
  }

  /** The store this node writes to. */
  public ReferralStore store() {
    return store;
  }

  /** The attempt as this node knows it. */
  public Optional<AttemptRecord> attempt(AttemptId attemptId) {
    return store.attempt(attemptId);
  }

  /** The attempt's current status as this node knows it. */
  public Optional<AttemptStatus> status(AttemptId attemptId) {
    return store.attempt(attemptId).map(AttemptRecord::status);
  }

  /** A referral's audit log at this node. */
  public List<AuditEntry> audit(ReferralId referralId) {
    return store.audit(referralId);
  }

  /** Verifies a referral's audit chain at this node. */
  public AuditVerification verifyAudit(ReferralId referralId) {
    return store.verifyAudit(referralId);
  }

  /**
   * Records a draft attempt (no consent needed yet: nothing leaves the organisation).
   *
   * @return done, or refused if the attempt id is taken or the target service is not in the
   *     directory
   */
  public synchronized Decision createDraft(ReferralDraft draft) {
    return drafts.createDraft(draft);
  }

  /**
   * Sends a draft. The target must be in the directory, and the {@link ConsentGate} runs here: the
   * consent must be the survivor's own and the one the referral names, in force now (status active,
   * within its window, not withdrawn at this node), and cover the receiver (whose identifier must
   * be of the destination country), the purpose {@code referral}, every requested data category,
   * the categories the note counts as ({@link ReferralDraft#noteCategories()}) if there is a note,
   * and the destination country. Supplied categories that were not requested are held back; the
   * decision's message and the audit name them.
   *
   * @return done (the attempt is {@code sent} and the request is in the outbox), or refused (the
   *     refusal is audited and nothing is sent)
   */
  public synchronized Decision send(AttemptId attemptId, Consent consent) {
    return referrer.send(attemptId, consent);
  }

  /** Creates the draft and sends it ({@link #createDraft} then {@link #send}). */
  public synchronized Decision refer(ReferralDraft draft, Consent consent) {
    return referrer.refer(draft, consent);
  }

  /**
   * Re-refers after an attempt ended without service (declined, not completed or cancelled): a new
   * attempt for the same referral that names the one it replaces.
   *
   * @return done, or refused if the replaced attempt is unknown, not this node's, not final, or of
   *     another referral; or if the new draft is refused
   */
  public synchronized Decision reRefer(AttemptId replaced, ReferralDraft draft, Consent consent) {
    return referrer.reRefer(replaced, draft, consent);
  }

  /**
   * Cancels: the referrer sends a cancel request (the receiver confirms, or refuses if the attempt
   * already ended); the receiver may cancel only to confirm a pending request.
   */
  public synchronized Decision cancel(AttemptId attemptId) {
    return referrer.cancel(attemptId);
  }

  /**
   * Marks an attempt entered in error (only its creator, the referrer, may): personal data is
   * purged on both sides, the audit is kept.
   */
  public synchronized Decision markEnteredInError(AttemptId attemptId) {
    return referrer.markEnteredInError(attemptId);
  }

  /**
   * Records that a consent was withdrawn: every attempt sent under it gets a {@code
   * consent_withdrawn} message (the receiver cancels open attempts and purges), the local copy of
   * the disclosed data is purged, and later messages carrying personal data for these attempts are
   * refused.
   */
  public synchronized Decision withdrawConsent(ConsentId consentId) {
    return referrer.withdrawConsent(consentId);
  }

  /** Acknowledges the outcome of an ended attempt (closes the loop). */
  public synchronized Decision acknowledgeOutcome(AttemptId attemptId) {
    return referrer.acknowledgeOutcome(attemptId);
  }

  /**
   * Sends the survivor's feedback on the service of an ended attempt to the receiver (the referrer
   * closes the loop with {@link #acknowledgeOutcome} and may add this).
   *
   * @param rating 1 (poor) to 5 (very good)
   * @return done, or refused if this node is not the referrer, the attempt has not ended, or the
   *     rating is out of range
   */
  public synchronized Decision feedback(AttemptId attemptId, int rating) {
    return referrer.feedback(attemptId, rating, Optional.empty());
  }

  /** As {@link #feedback(AttemptId, int)}, with the feedback as text. */
  public synchronized Decision feedback(AttemptId attemptId, int rating, LocalizedText note) {
    return referrer.feedback(attemptId, rating, Optional.of(note));
  }

  /** Asks the other side a question about the attempt (either side). */
  public synchronized Decision requestInfo(AttemptId attemptId, LocalizedText question) {
    return referrer.requestInfo(attemptId, question);
  }

  /** Receiver: a person has looked at the referral ({@code sent → received}). */
  public synchronized Decision markReceived(AttemptId attemptId) {
    return receiver.markReceived(attemptId);
  }

  /** Receiver: accepts ({@code sent|received → accepted}). */
  public synchronized Decision accept(AttemptId attemptId) {
    return receiver.accept(attemptId);
  }

  /** Receiver: declines with a reason ({@code sent|received → declined}). */
  public synchronized Decision decline(AttemptId attemptId, DeclineReason reason) {
    return receiver.decline(attemptId, reason);
  }

  /** Receiver: service starts ({@code accepted → in_progress}), sent as an {@code update}. */
  public synchronized Decision start(AttemptId attemptId) {
    return receiver.start(attemptId);
  }

  /** Receiver: a business status without a move (appointment set, attended, no-show …). */
  public synchronized Decision update(AttemptId attemptId, BusinessStatus businessStatus) {
    return receiver.update(attemptId, businessStatus);
  }

  /**
   * Receiver: puts service on hold with a reason code ({@code accepted|in_progress → on_hold}). The
   * reason is a code, never free text: it is written to both sides' audit logs.
   */
  public synchronized Decision hold(AttemptId attemptId, HoldReason reason) {
    return receiver.hold(attemptId, reason);
  }

  /** Receiver: resumes service ({@code on_hold → in_progress}). */
  public synchronized Decision resume(AttemptId attemptId) {
    return receiver.resume(attemptId);
  }

  /**
   * Receiver: service completed, with an outcome ({@code accepted|in_progress|on_hold →
   * completed}).
   */
  public synchronized Decision complete(AttemptId attemptId, LocalizedText outcome) {
    return receiver.complete(attemptId, outcome);
  }

  /** Receiver: service not completed, with a reason. */
  public synchronized Decision notComplete(AttemptId attemptId, NotCompletedReason reason) {
    return receiver.notComplete(attemptId, reason);
  }

  /**
   * Expires what is overdue at the clock's current instant: as receiver, unanswered attempts
   * ({@code sent}, {@code received}) past their deadline are cancelled by the system and the
   * referrer told; as referrer, attempts still {@code sent} past the deadline get a cancel request
   * with reason {@code expired} (the receiver refuses it if it had already answered).
   *
   * @return how many attempts were expired or asked to expire
   */
  public synchronized int expireOverdue() {
    return expiry.expireOverdue();
  }

  /**
   * Takes what the outbox holds for the wire: acknowledgements and sync messages once, reliable
   * messages until acknowledged (again after the retry interval, or at once when the peer asks with
   * {@code sync_request}). Each transmission has a new transmission id and is signed here: the
   * outbox keeps messages unsigned, so signing (as costly as verifying) runs outside the node's
   * lock and off the receive path. Ed25519 is deterministic and the signature does not cover the
   * transmission id, so every resend of a message carries the same signature.
   */
  public List<Transmission> outgoing() {
    return pump.outgoing(this);
  }

  /**
   * Forgets received-message records older than the retention ({@link Builder#retention}, on this
   * node's clock): the processed-message records that answer a resend with its first reply, and the
   * sequence counters of attempts this node does not hold. A resend older than the retention is
   * then answered as a duplicate sequence (attempts held here keep their counters), or refused
   * again as before. Run it from a scheduler, as {@link #expireOverdue}.
   *
   * @return how many records were removed
   * @throws UnsupportedOperationException if the store cannot prune
   * @throws org.vansdk.referral.store.ReferralStoreException if the store cannot write
   */
  public synchronized int pruneReceived() {
    return store.pruneReceived(factory.clock.instant().minus(retention));
  }

  /**
   * Attempts that have not ended and whose status has not moved for {@code quietFor} (on this
   * node's clock), the longest-quiet first, with how many of this node's messages about each still
   * wait for an acknowledgement: what an operator looks at first.
   */
  public synchronized List<StuckAttempt> stuckAttempts(Duration quietFor) {
    return operations.stuckAttempts(quietFor);
  }

  /**
   * The unacknowledged messages of the outbox that are parked or were created more than {@code
   * olderThan} ago (on this node's clock), oldest first; each entry says how often it was sent.
   */
  public synchronized List<OutboxEntry> stuckOutbox(Duration olderThan) {
    return operations.stuckOutbox(olderThan);
  }

  /** Every unacknowledged (reliable) message of the outbox, oldest first. */
  public synchronized List<OutboxEntry> unacknowledged() {
    return operations.reliableOutbox();
  }

  /**
   * An operator's action on one unacknowledged message of the outbox: {@link OutboxAction#RESEND}
   * makes it due at once (parked or not); {@link OutboxAction#PARK} keeps it but never sends it
   * until it is resent (it stays parked after a restart); {@link OutboxAction#CANCEL} removes it,
   * so it is never sent again, while the attempt keeps its status (use {@link #cancel} to end it;
   * the peer holds this node's later messages about the attempt behind the missing one, so cancel a
   * message only when the peer will never take it). The action and the reason are audited on the
   * attempt's referral. A transmission already on its way may still arrive.
   *
   * @param reason a stable code or short token saying why (1 to 64 letters, digits or {@code ._:-};
   *     never free text: it goes to the audit log), e.g. {@code operator} or the error code a peer
   *     answered with
   * @return done, or refused ({@link ReferralErrors#OUTBOX_ENTRY_UNKNOWN}) if no unacknowledged
   *     message with the id waits in the outbox, or ({@link ReferralErrors#COMMAND_INVALID}) if the
   *     reason is not a code
   * @throws org.vansdk.referral.store.ReferralStoreException if the store cannot commit
   */
  public synchronized Decision outboxAction(OutboxAction action, String messageId, String reason) {
    return operations.act(action, messageId, reason);
  }

  /** How many out-of-order messages are held in memory (lost on restart; senders resend). */
  public synchronized int heldCount() {
    return inbound.heldCount();
  }

  /**
   * Receives one message from the wire and answers it (the {@code ack} goes to the outbox).
   *
   * <p>Parsing, the schema check and signature verification need no node state and run before the
   * node's lock is taken, so several threads receiving at once verify in parallel; only the state
   * change is serialised.
   *
   * @param wire the UTF-8 JSON bytes
   * @return what was done; never throws for bad input
   */
  public Receipt receive(byte[] wire) {
    Admission a = admission.admit(wire);
    synchronized (this) {
      return inbound.atomically(() -> inbound.decide(a));
    }
  }

  /**
   * Receives several messages, for example a batch taken from a queue, and answers each as {@link
   * #receive} would, in order. Their state changes are committed together (one transaction on a
   * JDBC store: group commit), which is much cheaper than one commit each; if the store fails, none
   * of them is applied (the senders resend, since none was acknowledged). Several threads may call
   * this at once: the stateless checks of their batches run in parallel.
   *
   * @param wires the UTF-8 JSON bytes of each message
   * @return what was done with each, in the same order
   * @throws org.vansdk.referral.store.ReferralStoreException if the store cannot commit
   */
  public List<Receipt> receiveAll(List<byte[]> wires) {
    List<Admission> admitted = admitAll(wires);
    synchronized (this) {
      return inbound.atomically(() -> inbound.decideAll(admitted));
    }
  }

  /**
   * Receives one message as {@link #receive} does and returns its acknowledgement, signed, instead
   * of queueing it in the outbox: what a synchronous transport (an HTTP binding) answers in its
   * response. The acknowledgement of a processed message is also kept with the message, so a sender
   * that never got this answer and resends is answered again with the same acknowledgement.
   * Messages the node sends of its own accord while receiving (sync requests, acknowledgements of
   * held messages released by this one) still go to the outbox.
   *
   * @param wire the UTF-8 JSON bytes
   * @return what was done, with the signed acknowledgement unless the bytes could not be read as a
   *     message at all; never throws for bad input
   * @throws org.vansdk.referral.store.ReferralStoreException if the store cannot commit
   */
  public Reply receiveAndReply(byte[] wire) {
    return receiveAllAndReply(List.of(wire)).get(0);
  }

  /**
   * Receives several messages as {@link #receiveAll} does (one transaction) and returns each one's
   * acknowledgement, signed, as {@link #receiveAndReply} does.
   *
   * @throws org.vansdk.referral.store.ReferralStoreException if the store cannot commit
   */
  public List<Reply> receiveAllAndReply(List<byte[]> wires) {
    List<Admission> admitted = admitAll(wires);
    Map<String, Message> replies = new HashMap<>();
    for (Admission a : admitted) {
      if (a.message != null) {
        replies.put(Work.replyKey(a.message), null);
      }
    }
    List<Receipt> receipts;
    synchronized (this) {
      receipts =
          Work.replyingDirectly(
              replies, () -> inbound.atomically(() -> inbound.decideAll(admitted)));
    }
    List<Optional<Message>> acks = new ArrayList<>(admitted.size());
    for (Admission a : admitted) {
      acks.add(
          a.message == null
              ? Optional.empty()
              : Optional.ofNullable(replies.get(Work.replyKey(a.message)))
                  .map(ack -> ack.withTransmissionId(factory.newId())));
    }
    List<Optional<Transmission>> signed =
        InParallel.map(
            acks,
            ack -> ack.map(m -> new Transmission(m.envelope().receiver(), factory.signed(m))));
    List<Reply> out = new ArrayList<>(admitted.size());
    for (int i = 0; i < admitted.size(); i++) {
      out.add(new Reply(receipts.get(i), signed.get(i)));
    }
    return out;
  }

  /** The stateless checks (parse, schema, signature) of a batch, in order, in parallel. */
  private List<Admission> admitAll(List<byte[]> wires) {
    return InParallel.map(wires, admission::admit);
  }

  /** Builds a {@link ReferralNode}. */
  public static final class Builder {
    private Party party;
    private SigningKey key;
    private OrganisationKeyRegistry registry;
    private ReferralStore store;
    private Clock clock = Clock.systemUTC();
    private ServiceDirectory directory = new InMemoryServiceDirectory();
    private Random random = new SecureRandom();
    private Duration retryAfter = Duration.ofSeconds(30);
    private boolean validate = true;
    private Duration retention = Duration.ofDays(60);
    private Duration clockSkew = Duration.ofMinutes(5);
    private Duration maxMessageAge = Duration.ofDays(30);
    private int maxHeldPerSender = 64;
    private int maxHeld = 1024;
    private SignatureSuite signatures;
    private Ed25519Engine engine = Ed25519Engine.preferred();

    private Builder() {}

    /** This node's party (required). */
    public Builder party(Party party) {
      this.party = party;
      return this;
    }

    /** The key this node signs with; its public half must be in the peers' registries. */
    public Builder signingKey(SigningKey key) {
      this.key = key;
      return this;
    }

    /** Where peers' public keys are looked up (required). */
    public Builder keyRegistry(OrganisationKeyRegistry registry) {
      this.registry = registry;
      return this;
    }

    /** Where state is kept (required). */
    public Builder store(ReferralStore store) {
      this.store = store;
      return this;
    }

    /** The clock (default: system UTC). */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** The service directory (default: empty). */
    public Builder directory(ServiceDirectory directory) {
      this.directory = directory;
      return this;
    }

    /**
     * The source of message ids (default: a {@link SecureRandom}); inject a seeded one for
     * reproducible runs, a different seed per node start.
     */
    public Builder random(Random random) {
      this.random = random;
      return this;
    }

    /**
     * How long to wait for an ack before resending (default 30 s). The next due time and the number
     * of attempts are kept in the store with each outbox entry, so they survive a restart.
     */
    public Builder retryAfter(Duration retryAfter) {
      this.retryAfter = retryAfter;
      return this;
    }

    /**
     * How long received-message records are kept before {@link #pruneReceived} forgets them
     * (default 60 days). It must exceed the {@link #maxMessageAge} plus the {@link #clockSkew}: a
     * message whose processed record is gone must be refused by its age.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder retention(Duration retention) {
      if (retention.isNegative() || retention.isZero()) {
        throw new IllegalArgumentException("retention must be positive, was " + retention);
      }
      this.retention = retention;
      return this;
    }

    /**
     * How far ahead of this node's clock a received message's {@code createdAt} may be (default 5
     * minutes); beyond, it is refused {@code transient_error} {@link ReferralErrors#CLOCK_AHEAD}
     * and nothing is applied. Deadlines ({@code respondBy}) are absolute instants set on the
     * referrer's clock and judged by each side on its own; the receiver's expiry is the move, the
     * referrer's only asks to cancel (refused if the receiver had answered), so skew cannot make
     * the sides diverge.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder clockSkew(Duration skew) {
      if (skew.isNegative()) {
        throw new IllegalArgumentException("clock skew must not be negative, was " + skew);
      }
      this.clockSkew = skew;
      return this;
    }

    /**
     * The oldest a received message may be when it is applied, by its {@code createdAt} on this
     * node's clock (default 30 days); older, it is refused for good with {@code fatal_error} {@link
     * ReferralErrors#TOO_OLD} (recorded, so the sender's later messages go on). A sender that keeps
     * resending a message longer than this loses it: keep peers' outages shorter, or raise it with
     * the {@link #retention}.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxMessageAge(Duration maxAge) {
      if (maxAge.isNegative() || maxAge.isZero()) {
        throw new IllegalArgumentException("maximum message age must be positive, was " + maxAge);
      }
      this.maxMessageAge = maxAge;
      return this;
    }

    /**
     * Bounds the out-of-order messages held in memory (default 64 per sender organisation, 1,024 in
     * all; a message is at most 1 MiB). A message beyond a bound is not held and is answered {@code
     * transient_error} {@link ReferralErrors#HELD_LIMIT}: the sender sends the missing one first
     * and resends.
     *
     * @throws IllegalArgumentException if a bound is below 1 or the total below the per-sender one
     */
    public Builder maxHeld(int perSender, int total) {
      if (perSender < 1 || total < perSender) {
        throw new IllegalArgumentException(
            "held-message bounds must be at least 1 per sender and a total at least that; were "
                + perSender
                + " per sender and "
                + total
                + " in all");
      }
      this.maxHeldPerSender = perSender;
      this.maxHeld = total;
      return this;
    }

    /**
     * Whether incoming messages are checked against the message JSON Schemas (default true;
     * benchmarks of the other steps turn it off).
     */
    public Builder validateSchemas(boolean validate) {
      this.validate = validate;
      return this;
    }

    /**
     * The engine that verifies peers' signatures (default {@link Ed25519Engine#preferred()}:
     * BouncyCastle when it is on the class path, else the JDK's).
     */
    public Builder ed25519(Ed25519Engine engine) {
      this.engine = engine;
      return this;
    }

    /** Replaces Ed25519 (package tests only: the simulation's cheap stand-in). */
    Builder signatureSuite(SignatureSuite signatures) {
      this.signatures = signatures;
      return this;
    }

    /**
     * Builds the node.
     *
     * @throws IllegalStateException if a required part is missing, or the retention does not exceed
     *     the maximum message age plus the clock skew
     */
    public ReferralNode build() {
      if (party == null || key == null || registry == null || store == null) {
        throw new IllegalStateException(
            "a referral node needs a party, a signing key, a key registry and a store");
      }
      if (retention.compareTo(maxMessageAge.plus(clockSkew)) <= 0) {
        throw new IllegalStateException(
            "the retention ("
                + retention
                + ") must exceed the maximum message age ("
                + maxMessageAge
                + ") plus the clock skew ("
                + clockSkew
                + "): a message whose processed record is pruned must be refused by its age");
      }
      return new ReferralNode(this);
    }
  }
}
