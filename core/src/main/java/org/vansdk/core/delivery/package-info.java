/** Service deliveries: the assistance survivors actually received. */
@NullMarked
package org.vansdk.core.delivery;

import org.jspecify.annotations.NullMarked;
