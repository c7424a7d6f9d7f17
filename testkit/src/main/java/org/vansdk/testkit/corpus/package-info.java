/**
 * The golden corpus: valid and invalid payloads with the issues a validator must report, for
 * vendors' own tests.
 */
package org.vansdk.testkit.corpus;
