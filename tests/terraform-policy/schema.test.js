'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { test, before } = require('node:test');
const assert = require('node:assert/strict');
const { loadConfig, requiredProviders, terraformDir, badFixtureDir } = require('./lib/model');
const { loadSchemas, checkSchema, schemaPath } = require('./lib/schema');

const pinned = /azurerm\s*=\s*\{[^}]*version\s*=\s*"([^"]+)"/s.exec(
  fs.readFileSync(path.join(terraformDir, 'terraform.tf'), 'utf8'),
)?.[1];

let good;
let bad;
let schemas;

before(async () => {
  good = await loadConfig(terraformDir);
  bad = await loadConfig(badFixtureDir);
});

test(`SCHEMA: a schema file exists for every pinned provider (azurerm ${pinned})`, () => {
  assert.equal(requiredProviders(good).azurerm?.version, pinned);
  assert.ok(fs.existsSync(schemaPath('azurerm', pinned)), `missing ${schemaPath('azurerm', pinned)}`);
  schemas = loadSchemas(good);
  assert.deepEqual(Object.keys(schemas).sort(), Object.keys(requiredProviders(good)).sort());
  for (const [name, schema] of Object.entries(schemas)) {
    assert.equal(`${schema.provider} ${schema.version}`, `${name} ${requiredProviders(good)[name].version}`, `${schemaPath(name, schema.version)} describes another provider or version`);
  }
});

test('SCHEMA: the schema folder holds exactly the pinned versions, each listed in its README', () => {
  const pinnedFiles = Object.entries(requiredProviders(good)).map(([name, pin]) => path.basename(schemaPath(name, pin.version)));
  const dir = path.dirname(schemaPath('azurerm', pinned));
  const present = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
  assert.deepEqual(present.sort(), pinnedFiles.sort());
  const readme = fs.readFileSync(path.join(dir, 'README.md'), 'utf8');
  for (const file of pinnedFiles) assert.ok(readme.includes(`\`${file}\``), `schemas/README.md does not list ${file}`);
});

test('SCHEMA: a pin without its schema file is refused with the folder to add it to', () => {
  const unpinned = { terraform: [{ body: { required_providers: [{ azurerm: { source: 'hashicorp/azurerm', version: '4.0.0' } }] } }] };
  assert.throws(() => loadSchemas(unpinned), /schema for azurerm 4\.0\.0 not found .*tests\/terraform-policy\/schemas\//);
  assert.throws(() => loadSchemas(bad), /pin an exact version/);
});

test(`SCHEMA: every type, argument, block and attribute reference in terraform/ exists in azurerm ${pinned} and the other pinned providers`, () => {
  schemas ??= loadSchemas(good);
  assert.deepEqual(checkSchema(good, schemas), []);
});

test('SCHEMA: the bad fixture is reported: misspelled argument, removed type and argument, unknown attribute, missing required argument, ephemeral argument and attribute', () => {
  schemas ??= loadSchemas(good);
  const violations = checkSchema(bad, schemas);
  const expected = [
    'azurerm_storage_account.misspelled: unknown argument or block "https_traffic_only_enabeld"',
    'azurerm_function_app.removed: unknown resource type for azurerm',
    'azurerm_key_vault.legacy: unknown argument or block "enable_rbac_authorization" (removed in v5.0',
    'azurerm_storage_account.misspelled.primary_blob_endpont: "primary_blob_endpont" is neither an argument nor an attribute',
    'azurerm_storage_container.orphan: required "storage_account_id" is missing',
    'azurerm_storage_account.misspelled.blob_properties: unknown argument or block "versioning"',
    'ephemeral.random_password.with_keepers: unknown argument or block "keepers"',
    'ephemeral.random_password.with_keepers.reslt: "reslt" is neither an argument nor an attribute',
  ];
  for (const message of expected) {
    assert.ok(violations.some((v) => v.startsWith(message)), `expected "${message}…" among ${JSON.stringify(violations, null, 1)}`);
  }
});
