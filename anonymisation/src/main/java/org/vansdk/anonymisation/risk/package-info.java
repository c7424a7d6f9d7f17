/**
 * Re-identification risk under the prosecutor model (an attacker who knows the target is in the
 * data and knows the target's quasi-identifiers): equivalence classes, records in classes below k,
 * highest and average risk, before and after anonymisation; and utility beside it: the records
 * released at each level of each quasi-identifier, and the records usable for each question the
 * release should answer.
 */
@NullMarked
package org.vansdk.anonymisation.risk;

import org.jspecify.annotations.NullMarked;
