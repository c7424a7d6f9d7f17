package org.vansdk.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Users get the third-party versions the SDK is built and tested with: every version property of
 * {@code bom/pom.xml} equals the property of the same name in the build's {@code pom.xml}.
 */
class BomVersionsTest {
  private static final Pattern PROPERTY = Pattern.compile("<([A-Za-z0-9.]+\\.version)>([^<]+)</");

  @Test
  void bomVersions_equalTheBuildsVersions() throws IOException {
    Map<String, String> bom = versions(Path.of("..", "bom", "pom.xml"));
    Map<String, String> build = versions(Path.of("..", "pom.xml"));
    assertTrue(bom.size() >= 3, "the BOM manages third-party versions: " + bom);
    for (Map.Entry<String, String> e : bom.entrySet()) {
      assertEquals(build.get(e.getKey()), e.getValue(), "bom/pom.xml " + e.getKey());
    }
  }

  private static Map<String, String> versions(Path pom) throws IOException {
    String text = Files.readString(pom, StandardCharsets.UTF_8);
    String properties = text.substring(text.indexOf("<properties>"), text.indexOf("</properties>"));
    Map<String, String> out = new TreeMap<>();
    Matcher m = PROPERTY.matcher(properties);
    while (m.find()) {
      out.put(m.group(1), m.group(2));
    }
    return out;
  }
}
