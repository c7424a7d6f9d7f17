/** Consent: what a person agreed to share, with whom, for what, where and until when. */
package org.vansdk.core.consent;
