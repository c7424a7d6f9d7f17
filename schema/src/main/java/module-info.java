/**
 * The VAN SDK schemas and payload validator: the published JSON Schema files (draft 2020-12) and
 * {@link org.vansdk.schema.validation.PayloadValidator}, which checks structure and semantic rules
 * and reports located issues.
 */
module org.vansdk.schema {
  requires transitive org.vansdk.core;
  requires com.networknt.schema;
  requires tools.jackson.core;
  requires tools.jackson.databind;

  exports org.vansdk.schema.validation;
}
