package org.vansdk.referral.node;

import java.time.Duration;
import org.vansdk.core.id.ServiceId;
import org.vansdk.referral.message.Party;

/**
 * A service a referral can be sent to: the service id, the provider's receiving party, and how long
 * the provider takes to answer (from its referral terms); unanswered attempts expire then.
 *
 * @param service the service id
 * @param provider the organisation and system that receives referrals for it
 * @param respondWithin the answer deadline, counted from sending
 */
public record DirectoryEntry(ServiceId service, Party provider, Duration respondWithin) {}
