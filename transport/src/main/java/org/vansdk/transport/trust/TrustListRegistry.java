package org.vansdk.transport.trust;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.referral.signature.KeyId;
import org.vansdk.referral.signature.OrganisationKeyRegistry;
import org.vansdk.referral.signature.RegisteredKey;

/**
 * A node's view of the network through the trust list it holds: an {@link OrganisationKeyRegistry}
 * of the keys listed for signing messages (give it to the node's builder), a second one for signing
 * HTTP requests ({@link #forRequests()}), and the organisations' endpoints. It holds the last list
 * it accepted: a list is accepted only if it is signed by a pinned operator key, is of this node's
 * network and is not older than the held one; anything else is refused and the held list kept.
 * Before the first list is accepted no key is known, so every message is refused.
 *
 * <p>Thread-safe: lookups read an immutable snapshot, replaced atomically when a list is accepted.
 */
public final class TrustListRegistry implements OrganisationKeyRegistry {

  /** What {@link #accept} did with a list it did not refuse. */
  public enum Acceptance {
    /** The list is newer than the held one (or the first) and is now held. */
    UPDATED,
    /** The list has the held version and content; nothing changed. */
    UNCHANGED
  }

  private record Snapshot(
      TrustList list, Map<KeyId, RegisteredKey> messages, Map<KeyId, RegisteredKey> requests) {}

  private final OperatorKeys operatorKeys;
  private final String network;
  private final Duration clockSkew;
  private volatile Snapshot current;

  private TrustListRegistry(OperatorKeys operatorKeys, String network, Duration clockSkew) {
    this.operatorKeys = operatorKeys;
    this.network = network;
    this.clockSkew = clockSkew;
  }

  /**
   * An empty registry for a network, with the default clock skew ({@link #DEFAULT_CLOCK_SKEW}).
   *
   * @param operatorKeys the operator keys this node pins
   * @param network the id of the network this node belongs to
   */
  public static TrustListRegistry of(OperatorKeys operatorKeys, String network) {
    return new TrustListRegistry(operatorKeys, Objects.requireNonNull(network), DEFAULT_CLOCK_SKEW);
  }

  /**
   * This registry's configuration with another clock skew (and no list held yet).
   *
   * @throws IllegalArgumentException if the skew is negative
   */
  public TrustListRegistry withClockSkew(Duration skew) {
    if (skew.isNegative()) {
      throw new IllegalArgumentException("clock skew must not be negative, was " + skew);
    }
    return new TrustListRegistry(operatorKeys, network, skew);
  }

  /**
   * Reads, verifies and, if acceptable, holds a trust list.
   *
   * @throws TrustListException if the document is not a valid trust list, is not signed by a pinned
   *     operator key, is of another network, is older than the held list or has its version with
   *     other content; the held list is kept
   */
  public Acceptance accept(byte[] document) {
    return accept(TrustListJson.read(document));
  }

  /**
   * Verifies and, if acceptable, holds a trust list.
   *
   * @throws TrustListException as {@link #accept(byte[])}
   */
  public synchronized Acceptance accept(TrustList list) {
    if (!list.network().equals(network)) {
      throw new TrustListException(
          TrustErrors.OTHER_NETWORK,
          "trust list of network " + list.network() + "; this node belongs to " + network);
    }
    operatorKeys.verify(list);
    Snapshot held = current;
    if (held != null) {
      if (list.version() < held.list().version()) {
        throw new TrustListException(
            TrustErrors.OLDER_VERSION,
            "trust list version "
                + list.version()
                + " is older than the held version "
                + held.list().version()
                + "; the held list is kept");
      }
      if (list.version() == held.list().version()) {
        if (list.sameContentAs(held.list())) {
          return Acceptance.UNCHANGED;
        }
        throw new TrustListException(
            TrustErrors.VERSION_CONFLICT,
            "trust list version "
                + list.version()
                + " differs from the held list of the same version; the held list is kept");
      }
    }
    current = snapshot(list);
    return Acceptance.UPDATED;
  }

  private static Snapshot snapshot(TrustList list) {
    Map<KeyId, RegisteredKey> messages = new HashMap<>();
    Map<KeyId, RegisteredKey> requests = new HashMap<>();
    for (TrustedOrganisation o : list.organisations()) {
      for (TrustedKey k : o.keys()) {
        RegisteredKey key = k.toRegisteredKey(o.id());
        if (k.uses().contains(KeyUse.SIGN_MESSAGES)) {
          messages.put(k.kid(), key);
        }
        if (k.uses().contains(KeyUse.SIGN_REQUESTS)) {
          requests.put(k.kid(), key);
        }
      }
    }
    return new Snapshot(list, Map.copyOf(messages), Map.copyOf(requests));
  }

  /** The held list, or empty before the first is accepted. */
  public Optional<TrustList> current() {
    Snapshot s = current;
    return s == null ? Optional.empty() : Optional.of(s.list());
  }

  /** The held version, or 0 before the first list is accepted. */
  public long version() {
    Snapshot s = current;
    return s == null ? 0 : s.list().version();
  }

  /**
   * The key listed for signing referral messages under the id (revoked or not: the verifier checks
   * its validity at the message's time), or empty if none is.
   */
  @Override
  public Optional<RegisteredKey> find(KeyId keyId) {
    Snapshot s = current;
    return s == null ? Optional.empty() : Optional.ofNullable(s.messages().get(keyId));
  }

  /** The clock skew allowed between a signer's clock and a key's validity period. */
  @Override
  public Duration clockSkew() {
    return clockSkew;
  }

  /** A registry of the keys listed for signing HTTP requests (RFC 9421), over the same list. */
  public OrganisationKeyRegistry forRequests() {
    return new OrganisationKeyRegistry() {
      @Override
      public Optional<RegisteredKey> find(KeyId keyId) {
        Snapshot s = current;
        return s == null ? Optional.empty() : Optional.ofNullable(s.requests().get(keyId));
      }

      @Override
      public Duration clockSkew() {
        return clockSkew;
      }
    };
  }

  /** The listed organisation with the id, if the held list names it. */
  public Optional<TrustedOrganisation> organisation(OrganisationId id) {
    return current().flatMap(l -> l.organisation(id));
  }
}
