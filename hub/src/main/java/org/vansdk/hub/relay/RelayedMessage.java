package org.vansdk.hub.relay;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.hub.HubErrors;
import org.vansdk.hub.web.HubException;
import org.vansdk.referral.message.Message;
import org.vansdk.referral.message.MessageCodec;
import org.vansdk.referral.message.MessageSignature;
import org.vansdk.referral.signature.SignatureCheck;
import org.vansdk.referral.signature.SignatureVerifier;
import org.vansdk.transport.trust.TrustList;
import org.vansdk.transport.trust.TrustedOrganisation;
import tools.jackson.databind.JsonNode;

/**
 * A signed referral message the relay accepted: the bytes exactly as received, and the envelope's
 * identifiers the relay needs (sender, receiver, message id). The payload is read only to check its
 * hash; nothing of it is kept apart from the bytes. Immutable.
 */
record RelayedMessage(
    OrganisationId sender,
    OrganisationId recipient,
    String messageId,
    String sha256,
    byte[] bytes,
    Optional<TrustedOrganisation> recipientListing) {

  /**
   * Reads and checks a message: strict JSON within the protocol's size limit, a readable envelope,
   * a payload matching its hash, a signature by one of the sender's keys valid at {@code
   * createdAt}, and a receiver listed in the trust list.
   *
   * @throws HubException 400 {@link HubErrors#MESSAGE_UNREADABLE}, {@link
   *     HubErrors#PAYLOAD_HASH_MISMATCH}; 401 {@link HubErrors#MESSAGE_SIGNATURE_REFUSED}; 422
   *     {@link HubErrors#UNKNOWN_RECIPIENT}
   */
  static RelayedMessage check(byte[] bytes, SignatureVerifier verifier, TrustList list) {
    JsonNode wire;
    Message message;
    try {
      wire = MessageCodec.parse(bytes);
      message = Message.fromJson(wire);
    } catch (RuntimeException e) {
      // the parser's messages name a location or a member, never content; keep only our own text
      throw new HubException(
          400, HubErrors.MESSAGE_UNREADABLE, "the body is not a readable signed referral message");
    }
    if (!Message.payloadHash(message.payload()).equals(message.payloadSha256())) {
      throw new HubException(
          400,
          HubErrors.PAYLOAD_HASH_MISMATCH,
          "/payloadSha256 does not match the payload; the message was changed after signing");
    }
    OrganisationId sender = message.envelope().sender().organisation();
    Optional<MessageSignature> signature = message.signature();
    SignatureCheck check =
        signature.isEmpty()
            ? SignatureCheck.MISSING
            : verifier.verifyCanonical(
                sender,
                signature.get().keyId(),
                Message.signedContent(wire),
                signature.get().value(),
                message.envelope().createdAt());
    if (!check.isValid()) {
      throw new HubException(
          401,
          HubErrors.MESSAGE_SIGNATURE_REFUSED,
          "/signature: " + check.description() + "; the hub relays only messages it can verify");
    }
    OrganisationId recipient = message.envelope().receiver().organisation();
    Optional<TrustedOrganisation> listing = list.organisation(recipient);
    if (listing.isEmpty()) {
      throw new HubException(
          422,
          HubErrors.UNKNOWN_RECIPIENT,
          "/receiver/organisation is not an organisation of the trust list");
    }
    return new RelayedMessage(
        sender, recipient, message.envelope().messageId(), sha256(bytes), bytes.clone(), listing);
  }

  /** SHA-256 of the bytes, lower-case hex. */
  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "RelayedMessage[" + messageId + " " + sender + " -> " + recipient + "]";
  }
}
