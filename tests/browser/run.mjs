#!/usr/bin/env node
// Browser checks for a site built by hysbys, driven by tests/browser.rs.
//
//   node tests/browser/run.mjs <base-url> <report.json> <screenshot-dir> [<site-url>]
//
// <base-url>   where the built output folder is served, e.g. http://127.0.0.1:41234/
// <site-url>   optional: the project's configured `base_url`. Pages that must work at any
//              depth (404.html) link to it absolutely; requests under it are served from
//              <base-url> and counted as the site's own, since that is where it is deployed.
//
// Crawls every page reachable from the landing page (plus 404.html and a missing URL),
// then for each page records: HTTP status, <html lang>, axe-core violations (WCAG 2.0/2.1
// A and AA, WCAG 2.2 AA), every request and those leaving the site, the document width at
// a 320 CSS px viewport, the language link's target and its <html lang>, dialogs, console
// messages, page errors, links with a dangerous scheme, active elements (script, iframe,
// style, ...), inline event handlers and fragment links whose target is missing. It judges
// nothing: the Rust test asserts on the JSON report. Exits 0 once the report is written.
//
// Uses Debian's /usr/bin/chromium (override with CHROMIUM_PATH) through playwright-core;
// never downloads a browser.

import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_VERSION = JSON.parse(readFileSync(require.resolve('axe-core/package.json'), 'utf8')).version;
const PW_VERSION = JSON.parse(readFileSync(require.resolve('playwright-core/package.json'), 'utf8')).version;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run',
];
const DESKTOP = { width: 1280, height: 900 };
const NARROW = { width: 320, height: 640 };
const MOBILE = { width: 375, height: 812 };
const MISSING_PATH = 'no-such-page-hysbys/';
const NAV_TIMEOUT = 20_000;

const [baseArg, reportPath, shotDir, siteArg] = process.argv.slice(2);
if (!baseArg || !reportPath || !shotDir) {
  console.error('usage: node run.mjs <base-url> <report.json> <screenshot-dir> [<site-url>]');
  process.exit(2);
}
const base = new URL(baseArg).href.replace(/\/?$/, '/');
const baseOrigin = new URL(base).origin;
const site = siteArg ? new URL(siteArg).href.replace(/\/?$/, '/') : null;

/** Maps a URL under the configured base_url to the served copy; otherwise returns it unchanged. */
function toLocal(url) {
  if (site && url.startsWith(site)) return base + url.slice(site.length);
  return url;
}

/** 'local' (served site), 'site' (configured base_url, served locally), 'ignored' (about:, data:) or 'external'. */
function classify(url) {
  if (/^(about|data):/i.test(url)) return 'ignored';
  if (url.startsWith(baseOrigin + '/')) return 'local';
  if (site && url.startsWith(site)) return 'site';
  return 'external';
}

/** A page's key: the path under base, without query or fragment, `index.html` dropped. */
function pageKey(url) {
  const u = new URL(toLocal(url));
  u.hash = '';
  u.search = '';
  let href = u.href;
  if (href.endsWith('/index.html')) href = href.slice(0, -'index.html'.length);
  return href.startsWith(base) ? href.slice(base.length) : null;
}

function pageKind(path) {
  if (path === '') return 'landing';
  if (path === '404.html') return 'not-found';
  if (path === MISSING_PATH) return 'missing';
  if (/^[a-z]{2}\/$/.test(path)) return 'index';
  if (/^[a-z]{2}\/[a-z0-9][a-z0-9-]*\/$/.test(path)) return 'notice';
  return 'other';
}

const t0 = Date.now();
const userDataDir = mkdtempSync(join(tmpdir(), 'hysbys-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: CHROMIUM_ARGS,
  viewport: DESKTOP,
  serviceWorkers: 'block',
  acceptDownloads: false,
});
const launchMs = Date.now() - t0;
const browserVersion = context.browser()?.version() ?? null;

// Nothing leaves the machine: requests outside the site are recorded (below) and aborted;
// requests under the configured base_url are answered from the served copy.
await context.route('**/*', async (route) => {
  const url = route.request().url();
  const kind = classify(url);
  if (kind === 'local') return route.continue();
  if (kind === 'site') {
    try {
      const response = await route.fetch({ url: toLocal(url) });
      return route.fulfill({ response });
    } catch {
      return route.abort('failed');
    }
  }
  return route.abort('blockedbyclient');
});

const page = context.pages()[0] ?? (await context.newPage());
page.setDefaultNavigationTimeout(NAV_TIMEOUT);
page.setDefaultTimeout(NAV_TIMEOUT);

// Events go to whichever page record is current.
let current = null;
page.on('request', (req) => current?.requests.push(req.url()));
page.on('dialog', async (d) => {
  current?.dialogs.push({ type: d.type(), message: d.message() });
  await d.dismiss().catch(() => {});
});
page.on('console', (m) => current?.console.push({ type: m.type(), text: m.text() }));
page.on('pageerror', (e) => current?.page_errors.push(String(e?.message ?? e)));

/** In-page inspection of the DOM as the site delivered it (before axe is injected). */
function inspectDom() {
  const BAD_SCHEME = /^\s*(javascript|data|vbscript):/i;
  const URL_ATTRS = ['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'data', 'xlink:href', 'background', 'cite'];
  const ACTIVE = 'script, iframe, frame, frameset, object, embed, applet, style, base, form, input, button, '
    + 'textarea, select, link[rel~="import"], link[rel~="preload"], link[rel~="prefetch"], '
    + 'meta[http-equiv], svg, math, template, portal';
  const describe = (el) => el.outerHTML.slice(0, 200);
  const badLinks = [];
  for (const a of document.querySelectorAll('a[href], area[href]')) {
    let scheme = '';
    try { scheme = new URL(a.href).protocol; } catch { scheme = 'unparsable:'; }
    if (['javascript:', 'data:', 'vbscript:', 'unparsable:'].includes(scheme) || BAD_SCHEME.test(a.getAttribute('href'))) {
      badLinks.push({ href: a.getAttribute('href'), resolved: a.href, html: describe(a) });
    }
  }
  const badUrls = [];
  const handlers = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) handlers.push({ attr: name, html: describe(el) });
      if (URL_ATTRS.includes(name) && el.tagName !== 'A' && BAD_SCHEME.test(attr.value)) {
        badUrls.push({ attr: name, value: attr.value.slice(0, 100), html: describe(el) });
      }
    }
  }
  const remoteImages = [];
  for (const img of document.querySelectorAll('img[src], source[srcset], img[srcset]')) {
    const src = img.getAttribute('src') ?? img.getAttribute('srcset') ?? '';
    try {
      if (new URL(src, document.baseURI).origin !== location.origin) remoteImages.push(describe(img));
    } catch { remoteImages.push(describe(img)); }
  }
  const missingFragments = [];
  for (const a of document.querySelectorAll('a[href^="#"]')) {
    const id = decodeURIComponent(a.getAttribute('href').slice(1));
    if (id && !document.getElementById(id)) missingFragments.push(a.getAttribute('href'));
  }
  const sw = document.querySelector('header .lang-switch a[hreflang]');
  return {
    lang: document.documentElement.lang,
    title: document.title,
    h1: document.querySelectorAll('h1').length,
    links: Array.from(document.querySelectorAll('a[href]'), (a) => a.href),
    bad_links: badLinks,
    bad_urls: badUrls,
    event_handlers: handlers,
    active_elements: Array.from(document.querySelectorAll(ACTIVE), describe),
    remote_images: remoteImages,
    missing_fragments: [...new Set(missingFragments)],
    // The theme's stylesheet sets body { margin: 0 } (the browser default is 8px). Reading
    // cssRules would throw for the stylesheet that 404.html loads from the configured base_url.
    theme_css_applied: getComputedStyle(document.body).marginLeft === '0px',
    // Raw HTML in markdown must be shown as text: the hostile fixture looks for it.
    shows_literal_script_tag: document.body.innerText.includes('<script>'),
    lang_switch: sw ? { href: sw.href, hreflang: sw.getAttribute('hreflang'), text: sw.textContent.trim() } : null,
  };
}

async function runAxe() {
  const hasAxe = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  const r = await page.evaluate(async (tags) => {
    const res = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return {
      violations: res.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, tags: v.tags,
        nodes: v.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 300), summary: n.failureSummary })),
      })),
    };
  }, AXE_TAGS);
  return r.violations;
}

async function narrowWidth() {
  await page.setViewportSize(NARROW);
  return page.evaluate(() => {
    const width = document.documentElement.scrollWidth;
    const vw = document.documentElement.clientWidth;
    const offenders = [];
    if (width > vw) {
      for (const el of document.body.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.right > vw + 0.5 && r.width > 0) {
          const tag = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '');
          offenders.push({ element: tag, right: Math.round(r.right), text: (el.textContent || '').trim().slice(0, 60) });
        }
      }
    }
    return { scroll_width: width, client_width: vw, offenders: offenders.slice(-10) };
  });
}

function newRecord(url, path) {
  return {
    url, path, kind: pageKind(path), status: null, lang: null, title: null,
    axe_violations: [], axe_mobile_violations: [],
    requests: [], external_requests: [], site_requests: [],
    narrow: null, lang_switch: null,
    dialogs: [], console: [], page_errors: [],
    bad_links: [], bad_urls: [], event_handlers: [], active_elements: [], remote_images: [],
    missing_fragments: [], theme_css_applied: null, shows_literal_script_tag: null, h1: null, error: null, ms: 0,
  };
}

const pages = [];
const seen = new Set();
const queue = [];
function enqueue(url) {
  const key = pageKey(url);
  if (key === null || seen.has(key)) return;
  if (!(key === '' || key.endsWith('/') || key.endsWith('.html'))) return;
  seen.add(key);
  queue.push(key);
}
enqueue(base);
enqueue(base + '404.html');
enqueue(base + MISSING_PATH);

while (queue.length) {
  const path = queue.shift();
  const url = base + path;
  const rec = newRecord(url, path);
  const started = Date.now();
  current = rec;
  try {
    await page.setViewportSize(DESKTOP);
    const resp = await page.goto(url, { waitUntil: 'load' });
    rec.status = resp ? resp.status() : null;
    const dom = await page.evaluate(inspectDom);
    for (const link of dom.links) enqueue(link);
    delete dom.links;
    const sw = dom.lang_switch;
    delete dom.lang_switch;
    Object.assign(rec, dom);
    rec.axe_violations = await runAxe();
    rec.narrow = await narrowWidth();
    // Mobile layout (tables become blocks): run axe again at 320 px.
    rec.axe_mobile_violations = await runAxe();
    if (sw) {
      // Follow the language link as a reader would, at the narrow width.
      const link = page.locator('header .lang-switch a[hreflang]').first();
      await Promise.all([page.waitForURL(sw.href, { waitUntil: 'load' }), link.click()]);
      const there = await page.evaluate(() => {
        const back = document.querySelector('header .lang-switch a[hreflang]');
        return { lang: document.documentElement.lang, back: back ? back.href : null, back_hreflang: back ? back.getAttribute('hreflang') : null };
      });
      rec.lang_switch = {
        href: sw.href, hreflang: sw.hreflang, text: sw.text,
        target: pageKey(page.url()), target_lang: there.lang,
        back: there.back ? pageKey(there.back) : null, back_hreflang: there.back_hreflang,
      };
    }
  } catch (e) {
    rec.error = String(e?.stack ?? e).slice(0, 2000);
  }
  current = null;
  for (const r of rec.requests) {
    const c = classify(r);
    if (c === 'external') rec.external_requests.push(r);
    if (c === 'site') rec.site_requests.push(r);
  }
  rec.ms = Date.now() - started;
  pages.push(rec);
}

// Screenshots of one notice in each language, desktop and mobile, full page.
const screenshots = [];
mkdirSync(shotDir, { recursive: true });
const noticeIds = (lang) => pages.filter((p) => p.kind === 'notice' && p.path.startsWith(lang + '/')).map((p) => p.path.split('/')[1]).sort();
const both = noticeIds('en').filter((id) => noticeIds('cy').includes(id));
const shotId = both[0] ?? null;
if (shotId) {
  for (const lang of ['en', 'cy']) {
    for (const [label, vp] of [['desktop', DESKTOP], ['mobile', MOBILE]]) {
      try {
        await page.setViewportSize(vp);
        await page.goto(`${base}${lang}/${shotId}/`, { waitUntil: 'load' });
        const file = join(shotDir, `${lang}-${shotId}-${label}.png`);
        await page.screenshot({ path: file, fullPage: true });
        screenshots.push({ lang, id: shotId, label, width: vp.width, file });
      } catch (e) {
        screenshots.push({ lang, id: shotId, label, width: vp.width, file: null, error: String(e).slice(0, 500) });
      }
    }
  }
}

await context.close();
rmSync(userDataDir, { recursive: true, force: true });

const report = {
  base_url: base,
  site_url: site,
  axe_version: AXE_VERSION,
  axe_tags: AXE_TAGS,
  playwright_version: PW_VERSION,
  browser_version: browserVersion,
  pages,
  screenshots,
  totals: {
    pages: pages.length,
    requests: pages.reduce((n, p) => n + p.requests.length, 0),
    external_requests: pages.reduce((n, p) => n + p.external_requests.length, 0),
    axe_violations: pages.reduce((n, p) => n + p.axe_violations.length + p.axe_mobile_violations.length, 0),
  },
  timings_ms: { launch: launchMs, total: Date.now() - t0 },
};
writeFileSync(reportPath, JSON.stringify(report, null, 2));
console.log(`${base}: ${pages.length} pages, ${report.totals.requests} requests (${report.totals.external_requests} external), `
  + `${report.totals.axe_violations} axe violations, ${screenshots.length} screenshots, ${report.timings_ms.total} ms`);
