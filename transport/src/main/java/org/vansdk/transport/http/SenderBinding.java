package org.vansdk.transport.http;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.vansdk.core.id.OrganisationId;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Binds the two layers of authentication: when a client presented a certificate over mutual TLS, it
 * names an organisation, and every message the request carries must be sent by that organisation
 * (the node then checks the message's signature by that sender's key). A request without a client
 * certificate is left to the message signatures alone.
 */
final class SenderBinding {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final Function<X509Certificate, Optional<OrganisationId>> organisations;

  SenderBinding(Function<X509Certificate, Optional<OrganisationId>> organisations) {
    this.organisations = organisations;
  }

  /** The refusal of the request, or null if its messages may go to the node. */
  @Nullable EndpointResponse check(EndpointRequest request, List<byte[]> messages) {
    if (request.clientCertificates().isEmpty()) {
      return null;
    }
    Optional<OrganisationId> client = organisations.apply(request.clientCertificates().get(0));
    if (client.isEmpty()) {
      return Problem.response(
          403,
          TransportErrors.CLIENT_NOT_LISTED,
          "the client certificate names no organisation of the network's trust list");
    }
    for (byte[] message : messages) {
      Optional<String> sender = sender(message);
      if (sender.isPresent() && !sender.get().equals(client.get().value())) {
        return Problem.response(
            403,
            TransportErrors.SENDER_NOT_CLIENT,
            "a message's sender is not the organisation of the client certificate ("
                + client.get().value()
                + ")");
      }
    }
    return null;
  }

  /**
   * The sender organisation a message claims (its signature covers it), or empty if the bytes do
   * not say: the node refuses such a message on its own.
   */
  private static Optional<String> sender(byte[] message) {
    try {
      JsonNode organisation = MAPPER.readTree(message).path("sender").path("organisation");
      return organisation.isString() ? Optional.of(organisation.stringValue()) : Optional.empty();
    } catch (JacksonException e) {
      return Optional.empty();
    }
  }
}
