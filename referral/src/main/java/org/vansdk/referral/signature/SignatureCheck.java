package org.vansdk.referral.signature;

/**
 * The result of checking a detached signature; only {@link #VALID} lets a message through.
 *
 * @since 1.0
 */
public enum SignatureCheck {
  /** The signature verifies with a current key of the claimed organisation. */
  VALID("signature valid"),
  /** The message carries no signature. */
  MISSING("message is not signed; every message must carry an Ed25519 signature"),
  /** The signature or key id is not in the expected form. */
  MALFORMED("signature is not base64url Ed25519 with a key id"),
  /** No key is registered under the key id. */
  UNKNOWN_KEY("key id is not in the organisation key registry"),
  /** The key belongs to an organisation other than the claimed sender. */
  KEY_OF_ANOTHER_ORGANISATION("key id belongs to another organisation than the sender"),
  /** The key was revoked at or before the time the content says it was signed. */
  REVOKED_KEY("key was revoked at or before the message's signing time"),
  /** The content says it was signed before the key's validity period began. */
  KEY_NOT_YET_VALID("key was not yet valid at the message's signing time (clock skew allowed)"),
  /** The content says it was signed after the key's validity period ended. */
  KEY_EXPIRED("key had expired at the message's signing time (clock skew allowed)"),
  /** The signature does not verify: the message was altered or signed with another key. */
  INVALID("signature does not verify over the canonical message");

  private final String description;

  SignatureCheck(String description) {
    this.description = description;
  }

  /** True only for {@link #VALID}. */
  public boolean isValid() {
    return this == VALID;
  }

  /** An English sentence saying what was found; contains no message content. */
  public String description() {
    return description;
  }
}
