/**
 * Referral records: the referral (the need, owned by the referrer) and its attempts with their
 * status history, and the attempt state table ({@link org.vansdk.core.referral.AttemptStateTable}):
 * which party may move an attempt from which status to which. The protocol that exchanges the moves
 * between organisations lives in the van-referral module.
 */
@NullMarked
package org.vansdk.core.referral;

import org.jspecify.annotations.NullMarked;
