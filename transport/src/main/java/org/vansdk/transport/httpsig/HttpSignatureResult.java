package org.vansdk.transport.httpsig;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.id.OrganisationId;
import org.vansdk.referral.signature.KeyId;
import org.vansdk.transport.http.EndpointResponse;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What {@link HttpSignatureVerifier#verify} found: the check, and for a valid signature the
 * organisation and key that signed. A refused request is answered with {@link #refusal()}.
 *
 * @param check the outcome
 * @param organisation the signer, when the key was resolved
 * @param keyId the key, when the key was resolved
 * @param detail a fixed English sentence saying why (for a refused key, the key check's reason);
 *     never input text
 */
public record HttpSignatureResult(
    HttpSignatureCheck check,
    Optional<OrganisationId> organisation,
    Optional<KeyId> keyId,
    String detail) {

  /** Checks that no component is null. */
  public HttpSignatureResult {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(organisation, "organisation");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(detail, "detail");
  }

  static HttpSignatureResult refused(HttpSignatureCheck check) {
    return new HttpSignatureResult(check, Optional.empty(), Optional.empty(), check.title());
  }

  /** True only for {@link HttpSignatureCheck#VALID}. */
  public boolean isValid() {
    return check == HttpSignatureCheck.VALID;
  }

  /** The stable code of a refusal, empty when valid. */
  public Optional<ErrorCode> code() {
    return Optional.ofNullable(check.code());
  }

  /**
   * The answer to a refused request: an RFC 9457 problem document with the stable code and a fixed
   * title ({@code 401}, {@code 400}, or {@code 503} with {@code Retry-After} when busy).
   *
   * @throws IllegalStateException if the signature is valid
   */
  public EndpointResponse refusal() {
    if (isValid()) {
      throw new IllegalStateException("a valid signature is not refused");
    }
    ObjectNode p = JsonNodeFactory.instance.objectNode();
    p.put("type", "urn:vansdk:error:" + check.code().value());
    p.put("title", check.title());
    p.put("status", check.status());
    p.put("code", check.code().value());
    p.put("detail", detail);
    Map<String, String> headers =
        check == HttpSignatureCheck.BUSY
            ? Map.of("Content-Type", "application/problem+json", "Retry-After", "5")
            : Map.of("Content-Type", "application/problem+json");
    return new EndpointResponse(
        check.status(), headers, p.toString().getBytes(StandardCharsets.UTF_8));
  }
}
