// The operations console: signs in with a form (the session lives in an HttpOnly cookie the script never sees), keeps
// the antiforgery token in memory only, follows the server's event stream, and draws the last hour with uPlot.
// Every value from the server is written with textContent: a reason or an order id can never become markup.
(() => {
  "use strict";
  const api = "/console/api";
  let csrf = null;
  let stream = null;
  let chart = null;
  let points = [];

  const $ = (id) => document.getElementById(id);
  const el = (tag, props = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (key === "class") node.className = value;
      else if (key.startsWith("data-")) node.setAttribute(key, value);
      else node[key] = value;
    }
    for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(child ?? ""));
    return node;
  };
  const seconds = (s) => s == null ? "–" : s < 1 ? `${Math.round(s * 1000)} ms` : s < 120 ? `${s.toFixed(1)} s` : s < 7200 ? `${Math.round(s / 60)} min` : s < 172800 ? `${(s / 3600).toFixed(1)} h` : `${(s / 86400).toFixed(1)} d`;
  const badge = (state) => el("span", { class: `badge ${state}`, "data-state": state }, state.replace("_", " "));
  const bar = (share) => { const b = el("div", { class: share > 0.9 ? "bar high" : "bar" }, el("span")); b.firstChild.style.width = `${Math.min(100, share * 100).toFixed(1)}%`; return b; };
  const replace = (node, ...children) => node.replaceChildren(...children);

  async function start() {
    const session = await fetch(`${api}/session`, { credentials: "same-origin" });
    if (session.status !== 200) return showSignIn();
    csrf = (await session.json()).csrfToken;
    $("sign-in-view").hidden = true;
    $("console-view").hidden = false;
    $("sign-out").hidden = false;
    await loadHistory();
    follow();
  }

  function showSignIn(message = "") {
    if (stream) { stream.close(); stream = null; }
    csrf = null;
    $("console-view").hidden = true;
    $("sign-out").hidden = true;
    $("sign-in-view").hidden = false;
    $("sign-in-error").textContent = message;
    $("password").focus();
  }

  $("sign-in").addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = new URLSearchParams({ password: $("password").value });
    $("password").value = "";
    const answer = await fetch(`${api}/session`, { method: "POST", body, credentials: "same-origin" });
    if (answer.status === 204) return start();
    const problem = await answer.json().catch(() => ({}));
    showSignIn(problem.detail || "The sign-in was refused.");
  });

  $("sign-out").addEventListener("click", async () => {
    await fetch(`${api}/session`, { method: "DELETE", headers: { "X-CSRF-Token": csrf }, credentials: "same-origin" });
    showSignIn("Signed out.");
  });

  function follow() {
    stream = new EventSource(`${api}/stream`);
    stream.addEventListener("sample", (event) => render(JSON.parse(event.data)));
    stream.onerror = async () => {
      // The stream ends when the session does; anything else reconnects by itself.
      const session = await fetch(`${api}/session`, { credentials: "same-origin" });
      if (session.status === 401) showSignIn("The session ended; sign in again.");
    };
  }

  async function refresh() {
    const answer = await fetch(`${api}/overview`, { credentials: "same-origin" });
    if (answer.status === 401) return showSignIn("The session ended; sign in again.");
    render(await answer.json());
  }

  function render(s) {
    $("sampled").textContent = `sampled ${new Date(s.at).toLocaleTimeString()}`;
    $("sample-error").textContent = s.error || "";
    renderFreshness(s);
    renderErps(s.erps);
    renderExceptions(s.exceptions);
    renderStuck(s.stuck);
    renderPartners(s.partners);
    addPoint(s);
  }

  function renderFreshness(s) {
    replace($("freshness"), ...s.freshness.map((f) => el("tr", { "data-type": f.type },
      el("td", {}, f.type), el("td", {}, seconds(f.objectiveSeconds)), el("td", {}, seconds(f.p95Seconds)),
      el("td", {}, seconds(f.latestSeconds)), el("td", {}, String(f.applied)), el("td", {}, badge(f.state)))));
    $("invalidation-pending").textContent = seconds(s.invalidationPendingAgeSeconds);
  }

  function renderErps(erps) {
    replace($("erps"), ...erps.map((e) => el("div", { class: "card", "data-erp": e.erp },
      el("h3", {}, e.erp, badge(e.circuit)),
      el("dl", {},
        el("dt", {}, "Budget in use"), el("dd", {}, `${e.inUse} / ${e.capacity}`, bar(e.capacity ? e.inUse / e.capacity : 0)),
        el("dt", {}, "Waiting"), el("dd", {}, `${e.interactiveWaiting} interactive, ${e.backgroundWaiting} background`),
        el("dt", {}, "Paused"), el("dd", {}, e.pausedMs ? seconds(e.pausedMs / 1000) : "no"),
        el("dt", {}, "Calls"), el("dd", {}, `${e.operations} (${e.failed} failed)`),
        el("dt", {}, "429s received"), el("dd", { "data-field": "throttled" }, String(e.throttled)),
        el("dt", {}, "Faults received"), el("dd", { "data-field": "faults" }, String(e.faults)),
        el("dt", {}, "Last failure"), el("dd", { "data-field": "last-failure" }, e.lastFailure ? `${e.lastFailure}, ${new Date(e.lastFailureAt).toLocaleTimeString()}` : "none"),
        el("dt", {}, "Coordination"), el("dd", {}, e.coordination)))));
  }

  function renderExceptions(x) {
    $("exceptions-open").textContent = `${x.open} open`;
    if (x.items.length === 0) return replace($("exceptions"), el("tr", {}, el("td", { colSpan: 6, class: "muted" }, "Nothing waits for an operator.")));
    replace($("exceptions"), ...x.items.map((e) => el("tr", { "data-exception": e.exceptionId, "data-order": e.orderId },
      el("td", {}, e.category), el("td", {}, seconds(e.ageSeconds)), el("td", {}, e.orderId), el("td", {}, e.customerId),
      el("td", { class: "reason" }, e.reason),
      el("td", { class: "actions" }, ...e.actions.map((action) => {
        const button = el("button", { type: "button", class: action === "cancel" ? "secondary" : "", "data-action": action }, action);
        button.addEventListener("click", () => act(e.exceptionId, action, button));
        return button;
      })))));
  }

  async function act(exceptionId, action, button) {
    button.disabled = true;
    const answer = await fetch(`${api}/exceptions/${encodeURIComponent(exceptionId)}/${action}`,
      { method: "POST", headers: { "X-CSRF-Token": csrf }, credentials: "same-origin" });
    if (answer.status === 401) return showSignIn("The session ended; sign in again.");
    const body = await answer.json().catch(() => ({}));
    $("notice").textContent = answer.ok ? `${exceptionId}: ${action} done (order ${body.order.status}).` : "";
    $("sample-error").textContent = answer.ok ? "" : body.detail || `${action} failed (${answer.status}).`;
    await refresh();
  }

  function renderStuck(stuck) {
    replace($("stuck"), ...stuck.map((s) => el("div", { "data-status": s.status },
      el("p", {}, el("strong", {}, s.status), ` over ${seconds(s.thresholdSeconds)}: `, el("span", { "data-field": "count" }, String(s.count))),
      ...(s.oldest.length ? [el("ul", {}, ...s.oldest.map((o) => el("li", {}, `${o.orderId} (customer ${o.customerId}), ${seconds(o.ageSeconds)}`)))] : []))));
  }

  function renderPartners(partners) {
    if (partners.length === 0) return replace($("partners"), el("tr", {}, el("td", { colSpan: 4, class: "muted" }, "No partner called lately.")));
    replace($("partners"), ...partners.map((p) => el("tr", { "data-partner": p.partnerId },
      el("td", {}, p.partnerId), el("td", {}, p.plan), el("td", {}, `${p.usedToday} / ${p.dailyQuota}`), el("td", {}, bar(p.share)))));
  }

  async function loadUsage() {
    const answer = await fetch(`${api}/usage`, { credentials: "same-origin" });
    if (!answer.ok) return;
    const usage = await answer.json();
    replace($("usage"), usage.available
      ? el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "Version or field"), el("th", {}, "Caller"), el("th", {}, "Calls"), el("th", {}, "Last"))),
          el("tbody", {}, ...usage.items.map((u) => el("tr", {}, el("td", {}, u.subject), el("td", {}, u.callerId), el("td", {}, String(u.calls)), el("td", {}, new Date(u.lastCalledAt).toLocaleString())))))
      : el("p", { class: "muted", "data-field": "usage-unavailable" }, "Not available on this build."));
  }

  async function loadWebhooks() {
    const answer = await fetch(`${api}/webhooks`, { credentials: "same-origin" });
    if (!answer.ok) return;
    const { items } = await answer.json();
    const trouble = items.filter((w) => w.state === "Disabled" || w.failingSince || w.deadLetters > 0).length;
    $("webhooks-trouble").textContent = `${trouble} need attention`;
    if (items.length === 0) return replace($("webhooks"), el("tr", {}, el("td", { colSpan: 7, class: "muted" }, "No endpoint is registered.")));
    replace($("webhooks"), ...items.map((w) => el("tr", { "data-webhook": w.webhookId },
      el("td", {}, el("div", {}, w.webhookId), el("div", { class: "muted" }, w.url)),
      el("td", {}, `${w.ownerKind} ${w.ownerId}`),
      el("td", {}, badge(w.state === "Disabled" ? "disabled" : w.failingSince ? "failing" : "ok")),
      el("td", { "data-field": "queued" }, String(w.queued)),
      el("td", { "data-field": "dead-letters" }, String(w.deadLetters)),
      el("td", { class: "reason" }, w.lastError || ""),
      el("td", { class: "actions" }, ...webhookActions(w)))));
  }

  function webhookActions(w) {
    const actions = [];
    if (w.deadLetters > 0) {
      const show = el("button", { type: "button", class: "secondary", "data-action": "dead-letters" }, "dead letters");
      show.addEventListener("click", () => loadDeadLetters(w.webhookId));
      actions.push(show);
    }
    if (w.state === "Disabled") {
      const enable = el("button", { type: "button", "data-action": "enable" }, "enable");
      enable.addEventListener("click", () => webhookAct(`${encodeURIComponent(w.webhookId)}/enable`, `${w.webhookId}: enabled.`, enable, w.webhookId));
      actions.push(enable);
    }
    return actions;
  }

  async function loadDeadLetters(webhookId) {
    const answer = await fetch(`${api}/webhooks/${encodeURIComponent(webhookId)}/dead-letters`, { credentials: "same-origin" });
    if (answer.status === 401) return showSignIn("The session ended; sign in again.");
    if (!answer.ok) return;
    const { items } = await answer.json();
    $("dead-letters").hidden = false;
    $("dead-letters-of").textContent = webhookId;
    if (items.length === 0) return replace($("dead-letter-rows"), el("tr", {}, el("td", { colSpan: 6, class: "muted" }, "No dead letter left.")));
    replace($("dead-letter-rows"), ...items.map((d) => {
      const replay = el("button", { type: "button", "data-action": "replay" }, "replay");
      replay.addEventListener("click", () => webhookAct(
        `${encodeURIComponent(webhookId)}/dead-letters/${encodeURIComponent(d.deadLetterId)}/replay`, `${d.eventId}: queued again.`, replay, webhookId));
      return el("tr", { "data-dead-letter": d.deadLetterId },
        el("td", {}, d.eventId), el("td", {}, d.type), el("td", {}, String(d.attempts)), el("td", {}, new Date(d.deadAt).toLocaleString()),
        el("td", { class: "reason" }, d.lastError), el("td", { class: "actions" }, replay));
    }));
  }

  async function webhookAct(path, done, button, webhookId) {
    button.disabled = true;
    const answer = await fetch(`${api}/webhooks/${path}`, { method: "POST", headers: { "X-CSRF-Token": csrf }, credentials: "same-origin" });
    if (answer.status === 401) return showSignIn("The session ended; sign in again.");
    const body = await answer.json().catch(() => ({}));
    $("notice").textContent = answer.ok ? done : "";
    $("sample-error").textContent = answer.ok ? "" : body.detail || `The action failed (${answer.status}).`;
    await loadWebhooks();
    if (!$("dead-letters").hidden) await loadDeadLetters(webhookId);
  }

  async function loadHistory() {
    const answer = await fetch(`${api}/history`, { credentials: "same-origin" });
    if (answer.ok) points = (await answer.json()).points;
    draw();
    loadUsage();
    loadWebhooks();
  }

  function addPoint(s) {
    const at = Date.parse(s.at);
    if (points.length && Date.parse(points[points.length - 1].at) >= at) return;
    const p95 = s.freshness.map((f) => f.p95Seconds).filter((v) => v != null);
    // Calls between samples come from the server's history; a live sample only extends freshness until the next load.
    points.push({ at: s.at, freshnessP95Seconds: p95.length ? Math.max(...p95) : null, invalidationPendingAgeSeconds: s.invalidationPendingAgeSeconds, legacyCalls: null, cloudCalls: null });
    while (points.length && at - Date.parse(points[0].at) > 3600_000) points.shift();
    draw();
  }

  function draw() {
    if (typeof uPlot === "undefined") return;
    const data = [
      points.map((p) => Date.parse(p.at) / 1000),
      points.map((p) => p.freshnessP95Seconds),
      points.map((p) => p.invalidationPendingAgeSeconds),
      points.map((p) => p.legacyCalls),
      points.map((p) => p.cloudCalls),
    ];
    if (chart) return chart.setData(data);
    const width = Math.max(320, $("chart").clientWidth - 8);
    chart = new uPlot({
      width, height: 240,
      series: [
        {},
        { label: "freshness p95 (s)", stroke: "#2d5bd7", scale: "s", spanGaps: true },
        { label: "copies pending (s)", stroke: "#a05a00", scale: "s", spanGaps: true },
        { label: "legacy calls", stroke: "#1f7a43", scale: "calls" },
        { label: "cloud calls", stroke: "#7b3fb5", scale: "calls" },
      ],
      axes: [{}, { scale: "s", label: "seconds" }, { scale: "calls", side: 1, label: "ERP calls per sample", grid: { show: false } }],
    }, data, $("chart"));
  }

  setInterval(() => { if (csrf) loadHistory(); }, 30_000);
  start();
})();
