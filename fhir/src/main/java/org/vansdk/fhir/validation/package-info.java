/**
 * Validation of our FHIR resources: HAPI's validator with the official R4 schemas and our profile
 * rules, over base R4 and our StructureDefinitions (shipped in this package as differentials, with
 * snapshots generated at load).
 */
package org.vansdk.fhir.validation;
