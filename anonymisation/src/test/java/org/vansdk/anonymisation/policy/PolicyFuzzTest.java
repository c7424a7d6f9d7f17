package org.vansdk.anonymisation.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.vansdk.anonymisation.AnonymisationException;

/**
 * Fuzzes the policy reader: whatever the bytes, it returns a policy or throws the one documented
 * {@link PolicyException} ({@code VAN-A-0005}) with a JSON Pointer; nothing else escapes. The
 * normal build replays the stored inputs in {@code PolicyFuzzTestInputs/}; {@code JAZZER_FUZZ=1}
 * fuzzes, with a time limit per input (Jazzer's default, reported as a failure).
 */
class PolicyFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void parse_refusesOnlyWithPolicyException(byte[] input) {
    String json = new String(input, StandardCharsets.UTF_8);
    try {
      AnonymisationPolicy policy = AnonymisationPolicy.parse(json);
      assertTrue(policy.k() >= 1, "k");
    } catch (PolicyException e) {
      assertEquals(AnonymisationException.POLICY_REFUSED, e.code());
      assertTrue(e.pointer().isEmpty() || e.pointer().startsWith("/"), e.pointer());
      assertTrue(e.getMessage().startsWith("VAN-A-0005: policy"), e.getMessage());
    }
  }
}
