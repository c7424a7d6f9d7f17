package org.vansdk.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.vansdk.core.place.CountryCode;
import org.vansdk.ingest.mapping.MappingModel;
import org.vansdk.ingest.mapping.MappingReader;

/**
 * A mapping document: how the rows of one kind of national export become canonical records (the
 * source format and options, each record's key and fields, the transforms of each value). Read
 * strictly: an unknown key or value is an {@link IngestException} ({@code VAN-G-0001}) naming its
 * JSON Pointer. The format is published as {@code mapping.schema.json} beside this class. Immutable
 * and thread-safe.
 */
public final class Mapping {
  /** The classpath resource of the mapping document's JSON Schema. */
  public static final String SCHEMA_RESOURCE = "/org/vansdk/ingest/mapping.schema.json";

  private final MappingModel model;
  private final String origin;

  private Mapping(MappingModel model, String origin) {
    this.model = model;
    this.origin = origin;
  }

  /**
   * Reads a mapping document from a file.
   *
   * @param path the JSON file
   * @return the mapping
   * @throws IngestException {@code VAN-G-0001} if it cannot be read or breaks the format
   */
  public static Mapping read(Path path) {
    String origin = String.valueOf(path.getFileName());
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new IngestException(
          IngestException.MAPPING_INVALID,
          "cannot read the mapping " + origin + ": " + e.getClass().getSimpleName(),
          e);
    }
    return parse(bytes, origin);
  }

  /**
   * Reads a mapping document.
   *
   * @param json the UTF-8 document
   * @param origin the document's name, used in messages
   * @return the mapping
   * @throws IngestException {@code VAN-G-0001} if it breaks the format
   */
  public static Mapping parse(byte[] json, String origin) {
    Objects.requireNonNull(origin, "origin");
    return new Mapping(MappingReader.read(json, origin), origin);
  }

  /**
   * Returns a mapping shipped with the SDK.
   *
   * @param shipped which one
   * @return the mapping
   */
  public static Mapping shipped(ShippedMapping shipped) {
    return parse(shipped.document(), shipped.fileName());
  }

  /** Returns the text of the mapping document's JSON Schema (draft 2020-12). */
  public static String schema() {
    try (InputStream in = Mapping.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + SCHEMA_RESOURCE, e);
    }
  }

  /** Returns the mapping's name. */
  public String name() {
    return model.name();
  }

  /** Returns the country of the importing organisation. */
  public CountryCode country() {
    return model.country();
  }

  /** Returns the importing organisation's code, the namespace of every identifier made. */
  public String organisation() {
    return model.organisation();
  }

  MappingModel model() {
    return model;
  }

  @Override
  public String toString() {
    return "Mapping[" + model.name() + " from " + origin + ", " + model.source().format() + "]";
  }
}
