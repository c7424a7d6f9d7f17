/**
 * Semantic rules written in Java, run after the structural (JSON Schema) layer: invariants of a
 * single record (the ones core enforces when building values) and rules across the records of a
 * submission (references, date order, age, death, WG-SS, consent coverage). Internal: not exported.
 */
@NullMarked
package org.vansdk.schema.rule;

import org.jspecify.annotations.NullMarked;
