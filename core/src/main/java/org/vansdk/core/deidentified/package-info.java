/** The de-identified regional sharing profile produced by anonymisation. */
@NullMarked
package org.vansdk.core.deidentified;

import org.jspecify.annotations.NullMarked;
