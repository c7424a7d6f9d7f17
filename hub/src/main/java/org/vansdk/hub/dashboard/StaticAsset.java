package org.vansdk.hub.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vansdk.transport.http.EndpointResponse;

/**
 * A file the dashboard serves from the class path, read once: its bytes, media type, cache policy
 * and a strong entity tag (SHA-256 of the bytes), so that a browser revalidates with {@code
 * If-None-Match} and gets {@code 304} when nothing changed. Immutable.
 */
final class StaticAsset {
  private final byte[] bytes;
  private final String contentType;
  private final String cacheControl;
  private final String etag;

  private StaticAsset(byte[] bytes, String contentType, String cacheControl) {
    this.bytes = bytes;
    this.contentType = contentType;
    this.cacheControl = cacheControl;
    this.etag = "\"" + sha256(bytes) + "\"";
  }

  /**
   * Reads an asset from the class path.
   *
   * @throws IllegalStateException if it is missing (a packaging error)
   */
  static StaticAsset load(String resource, String contentType, String cacheControl) {
    try (InputStream in = StaticAsset.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the dashboard's resource is missing: " + resource);
      }
      return new StaticAsset(in.readAllBytes(), contentType, cacheControl);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the dashboard's resource " + resource, e);
    }
  }

  /** An asset made by the hub. */
  static StaticAsset of(byte[] bytes, String contentType, String cacheControl) {
    return new StaticAsset(bytes.clone(), contentType, cacheControl);
  }

  /** The answer: the bytes, or {@code 304} if the browser's copy has this entity tag. */
  EndpointResponse answer(String ifNoneMatch, Map<String, String> securityHeaders) {
    Map<String, String> headers = new LinkedHashMap<>(securityHeaders);
    headers.put("Cache-Control", cacheControl);
    headers.put("ETag", etag);
    if (matches(ifNoneMatch)) {
      return new EndpointResponse(304, headers, new byte[0]);
    }
    headers.put("Content-Type", contentType);
    return new EndpointResponse(200, headers, bytes);
  }

  private boolean matches(String ifNoneMatch) {
    for (String tag : ifNoneMatch.split(",")) {
      String t = tag.strip();
      if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
        return true;
      }
    }
    return false;
  }

  /** The entity tag, quoted. */
  String etag() {
    return etag;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
