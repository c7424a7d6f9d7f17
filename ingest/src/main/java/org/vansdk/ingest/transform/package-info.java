/**
 * Value transforms of an import: text normalisation, national digits, date patterns with the
 * Buddhist Era, spelling distance and the resolution of place names to P-codes.
 */
package org.vansdk.ingest.transform;
