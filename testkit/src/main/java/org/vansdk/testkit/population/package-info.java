/**
 * Synthetic national populations: deterministic, internally consistent streams of every record type
 * for one country, shaped by its profile, written as NDJSON in bounded memory or as one Submission
 * document for small sizes.
 */
package org.vansdk.testkit.population;
