package org.vansdk.referral.node;

import java.util.ArrayList;
import java.util.List;
import org.vansdk.schema.validation.MessageValidator;
import org.vansdk.schema.validation.Severity;
import org.vansdk.schema.validation.ValidationIssue;
import tools.jackson.databind.JsonNode;

/**
 * The structural check of received messages: van-schema's {@link MessageValidator} against the
 * published message schemas ({@code https://schemas.vansdk.org/1.0/message/<type>.schema.json},
 * classpath only, format assertions on). Each problem is rendered as {@code <pointer>: <code>
 * <message>}; the validator never puts a value of the message in an issue.
 */
final class MessageSchemas implements MessageValidation {
  private static final int MAX_PROBLEMS = 10;

  private static final MessageSchemas INSTANCE = new MessageSchemas();

  private final MessageValidator validator = MessageValidator.create();

  private MessageSchemas() {}

  static MessageSchemas instance() {
    return INSTANCE;
  }

  @Override
  public List<String> validate(JsonNode message) {
    List<ValidationIssue> issues = validator.validate(message).issues();
    if (issues.isEmpty()) {
      return List.of();
    }
    List<String> problems = new ArrayList<>();
    int errors = 0;
    for (ValidationIssue i : issues) {
      if (i.severity() != Severity.ERROR) {
        continue; // a newer minor version is accepted: its members are allowed by the schemas
      }
      if (++errors <= MAX_PROBLEMS) {
        problems.add(
            (i.pointer().isEmpty() ? "/" : i.pointer())
                + ": "
                + i.code().code()
                + " "
                + i.message());
      }
    }
    if (errors > MAX_PROBLEMS) {
      problems.add("… " + (errors - MAX_PROBLEMS) + " more");
    }
    return problems;
  }
}
