package org.vansdk.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vansdk.transport.http.EndpointResponse;

class RouteTest {
  private static final RouteHandler OK = r -> new EndpointResponse(204, Map.of(), new byte[0]);

  @Test
  void template_splitsIntoSegments() {
    Route route = new Route("GET", "/van/v1/submissions/{id}", Set.of(Role.FOCAL_POINT), "s", OK);
    assertEquals(List.of("van", "v1", "submissions", "{id}"), route.segments());
    assertEquals(List.of(), new Route("GET", "/", Set.of(Role.READER), "s", OK).segments());
  }

  @Test
  void malformedRoutes_areRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> new Route("get", "/x", Set.of(Role.READER), "s", OK));
    assertThrows(
        IllegalArgumentException.class, () -> new Route("GET", "x", Set.of(Role.READER), "s", OK));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Route("GET", "/x/{}", Set.of(Role.READER), "s", OK));
    assertThrows(IllegalArgumentException.class, () -> new Route("GET", "/x", Set.of(), "s", OK));
  }

  @Test
  void everyCaller_isAReader() {
    assertTrue(Caller.anonymous().has(Role.READER));
    assertEquals(Set.of(Role.READER), Caller.anonymous().roles());
  }
}
