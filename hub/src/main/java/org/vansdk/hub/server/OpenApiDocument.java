package org.vansdk.hub.server;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.vansdk.hub.web.Role;
import org.vansdk.hub.web.Route;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI 3.1 document of the routes the hub has mounted, generated from the routes' table so
 * it cannot drift from them: one operation per route with its summary, path parameters, the roles
 * that may call it ({@code x-van-roles}), the HTTP Message Signature requirement for routes a
 * reader may not call, and the problem document of every refusal.
 */
final class OpenApiDocument {
  private OpenApiDocument() {}

  static ObjectNode of(List<Route> routes, String version) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode doc = f.objectNode().put("openapi", "3.1.0");
    doc.putObject("info")
        .put("title", "VAN regional hub")
        .put("version", version)
        .put(
            "description",
            "The regional hub of the ASEAN Victim Assistance Network: relay and mailboxes,"
                + " submissions, regional figures, directory and operations. Generated from the"
                + " routes the hub serves.");
    ObjectNode paths = doc.putObject("paths");
    for (Route r :
        routes.stream()
            .sorted(Comparator.comparing(Route::pathTemplate).thenComparing(Route::method))
            .toList()) {
      ObjectNode path =
          paths.has(r.pathTemplate())
              ? (ObjectNode) paths.get(r.pathTemplate())
              : paths.putObject(r.pathTemplate());
      ObjectNode op = path.putObject(r.method().toLowerCase(Locale.ROOT));
      op.put("summary", r.summary()).put("operationId", operationId(r));
      ArrayNode roles = op.putArray("x-van-roles");
      r.roles().stream()
          .sorted()
          .map(role -> role.name().toLowerCase(Locale.ROOT))
          .forEach(roles::add);
      List<String> params =
          r.segments().stream()
              .filter(s -> s.startsWith("{"))
              .map(s -> s.substring(1, s.length() - 1))
              .toList();
      if (!params.isEmpty()) {
        ArrayNode ps = op.putArray("parameters");
        for (String p : params) {
          ps.addObject()
              .put("name", p)
              .put("in", "path")
              .put("required", true)
              .putObject("schema")
              .put("type", "string");
        }
      }
      if (!r.roles().contains(Role.READER)) {
        op.putArray("security").addObject().putArray("httpMessageSignature");
      }
      ObjectNode responses = op.putObject("responses");
      responses.putObject("2XX").put("description", "Answered");
      responses
          .putObject("default")
          .put("description", "A refusal (application/problem+json with a stable code)")
          .putObject("content")
          .putObject("application/problem+json")
          .putObject("schema")
          .put("$ref", "#/components/schemas/Problem");
    }
    ObjectNode components = doc.putObject("components");
    ObjectNode problem = components.putObject("schemas").putObject("Problem");
    problem.put("type", "object");
    problem.putArray("required").add("type").add("title").add("status").add("code");
    ObjectNode props = problem.putObject("properties");
    props.putObject("type").put("type", "string");
    props.putObject("title").put("type", "string");
    props.putObject("status").put("type", "integer");
    props.putObject("code").put("type", "string").put("pattern", "^VAN-[A-Z]-[0-9]{4}$");
    props.putObject("detail").put("type", "string");
    components
        .putObject("securitySchemes")
        .putObject("httpMessageSignature")
        .put("type", "apiKey")
        .put("in", "header")
        .put("name", "Signature")
        .put(
            "description",
            "RFC 9421 HTTP Message Signature (ed25519, with Signature-Input, Content-Digest and a"
                + " nonce) by a request-signing key of the organisation in the trust list");
    return doc;
  }

  private static String operationId(Route r) {
    StringBuilder id = new StringBuilder(r.method().toLowerCase(Locale.ROOT));
    for (String s : r.segments()) {
      String clean = s.replaceAll("[^A-Za-z0-9]", " ").strip();
      for (String w : clean.split(" +")) {
        if (!w.isEmpty()) {
          id.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
      }
    }
    return r.segments().isEmpty() ? id.append("Root").toString() : id.toString();
  }
}
