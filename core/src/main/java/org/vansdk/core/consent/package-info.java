/** Consent: what a person agreed to share, with whom, for what, where and until when. */
@NullMarked
package org.vansdk.core.consent;

import org.jspecify.annotations.NullMarked;
