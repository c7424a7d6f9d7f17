/**
 * Code lists: the {@link org.vansdk.core.code.CodeValue} contract every code-list enum implements,
 * reverse lookup with clear errors, and labels in English, Khmer, Lao, Burmese, Thai and Vietnamese
 * with each language's review status. The enums themselves live with the concept they describe.
 */
@NullMarked
package org.vansdk.core.code;

import org.jspecify.annotations.NullMarked;
