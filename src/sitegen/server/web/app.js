// sitegen's web page: plain ES module, no framework. Talks to the team server's API with
// `Authorization: Bearer <token>`; the token lives in this tab's sessionStorage, never in a URL.
import { ApiError, TOKEN_KEY, api, errorBox, field, h, onUnauthorized, options, secs, stream, token, when } from "./lib.js";

const META_STAGES = new Set(["CREATED", "DONE", "FAILED"]);  // job states the pipeline records as stages
const main = document.getElementById("main");
const announcer = document.getElementById("announce");
let config = null;
let cleanup = [];  // things to stop when the page changes (streams, timers, object URLs)
let routeGen = 0;  // bumped on every navigation: a page still loading for an older one must not draw

const announce = (text) => { announcer.textContent = text; };
const title = (text) => { document.title = `${text} · sitegen`; };

function show(heading, ...content) {
  main.replaceChildren(h("h1", { text: heading }), ...content);
  title(heading);
  main.focus();
}

async function imageFrom(path, alt) {
  const img = h("img", { alt });
  try {
    const res = await api(path, { raw: true });
    const url = URL.createObjectURL(await res.blob());
    cleanup.push(() => URL.revokeObjectURL(url));
    img.src = url;
    return img;
  } catch {
    return h("span", { text: "No screenshot yet" });
  }
}

// -- sign in ---------------------------------------------------------------------------------------
async function startSession() {
  // a cookie scoped to /sites/ so links to built sites open (it holds a signed owner id, not the token)
  try { await api("/app/session", { method: "POST" }); } catch { /* shown when the API is used */ }
}

function signOut(message) {
  sessionStorage.removeItem(TOKEN_KEY);
  fetch("/app/session", { method: "DELETE" }).catch(() => {});
  document.getElementById("nav").hidden = true;
  location.hash = "#/signin";
  if (message) announce(message);
  route();
}

function signInPage() {
  const status = h("div", { "aria-live": "polite" });
  const tokenInput = h("input", { id: "token", type: "password", autocomplete: "off", required: true, spellcheck: "false", "aria-describedby": "token-help" });
  const tokenForm = h("form", { onsubmit: async (ev) => {
    ev.preventDefault();
    await useToken(tokenInput.value.trim(), status);
  } },
  h("label", { for: "token" }, "API token"),
  h("p", { id: "token-help", class: "help", text: "Made with `sitegen token create NAME` (starts with sgt_)." }),
  tokenInput,
  h("div", { class: "actions" }, h("button", { type: "submit" }, "Sign in with a token")));
  const parts = [h("section", { class: "panel", "aria-labelledby": "tok-h" }, h("h2", { id: "tok-h", text: "Use an API token" }), tokenForm)];
  if (config && config.supabase) parts.push(supabaseForm(status));
  show("Sign in", ...parts, status);
}

function supabaseForm(status) {
  const email = h("input", { id: "email", type: "email", autocomplete: "username", required: true });
  const password = h("input", { id: "password", type: "password", autocomplete: "current-password", required: true });
  const form = h("form", { onsubmit: async (ev) => {
    ev.preventDefault();
    status.replaceChildren(h("p", { text: "Signing in…" }));
    try {
      const res = await fetch(`${config.supabase.url}/auth/v1/token?grant_type=password`, {
        method: "POST",
        headers: { apikey: config.supabase.anon_key, "Content-Type": "application/json" },
        body: JSON.stringify({ email: email.value, password: password.value }),
      });
      const body = await res.json().catch(() => ({}));
      if (!res.ok || !body.access_token) throw new ApiError(res.status, { error: { message: body.error_description || body.msg || "Sign-in failed", hint: "Check the email and password." } });
      await useToken(body.access_token, status);
    } catch (err) { status.replaceChildren(errorBox(err)); }
  } },
  h("label", { for: "email" }, "Email"), email,
  h("label", { for: "password" }, "Password"), password,
  h("div", { class: "actions" }, h("button", { type: "submit" }, "Sign in with Supabase")));
  return h("section", { class: "panel", "aria-labelledby": "sb-h" }, h("h2", { id: "sb-h", text: "Or your Supabase account" }), form);
}

async function useToken(value, status) {
  if (!value) return;
  const res = await fetch("/projects", { headers: { Authorization: `Bearer ${value}` } }).catch(() => null);
  if (!res || !res.ok) {
    const body = res ? await res.json().catch(() => null) : null;
    status.replaceChildren(errorBox(res && res.status === 401
      ? { message: "That token was not accepted.", hint: "Check it, or make a new one with `sitegen token create NAME`." }
      : new ApiError(res ? res.status : 0, body)));
    return;
  }
  sessionStorage.setItem(TOKEN_KEY, value);
  await startSession();
  document.getElementById("nav").hidden = false;
  announce("Signed in");
  location.hash = "#/";
}

// -- projects ------------------------------------------------------------------------------------
async function projectsPage() {
  const gen = routeGen;
  show("Your sites", h("p", { class: "muted", text: "Loading your sites…" }));
  const { projects } = await api("/projects");
  if (gen !== routeGen) return;
  if (!projects.length) {
    show("Your sites", h("p", {}, "No sites yet. ", h("a", { href: "#/new" }, "Make your first site"), "."));
    return;
  }
  const list = h("ul", { class: "grid" });
  show("Your sites", h("p", {}, h("a", { href: "#/new", class: "button" }, "New site")), list);
  for (const p of projects) {
    const shot = h("div", { class: "shot" }, "No screenshot");
    const url = p.url ? h("a", { href: p.url, rel: "noopener noreferrer" }, p.url) : h("span", { class: "muted", text: "not deployed" });
    list.append(h("li", { class: "card" }, shot, h("div", { class: "body" },
      h("h2", {}, h("a", { href: `#/projects/${p.project_id}` }, p.name)),
      h("p", {}, h("span", { class: `badge ${p.last_status || ""}`, text: p.last_status || "new" })),
      h("p", {}, url),
      h("p", { class: "muted", text: `Last change ${when(p.updated_at)}` }))));
    if (p.last_job_id) cardShot(p, shot);
  }
}

async function cardShot(p, box) {
  try {
    const st = await api(`/status/${p.last_job_id}`);
    const name = st.result.screenshots.find((n) => n.endsWith("desktop.png"));
    if (name) box.replaceChildren(await imageFrom(`/projects/${p.project_id}/screenshots/${name}`, `Desktop screenshot of ${p.name}`));
  } catch { /* the card keeps "No screenshot" */ }
}

// -- new site --------------------------------------------------------------------------------------
function newPage() {
  const status = h("div");
  const c = config || { providers: ["auto"], sandboxes: ["auto"], targets: [] };
  const form = h("form", { onsubmit: async (ev) => {
    ev.preventDefault();
    const f = new FormData(form);
    const body = { prompt: f.get("prompt").trim(), provider: f.get("provider") };
    if (f.get("name").trim()) body.name = f.get("name").trim();
    if (f.get("url").trim()) body.url = f.get("url").trim();
    if (f.get("sandbox")) body.sandbox = f.get("sandbox");
    if (f.get("deploy")) body.deploy = f.get("deploy");
    if (f.get("verify")) body.verify = f.get("verify") === "yes";
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    try {
      const job = await api("/generate", { method: "POST", json: body });
      location.hash = `#/jobs/${job.job_id}`;
    } catch (err) { status.replaceChildren(errorBox(err)); button.disabled = false; }
  } },
  h("label", { for: "prompt" }, "Describe the site"),
  h("textarea", { id: "prompt", name: "prompt", required: true, maxlength: "10000", "aria-describedby": "prompt-help", placeholder: "A coffee shop in Porto called Luz with a menu and opening hours" }),
  h("p", { id: "prompt-help", class: "help", text: "One sentence: who it is for, what it offers, where." }),
  h("div", { class: "row" },
    field("name", "Name (optional)", h("input", { id: "name", name: "name", maxlength: "120" })),
    field("url", "Public address (optional)", h("input", { id: "url", name: "url", type: "url", maxlength: "200" })),
    field("provider", "Provider", h("select", { id: "provider", name: "provider" }, options(c.providers))),
    field("sandbox", "Build sandbox", h("select", { id: "sandbox", name: "sandbox" }, h("option", { value: "" }, "server default"), options(c.sandboxes))),
    field("deploy", "Deploy to", h("select", { id: "deploy", name: "deploy" }, h("option", { value: "" }, "do not deploy"), options(c.targets))),
    field("verify", "Check in a browser", h("select", { id: "verify", name: "verify" }, options(["", "yes", "no"], { "": "server default", yes: "yes", no: "no" })))),
  h("div", { class: "actions" }, h("button", { type: "submit" }, "Make the site")));
  show("New site", h("div", { class: "panel" }, form), status);
}

// -- job view ----------------------------------------------------------------------------------------
function stageRow(name) {
  const li = h("li", { class: "waiting", "data-stage": name },
    h("span", { class: "mark", "aria-hidden": "true", text: "·" }),
    h("span", { class: "name", text: name.charAt(0) + name.slice(1).toLowerCase() }),
    h("span", { class: "time", text: "waiting" }));
  return li;
}

function setStage(li, state, text) {
  li.className = state;
  li.querySelector(".mark").textContent = { done: "✓", failed: "✗", running: "…" }[state] || "·";
  li.querySelector(".time").textContent = text;
}

async function jobPage(jobId) {
  const gen = routeGen;
  let st = await api(`/status/${jobId}`);
  if (gen !== routeGen) return;
  const stages = h("ol", { class: "stages", "aria-label": "Stages" });
  const rows = new Map();
  const row = (name) => {
    if (!rows.has(name)) { rows.set(name, stageRow(name)); stages.append(rows.get(name)); }
    return rows.get(name);
  };
  const log = h("pre", { class: "log", tabindex: "0", "aria-label": "Log tail" });
  const facts = h("dl", { class: "facts" });
  const problem = h("div");
  const badge = h("span", { class: `badge ${st.status}`, text: st.status });
  const heading = `${st.kind === "new" ? "Making" : st.kind.charAt(0).toUpperCase() + st.kind.slice(1)} ${st.project}`;
  show(heading,
    h("p", {}, badge, " ", h("a", { href: `#/projects/${st.project_id}` }, "Open the project")),
    h("p", { class: "muted", text: st.prompt }),
    h("h2", { text: "Stages" }), stages, problem,
    h("h2", { text: "Usage" }), facts,
    h("h2", { text: "Log" }), log);
  const running = new Map();  // stage -> start time (ms)
  const timer = setInterval(() => {
    for (const [name, t0] of running) setStage(row(name), "running", `running ${secs((Date.now() - t0) / 1000)}`);
  }, 250);
  cleanup.push(() => clearInterval(timer));
  const lines = [];
  const fill = (s) => {
    badge.className = `badge ${s.status}`; badge.textContent = s.status;
    facts.replaceChildren(
      h("dt", { text: "Tokens" }), h("dd", { text: `${s.tokens.input.toLocaleString()} in · ${s.tokens.output.toLocaleString()} out` }),
      h("dt", { text: "Cost" }), h("dd", { text: `$${s.cost.toFixed(4)}` }),
      h("dt", { text: "Time" }), h("dd", { text: secs(s.seconds) }));
    problem.replaceChildren(s.error ? errorBox({ message: s.error, hint: s.hint }) : "");
  };
  fill(st);
  const onEvent = (e) => {
    if (e.event === "start" && !META_STAGES.has(e.stage)) {
      running.set(e.stage, Date.now() - Math.max(0, Date.now() / 1000 - e.at) * 1000);
      setStage(row(e.stage), "running", "running");
      if (["queued", "running"].includes(st.status)) { badge.className = "badge running"; badge.textContent = "running"; }
      announce(`${e.stage.toLowerCase()} started`);
    } else if ((e.event === "end" || e.event === "fail") && !META_STAGES.has(e.stage)) {
      running.delete(e.stage);
      const ok = e.event === "end";
      setStage(row(e.stage), ok ? "done" : "failed", `${ok ? "" : "failed after "}${secs(e.duration || 0)}`);
      announce(`${e.stage.toLowerCase()} ${ok ? "done" : "failed"}`);
    } else if (e.event === "log" || e.event === "info") {
      const text = String(e.detail.text || e.detail.message || "").replace(/\s+$/, "");
      if (text) { lines.push(text); if (lines.length > 300) lines.shift(); log.textContent = lines.join("\n"); log.scrollTop = log.scrollHeight; }
    } else if (e.event === "status") {
      for (const name of running.keys()) setStage(row(name), "failed", "stopped");
      running.clear();
      badge.className = `badge ${e.detail.status}`; badge.textContent = e.detail.status;
      announce(`Job ${e.detail.status}`);
    }
  };
  const ctrl = new AbortController();
  cleanup.push(() => ctrl.abort());
  await stream(`/jobs/${jobId}/events`, onEvent, ctrl.signal);
  if (ctrl.signal.aborted || gen !== routeGen) return;
  st = await api(`/status/${jobId}`);
  if (gen !== routeGen) return;
  fill(st);
  if (!lines.length && st.logs) log.textContent = st.logs;
  if (st.status === "done") main.querySelector("p").append(" ", h("a", { href: `#/projects/${st.project_id}`, class: "button" }, "See the site"));
}

// -- project view ------------------------------------------------------------------------------------
async function projectPage(projectId) {
  const gen = routeGen;
  const { projects } = await api("/projects");
  const p = projects.find((x) => x.project_id === projectId);
  if (!p) throw new ApiError(404, { error: { message: "No such project.", hint: "It is not one of yours, or it was removed." } });
  const st = p.last_job_id ? await api(`/status/${p.last_job_id}`) : null;
  const hist = await api(`/projects/${projectId}/history`).catch(() => ({ versions: [] }));
  if (gen !== routeGen) return;
  const busy = ["running", "queued"].includes(p.last_status);
  const status = h("div");
  const shots = (st && st.result.screenshots) || [];
  const desktop = shots.find((n) => n === "home-desktop.png") || shots.find((n) => n.endsWith("desktop.png"));
  const phone = shots.find((n) => n === "home-phone.png") || shots.find((n) => n.endsWith("phone.png"));
  const figs = h("div", { class: "shots" });
  const built = st && st.result && (st.result.build_logs || "").length > 0;
  show(p.name,
    h("p", {}, h("span", { class: `badge ${p.last_status || ""}`, text: p.last_status || "new" }), " ",
      p.last_job_id ? h("a", { href: `#/jobs/${p.last_job_id}` }, "Last job") : null),
    h("div", { class: "actions" },
      h("a", { href: `/sites/${projectId}/`, class: "button", target: "_blank", rel: "noopener noreferrer" }, "Open the built site"),
      h("button", { type: "button", class: "secondary", onclick: () => download(p, status) }, "Download the source (zip)"),
      p.url ? h("a", { href: p.url, rel: "noopener noreferrer" }, p.url) : null),
    status,
    h("h2", { text: "Screenshots" }), figs,
    checksSection(st),
    h("div", { class: "cols" }, editSection(p, busy, status), deploySection(p, busy, status, built)),
    historySection(p, hist.versions, busy, status));
  if (desktop) figs.append(h("figure", {}, await imageFrom(`/projects/${projectId}/screenshots/${desktop}`, `${p.name} on a desktop screen`), h("figcaption", { text: "Desktop, 1280 px" })));
  if (phone) figs.append(h("figure", { class: "phone" }, await imageFrom(`/projects/${projectId}/screenshots/${phone}`, `${p.name} on a phone`), h("figcaption", { text: "Phone, 390 px" })));
  if (!desktop && !phone) figs.append(h("p", { class: "muted", text: "No screenshots: the site was not checked in a browser yet." }));
}

function checksSection(st) {
  const v = st && st.result && st.result.verify;
  if (!v) return h("section", {}, h("h2", { text: "Checks" }), h("p", { class: "muted", text: "No browser checks recorded for the last job." }));
  const a = v.a11y || {};
  const seo = Object.values(v.seo || {}).reduce((n, list) => n + list.length, 0);
  const rows = [["Accessibility: critical", a.critical], ["Accessibility: serious", a.serious], ["Accessibility: moderate", a.moderate],
    ["Accessibility: minor", a.minor], ["SEO issues", seo], ["Pages checked", (v.counts || {}).pages], ["Broken links", (v.counts || {}).broken_links]];
  return h("section", {}, h("h2", { text: "Checks" }),
    h("table", { class: "counts" }, h("caption", { class: "visually-hidden", text: "Browser check counts" }),
      h("tbody", {}, rows.map(([k, n]) => h("tr", {}, h("th", { scope: "row", text: k }), h("td", { text: String(n ?? 0) }))))));
}

function editSection(p, busy, status) {
  const form = h("form", { onsubmit: async (ev) => {
    ev.preventDefault();
    try {
      const body = { instruction: form.instruction.value, provider: form.provider.value };
      if (form["edit-url"].value.trim()) body.url = form["edit-url"].value.trim();
      const job = await api(`/projects/${p.project_id}/edit`, { method: "POST", json: body });
      location.hash = `#/jobs/${job.job_id}`;
    } catch (err) { status.replaceChildren(errorBox(err)); }
  } },
  field("instruction", "What should change? (may stay empty when only the address changes)", h("textarea", { id: "instruction", name: "instruction", maxlength: "4000", placeholder: "Make it green" })),
  field("edit-url", "New public address (optional)", h("input", { id: "edit-url", name: "edit-url", type: "url", maxlength: "200" })),
  field("edit-provider", "Provider", h("select", { id: "edit-provider", name: "provider" }, options((config && config.providers) || ["auto"]))),
  h("div", { class: "actions" }, h("button", { type: "submit", disabled: busy }, "Edit the site")));
  return h("section", { class: "panel" }, h("h2", { text: "Edit" }), form);
}

function deploySection(p, busy, status, built) {
  const targets = (config && config.targets) || ["static"];
  const select = h("select", { id: "target", name: "target" }, options(targets));
  select.value = p.deploy_target || "static";
  const form = h("form", { onsubmit: async (ev) => {
    ev.preventDefault();
    try {
      const job = await api(`/projects/${p.project_id}/deploy`, { method: "POST", json: { target: select.value } });
      location.hash = `#/jobs/${job.job_id}`;
    } catch (err) { status.replaceChildren(errorBox(err)); }
  } },
  field("target", "Target", select),
  h("div", { class: "actions" }, h("button", { type: "submit", disabled: busy }, "Deploy")),
  built ? null : h("p", { class: "help", text: "Deploying needs a built site." }));
  return h("section", { class: "panel" }, h("h2", { text: "Deploy" }), form);
}

function historySection(p, versions, busy, status) {
  const undo = h("button", { type: "button", class: "secondary", disabled: busy || versions.length < 2, onclick: async () => {
    try {
      const job = await api(`/projects/${p.project_id}/undo`, { method: "POST" });
      location.hash = `#/jobs/${job.job_id}`;
    } catch (err) { status.replaceChildren(errorBox(err)); }
  } }, "Undo the latest change");
  const list = h("ol", { class: "history", "aria-label": "Versions, newest first" },
    versions.map((v, i) => h("li", {}, h("code", { text: v.short }), h("span", { text: v.message }),
      h("span", { class: "muted", text: when(v.at) }), i === 0 ? h("span", { class: "badge done", text: "current" }) : null)));
  return h("section", {}, h("h2", { text: "History" }), h("div", { class: "actions" }, undo), versions.length ? list : h("p", { class: "muted", text: "No versions yet." }));
}

async function download(p, status) {
  try {
    const res = await api(`/projects/${p.project_id}/download`, { raw: true });
    const url = URL.createObjectURL(await res.blob());
    const a = h("a", { href: url, download: `${p.name.replace(/[^A-Za-z0-9._-]+/g, "-")}.zip` });
    document.body.append(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    announce("Download started");
  } catch (err) { status.replaceChildren(errorBox(err)); }
}

// -- router ----------------------------------------------------------------------------------------
async function route() {
  for (const stop of cleanup.splice(0)) stop();
  routeGen += 1;
  const gen = routeGen;
  const hash = location.hash.replace(/^#/, "") || "/";
  if (!token()) { signInPage(); return; }
  document.getElementById("nav").hidden = false;
  try {
    let m;
    if (hash === "/" || hash === "/signin") await projectsPage();
    else if (hash === "/new") newPage();
    else if ((m = hash.match(/^\/jobs\/([\w-]+)$/))) await jobPage(m[1]);
    else if ((m = hash.match(/^\/projects\/([\w-]+)$/))) await projectPage(m[1]);
    else show("Not found", h("p", {}, "No such page. ", h("a", { href: "#/" }, "Your sites")));
  } catch (err) {
    if (err.status === 401 || gen !== routeGen) return;
    show(err.status === 404 ? "Not found" : "Something went wrong", errorBox(err), h("p", {}, h("a", { href: "#/" }, "Back to your sites")));
  }
}

async function boot() {
  onUnauthorized(() => signOut("Your sign-in is no longer valid; sign in again."));
  // the skip link moves focus without touching the hash (the hash is the page's route)
  document.querySelector(".skip").addEventListener("click", (ev) => { ev.preventDefault(); main.focus(); });
  try { config = await (await fetch("/app/config.json")).json(); } catch { config = null; }
  document.getElementById("signout").addEventListener("click", () => signOut("Signed out"));
  if (token()) await startSession();
  window.addEventListener("hashchange", route);
  route();
}

boot();
