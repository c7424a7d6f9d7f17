package org.vansdk.transport.trust;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where a node fetches the trust list from: a file (copied there by the deployment) or the
 * operator's HTTPS URL. Implementations must be thread-safe.
 */
public interface TrustListSource {

  /** The largest trust list a source reads: 8 MiB. */
  int MAX_BYTES = 8 * 1024 * 1024;

  /**
   * Fetches the current document.
   *
   * @return its bytes
   * @throws TrustListException with {@link TrustErrors#UNREACHABLE} if it cannot be read or is
   *     larger than {@link #MAX_BYTES}
   */
  byte[] fetch();

  /** A human description for outcomes and logs: the path or URL. */
  String describe();

  /** A trust list read from a file. */
  static TrustListSource file(Path path) {
    Objects.requireNonNull(path, "path");
    return new TrustListSource() {
      @Override
      public byte[] fetch() {
        try (InputStream in = Files.newInputStream(path)) {
          return bounded(in, describe());
        } catch (IOException e) {
          throw new TrustListException(
              TrustErrors.UNREACHABLE,
              "cannot read the trust list " + describe() + ": " + e.getClass().getSimpleName(),
              e);
        }
      }

      @Override
      public String describe() {
        return path.toString();
      }
    };
  }

  /**
   * A trust list fetched from an HTTPS URL with the given client (its TLS context decides which
   * servers are trusted).
   *
   * @throws IllegalArgumentException if the URL is not https
   */
  static TrustListSource url(URI url, HttpClient client, Duration timeout) {
    if (!"https".equals(url.getScheme())) {
      throw new IllegalArgumentException("the trust list URL must be https: " + url);
    }
    return new TrustListSource() {
      @Override
      public byte[] fetch() {
        HttpRequest request =
            HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
          HttpResponse<InputStream> response =
              client.send(request, HttpResponse.BodyHandlers.ofInputStream());
          try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
              throw new TrustListException(
                  TrustErrors.UNREACHABLE,
                  "cannot fetch the trust list " + url + ": HTTP " + response.statusCode());
            }
            return bounded(in, url.toString());
          }
        } catch (IOException e) {
          throw new TrustListException(
              TrustErrors.UNREACHABLE,
              "cannot fetch the trust list " + url + ": " + e.getClass().getSimpleName(),
              e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new TrustListException(
              TrustErrors.UNREACHABLE, "interrupted while fetching the trust list " + url, e);
        }
      }

      @Override
      public String describe() {
        return url.toString();
      }
    };
  }

  private static byte[] bounded(InputStream in, String where) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      throw new TrustListException(
          TrustErrors.UNREACHABLE,
          "the trust list " + where + " is larger than " + MAX_BYTES + " bytes");
    }
    return bytes;
  }
}
