/**
 * The VAN SDK schemas and validators: the published JSON Schema files (draft 2020-12) for records
 * and referral protocol messages, {@link org.vansdk.schema.validation.PayloadValidator}, which
 * checks structure and semantic rules of records and reports located issues, and {@link
 * org.vansdk.schema.validation.MessageValidator}, which checks protocol messages.
 */
module org.vansdk.schema {
  requires transitive org.vansdk.core;
  requires com.networknt.schema;
  requires tools.jackson.core;
  requires tools.jackson.databind;

  exports org.vansdk.schema.validation;
}
