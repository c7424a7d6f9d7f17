/**
 * Referrals as FHIR R4: a referral and one attempt exported as a Bundle on our profiles of base R4
 * (after the SDOH Clinical Care IG's rules), read back to the same referral and attempt, and an
 * attempt's state change as a Task update; the Patient holds only what the referral protocol's
 * consent gate discloses.
 */
package org.vansdk.fhir;
