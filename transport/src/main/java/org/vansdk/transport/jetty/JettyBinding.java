package org.vansdk.transport.jetty;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.Scheduler;
import org.vansdk.transport.http.EndpointRequest;
import org.vansdk.transport.http.EndpointResponse;
import org.vansdk.transport.http.HttpEndpoint;

/**
 * A Jetty 12 core {@link Handler} serving a {@link HttpEndpoint} (such as a {@link
 * org.vansdk.transport.http.MessageEndpoint}). Each request must arrive whole within {@code
 * maxRequestTime} (a client that sends a byte a second is cut off, not waited for), and idle
 * connections are closed by the connector's idle timeout. Thread-safe.
 *
 * @since 1.0
 */
public final class JettyBinding extends Handler.Abstract {

  private final HttpEndpoint endpoint;
  private final Duration maxRequestTime;

  /**
   * A handler to mount in an existing Jetty server.
   *
   * @param endpoint what to serve
   * @param maxRequestTime how long one request may take to arrive and be answered
   */
  public JettyBinding(HttpEndpoint endpoint, Duration maxRequestTime) {
    super(InvocationType.BLOCKING);
    this.endpoint = endpoint;
    this.maxRequestTime = maxRequestTime;
  }

  /**
   * Starts a Jetty server for the endpoint.
   *
   * @param endpoint what to serve
   * @param host the address to listen on, e.g. {@code 127.0.0.1}
   * @param port the port (0: any free port, see {@link ServerConnector#getLocalPort()})
   * @param tls the TLS context for HTTPS, or empty for plain HTTP
   * @param requireClientCertificate whether clients must present a certificate (mutual TLS)
   * @param maxRequestTime how long one request may take to arrive and be answered
   * @return the started server; stop it with {@link #stop(Server, Duration)}
   * @throws IllegalStateException if the server cannot start
   */
  public static Server start(
      HttpEndpoint endpoint,
      String host,
      int port,
      Optional<SSLContext> tls,
      boolean requireClientCertificate,
      Duration maxRequestTime) {
    QueuedThreadPool threads = new QueuedThreadPool(64, 4);
    threads.setName("van-endpoint");
    Server server = new Server(threads);
    ServerConnector connector;
    if (tls.isPresent()) {
      SslContextFactory.Server ssl = new SslContextFactory.Server();
      ssl.setSslContext(tls.get());
      if (requireClientCertificate) {
        ssl.setNeedClientAuth(true);
      } else {
        ssl.setWantClientAuth(true); // a client that has a certificate presents it
      }
      connector = new ServerConnector(server, ssl);
    } else {
      connector = new ServerConnector(server);
    }
    connector.setHost(host);
    connector.setPort(port);
    connector.setIdleTimeout(maxRequestTime.toMillis());
    server.addConnector(connector);
    GracefulHandler graceful = new GracefulHandler();
    graceful.setHandler(new JettyBinding(endpoint, maxRequestTime));
    server.setHandler(graceful);
    server.setStopTimeout(5_000);
    try {
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException(
          "the endpoint server cannot start on " + host + ":" + port, e);
    }
    return server;
  }

  /**
   * Stops a server started by {@link #start}: new requests are refused at once, the requests in
   * flight may finish for up to {@code grace}, then every connection is closed (idle keep-alive
   * connections that clients hold open are not waited for).
   */
  public static void stop(Server server, Duration grace) {
    try {
      if (server.getHandler() instanceof GracefulHandler graceful) {
        try {
          graceful.shutdown().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
          // Out of patience: what is still in flight is cut; its sender resends it.
        }
      }
      server.setStopTimeout(0);
      server.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      throw new IllegalStateException("the endpoint server did not stop cleanly", e);
    }
  }

  /** The port a server started by {@link #start} listens on. */
  public static int port(Server server) {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  private static List<X509Certificate> clientCertificates(Request request) {
    EndPoint.SslSessionData tls =
        request.getConnectionMetaData().getConnection().getEndPoint().getSslSessionData();
    X509Certificate[] chain = tls == null ? null : tls.peerCertificates();
    return chain == null ? List.of() : List.of(chain);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    Scheduler.Task deadline =
        request
            .getComponents()
            .getScheduler()
            .schedule(
                () -> request.getConnectionMetaData().getConnection().close(),
                maxRequestTime.toMillis(),
                TimeUnit.MILLISECONDS);
    try {
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (HttpField field : request.getHeaders()) {
        headers.computeIfAbsent(field.getName(), k -> new ArrayList<>()).add(field.getValue());
      }
      EndpointResponse answer;
      try (InputStream body = Content.Source.asInputStream(request)) {
        answer =
            endpoint.handle(
                new EndpointRequest(
                    request.getMethod(),
                    request.getHttpURI().getPath(),
                    Objects.requireNonNullElse(request.getHttpURI().getQuery(), ""),
                    headers,
                    body,
                    clientCertificates(request)));
      }
      response.setStatus(answer.status());
      answer.headers().forEach((name, value) -> response.getHeaders().put(name, value));
      response.write(true, ByteBuffer.wrap(answer.body()), callback);
    } catch (Exception e) {
      callback.failed(e);
    } finally {
      deadline.cancel();
    }
    return true;
  }
}
