package org.vansdk.fhir;

import org.vansdk.core.referral.Referral;
import org.vansdk.core.referral.ReferralAttempt;

/**
 * What a referral Bundle reads back to: the referral and its attempt.
 *
 * @param referral the referral (from the ServiceRequest)
 * @param attempt the attempt (from the Task)
 */
public record ReadBack(Referral referral, ReferralAttempt attempt) {}
