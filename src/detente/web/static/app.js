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
  function loadAll(note) {
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
        C.saydo($("saydo"), d, { interval: view.interval, onPoint: function (p, kind) {
          var ids = kind === "contradiction" ? p.event_ids.words.concat(p.event_ids.deeds) : p.event_ids[kind];
          showIds(String(p.period).slice(0, 10) + " " + kind, ids);
        } });
      }),
      (subject ? api("/api/saydo/pairs", filterParams({ count: view.count, limit: 25, max_deeds: 5 })) : Promise.resolve(null)).then(function (d) {
        C.pairs($("saydo-pairs"), d, { onEvent: function (id) { openEvidence(id); } });
      }),
      api("/api/network", filterParams({ count: view.count, max_edges: 120 })).then(function (d) {
        C.network($("network"), d, { onNode: function (id) { apply({ actor: id, dyad: null }); } });
      }),
      Promise.all([api("/api/geo", filterParams()), world ? Promise.resolve(world) : fetch("/static/world-110m.geojson").then(function (r) { return r.json(); })])
        .then(function (r) {
          world = r[1];
          C.map($("map"), r[0], world, { onPlace: function (p) { apply({ place: p.name }); } });
        }),
      api("/api/ceasefires", filterParams()).then(renderCeasefires),
      loadTable(),
    ];
    return Promise.all(jobs).then(function () {
      if (seq !== loadSeq) return;
      setStatus(note || "");
      document.body.dataset.ready = "1";
      if (state.event) openEvidence(state.event, true);
    }, function (err) {
      if (seq !== loadSeq) return;
      setStatus(err.message, true);
      document.body.dataset.ready = "error";
    });
  }
  var STATUS = { proposed: "proposed", agreed: "agreed", in_force: "in force", violated: "violated", collapsed: "collapsed" };
  function renderCeasefires(d) {
    var body = document.querySelector("#ceasefires tbody");
    body.textContent = "";
    $("ceasefires-note").textContent = (d.items.length ? "" : "No ceasefire evidence matches the filters. ") +
      (d.undated ? d.undated + " undated ceasefire event(s) left out." : "");
    d.items.forEach(function (cf) {
      var tr = document.createElement("tr");
      tr.dataset.ceasefireId = cf.ceasefire_id;
      td(tr, cf.parties.join(" / "));
      td(tr, STATUS[cf.status], "status status-" + cf.status);
      var steps = document.createElement("ol");
      steps.className = "steps";
      cf.history.forEach(function (h) {
        var li = document.createElement("li"), a = document.createElement("a");
        li.dataset.status = h.status;
        a.href = "#";
        a.textContent = h.date + " " + STATUS[h.status] + " (" + h.reason + "): " + h.sentence;
        a.addEventListener("click", function (e) { e.preventDefault(); openEvidence(h.event_id); });
        li.appendChild(a);
        steps.appendChild(li);
      });
      td(tr, "").appendChild(steps);
      td(tr, cf.violations);
      body.appendChild(tr);
    });
  }

  // ---- actor names -> codes ---------------------------------------------------------------
  var suggestTimer = null;
  function suggest() {
    clearTimeout(suggestTimer);
    var q = form.elements.actor.value.trim();
    if (q.length < 2) return;
    suggestTimer = setTimeout(function () {
      api("/api/actors", new URLSearchParams({ q: q, limit: 10 })).then(function (d) {
        var list = $("actor-suggestions");
        list.textContent = "";
        d.items.forEach(function (a) {
          var o = document.createElement("option");
          o.value = a.code;
          o.label = (a.name || a.code) + " \u2014 " + a.code + " (" + a.events + " events)";
          o.textContent = o.label;
          list.appendChild(o);
        });
      }).catch(function () { /* suggestions are a convenience */ });
    }, 150);
  }
  var CODE = /^[A-Z0-9]{1,32}$/;
  function resolveOne(text) {
    return api("/api/actors", new URLSearchParams({ q: text, limit: 5 })).then(function (d) {
      var exact = d.items.filter(function (a) { return a.code === text.toUpperCase() || (a.name || "").toLowerCase() === text.toLowerCase(); });
      var hit = exact[0] || d.items[0];
      if (!hit) throw new Error("no actor matches \u201c" + text + "\u201d: type a name from the list or a code such as RUS");
      return { text: text, code: hit.code, name: hit.name };
    });
  }
  /* Names typed in the actor or dyad box become codes (the API's filters are codes);
     resolves to a note saying what was chosen, or rejects with a message. */
  function resolveActors(s) {
    var jobs = [];
    if (s.actor) jobs.push(resolveOne(s.actor).then(function (r) { s.actor = r.code; return r; }));
    if (s.dyad) {
      var parts = s.dyad.split(/\s*(?:,|->|>|\u2192)\s*/).filter(Boolean);
      if (parts.length !== 2) return Promise.reject(new Error("dyad: give two actors, e.g. Russia,Syria or RUS,SYR"));
      jobs.push(Promise.all(parts.map(resolveOne)).then(function (r) { s.dyad = r[0].code + "," + r[1].code; return r; }));
    }
    return Promise.all(jobs).then(function (res) {
      var said = [].concat.apply([], res).filter(function (r) { return !(CODE.test(r.text) && r.text === r.code); });
      return said.map(function (r) { return "\u201c" + r.text + "\u201d \u2192 " + r.code + (r.name ? " (" + r.name + ")" : ""); }).join("; ");
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
    state = readUrl();
    toForm(state);
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var s = fromForm();
      document.body.dataset.ready = "0";
      resolveActors(s).then(function (said) {
        state = s; writeUrl(state); toForm(state); loadAll(said);
      }, function (err) { setStatus(err.message, true); document.body.dataset.ready = "error"; });
    });
    form.elements.actor.addEventListener("input", suggest);
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
