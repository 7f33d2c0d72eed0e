/* detente dashboard: filters in the URL query string drive every view at once. */
(function () {
  "use strict";
  var C = window.DetenteCharts;
  var FILTERS = ["actor", "dyad", "undirected", "code", "root", "quad", "factuality", "since", "until", "place", "q"];
  var VIEW = ["interval", "count", "offset", "event"];
  var ROOTS = ["Make public statement", "Appeal", "Express intent to cooperate", "Consult", "Engage in diplomatic cooperation",
    "Engage in material cooperation", "Provide aid", "Yield", "Investigate", "Demand", "Disapprove", "Reject", "Threaten",
    "Protest", "Exhibit force posture", "Reduce relations", "Coerce", "Assault", "Fight", "Use unconventional mass violence"];
  var PAGE = 25;
  var form = document.getElementById("filters");
  var statusEl = document.getElementById("status");
  var state = {};
  var world = null;
  var loadSeq = 0;

  function $(id) { return document.getElementById(id); }
  function setStatus(msg, err) { statusEl.textContent = msg || ""; statusEl.className = err ? "error" : ""; }

  // ---- state <-> URL <-> form ----------------------------------------------------------
  function readUrl() {
    var p = new URLSearchParams(location.search), s = {};
    FILTERS.concat(VIEW).forEach(function (k) { if (p.get(k)) s[k] = p.get(k); });
    return s;
  }
  function writeUrl(s, replace) {
    var p = new URLSearchParams();
    FILTERS.concat(VIEW).forEach(function (k) { if (s[k]) p.set(k, s[k]); });
    var url = location.pathname + (p.toString() ? "?" + p.toString() : "");
    if (replace) history.replaceState(null, "", url); else history.pushState(null, "", url);
  }
  function toForm(s) {
    Array.prototype.forEach.call(form.elements, function (e) {
      if (!e.name) return;
      if (e.name === "quad") e.checked = (s.quad || "").split(",").indexOf(e.value) >= 0;
      else if (e.name === "factuality") e.value = s.factuality || "asserted";
      else if (e.name === "interval") e.value = s.interval || "month";
      else if (e.name === "count") e.value = s.count || "clusters";
      else e.value = s[e.name] || "";
    });
  }
  function fromForm() {
    var s = {}, quads = [];
    Array.prototype.forEach.call(form.elements, function (e) {
      if (!e.name || e.type === "submit" || e.type === "button") return;
      if (e.name === "quad") { if (e.checked) quads.push(e.value); return; }
      var v = (e.value || "").trim();
      if (v) s[e.name] = v;
    });
    if (quads.length) s.quad = quads.join(",");
    if (s.factuality === "asserted") delete s.factuality;
    if (s.interval === "month") delete s.interval;
    if (s.count === "clusters") delete s.count;
    if (s.actor) s.actor = s.actor.toUpperCase();
    if (s.dyad) s.dyad = s.dyad.toUpperCase().replace(/\s+/g, "");
    return s;
  }
  function filterParams(extra) {
    var p = new URLSearchParams();
    FILTERS.forEach(function (k) { if (state[k]) p.set(k, state[k]); });
    for (var k in (extra || {})) if (extra[k] !== undefined && extra[k] !== null) p.set(k, extra[k]);
    return p;
  }

  // ---- API -------------------------------------------------------------------------------
  function token() { try { return sessionStorage.getItem("detente-token"); } catch (e) { return null; } }
  function api(path, params) {
    var headers = { Accept: "application/json" }, t = token();
    if (t) headers.Authorization = "Bearer " + t;
    return fetch(path + (params ? "?" + params.toString() : ""), { headers: headers }).then(function (r) {
      if (r.status === 401) { $("tokenform").hidden = false; throw new Error("this server needs an API token"); }
      return r.json().then(function (body) {
        if (!r.ok) {
          var d = body && body.detail;
          throw new Error(typeof d === "string" ? d : (d && d[0] && (d[0].loc.slice(-1)[0] + ": " + d[0].msg)) || r.statusText);
        }
        return body;
      });
    });
  }

  // ---- views ------------------------------------------------------------------------------
  function periodEnd(start, interval) {
    var d = new Date(start + "T00:00:00Z");
    if (interval === "week") d.setUTCDate(d.getUTCDate() + 6);
    else if (interval === "month") { d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0); }
    else if (interval === "quarter") { d.setUTCMonth(d.getUTCMonth() + 3); d.setUTCDate(0); }
    else if (interval === "year") { d.setUTCFullYear(d.getUTCFullYear() + 1); d.setUTCDate(0); }
    return d.toISOString().slice(0, 10);
  }
  function apply(changes) {
    for (var k in changes) { if (changes[k]) state[k] = changes[k]; else delete state[k]; }
    delete state.offset;
    writeUrl(state);
    toForm(state);
    loadAll();
  }
  function legend() {
    var l = $("legend");
    l.textContent = "";
    [1, 2, 3, 4].forEach(function (q) {
      var s = document.createElement("span"), i = document.createElement("i");
      i.style.background = C.QUAD[q];
      s.appendChild(i);
      s.appendChild(document.createTextNode(q + " " + C.QUAD_NAMES[q]));
      l.appendChild(s);
    });
  }
  function td(tr, text, cls) {
    var c = document.createElement("td");
    c.textContent = text === null || text === undefined ? "" : String(text);
    if (cls) c.className = cls;
    tr.appendChild(c);
    return c;
  }
  function renderTable(data) {
    var body = document.querySelector("#events tbody");
    body.textContent = "";
    data.items.forEach(function (e) {
      var tr = document.createElement("tr");
      tr.dataset.eventId = e.event_id;
      tr.className = "q" + e.quad_class;
      td(tr, e.event_date || "undated");
      td(tr, e.source_code || e.source_text);
      td(tr, e.cameo_code);
      td(tr, e.target_code || e.target_text);
      td(tr, e.factuality);
      td(tr, e.location_name);
      td(tr, e.sentence, "sent");
      tr.addEventListener("click", function () { openEvidence(e.event_id); });
      body.appendChild(tr);
    });
    var off = +(state.offset || 0);
    $("events-total").textContent = data.total + " events";
    $("page").textContent = data.total ? (off + 1) + "\u2013" + Math.min(off + PAGE, data.total) + " of " + data.total : "none";
    $("prev").disabled = off <= 0;
    $("next").disabled = off + PAGE >= data.total;
  }
  function loadTable() {
    return api("/api/events", filterParams({ limit: PAGE, offset: state.offset || 0 })).then(renderTable);
  }
  function loadAll() {
    var seq = ++loadSeq, view = { interval: state.interval || "month", count: state.count || "clusters" };
    document.body.dataset.ready = "0";
    setStatus("loading\u2026");
    var subject = state.dyad ? "dyad " + state.dyad : state.actor ? "actor " + state.actor + " (as source)" : "";
    $("saydo-subject").textContent = subject;
    var jobs = [
      api("/api/series", filterParams(view)).then(function (d) {
        C.timeline($("timeline"), d, { interval: view.interval, unit: view.count, onBrush: function (a, b) {
          apply({ since: a, until: periodEnd(b, view.interval) });
        } });
      }),
      (subject ? api("/api/saydo", filterParams(view)) : Promise.resolve(null)).then(function (d) {
        C.saydo($("saydo"), d, { onPoint: function (p, kind) {
          var ids = kind === "gap" ? p.event_ids.verbal_coop.concat(p.event_ids.material_conflict) : p.event_ids[kind];
          showIds(p.period + " " + kind.replace("_", " "), ids);
        } });
      }),
      api("/api/network", filterParams({ count: view.count, max_edges: 120 })).then(function (d) {
        C.network($("network"), d, { onNode: function (id) { apply({ actor: id, dyad: null }); } });
      }),
      Promise.all([api("/api/geo", filterParams()), world ? Promise.resolve(world) : fetch("/static/world-110m.geojson").then(function (r) { return r.json(); })])
        .then(function (r) {
          world = r[1];
          C.map($("map"), r[0], world, { onPlace: function (p) { apply({ place: p.name }); } });
        }),
      loadTable(),
    ];
    return Promise.all(jobs).then(function () {
      if (seq !== loadSeq) return;
      setStatus("");
      document.body.dataset.ready = "1";
      if (state.event) openEvidence(state.event, true);
    }, function (err) {
      if (seq !== loadSeq) return;
      setStatus(err.message, true);
      document.body.dataset.ready = "error";
    });
  }

  // ---- evidence -------------------------------------------------------------------------------
  function meta(dl, k, v) {
    if (v === null || v === undefined || v === "") return;
    var dt = document.createElement("dt"), dd = document.createElement("dd");
    dt.textContent = k; dd.textContent = String(v);
    dl.appendChild(dt); dl.appendChild(dd);
  }
  function openEvidence(id, keepUrl) {
    return api("/api/events/" + encodeURIComponent(id)).then(function (ev) {
      var panel = $("evidence");
      panel.hidden = false;
      panel.dataset.eventId = ev.event_id;
      $("ev-title").textContent = (ev.source_code || ev.source_text || "?") + " \u2192 " + ev.cameo_code + " \u2192 " + (ev.target_code || ev.target_text || "?");
      var dl = $("ev-meta");
      dl.textContent = "";
      meta(dl, "date", (ev.event_date || "undated") + (ev.date_precision ? " (" + ev.date_precision + ")" : ""));
      meta(dl, "QuadClass", ev.quad_class + " " + C.QUAD_NAMES[ev.quad_class]);
      meta(dl, "Goldstein", ev.goldstein);
      meta(dl, "factuality", ev.factuality + (ev.factuality_cue ? " (cue: " + ev.factuality_cue + ")" : ""));
      meta(dl, "place", ev.location_name);
      meta(dl, "rule", ev.rule);
      meta(dl, "confidence", ev.confidence);
      meta(dl, "event id", ev.event_id);
      var s = $("ev-sentence");
      s.textContent = "";
      C.highlight(s, ev.evidence.sentence, ev.evidence.spans, 0);
      var d = ev.evidence.document, link = $("ev-link");
      link.textContent = [d.title, d.source, d.published].filter(Boolean).join(" \u00b7 ");
      if (d.url && /^https?:\/\//i.test(d.url)) link.href = d.url; else link.removeAttribute("href");
      if (!keepUrl) { state.event = ev.event_id; writeUrl(state, true); }
      return api("/api/documents/" + encodeURIComponent(ev.doc_id)).then(function (doc) { renderDocument(doc, ev); });
    }).catch(function (err) { setStatus(err.message, true); });
  }
  function renderDocument(doc, ev) {
    var box = $("ev-document"), text = doc.text, a = ev.sentence_start, b = a + ev.sentence.length;
    box.textContent = "";
    var mine = doc.spans.filter(function (s) { return s.event_id === ev.event_id; });
    box.appendChild(document.createTextNode(text.slice(0, a)));
    var cur = document.createElement("span");
    cur.className = "current";
    C.highlight(cur, text.slice(a, b), mine, a);
    box.appendChild(cur);
    box.appendChild(document.createTextNode(text.slice(b)));
    if (cur.scrollIntoView) cur.scrollIntoView({ block: "center" });
  }
  function showIds(label, ids) {
    var list = $("ev-list");
    list.textContent = "";
    var h = document.createElement("h3");
    h.textContent = label + ": " + ids.length + " event(s)";
    list.appendChild(h);
    ids.forEach(function (id) {
      var a = document.createElement("a");
      a.href = "#"; a.textContent = id;
      a.addEventListener("click", function (e) { e.preventDefault(); openEvidence(id); });
      list.appendChild(a);
    });
    if (ids.length) openEvidence(ids[0]);
  }

  // ---- wiring ----------------------------------------------------------------------------------
  function init() {
    var sel = form.elements.root;
    ROOTS.forEach(function (name, i) {
      var o = document.createElement("option"), code = (i < 9 ? "0" : "") + (i + 1);
      o.value = code; o.textContent = code + " " + name;
      sel.appendChild(o);
    });
    var m = /(?:^#|&)token=([^&]+)/.exec(location.hash);
    if (m) { try { sessionStorage.setItem("detente-token", decodeURIComponent(m[1])); } catch (e) { /* private mode */ }
             history.replaceState(null, "", location.pathname + location.search); }
    legend();
    state = readUrl();
    toForm(state);
    form.addEventListener("submit", function (e) { e.preventDefault(); state = fromForm(); writeUrl(state); loadAll(); });
    $("reset").addEventListener("click", function () { state = {}; writeUrl(state); toForm(state); loadAll(); });
    $("prev").addEventListener("click", function () { state.offset = Math.max(0, (+state.offset || 0) - PAGE); writeUrl(state, true); loadTable(); });
    $("next").addEventListener("click", function () { state.offset = (+state.offset || 0) + PAGE; writeUrl(state, true); loadTable(); });
    $("close-evidence").addEventListener("click", function () { $("evidence").hidden = true; delete state.event; writeUrl(state, true); });
    $("tokenform").addEventListener("submit", function (e) {
      e.preventDefault();
      try { sessionStorage.setItem("detente-token", e.target.elements.token.value); } catch (err) { /* ignore */ }
      $("tokenform").hidden = true;
      loadAll();
    });
    window.addEventListener("popstate", function () { state = readUrl(); toForm(state); loadAll(); });
    loadAll();
  }
  init();
})();
