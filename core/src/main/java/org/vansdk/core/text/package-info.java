/** Text tagged with its language, for anything that may be shown to people in another country. */
@NullMarked
package org.vansdk.core.text;

import org.jspecify.annotations.NullMarked;
