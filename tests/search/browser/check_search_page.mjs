// Drives headless Chromium over CDP to check search.js: combobox, keyboard, auto-apply.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
const BASE = process.argv[2] || "http://127.0.0.1:8765";
const dir = mkdtempSync(`${tmpdir()}/tw-chromium-`);
const chrome = spawn("chromium", ["--headless=new", "--no-sandbox", "--disable-gpu", "--remote-debugging-port=0", `--user-data-dir=${dir}`, "about:blank"], { stdio: "ignore" });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let port;
for (let i = 0; i < 100 && !port; i++) { await sleep(200); const f = `${dir}/DevToolsActivePort`; if (existsSync(f)) port = readFileSync(f, "utf8").split("\n")[0]; }
const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
const ws = new WebSocket(targets.find((t) => t.type === "page").webSocketDebuggerUrl);
await new Promise((r) => (ws.onopen = r));
let id = 0; const pending = new Map(); const errors = []; let loadWaiters = [];
ws.onmessage = (m) => { const msg = JSON.parse(m.data);
  if (msg.id && pending.has(msg.id)) { pending.get(msg.id)(msg); pending.delete(msg.id); }
  if (msg.method === "Runtime.exceptionThrown") errors.push(msg.params.exceptionDetails.text + " " + JSON.stringify(msg.params.exceptionDetails.exception?.description));
  if (msg.method === "Runtime.consoleAPICalled" && msg.params.type === "error") errors.push(JSON.stringify(msg.params.args));
  if (msg.method === "Page.loadEventFired") { loadWaiters.forEach((r) => r()); loadWaiters = []; } };
const send = (method, params = {}) => new Promise((r) => { const i = ++id; pending.set(i, r); ws.send(JSON.stringify({ id: i, method, params })); });
const evaluate = async (expr) => (await send("Runtime.evaluate", { expression: expr, returnByValue: true, awaitPromise: true })).result.result.value;
const loaded = () => new Promise((r) => loadWaiters.push(r));
const key = async (k, code, keyCode) => { for (const type of ["keyDown", "keyUp"]) await send("Input.dispatchKeyEvent", { type, key: k, code, windowsVirtualKeyCode: keyCode }); };
const check = (name, ok, detail = "") => { console.log(`${ok ? "ok  " : "FAIL"} ${name} ${ok ? "" : detail}`); if (!ok) process.exitCode = 1; };
await send("Page.enable"); await send("Runtime.enable");

let l = loaded(); await send("Page.navigate", { url: `${BASE}/suche/` }); await l; await sleep(300);
check("combobox role added by JS", await evaluate(`document.getElementById('search-q').getAttribute('role')`) === "combobox");
check("auto-apply hint shown", await evaluate(`!document.getElementById('auto-apply-hint').hidden`));
await evaluate(`document.getElementById('search-q').focus()`);
await send("Input.insertText", { text: "stra" }); await sleep(1500);
const state = await evaluate(`({expanded: document.getElementById('search-q').getAttribute('aria-expanded'), options: [...document.querySelectorAll('#search-suggestions [role=option]')].map(o => o.textContent), hidden: document.getElementById('search-suggestions').hidden, live: document.querySelector('.combobox [role=status]').textContent})`);
check("suggestions open with options", state.expanded === "true" && state.options.length > 0 && !state.hidden, JSON.stringify(state));
check("suggestion count announced", /Vorschl/.test(state.live), state.live);
await key("ArrowDown", "ArrowDown", 40);
const act = await evaluate(`({ad: document.getElementById('search-q').getAttribute('aria-activedescendant'), sel: document.querySelector('#search-suggestions [aria-selected=true]')?.id, focus: document.activeElement.id})`);
check("ArrowDown highlights first option, focus stays in the box", act.ad === "search-suggestion-0" && act.sel === "search-suggestion-0" && act.focus === "search-q", JSON.stringify(act));
await key("ArrowUp", "ArrowUp", 38);
check("ArrowUp wraps to last", (await evaluate(`document.getElementById('search-q').getAttribute('aria-activedescendant')`)) === `search-suggestion-${state.options.length - 1}`);
await key("Escape", "Escape", 27);
check("Escape closes", (await evaluate(`document.getElementById('search-q').getAttribute('aria-expanded')`)) === "false" && (await evaluate(`document.getElementById('search-q').value`)) === "stra");
await key("ArrowDown", "ArrowDown", 40); await sleep(1500); await key("ArrowDown", "ArrowDown", 40); await key("ArrowDown", "ArrowDown", 40);
const chosen = await evaluate(`document.querySelector('#search-suggestions [aria-selected=true]').textContent`);
l = loaded(); await key("Enter", "Enter", 13); await l; await sleep(300);
const url1 = await evaluate("location.href");
check("Enter on a page suggestion opens the page", url1.includes("/kommunen/"), `${chosen} -> ${url1}`);

l = loaded(); await send("Page.navigate", { url: `${BASE}/suche/?q=Sensoren` }); await l; await sleep(300);
const boxId = await evaluate(`document.querySelector('#facet-type input[type=checkbox]').id`);
l = loaded(); await evaluate(`document.getElementById('${boxId}').click()`); await l; await sleep(400);
const after = await evaluate(`({url: location.search, focus: document.activeElement.id, checked: document.getElementById('${boxId}')?.checked})`);
check("checkbox change applies the filter", after.url.includes("type=") && after.url.includes("q=Sensoren") && after.checked, JSON.stringify(after));
check("focus returns to the changed checkbox", after.focus === boxId, JSON.stringify(after));
check("empty selects left out of the URL", !after.url.includes("near=") && !after.url.includes("radius="), after.url);

l = loaded(); await evaluate(`(() => { const s = document.getElementById('search-near'); s.value = '05958004'; s.dispatchEvent(new Event('change')); })()`); await l; await sleep(300);
const near = await evaluate(`({url: location.search, distances: [...document.querySelectorAll('.result .distance')].map(d => d.textContent), sort: [...document.querySelectorAll('#search-sort option')].map(o => o.value)})`);
check("near me adds distances and the distance sort", near.url.includes("near=05958004") && near.distances.length > 0 && near.sort.includes("distance"), JSON.stringify(near));
check("no JavaScript errors", errors.length === 0, errors.join("\n"));
chrome.kill();
process.exit();
