/**
 * The root of the VAN SDK core: the shared {@link org.vansdk.core.VanStyle} for value types and the
 * exception hierarchy ({@link org.vansdk.core.VanException} with a stable {@link
 * org.vansdk.core.ErrorCode}). The canonical model lives in the sub-packages, one per domain
 * concept.
 */
@NullMarked
package org.vansdk.core;

import org.jspecify.annotations.NullMarked;
