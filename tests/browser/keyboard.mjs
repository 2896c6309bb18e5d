// Keyboard flows: skip link to the results, visible focus after Tab (>= 3:1), selects that do
// not reload on arrow keys, focus visible after a filter reload, start-page autocomplete.
import { openTab, visit, focusStyle, sleep, axe } from "./lib.mjs";

const RESULT_LINK = ".result-list a, .result a";

async function tabTo(page, predicate, maxTabs, ...args) {
  for (let i = 1; i <= maxTabs; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(predicate, ...args)) return i;
  }
  return null;
}

async function reloaded(page, marker) {
  await sleep(900);
  try { return !(await page.evaluate((m) => window.__twMarker === m, marker)); } catch { return true; }
}

function focusCheck(report, where, style) {
  report.check(where, "visible focus (outline >= 2px, contrast >= 3:1)",
    style.element && style.visible && style.ratio >= 3,
    style.element ? `${style.element}: ${style.visible ? `contrast ${style.ratio}:1` : style.reason}` : "nothing focused");
}

async function skipLinkToResults(browser, base, report, width) {
  const where = `Suche (Anfrage) @${width}`;
  const page = await openTab(browser, width);
  await visit(page, `${base}/suche/?q=Sensoren`);
  // A skip link among the first Tab stops whose target holds the results but not the search
  // form (a link to <main> only skips the header, not the form and the filters).
  const steps = await tabTo(page, (sel) => {
    const a = document.activeElement;
    if (!a || a.tagName !== "A" || !a.hash) return false;
    const target = document.getElementById(decodeURIComponent(a.hash.slice(1)));
    const first = document.querySelector(sel);
    return Boolean(target && first && target.contains(first) && !target.contains(document.getElementById("search-q")));
  }, 4, RESULT_LINK);
  if (!report.check(where, "skip link to the results among the first 4 Tab stops", steps !== null, "no link whose target holds the first result without the search form")) { await page.close(); return; }
  focusCheck(report, `${where} skip link`, await focusStyle(page));
  await page.keyboard.press("Enter");
  await sleep(200);
  const moved = await page.evaluate((sel) => {
    const a = document.activeElement; const first = document.querySelector(sel);
    return { ok: a !== document.body && (a.contains(first) || a === first), focus: a.id || a.tagName };
  }, RESULT_LINK);
  report.check(where, "skip link moves focus to the results", moved.ok, `focus on ${moved.focus}`);
  const next = await tabTo(page, (sel) => document.activeElement === document.querySelector(sel), 3, RESULT_LINK);
  report.check(where, "first result within 3 Tabs after the skip link", next !== null, "not reached");
  await page.close();
}

async function focusAfterTab(browser, base, report, name, path, width) {
  const page = await openTab(browser, width);
  await visit(page, base + path);
  await page.keyboard.press("Tab");
  focusCheck(report, `${name} @${width} 1st Tab`, await focusStyle(page));
  await page.keyboard.press("Tab");
  focusCheck(report, `${name} @${width} 2nd Tab`, await focusStyle(page));
  await page.close();
}

async function selectsWithoutReload(browser, base, report) {
  const where = "Suche (Filter) @1280";
  const page = await openTab(browser, 1280);
  await visit(page, `${base}/suche/?q=Sensoren`);
  const ids = await page.evaluate(() => [...document.querySelectorAll("main select")].filter((s) => !s.disabled && s.id).map((s) => s.id));
  report.check(where, "search page has selects to try", ids.length > 0, "no select found");
  for (const [n, id] of ids.entries()) {
    await page.evaluate((m) => { window.__twMarker = m; }, n + 1);
    await page.focus(`#${id}`);
    await page.keyboard.press("ArrowDown");
    const reload = await reloaded(page, n + 1);
    let focus = null;
    if (!reload) focus = await page.evaluate(() => document.activeElement.id);
    report.check(where, `ArrowDown in #${id} keeps the page (no reload trap)`, !reload && focus === id, reload ? "the page reloaded" : `focus moved to ${focus}`);
    if (reload) await visit(page, `${base}/suche/?q=Sensoren`);
  }
  // A checkbox toggled with the space bar may apply the filter at once; the focus must come
  // back to it, visibly.
  const box = await page.evaluate(() => document.querySelector("main fieldset input[type=checkbox]")?.id);
  if (report.check(where, "filter checkbox present", Boolean(box), "none")) {
    await page.evaluate(() => { window.__twMarker = "box"; });
    await page.focus(`#${box}`);
    await page.keyboard.press("Space");
    if (await reloaded(page, "box")) {
      await page.waitForFunction(() => document.readyState === "complete", { timeout: 10000 });
      await sleep(300);
      const state = await page.evaluate((id) => ({ focus: document.activeElement.id, checked: document.getElementById(id)?.checked }), box);
      report.check(where, "after a filter reload focus is back on the checkbox", state.focus === box && state.checked, JSON.stringify(state));
      focusCheck(report, `${where} after filter reload`, await focusStyle(page));
    } else {
      const state = await page.evaluate((id) => ({ focus: document.activeElement.id, checked: document.getElementById(id)?.checked }), box);
      report.check(where, "space toggles the filter checkbox", state.focus === box && state.checked, JSON.stringify(state));
    }
  }
  await page.close();
}

async function startPageAutocomplete(browser, base, report) {
  const where = "Startseite @1280";
  const page = await openTab(browser, 1280);
  await visit(page, `${base}/`);
  const input = await page.$("main input[type=search]");
  if (!report.check(where, "search box on the start page", Boolean(input), "no input[type=search] in main")) { await page.close(); return; }
  await input.focus();
  await page.keyboard.type("stra");
  const open = await page.waitForFunction(() => document.activeElement.getAttribute("aria-expanded") === "true", { timeout: 4000 }).then(() => true, () => false);
  report.check(where, "autocomplete: suggestions open while typing (combobox)", open,
    `role=${await page.evaluate(() => document.activeElement.getAttribute("role"))}`);
  if (open) {
    await page.keyboard.press("ArrowDown");
    const active = await page.evaluate(() => ({ ad: document.activeElement.getAttribute("aria-activedescendant"), focus: document.activeElement.tagName }));
    report.check(where, "autocomplete: ArrowDown highlights an option, focus stays in the box", Boolean(active.ad) && active.focus === "INPUT", JSON.stringify(active));
    const [nav] = await Promise.allSettled([page.waitForNavigation({ timeout: 8000 }), page.keyboard.press("Enter")]);
    report.check(where, "autocomplete: Enter opens the highlighted suggestion", nav.status === "fulfilled" && page.url() !== `${base}/`, page.url());
  }
  await page.close();
}

// The barrier feedback form: errors by keyboard, in German, accessible; then a real report.
async function feedbackForm(browser, base, targets, report) {
  const path = targets.pages["Barrierefreiheit"];
  const where = "Barrierefreiheit: Formular @390";
  if (!report.check(where, "accessibility statement exists", Boolean(path), "no page")) return;
  const page = await openTab(browser, 390);
  await visit(page, base + path);
  await page.focus("#id_message");
  await page.keyboard.press("Tab"); await page.keyboard.press("Tab"); await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  const onButton = await page.evaluate(() => document.activeElement.tagName === "BUTTON");
  report.check(where, "Tab order reaches the send button after the fields", onButton, await page.evaluate(() => document.activeElement.outerHTML.slice(0, 80)));
  const [nav] = await Promise.all([page.waitForNavigation({ timeout: 10000 }), page.focus(".feedback-form button[type=submit]").then(() => page.keyboard.press("Enter"))]);
  report.check(where, "empty form answers 400", nav?.status() === 400, `HTTP ${nav?.status()}`);
  const errors = await page.evaluate(() => document.getElementById("feedback-errors")?.textContent || "");
  report.check(where, "German error message", /Bitte beschreiben Sie die Barriere/.test(errors), errors.trim().slice(0, 120));
  const violations = await axe(page);
  report.check(where, "axe WCAG 2.1 A/AA with errors shown: 0 violations", violations.length === 0, violations.map((v) => `${v.id} ${v.target}`).join("\n"));
  await page.type("#id_message", "Browser-Test: Der Kontrast der Fußzeile ist zu gering.");
  const [sent] = await Promise.all([page.waitForNavigation({ timeout: 10000 }), page.click(".feedback-form button[type=submit]")]);
  const thanks = await page.evaluate(() => document.querySelector(".feedback-form [role=status]")?.textContent || "");
  report.check(where, "report sent, thank-you shown", sent?.ok() && /Vielen Dank/.test(thanks), `HTTP ${sent?.status()} ${page.url()}`);
  report.check(where, "no request to another host", page.external.length === 0, page.external.join("\n"));
  await page.close();
}

export async function keyboardFlows(browser, base, targets, report) {
  for (const width of [1280, 390]) await report.guard(`Suche @${width}`, "skip link flow", () => skipLinkToResults(browser, base, report, width));
  for (const [name, path] of [["Startseite", "/"], ["Suche (leer)", "/suche/"], ["Fallstudie", targets.pages["Fallstudie"]]]) {
    if (!path) continue;
    for (const width of [1280, 320]) await report.guard(`${name} @${width}`, "focus flow", () => focusAfterTab(browser, base, report, name, path, width));
  }
  await report.guard("Suche (Filter) @1280", "select flow", () => selectsWithoutReload(browser, base, report));
  await report.guard("Startseite @1280", "autocomplete flow", () => startPageAutocomplete(browser, base, report));
  await report.guard("Barrierefreiheit @390", "feedback form flow", () => feedbackForm(browser, base, targets, report));
}
