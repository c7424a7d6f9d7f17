package org.vansdk.referral.node;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** Structural validation of an incoming message; returns problems (pointer and rule), no values. */
interface MessageValidation {

  /** Problems found, empty if the message is structurally valid. */
  List<String> validate(JsonNode message);

  /** Accepts everything (used where schemas are checked elsewhere, e.g. benchmarks of parts). */
  MessageValidation NONE = m -> List.of();
}
