/**
 * JSON: the strict and lenient codecs over Jackson 3, with safety limits, located errors free of
 * personal data, and NDJSON streaming.
 */
@NullMarked
package org.vansdk.core.json;

import org.jspecify.annotations.NullMarked;
