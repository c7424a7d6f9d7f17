/** Quality-of-life surveys (CMAA-style QLS). */
@NullMarked
package org.vansdk.core.qls;

import org.jspecify.annotations.NullMarked;
