/**
 * The consent gate: a disclosure of personal data goes ahead only under the person's own consent,
 * the one the referral names, in force at the moment of sending, that covers the receiver (an
 * organisation of the destination country), the purpose, each data category (free text counted as
 * the categories it may hold) and the destination country; the payload builder holds back every
 * category outside the request or the consent and reports it.
 */
@NullMarked
package org.vansdk.referral.consent;

import org.jspecify.annotations.NullMarked;
