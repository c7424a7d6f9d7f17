package org.vansdk.schema.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.vansdk.core.json.JsonEncoding;
import org.vansdk.core.json.VanJson;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * The outcome of parsing one JSON document with the SDK's limits: a tree, or one issue that says
 * why there is none. Parse errors never echo input text.
 */
final class ParsedDocument {
  private final @Nullable JsonNode tree;
  private final @Nullable ValidationIssue problem;

  private ParsedDocument(@Nullable JsonNode tree, @Nullable ValidationIssue problem) {
    this.tree = tree;
    this.problem = problem;
  }

  static ParsedDocument parse(VanJson json, byte[] bytes) {
    JsonEncoding encoding = JsonEncoding.detect(bytes);
    if (!encoding.isWireFormat()) {
      return failed(
          ValidationIssue.error(IssueCode.INVALID_ENCODING, "", encoding.problem()).at(1, 1));
    }
    try (JsonParser parser = json.mapper().createParser(bytes)) {
      JsonNode tree;
      try {
        tree = reader(json).readValue(parser);
      } catch (JacksonException e) {
        ValidationIssue issue = translate(e);
        return failed(
            issue.code() == IssueCode.LIMIT_EXCEEDED ? locatedLimit(issue, parser) : issue);
      } catch (NumberFormatException e) {
        // an exponent beyond an int (1e2147483648): Jackson's message quotes the input
        return failed(
            locatedLimit(
                ValidationIssue.error(IssueCode.LIMIT_EXCEEDED, "", Numbers.OUT_OF_RANGE), parser));
      }
      if (tree == null || tree.isMissingNode()) {
        return failed(
            ValidationIssue.error(
                    IssueCode.MALFORMED_JSON, "", "the input is empty; expected a JSON object")
                .at(1, 1));
      }
      try {
        if (parser.nextToken() != null) {
          return failed(trailing(parser.currentTokenLocation()));
        }
      } catch (StreamConstraintsException e) {
        return failed(translate(e).at(1, 1));
      } catch (JacksonException e) {
        String m = String.valueOf(e.getOriginalMessage());
        return failed(
            m.contains("UTF-8") || m.contains("UTF8") ? translate(e) : trailing(e.getLocation()));
      } catch (NumberFormatException e) {
        return failed(trailing(parser.currentTokenLocation()));
      }
      return new ParsedDocument(tree, null);
    } catch (JacksonException e) {
      return failed(translate(e));
    } catch (StackOverflowError e) {
      return failed(
          ValidationIssue.error(IssueCode.LIMIT_EXCEEDED, "", "the input is nested too deeply")
              .at(1, 1));
    }
  }

  /**
   * Locates a limit error where the parser stopped: its line and column, and the pointer of the
   * value being read (names that are not words of the schemas hidden). A limit error from Jackson
   * carries no location of its own worth keeping: the parser knows where it is.
   */
  private static ValidationIssue locatedLimit(ValidationIssue issue, JsonParser parser) {
    TokenStreamLocation loc = parser.currentLocation();
    long line = loc != null && loc.getLineNr() > 0 ? loc.getLineNr() : 1;
    long column = loc != null && loc.getColumnNr() > 0 ? loc.getColumnNr() : 1;
    List<String> shown = new ArrayList<>();
    List<String> real = new ArrayList<>();
    for (TokenStreamContext c = parser.streamReadContext(); c != null; c = c.getParent()) {
      if (c.inArray() && c.hasCurrentIndex()) {
        shown.add(String.valueOf(c.getCurrentIndex()));
        real.add(String.valueOf(c.getCurrentIndex()));
      } else if (c.inObject() && c.currentName() != null) {
        shown.add(Vocabulary.segment(c.currentName()));
        real.add(StructuralLayer.escape(c.currentName()));
      }
    }
    ValidationIssue located =
        ValidationIssue.error(issue.code(), pointer(shown), issue.message()).at(line, column);
    String locus = pointer(real);
    return locus.equals(located.pointer()) ? located : located.locatedBy(locus);
  }

  private static String pointer(List<String> reversedSegments) {
    StringBuilder sb = new StringBuilder();
    for (int i = reversedSegments.size() - 1; i >= 0; i--) {
      sb.append('/').append(reversedSegments.get(i));
    }
    return sb.toString();
  }

  private static final java.util.Map<VanJson, ObjectReader> READERS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static ObjectReader reader(VanJson json) {
    return READERS.computeIfAbsent(
        json,
        j ->
            j.mapper()
                .readerFor(JsonNode.class)
                .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS));
  }

  static ValidationIssue translate(JacksonException e) {
    String message = String.valueOf(e.getOriginalMessage());
    ValidationIssue issue;
    if (isLimit(e)) {
      issue =
          ValidationIssue.error(
              IssueCode.LIMIT_EXCEEDED, "", "input exceeds a safety limit: " + limitOf(message));
    } else if (message.startsWith("Duplicate")) {
      issue =
          ValidationIssue.error(
              IssueCode.DUPLICATE_PROPERTY,
              "",
              "duplicate property: each key may appear once per object");
    } else if (message.contains("Trailing token")) {
      issue =
          ValidationIssue.error(
              IssueCode.TRAILING_CONTENT, "", "trailing content after the JSON document");
    } else if (message.contains("UTF-8") || message.contains("UTF8")) {
      issue = ValidationIssue.error(IssueCode.INVALID_ENCODING, "", "the input is not valid UTF-8");
    } else {
      issue =
          ValidationIssue.error(
              IssueCode.MALFORMED_JSON,
              "",
              "not well-formed JSON (RFC 8259): check quotes, commas and brackets");
    }
    TokenStreamLocation loc = e.getLocation();
    if (loc != null && loc.getLineNr() > 0) {
      issue = issue.at(loc.getLineNr(), Math.max(1, loc.getColumnNr()));
    }
    return issue;
  }

  private static boolean isLimit(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StreamConstraintsException) {
        return true;
      }
    }
    return false;
  }

  private static ValidationIssue trailing(TokenStreamLocation loc) {
    ValidationIssue issue =
        ValidationIssue.error(
            IssueCode.TRAILING_CONTENT, "", "trailing content after the JSON document");
    return loc != null && loc.getLineNr() > 0
        ? issue.at(loc.getLineNr(), Math.max(1, loc.getColumnNr()))
        : issue.at(1, 1);
  }

  private static String limitOf(String message) {
    String m = message.toLowerCase(java.util.Locale.ROOT);
    if (m.contains("nesting")) {
      return "nesting depth above the maximum";
    }
    if (m.contains("string value length")) {
      return "a string longer than the maximum";
    }
    if (m.contains("number value length")) {
      return "a number literal longer than the maximum";
    }
    if (m.contains("document length")) {
      return "document larger than the maximum";
    }
    if (m.contains("name length")) {
      return "a property name longer than the maximum";
    }
    return "see the SDK's JSON limits";
  }

  static ParsedDocument failed(ValidationIssue issue) {
    return new ParsedDocument(null, issue);
  }

  Optional<JsonNode> tree() {
    return Optional.ofNullable(tree);
  }

  Optional<ValidationIssue> problem() {
    return Optional.ofNullable(problem);
  }
}
