'use strict';

const { test, before } = require('node:test');
const assert = require('node:assert/strict');
const { loadConfig, terraformDir, badFixtureDir } = require('./lib/model');
const { loadSchemas } = require('./lib/schema');
const { rules } = require('./lib/rules');

let good;
let bad;
let schemas;
const ctx = { schemas: () => (schemas ??= loadSchemas(good)) };

before(async () => {
  good = await loadConfig(terraformDir);
  bad = await loadConfig(badFixtureDir);
});

for (const rule of rules) {
  test(`${rule.id}: ${rule.title}`, async (t) => {
    await t.test('terraform/ complies', () => {
      assert.deepEqual(rule.check(good, ctx), []);
    });
    await t.test('the bad fixture is reported', () => {
      const violations = rule.check(bad, ctx);
      assert.ok(
        violations.some((v) => v.includes(rule.bad)),
        `expected a violation naming ${rule.bad}, got ${JSON.stringify(violations)}`,
      );
      for (const expected of rule.badReports ?? []) {
        assert.ok(
          violations.some((v) => v.includes(expected)),
          `expected a violation containing "${expected}", got ${JSON.stringify(violations, null, 1)}`,
        );
      }
    });
  });
}
