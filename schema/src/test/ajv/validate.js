// Validates every file of the VAN golden corpus with Ajv 8 (JSON Schema 2020-12, strict mode)
// against the published schema files, and prints one verdict per file as JSON:
// [{"file": "...", "valid": true|false, "errors": [...]}, ...]
// Usage: node validate.js <schema dir> <corpus dir>
'use strict';
const fs = require('fs');
const path = require('path');
const Ajv2020 = require('ajv/dist/2020');
const addFormats = require('ajv-formats');

const schemaDir = process.argv[2];
const corpusDir = process.argv[3];
const ajv = new Ajv2020({ strict: true, allErrors: true, loadSchema: undefined });
addFormats(ajv);
for (const f of fs.readdirSync(schemaDir).filter((n) => n.endsWith('.schema.json')).sort()) {
  ajv.addSchema(JSON.parse(fs.readFileSync(path.join(schemaDir, f), 'utf8')));
}
const base = 'https://schemas.vansdk.org/1.0/';
function schemaFor(document) {
  if (document === 'submission') return base + 'submission.schema.json';
  if (document === 'ndjson_line') return base + 'ndjson-line.schema.json';
  return base + document.replace(/_/g, '-') + '.schema.json';
}
const index = JSON.parse(fs.readFileSync(path.join(corpusDir, 'index.json'), 'utf8'));
const decoder = new TextDecoder('utf-8', { fatal: true });
const verdicts = [];
for (const item of index.files) {
  const verdict = { file: item.file, valid: false, errors: [] };
  let data;
  try {
    data = JSON.parse(decoder.decode(fs.readFileSync(path.join(corpusDir, item.file))));
  } catch (e) {
    verdict.errors.push('parse: ' + e.name);
    verdicts.push(verdict);
    continue;
  }
  const validate = ajv.getSchema(schemaFor(item.document));
  verdict.valid = validate(data);
  if (!verdict.valid) {
    verdict.errors = validate.errors.map((e) => e.instancePath + ' ' + e.keyword);
  }
  verdicts.push(verdict);
}
process.stdout.write(JSON.stringify(verdicts));
