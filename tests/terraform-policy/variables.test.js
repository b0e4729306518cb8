'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { terraformDir } = require('./lib/model');

// The validation blocks run for real: terraform/variables.tf alone in a scratch folder is a configuration without
// providers, so `terraform plan` evaluates every variable's validation offline and plans nothing.
let scratch;

before(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-variables-'));
  fs.copyFileSync(path.join(terraformDir, 'variables.tf'), path.join(scratch, 'variables.tf'));
});

after(() => fs.rmSync(scratch, { recursive: true, force: true }));

function plan(name, value) {
  const result = spawnSync(
    'terraform',
    ['plan', '-input=false', '-no-color', '-lock=false', '-refresh=false', `-var=${name}=${value}`],
    { cwd: scratch, encoding: 'utf8', env: { ...process.env, TF_DATA_DIR: path.join(scratch, '.terraform'), TF_IN_AUTOMATION: '1' } },
  );
  if (result.error) throw result.error;
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

const cases = {
  training_default_dataset: {
    refusedWhat: "paths that leave the container, absolute paths, URLs, escapes, '.' segments and empty names",
    accepted: ['archive.csv', '2025-07/data.csv', 'exports/2025/archive_v2.csv', '.hidden/data.csv'],
    refused: ['', '../archive.csv', 'data/../../archive.csv', '/archive.csv', 'data//archive.csv', './archive.csv', '..',
      'https://evil.example/archive.csv', 'C:\\data\\archive.csv', '%2e%2e/archive.csv', 'data/archive.csv?x=1', 'a'.repeat(1025)],
  },
  model_reload_interval: {
    refusedWhat: 'anything but hh:mm:ss within one day',
    accepted: ['00:00:30', '00:00:00', '01:00:00', '23:59:59'],
    refused: ['', '30', '30s', '0:0:30', '24:00:00', '00:60:00', '1.00:00:00', '-00:00:30'],
  },
};

for (const [name, { accepted, refused, refusedWhat }] of Object.entries(cases)) {
  test(`VARIABLES: ${name} accepts ${accepted.map((v) => JSON.stringify(v)).join(', ')}`, () => {
    for (const value of accepted) {
      const { ok, output } = plan(name, value);
      assert.ok(ok, `${name}=${JSON.stringify(value)} was refused:\n${output}`);
    }
  });

  test(`VARIABLES: ${name} refuses ${refusedWhat}`, () => {
    for (const value of refused) {
      const { ok, output } = plan(name, value);
      assert.ok(!ok, `${name}=${JSON.stringify(value)} was accepted`);
      assert.match(output, new RegExp(`${name} must be`), `${name}=${JSON.stringify(value)} failed for another reason:\n${output}`);
    }
  });
}
