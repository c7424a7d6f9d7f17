/**
 * The golden corpus: valid and invalid payloads with the issues a validator must report, and
 * misspelt keys of configuration documents that a strict reader must refuse, for vendors' own
 * tests.
 */
@NullMarked
package org.vansdk.testkit.corpus;

import org.jspecify.annotations.NullMarked;
