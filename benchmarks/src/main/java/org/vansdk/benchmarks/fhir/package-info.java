/** Speed of the FHIR R4 export of referrals. */
package org.vansdk.benchmarks.fhir;
