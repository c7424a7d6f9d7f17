/**
 * Streaming validation of NDJSON submissions in bounded memory: each line is validated on its own,
 * and references across lines are checked against sets of identifiers. Internal: not exported.
 */
@NullMarked
package org.vansdk.schema.stream;

import org.jspecify.annotations.NullMarked;
