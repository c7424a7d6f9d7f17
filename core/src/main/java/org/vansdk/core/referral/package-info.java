/**
 * Referral records: the referral (the need, owned by the referrer) and its attempts with their
 * status history. The protocol that moves them lives in the van-referral module.
 */
@NullMarked
package org.vansdk.core.referral;

import org.jspecify.annotations.NullMarked;
