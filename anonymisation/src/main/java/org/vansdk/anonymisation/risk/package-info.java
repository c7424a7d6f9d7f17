/**
 * Re-identification risk under the prosecutor model (an attacker who knows the target is in the
 * data and knows the target's quasi-identifiers): equivalence classes, records in classes below k,
 * highest and average risk, before and after anonymisation.
 */
package org.vansdk.anonymisation.risk;
