// Shared pieces of the browser suite: the browser, the report, page helpers.
import puppeteer from "puppeteer-core";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
export const WIDTHS = [1280, 390, 320];
const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class Report {
  constructor() { this.passed = 0; this.failed = 0; this.failures = []; }
  check(where, name, ok, detail = "") {
    if (ok) this.passed++; else { this.failed++; this.failures.push(`${where} – ${name}: ${detail}`); }
    const line = `${ok ? "PASS" : "FAIL"}  ${where.padEnd(34)} ${name}${ok || !detail ? "" : `\n        ${String(detail).replace(/\n/g, "\n        ")}`}`;
    console.log(line);
    return ok;
  }
  // A check whose code threw counts as failed, never as skipped.
  async guard(where, name, fn) {
    try { return await fn(); } catch (error) { this.check(where, name, false, `error: ${error.message}`); return undefined; }
  }
  summary() {
    if (this.failures.length) { console.log("\nFailures:"); for (const f of this.failures) console.log(`  - ${f}`); }
    console.log(`\n${this.passed} passed, ${this.failed} failed`);
  }
}

export async function launch() {
  const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
  return puppeteer.launch({
    executablePath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
      // Chromium's own background traffic (safe browsing, component updates) is not the site's.
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

// A tab that blocks and records every request to another host, and records JS errors.
export async function openTab(browser, width) {
  const page = await browser.newPage();
  await page.setViewport({ width, height: width >= 1000 ? 900 : 760 });
  // axe is injected with evaluate(); a Content-Security-Policy must not stop the checker itself.
  await page.setBypassCSP(true);
  page.external = []; page.errors = [];
  await page.setRequestInterception(true);
  page.on("request", (request) => {
    const url = request.url();
    let host = null;
    try { const parsed = new URL(url); if (/^(https?|wss?):$/.test(parsed.protocol)) host = parsed.hostname; } catch { /* data:, blob: */ }
    if (host !== null && !LOCAL_HOSTS.has(host) && !LOCAL_HOSTS.has(`[${host}]`)) {
      page.external.push(url);
      request.abort("blockedbyclient").catch(() => {});
    } else {
      request.continue().catch(() => {});
    }
  });
  page.on("pageerror", (error) => page.errors.push(error.message));
  page.on("console", (msg) => { if (msg.type() === "error" && !/net::ERR_BLOCKED_BY_CLIENT|Failed to load resource/.test(msg.text())) page.errors.push(msg.text()); });
  return page;
}

export async function visit(page, url) {
  page.external.length = 0; page.errors.length = 0;
  const response = await page.goto(url, { waitUntil: "load", timeout: 20000 });
  return response;
}

export async function axe(page) {
  const loaded = await page.evaluate(() => typeof window.axe !== "undefined");
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, target: v.nodes[0]?.target?.join(" "), summary: v.nodes[0]?.failureSummary?.split("\n").slice(0, 2).join(" ") }));
  }, AXE_TAGS);
}

export async function overflow(page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const scroll = document.documentElement.scrollWidth;
    if (scroll <= width) return { ok: true, scroll, width };
    // Name the deepest elements that stick out, so the fix is findable.
    const all = [...document.body.querySelectorAll("*")];
    let culprits = all.filter((el) => el.getBoundingClientRect().right > width + 0.5 && ![...el.children].some((c) => c.getBoundingClientRect().right > width + 0.5));
    // Otherwise a long word overflows its box: the element's own scrollWidth shows it.
    if (!culprits.length) culprits = all.filter((el) => el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0 && getComputedStyle(el).overflowX === "visible");
    culprits = culprits
      .reverse()  // deepest first: that is the element to fix
      .slice(0, 4)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : ""} (right ${Math.round(el.getBoundingClientRect().right)})`);
    return { ok: false, scroll, width, culprits };
  });
}

// Focus indicator of the focused element and its best contrast: outline or box-shadow ring
// against the surrounding background, a two-colour indicator (outline against its ring,
// technique C40), or an outline drawn right on the element (offset <= 0) against the
// element's own background.
export async function focusStyle(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { element: null };
    const parse = (c) => { const m = (c || "").match(/rgba?\(([^)]+)\)/); if (!m) return null; const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
    const lum = ({ r, g, b }) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
    const contrast = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
    const background = (node) => { for (; node; node = node.parentElement) { const c = parse(getComputedStyle(node).backgroundColor); if (c && c.a > 0.5) return c; } return { r: 255, g: 255, b: 255, a: 1 }; };
    const around = background(el.parentElement);
    const own = background(el);
    const style = getComputedStyle(el);
    const desc = `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""} "${(el.textContent || el.value || "").trim().slice(0, 30)}"`;
    const outline = style.outlineStyle !== "none" && (parseFloat(style.outlineWidth) || 0) >= 2 ? parse(style.outlineColor) : null;
    const shadow = style.boxShadow && style.boxShadow !== "none" ? parse(style.boxShadow) : null;
    if (!outline && !shadow) return { element: desc, visible: false, reason: `outline ${style.outlineStyle} ${style.outlineWidth}, no box-shadow` };
    const ratios = [];
    if (outline) ratios.push(contrast(outline, around));
    if (shadow) ratios.push(contrast(shadow, around));
    if (outline && shadow) ratios.push(contrast(outline, shadow));
    if (outline && (parseFloat(style.outlineOffset) || 0) <= 0) ratios.push(contrast(outline, own));
    return { element: desc, visible: true, ratio: Math.round(Math.max(...ratios) * 100) / 100 };
  });
}
