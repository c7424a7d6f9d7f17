package org.vansdk.schema.validation;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vansdk.testkit.corpus.CorpusCase;
import org.vansdk.testkit.corpus.GoldenCorpus;

class PayloadAssertionsTest {
  @Test
  void validCorpusPayloads_pass_invalidOnes_failWithTheirCodes() {
    CorpusCase valid = GoldenCorpus.valid().get(0);
    PayloadAssertions.assertValid(valid.bytes());
    CorpusCase invalid =
        GoldenCorpus.invalid().stream()
            .filter(c -> c.document().equals("casualty") && c.expected().size() == 1)
            .findFirst()
            .orElseThrow();
    AssertionError e =
        assertThrows(AssertionError.class, () -> PayloadAssertions.assertValid(invalid.text()));
    assertTrue(e.getMessage().contains(invalid.expected().get(0).code()), e.getMessage());
    PayloadAssertions.assertIssues(invalid.text(), invalid.expectedCodes().toArray(String[]::new));
    assertThrows(AssertionError.class, () -> PayloadAssertions.assertIssues(invalid.text()));
  }
}
