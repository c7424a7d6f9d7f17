package org.vansdk.transport.http;

import java.util.Arrays;
import java.util.Map;

/**
 * What the endpoint answers: a status, headers and a body, for the server adapter to write.
 *
 * @param status the HTTP status
 * @param headers the headers to set (one value each)
 * @param body the body bytes
 * @since 1.0
 */
public record EndpointResponse(int status, Map<String, String> headers, byte[] body) {

  /** Copies the headers and the body. */
  public EndpointResponse {
    headers = Map.copyOf(headers);
    body = body.clone();
  }

  /** The body; a copy. */
  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EndpointResponse r
        && r.status == status
        && r.headers.equals(headers)
        && Arrays.equals(r.body, body);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * status + headers.hashCode()) + Arrays.hashCode(body);
  }

  @Override
  public String toString() {
    return "EndpointResponse[" + status + ", " + body.length + " bytes]";
  }
}
