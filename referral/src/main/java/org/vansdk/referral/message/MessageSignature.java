package org.vansdk.referral.message;

/**
 * The detached signature of a message: Ed25519 over the RFC 8785 canonical JSON of the whole
 * message without its {@code signature} and {@code transmissionId} members (see {@link
 * Message#signedContent()}).
 *
 * @param keyId the signing key's id, resolved through the organisation key registry
 * @param value the signature, base64url without padding
 * @since 1.0
 */
public record MessageSignature(String keyId, String value) {

  /** The only algorithm used. */
  public static final String ALGORITHM = "Ed25519";
}
