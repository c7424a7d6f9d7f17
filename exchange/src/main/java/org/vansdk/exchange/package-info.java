/**
 * The standard exports other systems read, and their shared error type; each format lives in its
 * own package ({@code hsds}, {@code sdmx}, {@code treaty}, {@code sheet}).
 */
@NullMarked
package org.vansdk.exchange;

import org.jspecify.annotations.NullMarked;
