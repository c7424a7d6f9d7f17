package org.vansdk.transport.jdk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.vansdk.transport.http.EndpointRequest;
import org.vansdk.transport.http.EndpointResponse;
import org.vansdk.transport.http.HttpEndpoint;

/**
 * Serves a {@link HttpEndpoint} (such as a {@link org.vansdk.transport.http.MessageEndpoint}) on
 * the JDK's HTTP server, over HTTPS when given an {@link SSLContext} (optionally requiring a client
 * certificate: mutual TLS). The JDK server's only limit on slow clients is the JVM-wide system
 * property {@code sun.net.httpserver.maxReqTime} (seconds); a deployment facing the internet should
 * prefer the Jetty binding, which bounds each request. Thread-safe; {@link #close()} stops
 * accepting and waits briefly for requests in flight.
 *
 * @since 1.0
 */
public final class JdkHttpServerBinding implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService threads;

  private JdkHttpServerBinding(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  /**
   * Starts serving.
   *
   * @param endpoint what to serve
   * @param address where to listen (port 0: any free port, see {@link #port()})
   * @param tls the TLS context for HTTPS, or empty for plain HTTP (tests behind a TLS proxy only)
   * @param requireClientCertificate whether clients must present a certificate (mutual TLS)
   * @param threads how many requests are handled at once
   * @throws UncheckedIOException if the address cannot be bound
   */
  public static JdkHttpServerBinding start(
      HttpEndpoint endpoint,
      InetSocketAddress address,
      Optional<SSLContext> tls,
      boolean requireClientCertificate,
      int threads) {
    try {
      HttpServer server;
      if (tls.isPresent()) {
        HttpsServer https = HttpsServer.create(address, 128);
        https.setHttpsConfigurator(
            new HttpsConfigurator(tls.get()) {
              @Override
              public void configure(HttpsParameters params) {
                SSLParameters p = getSSLContext().getDefaultSSLParameters();
                if (requireClientCertificate) {
                  p.setNeedClientAuth(true);
                } else {
                  p.setWantClientAuth(true); // a client that has a certificate presents it
                }
                params.setSSLParameters(p);
              }
            });
        server = https;
      } else {
        server = HttpServer.create(address, 128);
      }
      ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
      server.setExecutor(pool);
      server.createContext("/", exchange -> serve(endpoint, exchange));
      server.start();
      return new JdkHttpServerBinding(server, pool);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + address, e);
    }
  }

  private static void serve(HttpEndpoint endpoint, HttpExchange exchange) throws IOException {
    try (exchange) {
      EndpointResponse response =
          endpoint.handle(
              new EndpointRequest(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().getPath(),
                  Objects.requireNonNullElse(exchange.getRequestURI().getRawQuery(), ""),
                  exchange.getRequestHeaders(),
                  exchange.getRequestBody(),
                  clientCertificates(exchange)));
      response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
      byte[] body = response.body();
      exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }

  private static List<X509Certificate> clientCertificates(HttpExchange exchange) {
    if (!(exchange instanceof HttpsExchange secure) || secure.getSSLSession() == null) {
      return List.of();
    }
    try {
      List<X509Certificate> chain = new ArrayList<>();
      for (Certificate c : secure.getSSLSession().getPeerCertificates()) {
        if (c instanceof X509Certificate x) {
          chain.add(x);
        }
      }
      return chain;
    } catch (SSLPeerUnverifiedException e) {
      return List.of(); // the client presented none
    }
  }

  /** The port listened on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Stops accepting, gives requests in flight up to a second, and stops the threads. */
  @Override
  public void close() {
    stop(1);
  }

  /**
   * Stops accepting, gives requests in flight up to {@code graceSeconds} (0: none; on Java 17 the
   * JDK server waits the whole grace period even when idle), and stops the threads.
   */
  public void stop(int graceSeconds) {
    server.stop(Math.max(0, graceSeconds));
    threads.shutdown();
    try {
      threads.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
