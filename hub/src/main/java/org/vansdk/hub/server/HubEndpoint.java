package org.vansdk.hub.server;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.vansdk.hub.HubErrors;
import org.vansdk.hub.web.Caller;
import org.vansdk.hub.web.HubException;
import org.vansdk.hub.web.HubRequest;
import org.vansdk.hub.web.Role;
import org.vansdk.transport.http.EndpointRequest;
import org.vansdk.transport.http.EndpointResponse;
import org.vansdk.transport.http.HttpEndpoint;

/**
 * The hub as one {@link HttpEndpoint}: for each request, find the route (404, 405); before reading
 * the body, refuse an anonymous caller of a route that needs a role (401) and a signature that
 * cannot pass on its header fields (a key not listed, outside the time window, malformed); read the
 * body up to the smaller of the route's and the hub's limit (413), authenticate the caller (an
 * invalid signature is refused), check the route's roles (401 for an anonymous caller, 403 for a
 * signed one), and call the handler. A {@link HubException} becomes its problem document; anything
 * else a 500 with {@link HubErrors#INTERNAL} and a log line naming only the exception's class.
 * Every answer is timed (meter {@code van.hub.requests}, tagged by route template, method and
 * status) and logged as one JSON line without personal data. Thread-safe.
 */
final class HubEndpoint implements HttpEndpoint {

  private final Router router;
  private final Authenticator authenticator;
  private final RequestLog log;
  private final MeterRegistry meters;
  private final int maxBodyBytes;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final AtomicInteger inFlight = new AtomicInteger();

  HubEndpoint(
      Router router,
      Authenticator authenticator,
      RequestLog log,
      MeterRegistry meters,
      int maxBodyBytes) {
    this.router = router;
    this.authenticator = authenticator;
    this.log = log;
    this.meters = meters;
    this.maxBodyBytes = maxBodyBytes;
    meters.gauge("van.hub.requests.active", inFlight);
  }

  /** From now on new requests are refused with 503 {@link HubErrors#STOPPING}. */
  void stopping() {
    stopping.set(true);
  }

  /** How many requests are being answered now. */
  int inFlight() {
    return inFlight.get();
  }

  @Override
  public EndpointResponse handle(EndpointRequest request) {
    long start = System.nanoTime();
    inFlight.incrementAndGet();
    String route = "(none)";
    String caller = "anonymous";
    long bytesIn = 0;
    EndpointResponse response;
    try {
      if (stopping.get()) {
        throw new HubException(
            503, HubErrors.STOPPING, "the hub is stopping; resend the request once it is back");
      }
      Router.Match match = router.match(request.method(), request.path());
      route = match.route().pathTemplate();
      // who calls, and whether they may, is settled on the header fields before the body is read
      Authenticator.Outcome who =
          Authenticator.signed(request)
              ? authenticator.screen(request)
              : new Authenticator.Outcome(Optional.of(Caller.anonymous()), Optional.empty());
      EndpointRequest received = request;
      if (who.caller().isPresent()) {
        authorise(match, who.caller().get());
        byte[] body = body(request, Math.min(maxBodyBytes, match.route().maxBodyBytes()));
        bytesIn = body.length;
        who = authenticator.authenticate(request, body);
        received =
            new EndpointRequest(
                request.method(),
                request.path(),
                request.query(),
                request.headers(),
                new ByteArrayInputStream(body));
      }
      if (who.refusal().isPresent()) {
        response = who.refusal().get();
      } else {
        Caller c = who.caller().orElseThrow();
        caller = c.organisation().map(o -> o.value()).orElse("anonymous");
        authorise(match, c);
        response = match.route().handler().handle(new HubRequest(received, c, match.parameters()));
        if (request.method().equals("HEAD")) {
          response = new EndpointResponse(response.status(), response.headers(), new byte[0]);
        }
      }
    } catch (HubException e) {
      response = Problems.of(e);
    } catch (RuntimeException e) {
      log.failure(route, e);
      response =
          Problems.of(
              500, HubErrors.INTERNAL, "the hub failed unexpectedly; resend later", Map.of());
    } finally {
      inFlight.decrementAndGet();
    }
    long nanos = System.nanoTime() - start;
    Timer.builder("van.hub.requests")
        .description("Requests answered by the hub")
        .tag("route", route)
        .tag("method", methodName(request.method()))
        .tag("status", Integer.toString(response.status()))
        .register(meters)
        .record(nanos, TimeUnit.NANOSECONDS);
    log.request(
        methodName(request.method()),
        route,
        response.status(),
        Problems.code(response),
        caller,
        nanos,
        bytesIn,
        response.body().length);
    return response;
  }

  private static void authorise(Router.Match match, Caller caller) {
    if (!Collections.disjoint(match.route().roles(), caller.roles())) {
      return;
    }
    if (caller.organisation().isEmpty()) {
      throw new HubException(
          401,
          HubErrors.UNAUTHENTICATED,
          "this route needs an HTTP Message Signature by an organisation of the trust list");
    }
    throw new HubException(
        403, HubErrors.FORBIDDEN, "this route needs the role " + roles(match.route().roles()));
  }

  private static String roles(java.util.Set<Role> roles) {
    return String.join(
        " or ",
        roles.stream().map(r -> r.name().toLowerCase(java.util.Locale.ROOT)).sorted().toList());
  }

  private static byte[] body(EndpointRequest request, int maxBodyBytes) {
    Optional<String> declared = request.header("Content-Length");
    try (InputStream in = request.body()) {
      if (declared.isPresent()) {
        long length;
        try {
          length = Long.parseLong(declared.get().strip());
        } catch (NumberFormatException e) {
          throw new HubException(400, HubErrors.BODY_NOT_RECEIVED, "Content-Length is malformed");
        }
        if (length > maxBodyBytes) {
          throw tooLarge(maxBodyBytes);
        }
      }
      byte[] bytes = in.readNBytes(maxBodyBytes + 1);
      if (bytes.length > maxBodyBytes) {
        throw tooLarge(maxBodyBytes);
      }
      return bytes;
    } catch (IOException e) {
      throw new HubException(
          400, HubErrors.BODY_NOT_RECEIVED, "the body could not be read completely");
    }
  }

  private static HubException tooLarge(int maxBodyBytes) {
    return new HubException(
        413, HubErrors.TOO_LARGE, "the body is larger than " + maxBodyBytes + " bytes");
  }

  private static String methodName(String method) {
    return switch (method) {
      case "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS" -> method;
      default -> "other";
    };
  }
}
