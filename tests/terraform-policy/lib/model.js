'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { parse } = require('@cdktf/hcl2json');

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const terraformDir = path.join(repoRoot, 'terraform');
const badFixtureDir = path.join(__dirname, '..', 'fixtures', 'bad');

function entries(blockMap, file, kind) {
  const out = [];
  for (const [name, bodies] of Object.entries(blockMap ?? {})) {
    for (const body of bodies) out.push({ kind, name, body, file });
  }
  return out;
}

function typedEntries(typeMap, file, kind, prefix) {
  const out = [];
  for (const [type, byName] of Object.entries(typeMap ?? {})) {
    for (const entry of entries(byName, file, kind)) {
      out.push({ ...entry, type, address: `${prefix}${type}.${entry.name}` });
    }
  }
  return out;
}

// Parses every *.tf file of a folder (not recursively, as Terraform does) into one model.
async function loadConfig(dir) {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.tf')).sort();
  if (files.length === 0) throw new Error(`no .tf files in ${dir}`);
  const model = {
    dir, files: {}, resources: [], data: [], ephemeral: [], variables: [], outputs: [],
    locals: {}, terraform: [], providers: [],
  };
  for (const file of files) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const json = await parse(file, text);
    model.files[file] = text;
    model.resources.push(...typedEntries(json.resource, file, 'resource', ''));
    model.data.push(...typedEntries(json.data, file, 'data', 'data.'));
    model.ephemeral.push(...typedEntries(json.ephemeral, file, 'ephemeral', 'ephemeral.'));
    model.variables.push(...entries(json.variable, file, 'variable'));
    model.outputs.push(...entries(json.output, file, 'output'));
    model.providers.push(...entries(json.provider, file, 'provider'));
    for (const block of json.locals ?? []) Object.assign(model.locals, block);
    for (const block of json.terraform ?? []) model.terraform.push({ body: block, file });
  }
  return model;
}

function requiredProviders(model) {
  const out = {};
  for (const { body } of model.terraform) {
    for (const block of body.required_providers ?? []) Object.assign(out, block);
  }
  return out;
}

// Every string in a value, depth first: the places where Terraform expressions live after hcl2json.
function strings(value, out = []) {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out));
  return out;
}

module.exports = { repoRoot, terraformDir, badFixtureDir, loadConfig, requiredProviders, strings };
