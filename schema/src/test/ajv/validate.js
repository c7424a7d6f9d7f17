// Validates every file of the VAN golden corpus with Ajv 8 (JSON Schema 2020-12, strict mode)
// against the published schema files, and prints one verdict per file as JSON:
// [{"file": "...", "valid": true|false, "errors": [...]}, ...]
// A corpus whose index.json has "cases" instead of "files" holds referral protocol messages: each
// case is a sample with members removed and set (JSON Pointers), checked against the dispatching
// message.schema.json ("valid") and against the schema of its type when the type is known
// ("validByType"): [{"file": "<case name>", "valid": ..., "validByType": ..., "errors": [...]}].
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
for (const dir of [schemaDir, path.join(schemaDir, 'message')]) {
  if (!fs.existsSync(dir)) continue;
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.schema.json')).sort()) {
    ajv.addSchema(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
  }
}
const base = 'https://schemas.vansdk.org/1.0/';
function schemaFor(document) {
  if (document === 'submission') return base + 'submission.schema.json';
  if (document === 'ndjson_line') return base + 'ndjson-line.schema.json';
  return base + document.replace(/_/g, '-') + '.schema.json';
}
const index = JSON.parse(fs.readFileSync(path.join(corpusDir, 'index.json'), 'utf8'));
if (index.cases) {
  process.stdout.write(JSON.stringify(index.cases.map(messageVerdict)));
  process.exit(0);
}
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


// The tokens of a JSON Pointer (RFC 6901).
function tokens(pointer) {
  return pointer.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

// The message of a case: its sample with members removed, then members set.
function messageOf(item) {
  const message = JSON.parse(fs.readFileSync(path.join(corpusDir, item.base), 'utf8'));
  for (const pointer of item.remove || []) {
    const t = tokens(pointer);
    let parent = message;
    t.slice(0, -1).forEach((k) => (parent = parent[k]));
    delete parent[t[t.length - 1]];
  }
  for (const [pointer, value] of Object.entries(item.set || {})) {
    const t = tokens(pointer);
    let parent = message;
    t.slice(0, -1).forEach((k) => {
      if (typeof parent[k] !== 'object' || parent[k] === null) parent[k] = {};
      parent = parent[k];
    });
    parent[t[t.length - 1]] = value;
  }
  return message;
}

function messageVerdict(item) {
  const message = messageOf(item);
  const any = ajv.getSchema(base + 'message/message.schema.json');
  const verdict = { file: item.name, valid: any(message), validByType: null, errors: [] };
  if (!verdict.valid) {
    verdict.errors = any.errors.map((e) => e.instancePath + ' ' + e.keyword);
  }
  const byType =
    typeof message.type === 'string' && /^[a-z_]+$/.test(message.type)
      ? ajv.getSchema(base + 'message/' + message.type.replace(/_/g, '-') + '.schema.json')
      : undefined;
  if (byType) {
    verdict.validByType = byType(message);
  }
  return verdict;
}
