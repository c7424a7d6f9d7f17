package org.vansdk.testkit.corpus;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GoldenCorpusTest {
  @Test
  void corpus_hasAtLeastTheAgreedSize_andEveryInvalidCaseExpectsIssues() {
    assertTrue(GoldenCorpus.valid().size() >= 60, "valid: " + GoldenCorpus.valid().size());
    assertTrue(GoldenCorpus.invalid().size() >= 150, "invalid: " + GoldenCorpus.invalid().size());
    for (CorpusCase c : GoldenCorpus.invalid()) {
      assertFalse(c.expected().isEmpty(), c.file());
      c.bytes(); // readable from the jar (one case is the empty document)
    }
    for (CorpusCase c : GoldenCorpus.valid()) {
      assertTrue(c.expected().isEmpty(), c.file());
    }
  }
}
