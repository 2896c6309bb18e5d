// Real-browser suite of the site: every public page at 1280, 390 and 320 px (axe-core
// WCAG 2.1 A/AA, horizontal overflow, requests to other hosts, JavaScript errors), the
// keyboard flows, the search page's script, and the admin's requests.
//
//   node tests/browser/run.mjs http://127.0.0.1:PORT     (TARGETS=targets.json CHROMIUM=/usr/bin/chromium)
// scripts/browser-tests.sh builds the demo site and the targets file; see tests/browser/README.md.
import { readFileSync } from "node:fs";
import { Report, WIDTHS, launch, openTab, visit, axe, overflow } from "./lib.mjs";
import { keyboardFlows } from "./keyboard.mjs";
import { searchPageScript } from "./search_page.mjs";
import { adminRequests } from "./admin.mjs";

const BASE = (process.argv[2] || "http://127.0.0.1:8000").replace(/\/$/, "");
const targets = JSON.parse(readFileSync(process.env.TARGETS || new URL("./targets.json", import.meta.url), "utf8"));
const report = new Report();
const started = Date.now();
const browser = await launch();

async function pageChecks(width) {
  const tab = await openTab(browser, width);
  for (const [name, path] of Object.entries(targets.pages)) {
    const where = `${name} @${width}`;
    if (!path) { report.check(where, "page exists in the demo content", false, "no such page"); continue; }
    const response = await report.guard(where, "loads", () => visit(tab, BASE + path));
    if (!response) continue;
    if (!report.check(where, "HTTP 200", response.status() === 200, `${path}: HTTP ${response.status()}`)) continue;
    const violations = await report.guard(where, "axe WCAG 2.1 A/AA", () => axe(tab));
    if (violations) report.check(where, "axe WCAG 2.1 A/AA: 0 violations", violations.length === 0,
      violations.map((v) => `${v.id} (${v.impact}, ${v.nodes}×) ${v.target} – ${v.summary}`).join("\n"));
    const flow = await report.guard(where, "no horizontal overflow", () => overflow(tab));
    if (flow) report.check(where, "no horizontal overflow", flow.ok, `scrollWidth ${flow.scroll} > ${flow.width}: ${(flow.culprits || []).join(", ")}`);
    report.check(where, "no request to another host", tab.external.length === 0, tab.external.slice(0, 5).join("\n"));
    report.check(where, "no JavaScript errors", tab.errors.length === 0, tab.errors.slice(0, 3).join("\n"));
  }
  await tab.close();
}

// ONLY=pages,keyboard,search,admin runs a part (while working on it); the default is all.
const only = new Set((process.env.ONLY || "pages,keyboard,search,admin").split(","));
try {
  if (only.has("pages")) for (const width of WIDTHS) await pageChecks(width);
  if (only.has("keyboard")) await keyboardFlows(browser, BASE, targets, report);
  if (only.has("search")) await searchPageScript(browser, BASE, report);
  if (only.has("admin")) await adminRequests(browser, BASE, targets, report);
} catch (error) {
  report.check("suite", "ran to the end", false, error.stack || error.message);
} finally {
  await browser.close().catch(() => {});
}
console.log(`\nBrowser suite took ${((Date.now() - started) / 1000).toFixed(1)} s.`);
report.summary();
process.exit(report.failed ? 1 : 0);
