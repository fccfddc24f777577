// Runs Electronegativity's scanner (the same runner its CLI calls) and writes
// { issues, errors } as JSON, so parse failures are visible instead of silently skipped.
// Usage: node --require ./offline.cjs run-electronegativity.cjs <input dir> <electron version> <out.json>
'use strict';
const { writeFileSync } = require('node:fs');
const run = require('@doyensec/electronegativity');

const [input, electronVersion, out] = process.argv.slice(2);
(run.default ?? run)({
  input,
  output: undefined,
  isSarif: false,
  customScan: [],
  excludeFromScan: [],
  severitySet: undefined,
  confidenceSet: undefined,
  isRelative: true,
  isVerbose: false,
  electronUpgrade: undefined,
  electronVersionOverride: electronVersion,
  parserPlugins: [],
}, false)
  .then((result) => {
    const issues = result.issues.map((i) => ({
      id: i.id,
      file: i.file,
      line: i.location?.line ?? 0,
      sample: String(i.sample ?? '').slice(0, 200),
      severity: i.severity?.name ?? String(i.severity),
      confidence: i.confidence?.name ?? String(i.confidence),
      description: i.description,
    }));
    writeFileSync(out, JSON.stringify({ checks: result.globalChecks + result.atomicChecks, issues, errors: result.errors }, null, 2));
  })
  .catch((err) => {
    console.error(err && err.stack ? err.stack : String(err));
    process.exit(1);
  });
