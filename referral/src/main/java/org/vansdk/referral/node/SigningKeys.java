package org.vansdk.referral.node;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vansdk.referral.signature.SigningKey;

/**
 * The keys a node signs with, each in force from the instant it took over (key rotation without a
 * restart). A message is signed with the key in force when it was created, so a resend of a message
 * made before a rotation carries the same signature as before, under a key its receiver judged
 * valid at the message's {@code createdAt}; messages made after the rotation use the new key.
 * Thread-safe: readers see an immutable list, replaced on rotation.
 */
final class SigningKeys {

  private record Era(Instant from, SigningKey key) {}

  private volatile List<Era> eras;

  SigningKeys(SigningKey first) {
    this.eras = List.of(new Era(Instant.MIN, first));
  }

  /** The key new messages are signed with. */
  SigningKey current() {
    List<Era> e = eras;
    return e.get(e.size() - 1).key();
  }

  /** The key in force at the instant a message was created. */
  SigningKey at(Instant createdAt) {
    List<Era> e = eras;
    for (int i = e.size() - 1; i > 0; i--) {
      if (!createdAt.isBefore(e.get(i).from())) {
        return e.get(i).key();
      }
    }
    return e.get(0).key();
  }

  /**
   * Makes {@code next} the key of messages created from {@code from} on.
   *
   * @return false if it is the current key already (nothing changed)
   * @throws IllegalArgumentException if another key has the current key's id, or {@code from} is
   *     before the current key took over
   */
  synchronized boolean rotate(SigningKey next, Instant from) {
    SigningKey current = current();
    if (next.keyId().equals(current.keyId())) {
      if (Arrays.equals(next.rawPublicKey(), current.rawPublicKey())) {
        return false;
      }
      throw new IllegalArgumentException(
          "key " + next.keyId() + " is already in use with another public key; give it a new id");
    }
    Era last = eras.get(eras.size() - 1);
    if (from.isBefore(last.from())) {
      throw new IllegalArgumentException(
          "a rotation at " + from + " is before the current key took over at " + last.from());
    }
    List<Era> more = new ArrayList<>(eras);
    more.add(new Era(from, next));
    eras = List.copyOf(more);
    return true;
  }
}
