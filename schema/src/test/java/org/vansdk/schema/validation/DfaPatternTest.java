package org.vansdk.schema.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.regex.JDKRegularExpressionFactory;
import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vansdk.core.json.VanJson;
import org.vansdk.testkit.junit.Seeds;
import org.vansdk.testkit.random.Prng;
import tools.jackson.databind.JsonNode;

/**
 * {@link DfaPattern} against the registry's own regular expressions: every pattern of our schema
 * files is in the subset, and on seeded strings (built from each pattern with repetition counts at
 * and around its bounds, then mutated with non-ASCII letters and digits, line terminators, other
 * spaces, surrogate pairs and lone surrogates) both answer the same; patterns outside the subset
 * are refused.
 */
class DfaPatternTest {
  private static final int CASES = 100_000;
  private static final RegularExpressionFactory REGISTRY =
      SchemaRegistryConfig.builder().build().getRegularExpressionFactory();

  /** Patterns in the subset that our schemas do not use, to reach its other corners. */
  private static final List<String> MORE =
      List.of(
          "^(a|ab)(c|bcd)(d*)$",
          "^(a{1,2}b?){2,3}$",
          "^x(-[a-c]{1,2})*y$",
          "[^\\s]a",
          "a{2}b",
          "^a+",
          "b$",
          "^[^\\S]+$",
          "^[^a-z\\d]{0,3}$",
          "^[\\d\\s]+[^\\d\\s]?$",
          "^(ab|cd)+$",
          "\\d{3}|\\S\\s",
          "^[-a]\\.[a-]\\+$",
          "^(x+y?)?z$");

  /** Patterns outside the subset (or whose JDK meaning differs from their look). */
  private static final List<String> REFUSED =
      List.of(
          "",
          "^$",
          "^a.b$",
          "^a|b$",
          "a^b",
          "a$b",
          "^(a$)",
          "(a?)*",
          "(a*)+",
          "^(a|)$",
          "()",
          "a**",
          "a*?",
          "a++",
          "a{2,}",
          "a{3,2}",
          "a{99999}",
          "a{,2}",
          "(?:a)",
          "(?i)a",
          "\\w",
          "\\D",
          "\\p{L}",
          "\\1",
          "\\Qa\\E",
          "\\b",
          "[a-\\d]",
          "[z-a]",
          "[a[b]]",
          "[a&&b]",
          "[]a]",
          "[a",
          "(a",
          "a)",
          "é",
          "\\",
          "a{1",
          "[\\s-z]",
          "^(a{1,5000}){1,5000}$");

  @Test
  void registry_usesTheJdkExpressions() {
    assertEquals(JDKRegularExpressionFactory.class, REGISTRY.getClass());
  }

  @Test
  void everySchemaPattern_isCompiled() throws IOException, URISyntaxException {
    List<String> patterns = schemaPatterns();
    assertTrue(patterns.size() >= 20, patterns.toString());
    List<String> refused = patterns.stream().filter(p -> DfaPattern.compile(p).isEmpty()).toList();
    assertEquals(List.of(), refused, "schema patterns outside DfaPattern's subset");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "\n", "ABC\n", "AB\u00C7", "ABC\r\n"})
  void endAnchor_isEndOfInput(String text) {
    assertFalse(DfaPattern.compile("^[A-Z]{3}$").orElseThrow().matches(text));
  }

  @Test
  void outsideTheSubset_isRefused() {
    for (String pattern : REFUSED) {
      assertTrue(DfaPattern.compile(pattern).isEmpty(), pattern);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyPattern_answersAsTheRegistry() throws IOException, URISyntaxException {
    List<String> patterns = new ArrayList<>(schemaPatterns());
    patterns.addAll(MORE);
    long seed = Seeds.of(1).findFirst().orElseThrow();
    return patterns.stream()
        .map(
            p ->
                DynamicTest.dynamicTest(
                    p,
                    () ->
                        agree(
                            p,
                            Prng.mix(seed, p.hashCode()),
                            "seed "
                                + seed
                                + " (replay with -D"
                                + Seeds.REPLAY_PROPERTY
                                + "="
                                + seed
                                + ")")));
  }

  private static void agree(String pattern, long mixed, String seed) {
    DfaPattern fast = DfaPattern.compile(pattern).orElseThrow();
    RegularExpression registry = REGISTRY.getRegularExpression(pattern);
    Strings strings = new Strings(pattern, Prng.of(mixed));
    int found = 0;
    for (int i = 0; i < CASES; i++) {
      String text = strings.next();
      boolean expected = registry.matches(text);
      if (fast.matches(text) != expected) {
        throw new AssertionError(
            seed + ": " + pattern + " on " + escape(text) + ": the registry says " + expected);
      }
      found += expected ? 1 : 0;
    }
    // both answers must be common, or the strings do not test the pattern
    assertTrue(found > CASES / 50 && found < CASES - CASES / 50, seed + ": " + found + " found");
  }

  private static String escape(String text) {
    StringBuilder b = new StringBuilder("\"");
    text.chars()
        .forEach(
            c ->
                b.append(
                    c >= ' ' && c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04X", c)));
    return b.append('"').toString();
  }

  /** Every {@code pattern} string in the schema resources. */
  private static List<String> schemaPatterns() throws IOException, URISyntaxException {
    // the folder of a known file: the package folder itself may resolve to the test classes
    String known = "/org/vansdk/schema/1.0/common.schema.json";
    Path root =
        Path.of(Objects.requireNonNull(DfaPatternTest.class.getResource(known)).toURI())
            .getParent();
    TreeSet<String> patterns = new TreeSet<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        collect(VanJson.strict().mapper().readTree(Files.readString(file)), patterns);
      }
    }
    return List.copyOf(patterns);
  }

  private static void collect(JsonNode node, TreeSet<String> into) {
    for (String name : node.isObject() ? node.propertyNames() : List.<String>of()) {
      if (name.equals("pattern") && node.get(name).isString()) {
        into.add(node.get(name).asString());
      }
    }
    for (JsonNode child : node) {
      collect(child, into);
    }
  }

  /**
   * Strings for one pattern: built by walking the pattern's text (class members taken from the
   * JDK's own reading of the class), with repetition counts at, inside and just outside the bounds,
   * then mutated.
   */
  private static final class Strings {
    private static final List<String> ODD =
        List.of(
            "\n",
            "\r",
            "\r\n",
            "\t",
            "\u000B",
            "\f",
            " ",
            "\u0000",
            "\u007F",
            "\u0085",
            "\u00A0",
            "\u2028",
            "\u2029",
            "\u3000",
            "\uFEFF",
            "\u00E9",
            "\u1780",
            "\uFF10",
            "\u0663",
            "\u17E1",
            "\uD83D\uDE00",
            "\uD83D",
            "\uDE00",
            "\uDBFF\uDFFF");
    private static final List<String> SPACES = List.of(" ", "\t", "\n", "\u000B", "\f", "\r");
    private static final List<String> CANDIDATES = new ArrayList<>(ODD);

    static {
      for (char c = 0; c < 0x80; c++) {
        CANDIDATES.add(String.valueOf(c));
      }
    }

    private final String pattern;
    private final Prng random;
    private final Map<String, List<String>> members = new HashMap<>();
    private final List<String> alphabet = new ArrayList<>(ODD);
    private final StringBuilder out = new StringBuilder();

    Strings(String pattern, Prng random) {
      this.pattern = pattern;
      this.random = random;
      learn(0, pattern.length());
    }

    /** Finds the members of every atom in [from, to), as the JDK reads each atom. */
    private void learn(int from, int to) {
      for (int i = from; i < to; ) {
        int end = end(i);
        char c = pattern.charAt(i);
        if (c == '(') {
          learn(i + 1, end - 1);
        } else if ("^$|".indexOf(c) < 0) {
          Pattern atom = Pattern.compile(pattern.substring(i, end));
          List<String> m = CANDIDATES.stream().filter(x -> atom.matcher(x).matches()).toList();
          members.put(pattern.substring(i, end), m);
          m.stream().filter(x -> !alphabet.contains(x)).forEach(alphabet::add);
        }
        i = quantifier(end, to, new int[2]);
      }
    }

    String next() {
      out.setLength(0);
      if (random.chance(0.1)) {
        for (int n = random.nextInt(5); n > 0; n--) {
          out.append(random.pick(random.chance(0.5) ? SPACES : alphabet));
        }
        return out.toString();
      }
      walk(0, pattern.length());
      for (int m = random.chance(0.5) ? random.between(1, 3) : 0; m > 0; m--) {
        int at = random.nextInt(out.length() + 1);
        switch (random.nextInt(5)) {
          case 0 -> out.insert(at, random.pick(ODD));
          case 1 -> out.insert(at, random.pick(alphabet));
          case 2 -> out.append(random.pick(List.of("\n", "\r\n", "\r", "\u0085", "\u2028")));
          case 3 -> out.delete(at, Math.min(out.length(), at + 1));
          default -> out.replace(at, Math.min(out.length(), at + 1), random.pick(alphabet));
        }
      }
      return out.toString();
    }

    /** Appends a string for the pattern text in [from, to). */
    private void walk(int from, int to) {
      List<Integer> bars = new ArrayList<>(List.of(from - 1));
      for (int i = from; i < to; i = end(i)) {
        if (pattern.charAt(i) == '|') {
          bars.add(i);
        }
      }
      if (bars.size() > 1) {
        bars.add(to);
        int b = random.nextInt(bars.size() - 1);
        walk(bars.get(b) + 1, bars.get(b + 1));
        return;
      }
      for (int i = from; i < to; ) {
        int end = end(i);
        int[] counts = {1, 1};
        int after = quantifier(end, to, counts);
        for (int k = count(counts[0], counts[1]); k > 0; k--) {
          atom(i, end);
        }
        i = after;
      }
    }

    private void atom(int from, int to) {
      char c = pattern.charAt(from);
      if (c == '(') {
        walk(from + 1, to - 1);
      } else if (c != '^' && c != '$') {
        List<String> m = members.get(pattern.substring(from, to));
        out.append(random.pick(m.isEmpty() || random.chance(0.03) ? alphabet : m));
      }
    }

    /** Reads a quantifier at {@code at} into counts (min, max; -1 for none) and returns its end. */
    private int quantifier(int at, int to, int[] counts) {
      if (at >= to) {
        return at;
      }
      switch (pattern.charAt(at)) {
        case '*' -> counts[0] = 0;
        case '+' -> counts[0] = 1;
        case '?' -> counts[0] = 0;
        case '{' -> {
          int close = pattern.indexOf('}', at);
          String[] parts = pattern.substring(at + 1, close).split(",");
          counts[0] = Integer.parseInt(parts[0]);
          counts[1] = Integer.parseInt(parts[parts.length - 1]);
          return close + 1;
        }
        default -> {
          return at;
        }
      }
      counts[1] = pattern.charAt(at) == '?' ? 1 : -1;
      return at + 1;
    }

    private int count(int min, int max) {
      int top = max < 0 ? min + 6 : max;
      return switch (random.nextInt(20)) {
        case 0 -> Math.max(0, min - 1);
        case 1 -> top + 1;
        case 2 -> top;
        case 3, 4, 5 -> min;
        default -> random.between(min, Math.min(top, min + 8));
      };
    }

    /** The end of the atom that starts at {@code i}. */
    private int end(int i) {
      char c = pattern.charAt(i);
      if (c == '\\') {
        return i + 2;
      }
      if (c == '[') {
        int j = i + 1;
        while (pattern.charAt(j) != ']') {
          j += pattern.charAt(j) == '\\' ? 2 : 1;
        }
        return j + 1;
      }
      if (c == '(') {
        int j = i + 1;
        while (pattern.charAt(j) != ')') {
          j = end(j);
        }
        return j + 1;
      }
      return i + 1;
    }
  }
}
