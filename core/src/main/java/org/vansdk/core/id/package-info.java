/**
 * Identifiers: namespaced record identifiers ({@code KHM-CMAA-000123}), one small type per record
 * kind, and external identifiers (national ID, disability card, IDPoor, CMVIS, IMSMA), which are
 * personal data.
 */
@NullMarked
package org.vansdk.core.id;

import org.jspecify.annotations.NullMarked;
