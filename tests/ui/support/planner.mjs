import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const outputDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'test-output');
mkdirSync(outputDir, { recursive: true });

/** Opens /api/ui in a fresh context and records script errors and CSP violations for `problems()`. */
export async function openPlanner(browser, baseUrl, { viewport = { width: 1280, height: 900 }, beforeLoad } = {}) {
  const context = await browser.newContext({ viewport, locale: 'en-US', timezoneId: 'UTC', acceptDownloads: true });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) errors.push(`console: ${message.text()}`);
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  if (beforeLoad) await beforeLoad(page, context);
  await page.goto(`${baseUrl}/api/ui`);
  await page.waitForSelector('html[data-ready="true"]');
  return {
    context,
    page,
    async problems() {
      const violations = await page.evaluate(() => window.__cspViolations);
      return [...errors, ...violations.map((v) => `CSP violation: ${v}`)];
    },
  };
}

export async function fillScenario(page, index, figures) {
  for (const [field, value] of Object.entries(figures)) {
    await page.fill(`#s${index}-${field}`, value);
  }
}

export async function screenshot(page, name) {
  await page.screenshot({ path: path.join(outputDir, `${name}.png`), fullPage: true });
}

/** Every POST to a predict route the page makes, with its parsed body and headers. */
export function recordPredictRequests(page) {
  const requests = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && /\/api\/(?:models\/[^/]+\/)?predict$/.test(new URL(request.url()).pathname)) {
      requests.push({ url: request.url(), body: request.postDataJSON(), headers: request.headers() });
    }
  });
  return requests;
}

export async function callPredict(baseUrl, key, instances, { level } = {}) {
  const response = await fetch(`${baseUrl}/api/predict${level === undefined ? '' : `?level=${level}`}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-functions-key': key },
    body: JSON.stringify({ instances }),
    signal: AbortSignal.timeout(30_000),
  });
  return { status: response.status, body: await response.json() };
}

export const dataValues = (locator) => locator.evaluateAll((nodes) => nodes.map((n) => Number(n.getAttribute('data-value'))));

/** The served version's model info (card and manifest), as GET /api/model/info answers it. */
export async function callModelInfo(baseUrl, key) {
  const response = await fetch(`${baseUrl}/api/model/info`, { headers: { 'x-functions-key': key }, signal: AbortSignal.timeout(30_000) });
  return { status: response.status, body: await response.json() };
}
