// Loads the public site and the Wagtail admin in headless Chromium (over CDP) and reports every
// Content-Security-Policy violation and JavaScript error. Usage (site running, user exists):
//   node --experimental-websocket tests/home/browser/check_csp.mjs http://127.0.0.1:8766 USER PASSWORD
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
const [BASE = "http://127.0.0.1:8766", USER, PASSWORD] = process.argv.slice(2);
const dir = mkdtempSync(`${tmpdir()}/tw-csp-`);
const chrome = spawn("chromium", ["--headless=new", "--no-sandbox", "--disable-gpu", "--remote-debugging-port=0", `--user-data-dir=${dir}`, "about:blank"], { stdio: "ignore" });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let port;
for (let i = 0; i < 100 && !port; i++) { await sleep(200); const f = `${dir}/DevToolsActivePort`; if (existsSync(f)) port = readFileSync(f, "utf8").split("\n")[0]; }
const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
const ws = new WebSocket(targets.find((t) => t.type === "page").webSocketDebuggerUrl);
await new Promise((r) => (ws.onopen = r));
let id = 0; const pending = new Map(); let problems = []; let loadWaiters = [];
ws.onmessage = (m) => { const msg = JSON.parse(m.data);
  if (msg.id && pending.has(msg.id)) { pending.get(msg.id)(msg); pending.delete(msg.id); }
  if (msg.method === "Runtime.exceptionThrown") problems.push("JS: " + msg.params.exceptionDetails.text + " " + (msg.params.exceptionDetails.exception?.description || ""));
  if (msg.method === "Log.entryAdded" && /Content Security Policy|Refused/.test(msg.params.entry.text)) problems.push("CSP: " + msg.params.entry.text);
  if (msg.method === "Page.loadEventFired") { loadWaiters.forEach((r) => r()); loadWaiters = []; } };
const send = (method, params = {}) => new Promise((r) => { const i = ++id; pending.set(i, r); ws.send(JSON.stringify({ id: i, method, params })); });
const evaluate = async (expr) => (await send("Runtime.evaluate", { expression: expr, returnByValue: true, awaitPromise: true })).result.result?.value;
const loaded = () => new Promise((r) => loadWaiters.push(r));
await send("Page.enable"); await send("Runtime.enable"); await send("Log.enable");
const visit = async (path) => { problems = []; const l = loaded(); await send("Page.navigate", { url: BASE + path }); await l; await sleep(1500); return problems; };
let failed = 0;
const report = (path, found) => { console.log(`${found.length ? "FAIL" : "ok  "} ${path}`); for (const p of [...new Set(found)]) console.log("     " + p.slice(0, 300)); if (found.length) failed++; };
for (const path of ["/", "/suche/?q=Parken", "/offene-daten/", "/admin/login/"]) report(path, await visit(path));
if (USER) {
  await evaluate(`document.querySelector('#id_username').value=${JSON.stringify(USER)}; document.querySelector('#id_password').value=${JSON.stringify(PASSWORD)}; true`);
  const l = loaded(); await evaluate(`document.querySelector('form').submit(); true`); await l; await sleep(800);
  for (const path of process.env.ADMIN_PATHS.split(" ")) report(path, await visit(path));
}
chrome.kill();
process.exit(failed ? 1 : 0);
