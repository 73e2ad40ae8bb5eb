/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type RunningGateway, type Stack, startGateway, SUPERGRAPH_FILE } from '@pb/gateway';
import type { Browser } from 'playwright-core';
import { foreignRequests, launchChromium, screenshot, type WatchedPage, watchedPage } from '../support/browser';
import { ok, startTestStack, token } from '../support/harness';

/**
 * The gateway's browser pages in Debian's Chromium: the 数据大屏 at `/` and the explorer at
 * `/graphql`, against a seeded stack. Every page must load from the gateway alone, log no
 * console error, and show what the API answers.
 */
const KPIS = `query($code: ID!, $period: PeriodInput) { region(code: $code) {
  communityStats(period: $period) { registeredUnits registeredMembers meetingsHeld disputesResolved }
  hospitalStats(period: $period) { freeClinics freeClinicPatients stationHomeVisits secretaryPresidentSeparationRate dualLeaderRate }
  schoolStats(period: $period) { schools secretaryPrincipalCombinedRate demonstrationSchools }
  soeStats(period: $period) { serviceCenters serviceCenterVisits volunteerActivities }
  children { code name }
} }`;
const SECTOR_FIELDS: Record<string, string> = { communityStats: 'community', hospitalStats: 'hospital', schoolStats: 'school', soeStats: 'soe' };
const YEAR_2023 = { from: '2023-01-01', to: '2023-12-31' };

const shown = (v: number | null) => (v === null ? '—' : v.toLocaleString('zh-CN'));
const shownRate = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** A page on another origin (a dashboard hosted elsewhere) that asks `gatewayUrl` for 韩城市's name. */
function otherOriginSite(): Promise<{ origin: string; server: Server }> {
  const server = createServer((req, res) => {
    const target = new URL(req.url ?? '/', 'http://x').searchParams.get('gateway') ?? '';
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><link rel="icon" href="data:,"><script>
fetch(${JSON.stringify(target)}, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json', authorization: 'Bearer none' },
  body: JSON.stringify({ query: '{ region(code: "610581") { name } }' }) })
  .then((r) => r.json()).then((j) => { document.title = 'ok ' + j.data.region.name; }, (e) => { document.title = 'failed ' + e.message; });
</script>`);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server })));
}

describe('browser pages (Chromium)', () => {
  let stack: Stack;
  let browser: Browser;
  let origin: string;
  /** A second gateway over the same subgraphs, as deployed: NODE_ENV=production (no introspection), CORS for one site. */
  let production: RunningGateway;
  let site: { origin: string; server: Server };
  const opened: WatchedPage[] = [];

  beforeAll(async () => {
    [stack, browser, site] = await Promise.all([startTestStack({ seed: true }), launchChromium(), otherOriginSite()]);
    origin = new URL(stack.gatewayUrl).origin;
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production'; // Apollo Server reads it when constructed
    try {
      production = await startGateway({
        supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
        subgraphUrls: Object.fromEntries(Object.values(stack.subgraphs).map((s) => [s.name, s.url])),
        port: 0,
        corsOrigins: [site.origin],
      });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
  });
  afterAll(async () => {
    await browser?.close();
    await production?.stop();
    site?.server.close();
    await stack?.stop();
  });

  /** Opens a page and waits for the screen's answer to be drawn. */
  async function openScreen(path: string, loaded: string): Promise<WatchedPage> {
    const w = await watchedPage(browser);
    opened.push(w);
    await w.page.goto(`${origin}${path}`);
    await w.page.waitForSelector(`body[data-loaded^="${loaded}"]`, { timeout: 30_000 });
    return w;
  }

  const graphqlPosts = (w: WatchedPage) => w.requests.filter((r) => r.method === 'POST' && new URL(r.url).pathname === '/graphql');

  test('the 数据大屏 of 韩城市 shows the API figures, in one request, from the gateway alone', async () => {
    const w = await openScreen('/?region=610581&period=year&from=2023-01-01', '610581:2023-01-01:2023-12-31');
    const api = (await ok(stack.gatewayUrl, KPIS, { code: '610581', period: YEAR_2023 })).region;
    expect(api.communityStats).toMatchObject({ registeredUnits: 415, registeredMembers: 6278 });
    for (const [stats, sector] of Object.entries(SECTOR_FIELDS)) {
      for (const [field, value] of Object.entries(api[stats] as Record<string, number | null>)) {
        const text = await w.page.locator(`[data-kpi="${sector}.${field}"] .kpi-value`).innerText();
        expect([field, text.replace(/[^\d,.%—]/g, '')]).toEqual([field, field.endsWith('Rate') ? shownRate(value) : shown(value)]);
      }
    }
    expect(await w.page.locator('h1').innerText()).toBe('韩城市党建引领数据大屏');
    expect(await w.page.locator('#crumbs').innerText()).toContain('渭南市');
    expect(await w.page.locator('#children tbody tr').count()).toBe(api.children.length);
    expect(await w.page.locator('#geo-title').innerText()).toBe('下级区域构成'); // no township boundaries on npm: a treemap
    expect(graphqlPosts(w)).toHaveLength(1);
    expect(foreignRequests(w, origin)).toEqual([]);
    await screenshot(w.page, 'dashboard-610581-2023');
    // A laptop: the panels reflow, nothing is cut off sideways.
    await w.page.setViewportSize({ width: 1366, height: 768 });
    expect(await w.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
    await screenshot(w.page, 'dashboard-610581-laptop', true);
  });

  test('clicking a child region drills down and puts its code in the URL; the breadcrumb goes back', async () => {
    const w = await openScreen('/?region=610581&period=year&from=2023-01-01', '610581:');
    await w.page.locator('#children a[data-code="610581002"]').click();
    await w.page.waitForSelector('body[data-loaded^="610581002:"]');
    expect(new URL(w.page.url()).searchParams.get('region')).toBe('610581002');
    expect(await w.page.locator('h1').innerText()).toBe('金城街道党建引领数据大屏');
    expect(graphqlPosts(w)).toHaveLength(2); // one per screen
    await w.page.locator('#crumbs a[data-code="610581"]').click();
    await w.page.waitForSelector('body[data-loaded^="610581:"]');
    expect(new URL(w.page.url()).searchParams.get('region')).toBe('610581');
    await w.page.goBack();
    await w.page.waitForSelector('body[data-loaded^="610581002:"]');
    expect(foreignRequests(w, origin)).toEqual([]);
  });

  test('a city screen draws its counties on a map from the npm GeoJSON, served by the gateway', async () => {
    const w = await openScreen('/?region=6105&period=year&from=2023-01-01', '6105:');
    await w.page.waitForFunction(() => document.getElementById('geo-title')?.textContent === '下级区域分布图');
    expect(w.requests.some((r) => r.url === `${origin}/assets/maps/610500.json`)).toBe(true);
    expect(foreignRequests(w, origin)).toEqual([]);
    await screenshot(w.page, 'dashboard-6105-2023');
  });

  test('the previous-period comparison shows the delta of records created by the test', async () => {
    const admin = token({ role: 'ADMIN' });
    const hospital = (await ok(stack.gatewayUrl, '{ hospitals(regionCode: "610581", first: 1) { edges { node { id } } } }')).hospitals.edges[0].node.id;
    const create = `mutation($input: CreateFreeClinicInput!) { createFreeClinic(input: $input) { id } }`;
    const clinic = (heldOn: string, patients: number) => ({ hospitalId: hospital, heldOn, regionCode: '610581001', teamSize: 4, partyMemberDoctors: 2, patients, homeVisits: 0, followUpPatients: 0, referrals: 0 });
    await ok(stack.gatewayUrl, create, { input: clinic('2025-05-12', 20) }, admin);
    await ok(stack.gatewayUrl, create, { input: clinic('2025-06-18', 50) }, admin);
    const patients = async (from: string, to: string) => (await ok(stack.gatewayUrl, KPIS, { code: '610581', period: { from, to } })).region.hospitalStats.freeClinicPatients;
    expect([await patients('2025-05-01', '2025-05-31'), await patients('2025-06-01', '2025-06-30'), await patients('2024-06-01', '2024-06-30')]).toEqual([20, 50, 0]);

    const w = await openScreen('/?region=610581&period=month&from=2025-06-01', '610581:2025-06-01:2025-06-30');
    const card = w.page.locator('[data-kpi="hospital.freeClinicPatients"]');
    expect(await card.locator('.kpi-value').innerText()).toContain('50');
    expect(await card.locator('[data-compare="previous"]').innerText()).toContain('+30 (+150.0%)');
    expect(await card.locator('[data-compare="last-year"]').innerText()).toContain('+50');
    // The picker moves to the quarter: Q2 2025 (70) against Q1 (0).
    await w.page.selectOption('#period-kind', 'quarter');
    await w.page.waitForSelector('body[data-loaded="610581:2025-04-01:2025-06-30"]');
    expect(await card.locator('.kpi-value').innerText()).toContain('70');
    expect(new URL(w.page.url()).searchParams.get('period')).toBe('quarter');
  });

  test('the children table exports as CSV in UTF-8 with a byte-order mark', async () => {
    const w = await openScreen('/?region=610581&period=year&from=2023-01-01', '610581:');
    const [download] = await Promise.all([w.page.waitForEvent('download'), w.page.click('#csv')]);
    const bytes = readFileSync((await download.path()) as string);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toMatch(/^区划代码,名称,双报到单位/);
    expect(lines).toHaveLength(9);
    expect(lines.find((l) => l.startsWith('610581001,新城街道,'))).toBeDefined();
  });

  test('the explorer runs the preloaded dashboard query with introspection off (production) and shows its answer', async () => {
    const prodOrigin = new URL(production.url).origin;
    const introspection = await fetch(production.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }) });
    expect(((await introspection.json()) as { errors?: unknown[] }).errors).toBeDefined();
    const w = await watchedPage(browser);
    opened.push(w);
    await w.page.goto(`${prodOrigin}/graphql`);
    await w.page.waitForSelector('.graphiql-container', { timeout: 30_000 });
    await w.page.waitForFunction(() => document.querySelector('.graphiql-query-editor')?.textContent?.includes('query Dashboard'));
    await w.page.click('.graphiql-execute-button');
    await w.page.waitForFunction(() => document.querySelector('.result-window')?.textContent?.includes('韩城市'), undefined, { timeout: 30_000 });
    expect(await w.page.locator('.result-window').innerText()).toContain('"registeredUnits": 415');
    expect(await w.page.locator('.graphiql-tab').count()).toBeGreaterThan(1); // starter queries one click away
    expect(await w.page.locator('[aria-label="Show Documentation Explorer"]').count()).toBe(1);
    expect(await w.page.locator('[aria-label="Show History"]').count()).toBe(1);
    expect(w.requests.some((r) => r.url === `${prodOrigin}/graphql/schema.graphql`)).toBe(true);
    expect(graphqlPosts(w).filter((r) => r.body?.includes('__schema'))).toEqual([]);
    expect(foreignRequests(w, prodOrigin)).toEqual([]);
    await screenshot(w.page, 'explorer');
  });

  test('pages carry a same-origin CSP; GraphQL over GET still reaches the API; subgraph URLs point to the gateway', async () => {
    for (const path of ['/', '/graphql']) {
      const res = await fetch(`${origin}${path}`, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'.*script-src 'self'/);
    }
    const get = await fetch(`${origin}/graphql?query=${encodeURIComponent('{ region(code: "610581") { name } }')}`, { headers: { accept: 'text/html, application/json', 'apollo-require-preflight': '1' } });
    expect(await get.json()).toEqual({ data: { region: { name: '韩城市' } } });
    const sub = await fetch(stack.subgraphs.hospitals.url, { headers: { accept: 'text/html' } });
    const html = await sub.text();
    expect(html).toContain('hospitals 子图');
    expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
  });

  test('CORS: same-origin by default; CORS_ORIGINS answers the preflight with credentials, and a page elsewhere gets its data', async () => {
    const preflight = (url: string, from: string) =>
      fetch(new URL('/graphql', url), { method: 'OPTIONS', headers: { origin: from, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' } });
    const denied = await preflight(origin, site.origin);
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
    const allowed = await preflight(production.url, site.origin);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(site.origin);
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
    expect((await preflight(production.url, 'http://other.example')).headers.get('access-control-allow-origin')).toBeNull();

    // In the browser: the default gateway refuses the other site ("Failed to fetch"), the configured one serves it.
    const page = await browser.newPage();
    try {
      await page.goto(`${site.origin}/?gateway=${encodeURIComponent(stack.gatewayUrl)}`);
      await page.waitForFunction(() => document.title !== '');
      expect(await page.title()).toMatch(/^failed/);
      await page.goto(`${site.origin}/?gateway=${encodeURIComponent(production.url)}`);
      await page.waitForFunction(() => document.title !== '');
      expect(await page.title()).toBe('ok 韩城市');
    } finally {
      await page.close();
    }
  });

  test('with the schools subgraph stopped the screen still shows the other sectors and a banner for schools', async () => {
    await stack.subgraphs.schools.stop();
    try {
      const w = await openScreen('/?region=610581&period=year&from=2023-01-01', '610581:');
      const banner = w.page.locator('[data-banner]');
      expect(await banner.count()).toBe(1);
      expect(await banner.getAttribute('data-banner')).toBe('schools');
      expect(await banner.innerText()).toContain('中小学校');
      expect(await w.page.locator('[data-kpi="community.registeredUnits"] .kpi-value').innerText()).toContain('415');
      expect(await w.page.locator('[data-kpi="hospital.freeClinicPatients"] .kpi-value').innerText()).toContain('2,400');
      expect(await w.page.locator('#children tbody tr').count()).toBe(8);
      await screenshot(w.page, 'dashboard-schools-down');
      // The one request is the gateway's partial answer, not a failure: no console error either.
    } finally {
      await stack.subgraphs.schools.restart();
    }
  });

  test('no page logged a console error', () => {
    expect(opened.length).toBeGreaterThan(0);
    expect(opened.flatMap((w) => w.consoleErrors)).toEqual([]);
  });
});
