package org.vansdk.schema.validation;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Runs a schema and turns networknt's errors into issues with our codes and messages. */
final class StructuralLayer {
  private StructuralLayer() {}

  static List<ValidationIssue> validate(Schema schema, JsonNode document) {
    return validate(schema, document, "");
  }

  /**
   * Validates a part of a document against its own schema; pointers are prefixed with where the
   * part sits in the document (e.g. {@code /record} for the record of an NDJSON line).
   */
  static List<ValidationIssue> validate(Schema schema, JsonNode part, String prefix) {
    return validate(schema, part, prefix, true);
  }

  /**
   * Validates without keeping any offending value in the issues, for documents in which even a
   * code-shaped value may be personal data (protocol messages).
   */
  static List<ValidationIssue> validateWithoutValues(Schema schema, JsonNode document) {
    return validate(schema, document, "", false);
  }

  private static List<ValidationIssue> validate(
      Schema schema, JsonNode part, String prefix, boolean codeValues) {
    List<Error> errors = schema.validate(part);
    if (errors.isEmpty()) {
      return new ArrayList<>();
    }
    List<ValidationIssue> issues = new ArrayList<>(errors.size());
    for (Error e : errors) {
      issues.add(translate(e, prefix, codeValues));
    }
    return issues;
  }

  private static ValidationIssue translate(Error e, String prefix, boolean codeValues) {
    ValidationIssue issue = describe(e, prefix, codeValues);
    String real = prefix + realPointer(e.getInstanceLocation());
    if (e.getKeyword() != null
        && (e.getKeyword().equals("additionalProperties")
            || e.getKeyword().equals("unevaluatedProperties"))
        && e.getProperty() != null) {
      real = real + "/" + escape(e.getProperty());
    }
    return real.equals(issue.pointer()) ? issue : issue.locatedBy(real);
  }

  /** The pointer of an instance location, with every name that is not a schema word hidden. */
  static String shownPointer(NodePath path) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; path != null && i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      sb.append('/')
          .append(
              element instanceof Integer
                  ? element.toString()
                  : Vocabulary.segment(String.valueOf(element)));
    }
    return sb.toString();
  }

  private static String realPointer(NodePath path) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; path != null && i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      sb.append('/')
          .append(
              element instanceof Integer ? element.toString() : escape(String.valueOf(element)));
    }
    return sb.toString();
  }

  private static ValidationIssue describe(Error e, String prefix, boolean codeValues) {
    String keyword = String.valueOf(e.getKeyword());
    String pointer = prefix + shownPointer(e.getInstanceLocation());
    JsonNode schemaNode = e.getSchemaNode();
    JsonNode instance = e.getInstanceNode();
    String where = pointer.isEmpty() ? "the document" : pointer;
    switch (keyword) {
      case "required":
        {
          String property = e.getProperty() == null ? "a property" : e.getProperty();
          return ValidationIssue.error(
              IssueCode.REQUIRED_PROPERTY,
              pointer + "/" + property,
              "required property '" + property + "' is missing in " + where);
        }
      case "unevaluatedProperties":
      case "additionalProperties":
        {
          String property = e.getProperty();
          String at = property == null ? pointer : pointer + "/" + Vocabulary.segment(property);
          boolean shown = property != null && Vocabulary.isWord(property);
          return ValidationIssue.error(
              IssueCode.UNKNOWN_PROPERTY,
              at,
              "property "
                  + (shown ? "'" + property + "'" : "(name hidden)")
                  + " is not defined here; see the schema for allowed properties");
        }
      case "type":
        return ValidationIssue.error(
            IssueCode.WRONG_TYPE,
            pointer,
            "wrong JSON type at "
                + where
                + ": found "
                + typeOf(instance)
                + "; allowed: "
                + (schemaNode == null ? "see schema" : schemaNode.toString()));
      case "enum":
      case "const":
        {
          ValidationIssue issue =
              ValidationIssue.error(
                  IssueCode.NOT_IN_CODE_LIST,
                  pointer,
                  "value at "
                      + where
                      + " is not allowed; allowed: "
                      + (schemaNode == null ? "see schema" : schemaNode.toString()));
          return codeValues ? codeValue(issue, instance) : issue;
        }
      case "pattern":
        return ValidationIssue.error(
            IssueCode.PATTERN_MISMATCH,
            pointer,
            "value at "
                + where
                + " does not match the pattern "
                + (schemaNode == null ? "of the schema" : schemaNode.asString()));
      case "format":
        return ValidationIssue.error(
            IssueCode.FORMAT_MISMATCH,
            pointer,
            "value at "
                + where
                + " is not of format "
                + (schemaNode == null ? "given by the schema" : schemaNode.asString())
                + " (RFC 3339; a date-time needs an offset, e.g. 2024-03-01T02:00:00Z)");
      case "minimum":
      case "maximum":
      case "exclusiveMinimum":
      case "exclusiveMaximum":
        return ValidationIssue.error(
            IssueCode.OUT_OF_RANGE,
            pointer,
            "number at "
                + where
                + " is out of range; "
                + keyword
                + " is "
                + (schemaNode == null ? "given by the schema" : schemaNode.toString()));
      case "minItems":
      case "maxItems":
      case "minLength":
      case "maxLength":
        return ValidationIssue.error(
            IssueCode.WRONG_LENGTH,
            pointer,
            "value at "
                + where
                + " has the wrong length; "
                + keyword
                + " is "
                + (schemaNode == null ? "given by the schema" : schemaNode.toString()));
      default:
        return ValidationIssue.error(
            IssueCode.SCHEMA_VIOLATION,
            pointer,
            "value at " + where + " fails the schema keyword " + keyword);
    }
  }

  private static ValidationIssue codeValue(ValidationIssue issue, JsonNode instance) {
    if (instance != null && instance.isString() && Vocabulary.isWord(instance.asString())) {
      return issue.withValue(instance.asString());
    }
    return issue;
  }

  static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  private static String typeOf(JsonNode node) {
    if (node == null) {
      return "nothing";
    }
    if (node.isObject()) {
      return "an object";
    }
    if (node.isArray()) {
      return "an array";
    }
    if (node.isString()) {
      return "a string";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    if (node.isNull()) {
      return "null (leave the property out when the value is unknown)";
    }
    if (node.isIntegralNumber()) {
      return "an integer";
    }
    return "a number";
  }
}
