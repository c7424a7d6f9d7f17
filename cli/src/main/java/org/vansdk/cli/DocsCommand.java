package org.vansdk.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vansdk.indicators.catalogue.IndicatorCatalogue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code van docs}: writes the generated reference documentation (schemas and indicators). */
@Command(
    name = "docs",
    mixinStandardHelpOptions = true,
    description = {
      "Write the generated reference: one page per schema (every property, every code with its",
      "labels in six languages), the indicator catalogue and the export mappings."
    },
    footer = {"", "Example:", "  van docs --out docs"})
final class DocsCommand implements Callable<Integer> {
  @Option(
      names = "--out",
      required = true,
      description = "Folder to write into (created if missing).")
  Path out;

  @Spec CommandSpec spec;

  /** Returns every generated file, relative path to content. */
  static Map<String, String> files() throws IOException {
    Map<String, String> files = new java.util.LinkedHashMap<>();
    new SchemaReference().pages().forEach((name, text) -> files.put("schema/" + name, text));
    files.put("indicators.md", IndicatorCatalogue.markdown());
    files.putAll(org.vansdk.exchange.ExchangeDocs.pages());
    return files;
  }

  @Override
  public Integer call() throws IOException {
    Map<String, String> files = files();
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path target = out.resolve(f.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
    }
    spec.commandLine().getOut().println("wrote " + files.size() + " documentation files to " + out);
    return Van.OK;
  }
}
