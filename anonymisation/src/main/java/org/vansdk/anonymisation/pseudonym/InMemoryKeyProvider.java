package org.vansdk.anonymisation.pseudonym;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.vansdk.anonymisation.AnonymisationException;

/**
 * A {@link KeyProvider} holding keys in memory, for tests and for embedding applications that load
 * keys from their own vault at start-up. Thread-safe.
 *
 * @since 1.0
 */
public final class InMemoryKeyProvider implements KeyProvider {
  private final Map<String, PseudonymKey> keys = new ConcurrentHashMap<>();
  private final Map<String, Integer> current = new ConcurrentHashMap<>();

  private InMemoryKeyProvider() {}

  /**
   * Creates an empty provider.
   *
   * @return a provider with no keys
   */
  public static InMemoryKeyProvider empty() {
    return new InMemoryKeyProvider();
  }

  /**
   * Adds a key; the highest version of a purpose and recipient becomes current.
   *
   * @param key the key
   * @return this provider
   */
  public InMemoryKeyProvider add(PseudonymKey key) {
    String scope = scope(key.purpose(), key.recipient());
    keys.put(scope + "#" + key.version(), key);
    current.merge(scope, key.version(), Math::max);
    return this;
  }

  private static String scope(Purpose purpose, Recipient recipient) {
    return purpose.code() + "/" + recipient.code();
  }

  @Override
  public PseudonymKey currentKey(Purpose purpose, Recipient recipient) {
    Integer version = current.get(scope(purpose, recipient));
    if (version == null) {
      throw new AnonymisationException(
          AnonymisationException.INVALID_KEY,
          "no pseudonym key for purpose "
              + purpose.code()
              + " and recipient "
              + recipient.code()
              + "; add one to the key provider (unkeyed hashing is not offered)");
    }
    return Objects.requireNonNull(keys.get(scope(purpose, recipient) + "#" + version));
  }

  @Override
  public Optional<PseudonymKey> key(Purpose purpose, Recipient recipient, int version) {
    return Optional.ofNullable(keys.get(scope(purpose, recipient) + "#" + version));
  }

  @Override
  public String toString() {
    return "InMemoryKeyProvider[" + keys.size() + " keys]";
  }
}
