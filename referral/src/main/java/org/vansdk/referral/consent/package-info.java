/**
 * The consent gate: a disclosure of personal data goes ahead only under an active consent that
 * covers the receiver, the purpose, each data category and the destination country; the payload
 * builder drops every category outside the consent.
 */
package org.vansdk.referral.consent;
