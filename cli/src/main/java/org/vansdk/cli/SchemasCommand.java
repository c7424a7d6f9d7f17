package org.vansdk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vansdk.core.submission.RecordType;
import org.vansdk.core.submission.SchemaVersion;
import org.vansdk.schema.validation.MessageValidator;
import org.vansdk.schema.validation.PayloadValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code van schemas}: writes the published JSON Schema files (records, and referral protocol
 * messages in {@code message/}), for vendors using other languages.
 */
@Command(
    name = "schemas",
    mixinStandardHelpOptions = true,
    description = {
      "Write the published JSON Schema files (draft 2020-12) to a folder: the record schemas,",
      "the network trust list's, and the referral protocol message schemas in message/",
      "(message.schema.json checks any message)."
    },
    footer = {"", "Example:", "  van schemas --out schemas/"})
final class SchemasCommand implements Callable<Integer> {
  static final String RESOURCE_FOLDER = "/org/vansdk/schema/" + SchemaVersion.CURRENT_TEXT + "/";

  /** The schema that validates a message of any type, relative to the version folder. */
  static final String MESSAGE_SCHEMA = "message/message.schema.json";

  @Option(
      names = "--out",
      required = true,
      description = "Folder to write into (created if missing).")
  Path out;

  @Spec CommandSpec spec;

  /**
   * Returns the file names of the published schemas, relative to the version folder: the record
   * schemas, then the message schemas.
   */
  static List<String> schemaFiles() {
    List<String> names = new ArrayList<>(recordSchemaFiles());
    names.addAll(networkSchemaFiles());
    names.addAll(messageSchemaFiles());
    return names;
  }

  /** Returns the schemas of the network's own documents: the operator's signed trust list. */
  static List<String> networkSchemaFiles() {
    return List.of("trust-list.schema.json");
  }

  /** Returns the record schemas: one per record type, plus shared ones. */
  static List<String> recordSchemaFiles() {
    List<String> names =
        new ArrayList<>(
            List.of("common.schema.json", "submission.schema.json", "ndjson-line.schema.json"));
    for (RecordType type : RecordType.values()) {
      names.add(type.code().replace('_', '-') + ".schema.json");
    }
    return names;
  }

  /**
   * Returns the referral protocol message schemas, in the folder {@code message/}: the dispatching
   * {@code message.schema.json}, the envelope, and one per message type.
   */
  static List<String> messageSchemaFiles() {
    List<String> names = new ArrayList<>(List.of(MESSAGE_SCHEMA, "message/envelope.schema.json"));
    for (String type : MessageValidator.create().types()) {
      names.add(MessageValidator.schemaFile(type));
    }
    return names;
  }

  @Override
  public Integer call() throws IOException {
    Path dir = out.resolve(SchemaVersion.CURRENT_TEXT);
    Files.createDirectories(dir);
    List<String> names = schemaFiles();
    for (String name : names) {
      try (InputStream in = PayloadValidator.class.getResourceAsStream(RESOURCE_FOLDER + name)) {
        if (in == null) {
          throw new IllegalStateException("schema " + name + " is missing from the van-schema jar");
        }
        Path target = dir.resolve(name);
        Files.createDirectories(target.getParent());
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    spec.commandLine().getOut().println("wrote " + names.size() + " schema files to " + dir);
    return Van.OK;
  }
}
