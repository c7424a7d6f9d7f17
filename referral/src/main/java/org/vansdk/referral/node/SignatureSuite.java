package org.vansdk.referral.node;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.referral.message.MessageSignature;
import org.vansdk.referral.signature.Ed25519Engine;
import org.vansdk.referral.signature.OrganisationKeyRegistry;
import org.vansdk.referral.signature.SignatureCheck;
import org.vansdk.referral.signature.SignatureVerifier;
import org.vansdk.referral.signature.SigningKey;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a node signs its messages and checks its peers': Ed25519 over RFC 8785 canonical JSON. The
 * seam exists so the package's own simulation can run thousands of seeds with a cheap stand-in; it
 * is not public API.
 */
interface SignatureSuite {

  /** Signs the content a signature covers ({@code Message#signedContent()}). */
  MessageSignature sign(ObjectNode signedContent);

  /** Checks a signature over the content it covers. */
  SignatureCheck verify(
      OrganisationId organisation, String keyId, ObjectNode signedContent, String value);

  /**
   * Ed25519 with the node's key in force when a message was created; peers' keys from the registry,
   * checked by the given engine at the message's {@code createdAt} (validity period and
   * revocation), valid signatures cached.
   */
  static SignatureSuite ed25519(
      SigningKeys keys, OrganisationKeyRegistry registry, Ed25519Engine engine) {
    SignatureVerifier verifier = SignatureVerifier.cached(registry, 10_000).withEngine(engine);
    return new SignatureSuite() {
      @Override
      public MessageSignature sign(ObjectNode signedContent) {
        SigningKey key;
        try {
          key = keys.at(Instant.parse(signedContent.path("createdAt").asString("")));
        } catch (DateTimeParseException e) {
          key = keys.current();
        }
        return new MessageSignature(key.keyId().value(), key.signCanonical(signedContent));
      }

      @Override
      public SignatureCheck verify(
          OrganisationId organisation, String keyId, ObjectNode signedContent, String value) {
        // the key must have been valid when the message says it was made (schema-checked before)
        Instant createdAt;
        try {
          createdAt = Instant.parse(signedContent.path("createdAt").asString(""));
        } catch (DateTimeParseException e) {
          return SignatureCheck.MALFORMED;
        }
        return verifier.verifyCanonical(organisation, keyId, signedContent, value, createdAt);
      }
    };
  }
}
