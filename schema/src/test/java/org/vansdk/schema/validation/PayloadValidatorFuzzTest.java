package org.vansdk.schema.validation;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;

/**
 * Fuzz targets of {@link PayloadValidator}. The normal build replays the inputs stored under {@code
 * src/test/resources/org/vansdk/schema/validation/PayloadValidatorFuzzTestInputs/<method>/} (seeds
 * and every input a campaign found); {@code JAZZER_FUZZ=1} fuzzes one target (select it with {@code
 * -Dtest=PayloadValidatorFuzzTest#validate}). Each input must give a report with the properties of
 * {@link FuzzProperties}.
 */
class PayloadValidatorFuzzTest {
  private static final PayloadValidator VALIDATOR = PayloadValidatorTest.VALIDATOR;

  @FuzzTest(maxDuration = "10m", maxExecutions = 1_000_000)
  void validate(byte[] input) {
    FuzzProperties.check(true, () -> VALIDATOR.validate(input));
  }

  @FuzzTest(maxDuration = "10m", maxExecutions = 1_000_000)
  void validateNdjson(byte[] input) {
    FuzzProperties.check(true, () -> VALIDATOR.validateNdjson(new ByteArrayInputStream(input)));
  }
}
