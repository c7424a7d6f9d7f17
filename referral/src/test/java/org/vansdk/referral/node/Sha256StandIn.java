package org.vansdk.referral.node;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.core.internal.Sha256;
import org.vansdk.referral.message.MessageSignature;
import org.vansdk.referral.signature.CanonicalJson;
import org.vansdk.referral.signature.KeyId;
import org.vansdk.referral.signature.OrganisationKeyRegistry;
import org.vansdk.referral.signature.RegisteredKey;
import org.vansdk.referral.signature.SignatureCheck;
import org.vansdk.referral.signature.SigningKey;
import tools.jackson.databind.node.ObjectNode;

/**
 * A cheap stand-in for Ed25519 used by most simulation seeds: SHA-256 over key id and canonical
 * content, key ownership checked against the same registry. It detects tampering (not forgery,
 * which the Ed25519 tests and seeds cover) and costs microseconds instead of milliseconds.
 */
final class Sha256StandIn implements SignatureSuite {
  private final SigningKey key;
  private final OrganisationKeyRegistry registry;

  Sha256StandIn(SigningKey key, OrganisationKeyRegistry registry) {
    this.key = key;
    this.registry = registry;
  }

  private static String digest(String keyId, ObjectNode content) {
    byte[] id = (keyId + "|").getBytes(StandardCharsets.UTF_8);
    byte[] body = CanonicalJson.toBytes(content);
    byte[] all = new byte[id.length + body.length];
    System.arraycopy(id, 0, all, 0, id.length);
    System.arraycopy(body, 0, all, id.length, body.length);
    return Sha256.hex(all);
  }

  @Override
  public MessageSignature sign(ObjectNode signedContent) {
    return new MessageSignature(key.keyId().value(), digest(key.keyId().value(), signedContent));
  }

  @Override
  public SignatureCheck verify(
      OrganisationId organisation, String keyId, ObjectNode signedContent, String value) {
    Optional<RegisteredKey> k = registry.find(KeyId.of(keyId));
    if (k.isEmpty()) {
      return SignatureCheck.UNKNOWN_KEY;
    }
    if (!k.get().organisation().equals(organisation)) {
      return SignatureCheck.KEY_OF_ANOTHER_ORGANISATION;
    }
    return digest(keyId, signedContent).equals(value)
        ? SignatureCheck.VALID
        : SignatureCheck.INVALID;
  }
}
