// The admin as the demo curator and the demo town editor: no request may leave the site
// (avatar service, Wagtail's update check, fonts or scripts from a CDN).
import { openTab, visit } from "./lib.mjs";

async function login(page, base, account) {
  await visit(page, `${base}/admin/login/`);
  await page.type("#id_username", account.username);
  await page.type("#id_password", account.password);
  await Promise.all([page.waitForNavigation({ timeout: 15000 }), page.click("button[type=submit]")]);
  return !page.url().includes("/login/");
}

export async function adminRequests(browser, base, targets, report) {
  const accounts = targets.accounts || {};
  for (const [role, account] of Object.entries(accounts)) {
    const context = await browser.createBrowserContext();
    const page = await openTab(context, 1280);
    const who = `Admin (${role})`;
    const loggedIn = await report.guard(who, "login", () => login(page, base, account));
    report.check(`${who} login`, "no request to another host", page.external.length === 0, page.external.join("\n"));
    if (!report.check(who, `login as ${account.username}`, loggedIn, page.url())) { await context.close(); continue; }
    const paths = [["Dashboard", "/admin/"], ["Seiten", "/admin/pages/"], ["Suche", "/admin/pages/search/?q=Sensoren"]];
    if (role !== "editor" && targets.edit_page_id) paths.push(["Seite bearbeiten", `/admin/pages/${targets.edit_page_id}/edit/`]);
    for (const [name, path] of paths) {
      const where = `${who} ${name}`;
      const response = await report.guard(where, "loads", () => visit(page, base + path));
      if (!response) continue;
      report.check(where, "HTTP 200", response.status() === 200, `${path}: HTTP ${response.status()}`);
      // Late requests (the update check runs after load) get a moment to show up.
      await new Promise((resolve) => setTimeout(resolve, 500));
      report.check(where, "no request to another host", page.external.length === 0, page.external.slice(0, 5).join("\n"));
    }
    await context.close();
  }
}
