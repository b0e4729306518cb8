'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { requiredProviders, strings } = require('./model');

const META_ARGUMENTS = new Set(['count', 'for_each', 'depends_on', 'lifecycle', 'provider', 'provisioner', 'connection']);
const EXACT_VERSION = /^\d+\.\d+\.\d+$/;

const schemaDir = path.join(__dirname, '..', 'schemas');

function schemaPath(provider, version) {
  return path.join(schemaDir, `schema-${provider}-${version}.json`);
}

function loadSchemas(model) {
  const schemas = {};
  for (const [name, pin] of Object.entries(requiredProviders(model))) {
    const version = typeof pin === 'object' ? pin.version : undefined;
    if (!EXACT_VERSION.test(version ?? '')) {
      throw new Error(`terraform.tf pins ${name} as "${version}"; pin an exact version (x.y.z) so it can be checked against its schema file`);
    }
    const file = schemaPath(name, version);
    if (!fs.existsSync(file)) {
      throw new Error(`schema for ${name} ${version} not found at ${file}: add the documented schema of the pinned version to tests/terraform-policy/schemas/ (see its README.md)`);
    }
    schemas[name] = JSON.parse(fs.readFileSync(file, 'utf8'));
  }
  return schemas;
}

function providerOf(type) {
  return type.split('_')[0];
}

function checkBody(body, spec, blocks, where, out) {
  const present = new Set();
  for (const [key, value] of Object.entries(body ?? {})) {
    if (META_ARGUMENTS.has(key)) continue;
    if (key === 'dynamic') {
      for (const [blockName, dynamics] of Object.entries(value)) {
        present.add(blockName);
        if (!spec.arguments?.[blockName]?.block) {
          out.push(`${where}: dynamic "${blockName}" is not a block of this type`);
          continue;
        }
        for (const dynamic of dynamics) {
          for (const content of dynamic.content ?? []) {
            checkBody(content, blocks[blockName] ?? {}, blocks, `${where}.${blockName}`, out);
          }
        }
      }
      continue;
    }
    present.add(key);
    const argument = spec.arguments?.[key];
    if (!argument) {
      const removed = spec.removed?.[key];
      out.push(`${where}: unknown argument or block "${key}"${removed ? ` (${removed})` : ''}`);
      continue;
    }
    if (argument.read_only) {
      out.push(`${where}: "${key}" is read-only`);
      continue;
    }
    const nested = blocks[key];
    if (argument.block) {
      if (!Array.isArray(value)) {
        out.push(`${where}: "${key}" is a block; write ${key} { ... }`);
        continue;
      }
      value.forEach((item) => checkBody(item, nested ?? {}, blocks, `${where}.${key}`, out));
    } else if (nested && value && typeof value === 'object' && !Array.isArray(value)) {
      checkBody(value, nested, blocks, `${where}.${key}`, out);
    }
  }
  for (const [name, argument] of Object.entries(spec.arguments ?? {})) {
    if (argument.required && !present.has(name)) out.push(`${where}: required "${name}" is missing`);
  }
}

const REFERENCE = /(?<![\w.])(data\.|ephemeral\.)?((?:azurerm|azapi|random|time)_[a-z0-9_]+)\.([a-z0-9_]+)(?:\[[^\]]*\])?(?:\.([a-z0-9_]+))?/g;
const KIND_OF_PREFIX = { 'data.': 'data', 'ephemeral.': 'ephemeral' };

function checkReferences(model, schemas, out) {
  const declared = new Set([...model.resources, ...model.data, ...model.ephemeral].map((r) => r.address));
  const everything = [model.resources, model.data, model.ephemeral, model.outputs, model.locals, model.variables, model.providers];
  for (const text of strings(everything)) {
    if (!text.includes('${')) continue;
    for (const [, prefix, type, name, attribute] of text.matchAll(REFERENCE)) {
      const address = `${prefix ?? ''}${type}.${name}`;
      if (!declared.has(address)) {
        out.push(`reference to ${address}, which is not declared`);
        continue;
      }
      const schema = schemas[providerOf(type)];
      const spec = schema?.[KIND_OF_PREFIX[prefix] ?? 'resource']?.[type];
      if (!spec || !attribute) continue;
      const known = attribute === 'id' || attribute in (spec.arguments ?? {}) || (spec.attributes ?? []).includes(attribute);
      if (!known) out.push(`${address}.${attribute}: "${attribute}" is neither an argument nor an attribute of ${type}`);
    }
  }
}

// A stand-in for `terraform validate`, which needs downloaded providers: every resource, data and ephemeral type,
// argument, nested block and attribute reference must exist in the documented schema of the pinned version.
function checkSchema(model, schemas) {
  const out = [];
  const groups = [['resource', model.resources], ['data', model.data], ['ephemeral', model.ephemeral]];
  for (const [kind, items] of groups) {
    for (const item of items) {
      const provider = providerOf(item.type);
      const schema = schemas[provider];
      if (!schema) {
        out.push(`${item.address}: provider "${provider}" is not in required_providers`);
        continue;
      }
      const spec = schema[kind]?.[item.type];
      if (!spec) {
        const removed = schema.removed_resources?.[item.type];
        out.push(`${item.address}: unknown ${kind} type for ${provider} ${schema.version}${removed ? ` (${removed})` : ''}`);
        continue;
      }
      checkBody(item.body, spec, spec.blocks ?? {}, item.address, out);
    }
  }
  for (const provider of model.providers) {
    const config = schemas[provider.name]?.provider_config;
    if (config) checkBody(provider.body, config, config.blocks ?? {}, `provider.${provider.name}`, out);
  }
  checkReferences(model, schemas, out);
  return out;
}

module.exports = { loadSchemas, checkSchema, schemaPath };
