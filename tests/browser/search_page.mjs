// What static/js/search.js adds to the search page: the ARIA combobox (suggestions,
// ArrowDown/ArrowUp/Escape/Enter), filters applied with focus restored, "near me" with
// distances, and no JavaScript errors. (Was tests/search/browser/check_search_page.mjs.)
// The no-JavaScript behaviour is covered by tests/search/test_views.py.
import { openTab, visit, sleep } from "./lib.mjs";

const state = (page, fn, ...args) => page.evaluate(fn, ...args);

// Apply the form: either search.js does it on change (a navigation follows), or the visitor
// presses the apply button; both are fine as long as the filter ends up in the URL.
async function applied(page, action) {
  const nav = page.waitForNavigation({ timeout: 1500 }).then(() => true, () => false);
  await action();
  if (await nav) return;
  await Promise.all([page.waitForNavigation({ timeout: 8000 }), state(page, () => document.getElementById("search-form").requestSubmit())]);
}

export async function searchPageScript(browser, base, report) {
  const where = "Suche: search.js @1280";
  const ok = (name, cond, detail = "") => report.check(where, name, cond, detail);
  const page = await openTab(browser, 1280);
  // Warm the suggestion lexicon so the first keystrokes are not measured against a cold cache.
  await fetch(`${base}/api/search/suggest/?q=lora`).catch(() => {});
  await visit(page, `${base}/suche/`);
  ok("combobox role added by JS", (await state(page, () => document.getElementById("search-q").getAttribute("role"))) === "combobox");
  await page.focus("#search-q");
  await page.keyboard.type("stra");
  await page.waitForFunction(() => document.querySelectorAll("#search-suggestions [role=option]").length > 0, { timeout: 5000 }).catch(() => {});
  const open = await state(page, () => ({ expanded: document.getElementById("search-q").getAttribute("aria-expanded"), options: [...document.querySelectorAll("#search-suggestions [role=option]")].map((o) => o.textContent), hidden: document.getElementById("search-suggestions").hidden, live: document.querySelector(".combobox [role=status]")?.textContent || "" }));
  ok("suggestions open with options", open.expanded === "true" && open.options.length > 0 && !open.hidden, JSON.stringify(open));
  ok("suggestion count announced", /Vorschl/.test(open.live), open.live);
  await page.keyboard.press("ArrowDown");
  const act = await state(page, () => ({ ad: document.getElementById("search-q").getAttribute("aria-activedescendant"), sel: document.querySelector("#search-suggestions [aria-selected=true]")?.id, focus: document.activeElement.id }));
  ok("ArrowDown highlights first option, focus stays in the box", act.ad === "search-suggestion-0" && act.sel === "search-suggestion-0" && act.focus === "search-q", JSON.stringify(act));
  await page.keyboard.press("ArrowUp");
  ok("ArrowUp wraps to last", (await state(page, () => document.getElementById("search-q").getAttribute("aria-activedescendant"))) === `search-suggestion-${open.options.length - 1}`);
  await page.keyboard.press("Escape");
  ok("Escape closes", (await state(page, () => document.getElementById("search-q").getAttribute("aria-expanded"))) === "false" && (await state(page, () => document.getElementById("search-q").value)) === "stra");
  await page.keyboard.press("ArrowDown");
  await page.waitForFunction(() => document.getElementById("search-q").getAttribute("aria-expanded") === "true", { timeout: 5000 }).catch(() => {});
  await page.keyboard.press("ArrowDown"); await page.keyboard.press("ArrowDown");
  const chosen = await state(page, () => document.querySelector("#search-suggestions [aria-selected=true]")?.textContent);
  await Promise.allSettled([page.waitForNavigation({ timeout: 8000 }), page.keyboard.press("Enter")]);
  ok("Enter on a page suggestion opens the page", page.url().includes("/kommunen/"), `${chosen} -> ${page.url()}`);

  await visit(page, `${base}/suche/?q=Sensoren`);
  const boxId = await state(page, () => document.querySelector("#facet-type input[type=checkbox]")?.id);
  if (!ok("type facet has a checkbox", Boolean(boxId), "none")) { await page.close(); return; }
  let autoApplied = false;
  await applied(page, async () => {
    const nav = page.waitForNavigation({ timeout: 1500 }).then(() => { autoApplied = true; }, () => {});
    await state(page, (id) => document.getElementById(id).click(), boxId);
    await nav;
  });
  await sleep(300);
  const after = await state(page, (id) => ({ url: location.search, focus: document.activeElement.id, checked: document.getElementById(id)?.checked }), boxId);
  ok("checkbox change applies the filter", after.url.includes("type=") && after.url.includes("q=Sensoren") && after.checked, JSON.stringify(after));
  if (autoApplied) ok("focus returns to the changed checkbox", after.focus === boxId, JSON.stringify(after));
  ok("empty selects left out of the URL", !after.url.includes("near=") && !after.url.includes("radius="), after.url);

  await applied(page, () => state(page, () => { const s = document.getElementById("search-near"); s.value = "05958004"; s.dispatchEvent(new Event("change", { bubbles: true })); }));
  await sleep(300);
  const near = await state(page, () => ({ url: location.search, distances: [...document.querySelectorAll(".result .distance")].map((d) => d.textContent), sort: [...document.querySelectorAll("#search-sort option")].map((o) => o.value) }));
  ok("near me adds distances and the distance sort", near.url.includes("near=05958004") && near.distances.length > 0 && near.sort.includes("distance"), JSON.stringify(near));
  ok("no JavaScript errors", page.errors.length === 0, page.errors.join("\n"));
  await page.close();
}
