// The scenario planner page (/api/ui) end to end: real `archive-forecast serve`, real model, Debian's headless Chromium.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { launchChromium } from './support/browser.mjs';
import { INSTANCE_FIELDS, OUTPUT_COLUMNS, csvRows, expectedInstance, rowInstance, scenarioFigures } from './support/builders.mjs';
import { parseCsv, writeCsv } from './support/csv.mjs';
import { callModelInfo, callPredict, dataValues, fillScenario, openPlanner, outputDir, recordPredictRequests, screenshot } from './support/planner.mjs';
import { startService } from './support/service.mjs';

const gb = (value) => `${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} GB`;

const csvHeader = ['source_id', ...INSTANCE_FIELDS];

let service;
let browser;

before(async () => {
  service = await startService();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await service?.stop();
});

async function withPlanner(options, body) {
  const planner = await openPlanner(browser, service.baseUrl, options);
  try {
    await body(planner.page, planner);
    assert.deepEqual(await planner.problems(), [], 'no script errors and no CSP violations');
  } finally {
    await planner.context.close();
  }
}

async function enterKey(page, key = service.key) {
  await page.fill('#function-key', key);
}

async function forecast(page, index) {
  await page.click(`#s${index} .forecast-button`);
  await page.waitForSelector(`#s${index}-result[data-state="done"]:not([aria-busy])`);
}

describe('the page', () => {
  test('is served anonymously as one self-contained HTML document', async () => {
    const response = await fetch(`${service.baseUrl}/api/ui`, { signal: AbortSignal.timeout(10_000) });
    const html = await response.text();

    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type'), /^text\/html/);
    assert.match(html, /<title>ArchiveForecast scenario planner<\/title>/);
    assert.equal(html.match(/<script\b/g).length, 1, 'one script block');
    const style = html.match(/<style>([\s\S]*?)<\/style>/)[1];
    const addresses = (html.match(/https?:\/\/[^\s"'`<>)]+/g) || []).filter((a) => a !== 'http://www.w3.org/2000/svg');
    assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+stylesheet/i, 'no external script or style sheet');
    assert.doesNotMatch(style, /@import|@font-face|url\(/i, 'no imported style, font or image');
    assert.deepEqual(addresses, [], 'no other origin is named');
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i, 'no inline event handler attributes');
    assert.doesNotMatch(html, /\sstyle\s*=/i, 'no inline style attributes');
  });

  test('works under a strict hash-based Content-Security-Policy', async () => {
    let policy = '';
    const strict = async (page) => {
      await page.route('**/api/ui', async (route) => {
        const response = await route.fetch();
        const html = await response.text();
        const hash = (re) => `'sha256-${createHash('sha256').update(html.match(re)[1]).digest('base64')}'`;
        policy = [
          "default-src 'none'",
          `script-src ${hash(/<script>([\s\S]*?)<\/script>/)}`,
          `style-src ${hash(/<style>([\s\S]*?)<\/style>/)}`,
          "connect-src 'self'",
          "img-src 'self' data:",
          "base-uri 'none'",
          "form-action 'none'",
          "frame-ancestors 'none'",
        ].join('; ');
        await route.fulfill({ response, body: html, headers: { ...response.headers(), 'content-security-policy': policy } });
      });
    };

    await withPlanner({ beforeLoad: strict }, async (page) => {
      await enterKey(page);
      await fillScenario(page, 0, scenarioFigures());
      await forecast(page, 0);

      assert.ok(policy.includes('sha256-'));
      assert.equal(await page.locator('#s0-chart .point').count(), 24);
      assert.equal(await page.locator('#service-status').getAttribute('data-state'), 'ok');
    });
  });

  test('every control has a label, every description exists, and text has enough contrast', async () => {
    await withPlanner({}, async (page) => {
      const unlabeled = await page.$$eval('input, select, textarea', (nodes) => nodes.filter((n) => n.labels.length === 0).map((n) => n.id));
      const dangling = await page.$$eval('[aria-describedby], [aria-labelledby]', (nodes) => nodes.flatMap((n) =>
        `${n.getAttribute('aria-describedby') || ''} ${n.getAttribute('aria-labelledby') || ''}`.split(/\s+/).filter((id) => id && !document.getElementById(id))));
      const duplicateIds = await page.$$eval('[id]', (nodes) => {
        const seen = new Set();
        return nodes.map((n) => n.id).filter((id) => seen.has(id) || !seen.add(id));
      });
      const contrast = await page.evaluate(() => {
        const rgb = (text) => text.match(/[\d.]+/g).slice(0, 3).map(Number);
        const luminance = (c) => {
          const [r, g, b] = c.map((v) => {
            const s = v / 255;
            return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const background = (node) => {
          for (let n = node; n; n = n.parentElement) {
            const color = getComputedStyle(n).backgroundColor;
            if (color && !/rgba\(.*,\s*0\)$/.test(color) && color !== 'transparent') return rgb(color);
          }
          return [255, 255, 255];
        };
        return ['h1', '.lead', '.hint', 'label', 'button', 'button.secondary', 'summary', '.status', 'code'].map((selector) => {
          const node = document.querySelector(selector);
          const [a, b] = [luminance(rgb(getComputedStyle(node).color)), luminance(background(node))];
          return { selector, ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
        });
      });

      assert.deepEqual(unlabeled, []);
      assert.deepEqual(dangling, []);
      assert.deepEqual(duplicateIds, []);
      for (const { selector, ratio } of contrast) assert.ok(ratio >= 4.5, `${selector} contrast ${ratio.toFixed(2)} is below 4.5:1`);
    });
  });
});

describe('the function key', () => {
  test('is kept only in this tab\'s session storage and sent as x-functions-key', async () => {
    await withPlanner({}, async (page, planner) => {
      const requests = recordPredictRequests(page);
      await enterKey(page);
      await forecast(page, 0);
      await page.reload();
      await page.waitForSelector('html[data-ready="true"]');
      const afterReload = await page.inputValue('#function-key');
      const storage = await page.evaluate(() => ({ session: { ...sessionStorage }, local: { ...localStorage }, cookies: document.cookie }));
      const otherTab = await planner.context.newPage();
      await otherTab.goto(`${service.baseUrl}/api/ui`);
      await otherTab.waitForSelector('html[data-ready="true"]');

      assert.equal(requests[0].headers['x-functions-key'], service.key);
      assert.equal(afterReload, service.key, 'a reload of the tab keeps the key');
      assert.deepEqual(storage, { session: { 'archive-forecast.function-key': service.key }, local: {}, cookies: '' });
      assert.equal(await otherTab.inputValue('#function-key'), '', 'another tab does not see it');
      assert.deepEqual(await planner.context.cookies(), []);
    });
  });

  test('a wrong key shows the API\'s 401 in the alert region and moves focus to the key', async () => {
    await withPlanner({}, async (page) => {
      await enterKey(page, 'not-the-key');
      await page.click('#s0 .forecast-button');
      const alert = page.locator('#scenario-alert');
      await alert.filter({ hasText: '401' }).waitFor();

      assert.equal(await alert.getAttribute('role'), 'alert');
      assert.match(await alert.innerText(), /did not accept the function key \(401/);
      assert.equal(await page.evaluate(() => document.activeElement.id), 'function-key');
      assert.equal(await page.locator('#s0 [aria-invalid="true"]').count(), 0, 'no field is blamed');
      await screenshot(page, 'wrong-key-401');
    });
  });

  test('a missing key is reported next to the key field without a request', async () => {
    await withPlanner({}, async (page) => {
      const requests = recordPredictRequests(page);
      await page.click('#s0 .forecast-button');
      await page.locator('#function-key-error').filter({ hasText: 'Enter the function key' }).waitFor();

      assert.equal(await page.getAttribute('#function-key', 'aria-invalid'), 'true');
      assert.equal(requests.length, 0);
    });
  });
});

describe('one scenario', () => {
  test('shows exactly the API\'s forecast for the request it sent, with model, version and range warnings', async () => {
    await withPlanner({}, async (page) => {
      const requests = recordPredictRequests(page);
      const figures = scenarioFigures();
      await enterKey(page);
      await fillScenario(page, 0, figures);
      await forecast(page, 0);
      const sent = requests[0].body;
      const api = await callPredict(service.baseUrl, service.key, sent.instances);
      const first = api.body.predictions[0];
      const model = page.locator('#s0-model');

      assert.equal(requests.length, 1, 'one batch request');
      assert.equal(new URL(requests[0].url).pathname, '/api/predict');
      assert.deepEqual(sent.instances[0], expectedInstance(figures), 'percent converted to shares, month to YYYY-MM-01');
      assert.equal(api.status, 200);
      assert.equal(Number(await page.getAttribute('#s0-archived', 'data-value')), first.archived_gb_next_period);
      assert.equal(Number(await page.getAttribute('#s0-savings', 'data-value')), first.savings_gb_next_period);
      assert.equal(await page.innerText('#s0-archived'), gb(first.archived_gb_next_period));
      assert.equal(await page.innerText('#s0-savings'), gb(first.savings_gb_next_period));
      assert.equal(await model.getAttribute('data-name'), api.body.model.name);
      assert.equal(await model.getAttribute('data-version'), String(api.body.model.version));
      assert.match(await model.innerText(), new RegExp(`${api.body.model.name}, version ${api.body.model.version}`));
      assert.equal(await page.getAttribute('#s0-warnings', 'data-fields'), first.out_of_range.join(' '));
      assert.equal(await page.isVisible('#s0-warnings'), first.out_of_range.length > 0);
      await screenshot(page, 'scenario-forecast');
    });
  });

  test('names the fields outside the training range', async () => {
    await withPlanner({}, async (page) => {
      const requests = recordPredictRequests(page);
      const figures = scenarioFigures({ total_files: '900000000', avg_file_size_mb: '900', archive_frequency_per_day: '500' });
      await enterKey(page);
      await fillScenario(page, 0, figures);
      await forecast(page, 0);
      const api = await callPredict(service.baseUrl, service.key, requests[0].body.instances);
      const outOfRange = api.body.predictions[0].out_of_range;
      const warning = await page.innerText('#s0-warnings');

      assert.ok(outOfRange.length > 0, 'these figures are far outside any training data');
      assert.equal(await page.getAttribute('#s0-warnings', 'data-fields'), outOfRange.join(' '));
      for (const field of outOfRange) assert.ok(warning.includes(field), `${field} is named in "${warning}"`);
    });
  });

  test('projects 12 months with one batch request of 12 instances, charted and tabled with the API\'s numbers', async () => {
    await withPlanner({}, async (page) => {
      const requests = recordPredictRequests(page);
      const figures = scenarioFigures({ month: '2024-11', growth: '3.5' });
      await enterKey(page);
      await fillScenario(page, 0, figures);
      await forecast(page, 0);
      const sent = requests[0].body.instances;
      const api = await callPredict(service.baseUrl, service.key, sent);
      const archived = api.body.predictions.map((p) => p.archived_gb_next_period);
      const savings = api.body.predictions.map((p) => p.savings_gb_next_period);
      const tableCells = await dataValues(page.locator('#s0-projection tbody td[data-value]'));

      assert.equal(requests.length, 1);
      assert.deepEqual(sent, Array.from({ length: 12 }, (_, k) => expectedInstance(figures, k)));
      assert.equal(sent[2].month, '2025-01-01', 'months roll over the year');
      assert.deepEqual(await dataValues(page.locator('#s0-chart [data-series="archived"] .point')), archived);
      assert.deepEqual(await dataValues(page.locator('#s0-chart [data-series="savings"] .point')), savings);
      assert.deepEqual(tableCells, archived.flatMap((a, k) => [a, savings[k]]));
      assert.equal(await page.locator('#s0-projection tbody tr').count(), 12);
      assert.equal(await page.getAttribute('#s0-chart svg', 'role'), 'img');
    });
  });
});

describe('validation', () => {
  test('a percentage above 100 is refused next to its field before any request', async () => {
    await withPlanner({}, async (page) => {
      const requests = recordPredictRequests(page);
      await enterKey(page);
      await fillScenario(page, 0, scenarioFigures({ pct_pdf: '150' }));
      await page.click('#s0 .forecast-button');
      await page.locator('#s0-pct_pdf-error').filter({ hasText: /\S/ }).waitFor();

      assert.match(await page.innerText('#s0-pct_pdf-error'), /percentage from 0 to 100/);
      assert.equal(await page.getAttribute('#s0-pct_pdf', 'aria-invalid'), 'true');
      assert.match(await page.getAttribute('#s0-pct_pdf', 'aria-describedby'), /s0-pct_pdf-error/);
      assert.equal(await page.evaluate(() => document.activeElement.id), 's0-pct_pdf', 'focus goes to the field');
      assert.equal(requests.length, 0);
      await screenshot(page, 'client-validation');
    });
  });

  test('shares adding up to more than 100 % are refused on the file-type group', async () => {
    await withPlanner({}, async (page) => {
      const requests = recordPredictRequests(page);
      await enterKey(page);
      await fillScenario(page, 0, scenarioFigures({ pct_pdf: '60', pct_docx: '30', pct_xlsx: '20' }));
      await page.click('#s0 .forecast-button');
      await page.locator('#s0-shares-error').filter({ hasText: /\S/ }).waitFor();

      assert.match(await page.innerText('#s0-shares-error'), /add up to 110 %/);
      assert.equal(await page.getAttribute('#s0-shares', 'aria-invalid'), 'true');
      assert.equal(requests.length, 0);
    });
  });

  test('text that is not a number and an empty month are refused', async () => {
    await withPlanner({}, async (page) => {
      const requests = recordPredictRequests(page);
      await enterKey(page);
      await fillScenario(page, 0, scenarioFigures({ total_files: '12.5', avg_file_size_mb: 'lots', month: '' }));
      await page.click('#s0 .forecast-button');
      await page.locator('#s0-month-error').filter({ hasText: /\S/ }).waitFor();

      assert.match(await page.innerText('#s0-total_files-error'), /whole number/);
      assert.match(await page.innerText('#s0-avg_file_size_mb-error'), /number/);
      assert.equal(requests.length, 0);
    });
  });

  for (const [what, overrides] of [
    ['a share above 1', { pct_pdf: '150' }],
    ['shares summing above 1', { pct_pdf: '60', pct_docx: '30', pct_xlsx: '20' }],
    ['a negative file count', { total_files: '-5' }],
  ]) {
    test(`with the page's own checks off, the API's problem details for ${what} appear next to the fields they name`, async () => {
      await withPlanner({}, async (page) => {
        const requests = recordPredictRequests(page);
        await enterKey(page);
        await page.evaluate(() => { document.documentElement.dataset.clientValidation = 'off'; });
        await fillScenario(page, 0, scenarioFigures(overrides));
        await page.click('#s0 .forecast-button');
        await page.waitForSelector('#s0 [aria-invalid="true"]');
        const api = await callPredict(service.baseUrl, service.key, requests[0].body.instances);
        const firstInstanceErrors = api.body.errors.filter((e) => /^\/instances\/0(\/|$)/.test(e.pointer));

        assert.equal(api.status, 422);
        assert.ok(firstInstanceErrors.length > 0);
        for (const error of firstInstanceErrors) {
          const field = error.pointer.split('/')[3];
          const target = INSTANCE_FIELDS.includes(field) ? field : 'shares';
          const shown = await page.innerText(`#s${0}-${target}-error`);
          assert.ok(shown.includes(error.detail), `"${error.detail}" (${error.pointer}) is shown next to ${target}: "${shown}"`);
        }
        assert.equal(await page.innerText('#scenario-alert'), '', 'nothing was left unplaced');
        assert.equal(await page.getAttribute('#s0-result', 'data-state'), 'error');
        await screenshot(page, `api-validation-${what.replace(/\W+/g, '-')}`);
      });
    });
  }
});

describe('scenarios side by side', () => {
  test('forecast all three and compare their projections with the API\'s numbers', async () => {
    await withPlanner({}, async (page) => {
      const requests = recordPredictRequests(page);
      await enterKey(page);
      const figures = [
        scenarioFigures({ name: 'Today' }),
        scenarioFigures({ growth: '8' }),
        scenarioFigures({ total_files: '60000', avg_file_size_mb: '4', growth: '-3' }),
      ];
      await fillScenario(page, 0, figures[0]);
      await page.click('#s1 .copy-baseline');
      await page.fill('#s1-growth', figures[1].growth);
      await fillScenario(page, 2, figures[2]);
      await page.click('#forecast-all');
      for (const i of [0, 1, 2]) await page.waitForSelector(`#s${i}-result[data-state="done"]:not([aria-busy])`);
      await page.selectOption('#compare-metric', 'savings_gb_next_period');
      const sent = figures.map((f) => Array.from({ length: 12 }, (_, k) => expectedInstance(f, k)));
      const byScenario = [];
      for (const instances of sent) byScenario.push((await callPredict(service.baseUrl, service.key, instances)).body.predictions);
      const rows = await page.locator('#comparison-table tbody tr').evaluateAll((trs) => trs.map((tr) => ({
        name: tr.querySelector('th').textContent,
        values: [...tr.querySelectorAll('td[data-value]')].map((td) => Number(td.dataset.value)),
      })));
      const total = (values) => values.reduce((sum, v) => sum + v, 0);

      assert.equal(requests.length, 3, 'one request per scenario');
      for (const instances of sent) assert.ok(requests.some((r) => JSON.stringify(r.body.instances) === JSON.stringify(instances)));
      assert.equal(await page.inputValue('#s1-total_files'), '150000', 'Copy Baseline copied the figures');
      assert.deepEqual(rows.map((r) => r.name), ['Today', 'Growth', 'Consolidation']);
      byScenario.forEach((predictions, i) => {
        assert.deepEqual(rows[i].values, [
          predictions[0].archived_gb_next_period,
          predictions[0].savings_gb_next_period,
          total(predictions.map((p) => p.archived_gb_next_period)),
          total(predictions.map((p) => p.savings_gb_next_period)),
        ]);
      });
      for (const i of [0, 1, 2]) {
        assert.deepEqual(await dataValues(page.locator(`#comparison-figure [data-series="s${i}"] .point`)),
          byScenario[i].map((p) => p.savings_gb_next_period));
      }
      assert.equal(await page.locator('#comparison-figure .legend li').count(), 3);
      await screenshot(page, 'scenarios-compared');
    });
  });
});

describe('CSV batch scoring', () => {
  async function upload(page, name, text) {
    await page.setInputFiles('#batch-file', { name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
    await page.click('#batch-score');
  }

  async function download(page) {
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('#batch-download')]);
    return { name: file.suggestedFilename(), csv: parseCsv(await readFile(await file.path(), 'utf8')) };
  }

  test('scores an uploaded file and downloads one row per input row with the API\'s numbers', async () => {
    await withPlanner({}, async (page) => {
      const requests = recordPredictRequests(page);
      const rows = csvRows(6, { seed: 3 });
      rows[3] = { ...rows[3], pct_pdf: '1.5' };
      await enterKey(page);
      await upload(page, 'sources.csv', writeCsv(csvHeader, rows));
      await page.locator('#batch-status').filter({ hasText: 'Scored' }).waitFor();
      const { name, csv } = await download(page);
      const good = rows.filter((_, i) => i !== 3);
      const api = await callPredict(service.baseUrl, service.key, good.map(rowInstance));

      assert.equal(name, 'sources-predictions.csv');
      assert.deepEqual(csv.header, [...csvHeader, ...OUTPUT_COLUMNS, 'error']);
      assert.equal(csv.records.length, rows.length, 'one output row per input row');
      assert.deepEqual(csv.records.map((r) => r.source_id), rows.map((r) => r.source_id), 'input columns carried through, quotes and all');
      assert.deepEqual(requests.map((r) => r.body.instances), [good.map(rowInstance)], 'the bad row is not sent');
      const scored = csv.records.filter((_, i) => i !== 3);
      scored.forEach((record, i) => {
        assert.equal(Number(record.archived_gb_next_period), api.body.predictions[i].archived_gb_next_period);
        assert.equal(Number(record.savings_gb_next_period), api.body.predictions[i].savings_gb_next_period);
        assert.equal(record.out_of_range, api.body.predictions[i].out_of_range.join(';'));
        for (const target of ['archived_gb_next_period', 'savings_gb_next_period']) {
          assert.equal(Number(record[`${target}_lower`]), api.body.predictions[i].intervals[target].lower, `${target}_lower`);
          assert.equal(Number(record[`${target}_upper`]), api.body.predictions[i].intervals[target].upper, `${target}_upper`);
        }
        assert.equal(record.error, '');
      });
      assert.equal(csv.records[3].archived_gb_next_period, '');
      assert.equal(csv.records[3].archived_gb_next_period_lower, '', 'a refused row has no range either');
      assert.match(csv.records[3].error, /^Line 5: pct_pdf must be a share between 0 and 1/, 'header is line 1, so the fourth row is line 5');
      assert.match(await page.innerText('#batch-error-list'), /Line 5: pct_pdf/);
      assert.equal(await page.locator('#batch-table tbody tr').count(), rows.length);
      assert.deepEqual(await dataValues(page.locator('#batch-table tbody tr:not(.row-error) td[data-value]')),
        api.body.predictions.flatMap((p) => [p.archived_gb_next_period, p.savings_gb_next_period]));
      await screenshot(page, 'csv-batch');
    });
  });

  test('the download keeps input columns named like outputs as actual_… and neutralises formula-leading text', async () => {
    await withPlanner({}, async (page) => {
      const notes = ['=HYPERLINK("http://evil.example","x")', '-5', '@SUM(A1:A2)', '+1.5', '\tpadded', 'plain', '-cmd|calc'];
      const header = [...csvHeader, 'archived_gb_next_period', 'note'];
      const rows = csvRows(notes.length, { seed: 4 }).map((row, i) => ({ ...row, archived_gb_next_period: `${10 + i}.25`, note: notes[i] }));
      await enterKey(page);
      await upload(page, 'actuals.csv', writeCsv(header, rows));
      await page.locator('#batch-status').filter({ hasText: 'Scored' }).waitFor();
      const { csv } = await download(page);
      const api = await callPredict(service.baseUrl, service.key, rows.map(rowInstance));

      assert.deepEqual(csv.header, [...csvHeader, 'actual_archived_gb_next_period', 'note', ...OUTPUT_COLUMNS]);
      assert.deepEqual(csv.records.map((r) => r.actual_archived_gb_next_period), rows.map((r) => r.archived_gb_next_period), 'the actual values are kept');
      assert.deepEqual(csv.records.map((r) => Number(r.archived_gb_next_period)), api.body.predictions.map((p) => p.archived_gb_next_period));
      assert.deepEqual(csv.records.map((r) => r.note),
        ['\'=HYPERLINK("http://evil.example","x")', '-5', '\'@SUM(A1:A2)', '+1.5', '\'\tpadded', 'plain', '\'-cmd|calc']);
    });
  });

  test('row errors found only by the API are reported by CSV line and the other rows are still scored', async () => {
    await withPlanner({}, async (page) => {
      const requests = recordPredictRequests(page);
      const rows = csvRows(5, { seed: 5 });
      rows[1] = { ...rows[1], pct_pdf: '1.5' };
      rows[3] = { ...rows[3], pct_pdf: '0.6', pct_docx: '0.3', pct_xlsx: '0.2' };
      await enterKey(page);
      await page.evaluate(() => { document.documentElement.dataset.clientValidation = 'off'; });
      await upload(page, 'mixed.csv', writeCsv(csvHeader, rows));
      await page.locator('#batch-status').filter({ hasText: 'Scored' }).waitFor();
      const rejected = await callPredict(service.baseUrl, service.key, rows.map(rowInstance));
      const good = [rows[0], rows[2], rows[4]];
      const api = await callPredict(service.baseUrl, service.key, good.map(rowInstance));
      const listed = await page.locator('#batch-error-list li').evaluateAll((items) => items.map((li) => ({ line: li.dataset.line, text: li.textContent })));
      const { csv } = await download(page);

      assert.equal(rejected.status, 422);
      assert.equal(requests.length, 2, 'the batch, then the batch without the rows the API refused');
      assert.deepEqual(listed.map((l) => l.line), ['3', '5']);
      for (const error of rejected.body.errors) {
        const line = Number(error.pointer.split('/')[2]) + 2;
        assert.ok(listed.find((l) => l.line === String(line)).text.includes(error.detail), `${error.pointer} → line ${line}`);
      }
      [0, 2, 4].forEach((rowIndex, i) => {
        assert.equal(Number(csv.records[rowIndex].archived_gb_next_period), api.body.predictions[i].archived_gb_next_period);
        assert.equal(Number(csv.records[rowIndex].savings_gb_next_period), api.body.predictions[i].savings_gb_next_period);
      });
      assert.match(csv.records[1].error, /^Line 3: /);
      assert.match(csv.records[3].error, /^Line 5: /);
    });
  });

  test('a file of 2500 rows is sent in batches of at most 1000 and every row comes back', async () => {
    await withPlanner({}, async (page) => {
      const requests = recordPredictRequests(page);
      const rows = csvRows(2500, { seed: 9 });
      await enterKey(page);
      await upload(page, 'large.csv', writeCsv(csvHeader, rows));
      await page.locator('#batch-status').filter({ hasText: 'Scored 2500 of 2500' }).waitFor({ timeout: 120_000 });
      const { csv } = await download(page);
      const expected = [];
      for (let start = 0; start < rows.length; start += 1000) {
        expected.push(...(await callPredict(service.baseUrl, service.key, rows.slice(start, start + 1000).map(rowInstance))).body.predictions);
      }

      assert.deepEqual(requests.map((r) => r.body.instances.length), [1000, 1000, 500]);
      assert.equal(csv.records.length, 2500);
      assert.deepEqual(csv.records.map((r) => Number(r.archived_gb_next_period)), expected.map((p) => p.archived_gb_next_period));
      assert.deepEqual(csv.records.map((r) => Number(r.savings_gb_next_period)), expected.map((p) => p.savings_gb_next_period));
      assert.ok(!csv.header.includes('error'));
      assert.equal(await page.locator('#batch-table tbody tr').count(), 500, 'the table shows the first 500 rows');
    });
  });

  test('a file without the required columns is refused in the alert region', async () => {
    await withPlanner({}, async (page) => {
      const requests = recordPredictRequests(page);
      await enterKey(page);
      await upload(page, 'wrong.csv', 'month;total_files\n2024-01-01;5\n');
      await page.locator('#batch-alert').filter({ hasText: 'lacks' }).waitFor();

      assert.match(await page.innerText('#batch-alert'), /semicolons/);
      assert.equal(requests.length, 0);
    });
  });
});

describe('keyboard and small screens', () => {
  test('the forms are usable by keyboard alone, with a visible focus', async () => {
    await withPlanner({}, async (page) => {
      await page.focus('#function-key');
      await page.keyboard.type(service.key);
      const order = [];
      while (order.length < 15) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => document.activeElement.id || document.activeElement.className);
        // A month input's own parts (month, year, picker) are tab stops of one control.
        if (order[order.length - 1] !== focused) order.push(focused);
      }
      const outline = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement);
        return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
      });
      await page.focus('#s0-archive_frequency_per_day');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#s0-result[data-state="done"]');

      assert.deepEqual(order.slice(0, 4), ['model-name', 'range-level', 'forget-key', 'forecast-all']);
      assert.deepEqual(order.slice(4, 14), ['s0-name', 's0-month', 's0-total_files', 's0-avg_file_size_mb', 's0-pct_pdf', 's0-pct_docx',
        's0-pct_xlsx', 's0-archive_frequency_per_day', 's0-growth', 'forecast-button']);
      assert.equal(outline.style, 'solid');
      assert.ok(outline.width >= 2);
    });
  });

  test('at 360 px wide the page has no horizontal scroll, with results, charts and tables shown', async () => {
    await withPlanner({ viewport: { width: 360, height: 780 } }, async (page) => {
      await enterKey(page);
      await page.click('#forecast-all');
      for (const i of [0, 1, 2]) await page.waitForSelector(`#s${i}-result[data-state="done"]:not([aria-busy])`);
      await page.click('#s0-projection summary');
      await page.setInputFiles('#batch-file', { name: 'narrow.csv', mimeType: 'text/csv', buffer: Buffer.from(writeCsv(csvHeader, csvRows(3))) });
      await page.click('#batch-score');
      await page.locator('#batch-status').filter({ hasText: 'Scored' }).waitFor();
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      const chartWidth = await page.evaluate(() => document.querySelector('#s0-chart svg').getBoundingClientRect().width);

      assert.ok(widths.scroll <= widths.client, `scrollWidth ${widths.scroll} > clientWidth ${widths.client}`);
      assert.ok(chartWidth <= 360 && chartWidth > 250, `chart width ${chartWidth}`);
      await screenshot(page, 'narrow-360');
    });
  });
});

const ranges = (locator) => locator.evaluateAll((nodes) => nodes.map((n) => ({ lower: Number(n.dataset.lower), upper: Number(n.dataset.upper) })));
const apiRange = (p, target) => ({ lower: p.intervals[target].lower, upper: p.intervals[target].upper });
const gbRange = ({ lower, upper }) => `${gb(lower).replace(' GB', '')}–${gb(upper)}`;

/** Serves the predictions and the model card as a version trained before ranges existed would: without intervals. */
async function withoutIntervals(page) {
  await page.route(/\/api\/predict(\?|$)/, async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    for (const p of body.predictions || []) delete p.intervals;
    await route.fulfill({ response, json: body });
  });
  await page.route(/\/api\/model\/info$/, async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    if (body.card) delete body.card.intervals;
    await route.fulfill({ response, json: body });
  });
}

describe('forecast ranges', () => {
  test('the forecast, its projection table, the chart band and the comparison show the API\'s 80 % range', async () => {
    await withPlanner({}, async (page) => {
      const requests = recordPredictRequests(page);
      const figures = scenarioFigures({ month: '2024-11' });
      await enterKey(page);
      await fillScenario(page, 0, figures);
      await forecast(page, 0);
      const api = await callPredict(service.baseUrl, service.key, requests[0].body.instances);
      const predictions = api.body.predictions;
      const first = predictions[0];

      assert.equal(new URL(requests[0].url).searchParams.get('level'), '0.8', 'the default level is asked for');
      assert.equal(first.intervals.level, 0.8);
      assert.deepEqual((await ranges(page.locator('#s0-archived-range')))[0], apiRange(first, 'archived_gb_next_period'));
      assert.deepEqual((await ranges(page.locator('#s0-savings-range')))[0], apiRange(first, 'savings_gb_next_period'));
      assert.equal(await page.innerText('#s0-archived-range'), `${gbRange(apiRange(first, 'archived_gb_next_period'))}, 80 % range`);
      assert.equal(await page.innerText('#s0-savings-range'), `${gbRange(apiRange(first, 'savings_gb_next_period'))}, 80 % range`);
      assert.deepEqual(await ranges(page.locator('#s0-chart [data-series="archived"] .point')), predictions.map((p) => apiRange(p, 'archived_gb_next_period')));
      assert.deepEqual(await ranges(page.locator('#s0-chart [data-series="savings"] .point')), predictions.map((p) => apiRange(p, 'savings_gb_next_period')));
      assert.equal(await page.locator('#s0-chart polygon.band').count(), 2, 'one shaded band per target');
      assert.match(await page.innerText('#s0-projection .legend'), /Archived: shaded, 80 % range/);
      assert.deepEqual(await ranges(page.locator('#s0-projection tbody .cell-range')),
        predictions.flatMap((p) => [apiRange(p, 'archived_gb_next_period'), apiRange(p, 'savings_gb_next_period')]));
      assert.deepEqual(await ranges(page.locator('#comparison-table tbody tr[data-scenario="0"] .cell-range')),
        [apiRange(first, 'archived_gb_next_period'), apiRange(first, 'savings_gb_next_period')]);
      assert.match(await page.innerText('#comparison-range-note'), /12-month totals have no range/);
      await screenshot(page, 'ranges-80');
    });
  });

  test('choosing another level forecasts the scenarios again with the API\'s range at that level', async () => {
    await withPlanner({}, async (page) => {
      const requests = recordPredictRequests(page);
      await enterKey(page);
      await forecast(page, 0);
      await page.setInputFiles('#batch-file', { name: 'level.csv', mimeType: 'text/csv', buffer: Buffer.from(writeCsv(csvHeader, csvRows(2))) });
      await page.click('#batch-score');
      await page.locator('#batch-status').filter({ hasText: 'Scored' }).waitFor();
      const at80 = (await ranges(page.locator('#s0-archived-range')))[0];
      await page.selectOption('#range-level', '0.95');
      await page.locator('#s0-archived-range').filter({ hasText: '95 % range' }).waitFor();
      await page.waitForSelector('#s0-result[data-state="done"]:not([aria-busy])');
      const api = await callPredict(service.baseUrl, service.key, requests[2].body.instances, { level: 0.95 });
      const first = api.body.predictions[0];
      const at95 = (await ranges(page.locator('#s0-archived-range')))[0];

      assert.equal(requests.length, 3, 'the scenario, the file, then only the forecast scenario again');
      assert.equal(new URL(requests[2].url).searchParams.get('level'), '0.95');
      assert.deepEqual(requests[2].body, requests[0].body);
      assert.deepEqual(at95, apiRange(first, 'archived_gb_next_period'));
      assert.match(await page.innerText('#batch-stale'), /These results have 80 % ranges; score the file again for 95 % ranges/);
      assert.ok(at95.lower <= at80.lower && at95.upper >= at80.upper, 'the 95 % range holds the 80 % range');
      assert.equal(await page.getAttribute('#fact-width', 'data-level'), '0.95', 'the model facts describe the chosen level');
    });
  });

  test('a version without calibrated ranges still forecasts, shows no range and says so', async () => {
    await withPlanner({ beforeLoad: withoutIntervals }, async (page) => {
      await enterKey(page);
      await page.click('#forecast-all');
      for (const i of [0, 1, 2]) await page.waitForSelector(`#s${i}-result[data-state="done"]:not([aria-busy])`);
      await page.locator('#fact-width').filter({ hasText: 'no calibrated ranges' }).waitFor();

      assert.ok(Number(await page.getAttribute('#s0-archived', 'data-value')) > 0);
      assert.equal(await page.isVisible('#s0-archived-range'), false);
      assert.equal(await page.locator('#s0-chart polygon.band').count(), 0);
      assert.equal(await page.locator('.cell-range').count(), 0);
      assert.match(await page.innerText('#s0-model'), /no calibrated ranges/);
      assert.equal(await page.isVisible('#comparison-range-note'), false);
      assert.match(await page.innerText('#fact-training'), /unknown number of sources/);
      await screenshot(page, 'ranges-absent');
    });
  });
});

describe('what the model knows', () => {
  test('shows the card\'s training rows and sources, holdout error and range width, and warns that this model learnt from little data', async () => {
    await withPlanner({}, async (page) => {
      await enterKey(page);
      await page.locator('#model-facts-list').waitFor();
      const { body: info } = await callModelInfo(service.baseUrl, service.key);
      const card = info.card;
      const at80 = card.intervals.levels.find((l) => l.level === 0.8).holdout;
      await forecast(page, 0);
      const warning = await page.innerText('#model-facts-warning');

      assert.ok(card.data.rows_read < 2000 && card.intervals.groups < 50, 'the tests\' model is the quick-start size');
      assert.equal(Number(await page.getAttribute('#fact-training', 'data-rows')), card.data.rows_read);
      assert.equal(Number(await page.getAttribute('#fact-training', 'data-sources')), card.intervals.groups);
      assert.match(await page.innerText('#fact-training'), new RegExp(`^${card.data.rows_read} rows from ${card.intervals.groups} archive sources`));
      assert.equal(Number(await page.getAttribute('#fact-error', 'data-archived')), card.metrics.archived_gb_next_period.mae);
      assert.equal(Number(await page.getAttribute('#fact-error', 'data-savings')), card.metrics.savings_gb_next_period.mae);
      assert.ok((await page.innerText('#fact-error')).includes(gb(card.metrics.archived_gb_next_period.mae)));
      assert.equal(Number(await page.getAttribute('#fact-width', 'data-archived')), at80.archived_mean_relative_width);
      assert.equal(Number(await page.getAttribute('#fact-width', 'data-savings')), at80.savings_mean_relative_width);
      assert.match(await page.innerText('#fact-width'), /80 % range was on average/);
      assert.equal(await page.getAttribute('#model-facts', 'data-few'), 'true');
      assert.match(warning, /trained on little data/);
      assert.ok(warning.includes('archive-forecast generate --rows 20000 --sources 500 --out training-data/archive.csv'), warning);
      assert.ok(warning.includes('archive-forecast train --data training-data/archive.csv'), warning);
      assert.match(await page.innerText('#s0-few'), /learnt from little data/, 'the warning is repeated beside the forecast');
      assert.match(await page.innerText('#s0-season'), /zig-zags.*December.*quarter ends.*August/s);
      await screenshot(page, 'model-facts-little-data');
    });
  });

  test('a model trained on enough data gets no warning', async () => {
    const bigger = async (page) => {
      await page.route(/\/api\/model\/info$/, async (route) => {
        const response = await route.fetch();
        const body = await response.json();
        body.card.data = { ...body.card.data, rows_read: 20000, rows_train: 16000, rows_holdout: 4000 };
        body.card.intervals.groups = 500;
        await route.fulfill({ response, json: body });
      });
    };
    await withPlanner({ beforeLoad: bigger }, async (page) => {
      await enterKey(page);
      await forecast(page, 0);
      await page.locator('#fact-training').filter({ hasText: '20,000 rows from 500 archive sources' }).waitFor();

      assert.equal(await page.isVisible('#model-facts-warning'), false);
      assert.equal(await page.isVisible('#s0-few'), false);
      assert.equal(await page.getAttribute('#model-facts', 'data-few'), null);
    });
  });
});

describe('tables that fit', () => {
  test('at 1280 px the CSV results table shows every column, forecasts first, under readable names', async () => {
    await withPlanner({ viewport: { width: 1280, height: 900 } }, async (page) => {
      const rows = csvRows(6, { seed: 4 });
      await enterKey(page);
      await page.setInputFiles('#batch-file', { name: 'fit.csv', mimeType: 'text/csv', buffer: Buffer.from(writeCsv(csvHeader, rows)) });
      await page.click('#batch-score');
      await page.locator('#batch-status').filter({ hasText: 'Scored' }).waitFor();
      const api = await callPredict(service.baseUrl, service.key, rows.map(rowInstance));
      const layout = await page.evaluate(() => {
        const wrap = document.querySelector('#batch-results').getBoundingClientRect();
        const heads = [...document.querySelectorAll('#batch-table thead th')].map((th) => ({ text: th.textContent, column: th.dataset.column || '', right: th.getBoundingClientRect().right }));
        return { wrapRight: wrap.right, tableWidth: document.querySelector('#batch-table').getBoundingClientRect().width, wrapWidth: wrap.width, heads };
      });
      const headTexts = layout.heads.map((h) => h.text);

      assert.ok(layout.tableWidth <= layout.wrapWidth + 0.5, `table ${layout.tableWidth} px in ${layout.wrapWidth} px`);
      for (const head of layout.heads) assert.ok(head.right <= layout.wrapRight + 0.5, `${head.text} is in view`);
      assert.deepEqual(headTexts.slice(0, 5), ['Line', 'Source id', 'Archived next period, 80 % range', 'Saved next period, 80 % range', 'Outside the training range']);
      for (const text of headTexts) assert.doesNotMatch(text, /_/, `"${text}" is a readable name`);
      assert.deepEqual(layout.heads.slice(5).map((h) => h.column), INSTANCE_FIELDS, 'the inputs follow, each still named by its field');
      assert.deepEqual(await ranges(page.locator('#batch-table tbody .cell-range')),
        api.body.predictions.flatMap((p) => [apiRange(p, 'archived_gb_next_period'), apiRange(p, 'savings_gb_next_period')]));
      await screenshot(page, 'csv-batch-1280');
    });
  });

  test('at 390 px the comparison stacks, so every figure of every scenario is on screen', async () => {
    await withPlanner({ viewport: { width: 390, height: 844 } }, async (page) => {
      await enterKey(page);
      await page.click('#forecast-all');
      for (const i of [0, 1, 2]) await page.waitForSelector(`#s${i}-result[data-state="done"]:not([aria-busy])`);
      const layout = await page.evaluate(() => {
        const wrap = document.querySelector('#comparison-wrap');
        const cells = [...document.querySelectorAll('#comparison-table tbody td')].map((td) => {
          const r = td.getBoundingClientRect();
          return { label: td.dataset.label, left: r.left, right: r.right, width: r.width, visible: td.checkVisibility() };
        });
        return { scroll: wrap.scrollWidth, client: wrap.clientWidth, page: document.documentElement.scrollWidth, cells };
      });

      assert.ok(layout.scroll <= layout.client, `the comparison needs no sideways scroll (${layout.scroll} > ${layout.client})`);
      assert.ok(layout.page <= 390);
      assert.equal(layout.cells.length, 15);
      for (const cell of layout.cells) {
        assert.ok(cell.visible && cell.width > 0 && cell.left >= 0 && cell.right <= 390, `${cell.label} is on screen: ${JSON.stringify(cell)}`);
      }
      const table = page.getByRole('table', { name: /Next period and 12-month totals/ });
      assert.equal(await table.getByRole('row').count(), 4, 'still a table of a header row and three scenarios to assistive technology');
      assert.equal(await table.getByRole('rowheader', { name: 'Baseline' }).count(), 1);
      await page.locator('#comparison').screenshot({ path: `${outputDir}/comparison-390.png` });
      await screenshot(page, 'narrow-390');
    });
  });

  test('a comparison row is marked stale when its scenario\'s figures change, and fresh after it is forecast again', async () => {
    await withPlanner({}, async (page) => {
      await enterKey(page);
      await page.click('#forecast-all');
      for (const i of [0, 1, 2]) await page.waitForSelector(`#s${i}-result[data-state="done"]:not([aria-busy])`);
      const fresh = await page.locator('#comparison-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.stale));
      await page.fill('#s1-growth', '9');
      const row = page.locator('#comparison-table tbody tr[data-scenario="1"]');

      assert.deepEqual(fresh, ['false', 'false', 'false']);
      assert.equal(await row.getAttribute('data-stale'), 'true');
      assert.match(await row.innerText(), /Stale/);
      assert.equal(await page.getAttribute('#comparison-table tbody tr[data-scenario="0"]', 'data-stale'), 'false');
      assert.match(await page.innerText('#comparison-stale'), /Stale: the figures of Growth changed/);
      assert.match(await page.innerText('#comparison-figure .legend'), /Growth \(stale\)/);
      await screenshot(page, 'comparison-stale');

      await forecast(page, 1);
      assert.equal(await row.getAttribute('data-stale'), 'false');
      assert.equal(await page.isVisible('#comparison-stale'), false);
    });
  });
});

describe('without a model', { skip: process.env.UI_BASE_URL ? 'UI_BASE_URL points at a server that is already running' : false }, () => {
  let empty;
  before(async () => {
    empty = await startService({ trained: false });
  });
  after(async () => {
    await empty?.stop();
  });

  test('the page says no model is served, and a forecast shows the API\'s 503 in the alert region', async () => {
    const planner = await openPlanner(browser, empty.baseUrl);
    try {
      const { page } = planner;
      await page.locator('#service-status[data-state="down"]').waitFor();
      await page.fill('#function-key', empty.key);
      await page.click('#s0 .forecast-button');
      await page.locator('#scenario-alert').filter({ hasText: '503' }).waitFor();

      assert.match(await page.innerText('#service-status'), /no model is served/);
      assert.match(await page.innerText('#scenario-alert'), /No model is being served right now \(503/);
      assert.deepEqual(await planner.problems(), []);
      await screenshot(page, 'no-model-503');
    } finally {
      await planner.context.close();
    }
  });
});
