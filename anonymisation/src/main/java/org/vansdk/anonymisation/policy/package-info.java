/**
 * Anonymisation policies as documented JSON (see {@code policy-example.json} and {@code POLICY.md}
 * in this package's resources) and the audit record of what was done to produce an output. A policy
 * that would let a derived column leak what its source hides is refused.
 */
@NullMarked
package org.vansdk.anonymisation.policy;

import org.jspecify.annotations.NullMarked;
