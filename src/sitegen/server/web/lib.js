// Small helpers for the web page: DOM building, the API client (Bearer token from sessionStorage),
// Server-Sent Events over fetch.
export const TOKEN_KEY = "sitegen.token";
let unauthorized = () => {};
/** What to do when the API says the token is no longer valid (the page signs out). */
export function onUnauthorized(fn) { unauthorized = fn; }

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "text") el.textContent = v;
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) el.append(c);
  return el;
}
export const token = () => sessionStorage.getItem(TOKEN_KEY);
export const when = (t) => (t ? new Date(t * 1000).toLocaleString() : "—");
export const secs = (s) => (s === null || s === undefined ? "" : s < 60 ? `${s.toFixed(1)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`);

export class ApiError extends Error {
  constructor(status, body) {
    const e = (body && body.error) || {};
    super(e.message || `HTTP ${status}`);
    this.status = status; this.kind = e.kind || "error"; this.hint = e.hint || "";
  }
}

export async function api(path, opts = {}) {
  const headers = { ...(opts.headers || {}) };
  if (token()) headers.Authorization = `Bearer ${token()}`;
  if (opts.json !== undefined) { headers["Content-Type"] = "application/json"; opts.body = JSON.stringify(opts.json); }
  const res = await fetch(path, { method: opts.method || "GET", headers, body: opts.body, signal: opts.signal });
  if (res.status === 401 && token()) { unauthorized(); throw new ApiError(401, null); }
  if (!res.ok) {
    let body = null;
    try { body = await res.json(); } catch { /* not JSON */ }
    throw new ApiError(res.status, body);
  }
  if (opts.raw) return res;
  return res.status === 204 ? null : res.json();
}

export function errorBox(err) {
  return h("div", { class: "error", role: "alert" },
    h("p", { text: err.message || String(err) }),
    err.hint ? h("p", { text: err.hint }) : null);
}


export function field(id, text, control) {
  return h("div", { class: "field" }, h("label", { for: id, text }), control);
}

export function options(values, labels = {}) {
  return values.map((v) => h("option", { value: v }, labels[v] || v));
}

// Server-Sent Events over fetch (so the Bearer header can be sent); reconnects with Last-Event-ID.
export async function stream(path, onEvent, signal) {
  let last = null;
  for (let attempt = 0; attempt < 20 && !signal.aborted; attempt++) {
    try {
      const headers = { Authorization: `Bearer ${token()}`, Accept: "text/event-stream" };
      if (last !== null) headers["Last-Event-ID"] = String(last);
      const res = await fetch(path, { headers, signal });
      if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => null));
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buf = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += value.replace(/\r\n/g, "\n");
        let cut;
        while ((cut = buf.indexOf("\n\n")) >= 0) {
          const frame = buf.slice(0, cut); buf = buf.slice(cut + 2);
          const data = frame.split("\n").filter((l) => l.startsWith("data:")).map((l) => l.slice(5).trimStart()).join("\n");
          const id = frame.split("\n").find((l) => l.startsWith("id:"));
          if (!data) continue;
          const event = JSON.parse(data);
          if (id) last = id.slice(3).trim();
          onEvent(event);
          if (event.event === "status") return;
        }
      }
    } catch (err) {
      if (signal.aborted) return;
      if (err instanceof ApiError && err.status < 500) throw err;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}
