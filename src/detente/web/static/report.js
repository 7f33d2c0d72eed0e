/* Bootstrap of the static report (inlined by detente.analysis.report): the same charts
   as the dashboard, drawn from data embedded in the page. */
(function () {
  "use strict";
  var C = window.DetenteCharts;
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var world = JSON.parse(document.getElementById("world-data").textContent);
  var STATUS = { proposed: "proposed", agreed: "agreed", in_force: "in force", violated: "violated", collapsed: "collapsed" };
  function $(id) { return document.getElementById(id); }
  function cell(tr, v) { var td = document.createElement("td"); td.textContent = v === null || v === undefined ? "" : String(v); tr.appendChild(td); return td; }
  function table(id, rows, cols, onRow) {
    var body = document.querySelector("#" + id + " tbody");
    body.textContent = "";
    rows.forEach(function (r) {
      var tr = document.createElement("tr");
      cols.forEach(function (c) { cell(tr, typeof c === "function" ? c(r, tr) : r[c]); });
      if (onRow) { tr.className = "clickable"; tr.addEventListener("click", function () { onRow(r); }); }
      body.appendChild(tr);
    });
  }
  var byId = {};
  data.events.forEach(function (e) { byId[e.event_id] = e; });
  function showEvent(e) {
    var box = $("evidence");
    box.hidden = false;
    $("ev-title").textContent = (e.source_code || e.source_text || "?") + " \u2192 " + e.cameo_code + " \u2192 " + (e.target_code || e.target_text || "?") + "  (" + (e.event_date || "undated") + ", " + e.factuality + ")";
    var s = $("ev-sentence");
    s.textContent = "";
    C.highlight(s, e.sentence, e.spans, 0);
    var src = $("ev-source");
    src.textContent = [e.doc_title, e.doc_source, e.published].filter(Boolean).join(" \u00b7 ");
    if (e.doc_url && /^https?:\/\//i.test(e.doc_url)) src.href = e.doc_url; else src.removeAttribute("href");
  }
  function showIds(ids) { var e = ids.map(function (i) { return byId[i]; }).filter(Boolean)[0]; if (e) showEvent(e); }
  function events(since, until) {
    var rows = data.events.filter(function (e) {
      return (!since || (e.event_date && e.event_date >= since)) && (!until || (e.event_date && e.event_date <= until));
    });
    $("events-count").textContent = rows.length + " of " + data.events.length + " events shown" + (since ? " (" + since + " to " + until + ")" : "");
    table("events", rows, ["event_date", "source_code", "cameo_code", "target_code", "factuality", "location_name", "sentence"], showEvent);
  }
  function periodEnd(p) {
    var d = new Date(p + "T00:00:00Z"); d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0); return d.toISOString().slice(0, 10);
  }
  C.timeline($("timeline"), data.series, { interval: "month", unit: data.series.count, onBrush: function (a, b) { events(a, periodEnd(b)); } });
  C.saydo($("saydo"), data.saydo, { message: "The say-do chart needs --actor or --dyad.", onPoint: function (p, k) {
    showIds(k === "contradiction" ? p.event_ids.words.concat(p.event_ids.deeds) : p.event_ids[k]);
  } });
  C.pairs($("saydo-pairs"), data.saydo_pairs, { message: "Statement and deed pairs need --actor or --dyad.",
    onEvent: function (id, ev) { showEvent(byId[id] || ev); } });
  C.network($("network"), data.network, {});
  C.map($("map"), data.geo, world, { onPlace: function (p) { showIds(p.event_ids); } });
  table("clusters", data.clusters.items, [function (c) { return c.first_date || "undated"; }, "source_code", "cameo_code",
    "target_code", "mentions", "sources", "location_name", function (c) { return c.evidence.length ? c.evidence[0].sentence : ""; }],
    function (c) { showIds(c.evidence.map(function (e) { return e.event_id; })); });
  table("processes", data.processes, ["name", "n", "first_date", "last_date", function (p) { return p.participants.map(function (x) { return x.actor; }).join(", "); }]);
  $("ceasefires-note").textContent = (data.ceasefires.items.length ? "" : "No ceasefire evidence. ") +
    (data.ceasefires.undated ? data.ceasefires.undated + " undated ceasefire event(s) left out." : "");
  table("ceasefires", data.ceasefires.items, [function (c) { return c.parties.join(" / "); },
    function (c, tr) { tr.dataset.status = c.status; return STATUS[c.status]; },
    function (c) { return c.history.map(function (h) { return h.date + " " + STATUS[h.status] + " (" + h.reason + "): " + h.sentence; }).join("\n"); },
    "violations"]);
  Array.prototype.forEach.call(document.querySelectorAll("#ceasefires td:nth-child(3)"), function (td) { td.style.whiteSpace = "pre-line"; });
  events();
  $("reset-range").addEventListener("click", function () { events(); });
  $("close-evidence").addEventListener("click", function () { $("evidence").hidden = true; });
  document.body.dataset.ready = "1";
})();
