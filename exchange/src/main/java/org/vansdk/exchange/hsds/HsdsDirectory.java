package org.vansdk.exchange.hsds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.vansdk.exchange.ExchangeException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A directory in HSDS 3.0 JSON: organizations, services and service-at-locations (each with its
 * location), as the HSDS API's list endpoints return them, and the taxonomy terms they use. Written
 * as one JSON array per file. Immutable (the nodes are copies) and thread-safe.
 *
 * @since 1.0
 */
public final class HsdsDirectory {
  /** The file names {@link #write} uses, in order. */
  public static final List<String> FILES =
      List.of(
          "organizations.json",
          "services.json",
          "service_at_locations.json",
          "taxonomy_terms.json");

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final List<ObjectNode> organizations;
  private final List<ObjectNode> services;
  private final List<ObjectNode> serviceAtLocations;
  private final List<ObjectNode> taxonomyTerms;

  HsdsDirectory(
      List<ObjectNode> organizations,
      List<ObjectNode> services,
      List<ObjectNode> serviceAtLocations,
      List<ObjectNode> taxonomyTerms) {
    this.organizations = copy(organizations);
    this.services = copy(services);
    this.serviceAtLocations = copy(serviceAtLocations);
    this.taxonomyTerms = copy(taxonomyTerms);
  }

  private static List<ObjectNode> copy(List<ObjectNode> nodes) {
    return nodes.stream().map(ObjectNode::deepCopy).toList();
  }

  /** HSDS organization objects (copies). */
  public List<ObjectNode> organizations() {
    return copy(organizations);
  }

  /** HSDS service objects (copies). */
  public List<ObjectNode> services() {
    return copy(services);
  }

  /** HSDS service_at_location objects, each with its {@code location} (copies). */
  public List<ObjectNode> serviceAtLocations() {
    return copy(serviceAtLocations);
  }

  /** HSDS taxonomy_term objects of the taxonomies used (copies). */
  public List<ObjectNode> taxonomyTerms() {
    return copy(taxonomyTerms);
  }

  /** One of the four lists as indented JSON text, by its {@link #FILES} name. */
  public String json(String file) {
    List<ObjectNode> list;
    switch (file) {
      case "organizations.json":
        list = organizations;
        break;
      case "services.json":
        list = services;
        break;
      case "service_at_locations.json":
        list = serviceAtLocations;
        break;
      case "taxonomy_terms.json":
        list = taxonomyTerms;
        break;
      default:
        throw new IllegalArgumentException("no HSDS file " + file + "; allowed: " + FILES);
    }
    try {
      return JSON.writeValueAsString(list) + "\n";
    } catch (JacksonException e) {
      throw new ExchangeException(ExchangeException.EXPORT_FAILED, "cannot write " + file, e);
    }
  }

  /**
   * Writes the four files into a directory, creating it if needed.
   *
   * @throws ExchangeException {@code VAN-E-0002} if a file cannot be written
   */
  public void write(Path directory) {
    try {
      Files.createDirectories(directory);
      for (String f : FILES) {
        Files.writeString(directory.resolve(f), json(f));
      }
    } catch (IOException e) {
      throw new ExchangeException(
          ExchangeException.EXPORT_FAILED, "cannot write the HSDS directory", e);
    }
  }
}
