/* detente charts, drawn with Apache ECharts (vendor/echarts, SVG renderer). Used by the
   dashboard (app.js) and inlined into the static report. Every function takes a
   container element and the API's JSON and draws into it; text from the data goes in
   through ECharts (which escapes it) or textContent, never as HTML. */
(function (global) {
  "use strict";
  var echarts = global.echarts;
  var QUAD = { 1: "#2c7fb8", 2: "#41ab5d", 3: "#fd8d3c", 4: "#d7301f" };
  var QUAD_NAMES = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
  var GOLD = "#6a51a3", WORDS = "#2c7fb8", DEEDS = "#d7301f", MUTED = "#5b6670";
  var TEXT = { fontSize: 12, color: "#1d232a" };
  var AXIS_NAME = { fontSize: 12, color: MUTED };
  var worldRegistered = false;

  function esc(s) {
    return String(s === null || s === undefined ? "" : s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  function node(tag, cls, text, parent) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (parent) parent.appendChild(e);
    return e;
  }
  /* The container gets a plot area (ECharts) and a note line under it (undated events,
     scale notes); returns the chart instance, reused across redraws. */
  function plot(container, height) {
    var box = container.querySelector(":scope > .plot"), note = container.querySelector(":scope > .chart-note");
    var msg = container.querySelector(":scope > .empty");
    if (msg) msg.remove();
    if (!box) {
      box = node("div", "plot", null, container);
      note = node("p", "chart-note", null, container);
    }
    box.hidden = false;
    box.style.height = height + "px";
    note.textContent = "";
    var chart = echarts.getInstanceByDom(box) || echarts.init(box, null, { renderer: "svg" });
    chart.off("click"); chart.off("brushEnd");
    return chart;
  }
  function empty(container, msg, note) {
    var box = container.querySelector(":scope > .plot");
    if (box) { var c = echarts.getInstanceByDom(box); if (c) c.clear(); box.hidden = true; }
    var n = container.querySelector(":scope > .chart-note");
    if (n) n.textContent = note || "";
    var p = container.querySelector(":scope > .empty") || node("p", "empty", null, container);
    container.insertBefore(p, container.firstChild);
    p.textContent = msg;
  }
  function setNote(container, text) {
    var n = container.querySelector(":scope > .chart-note");
    if (n) n.textContent = text || "";
  }
  function undatedNote(data) {
    var n = data && data.undated;
    return n ? n + " undated event" + (n === 1 ? "" : "s") + " matching the filters not shown (no period to put them in)" : "";
  }
  function periodLabel(p, interval) {
    p = String(p);
    if (interval === "year") return p.slice(0, 4);
    if (interval === "quarter") return p.slice(0, 4) + " Q" + (Math.floor((+p.slice(5, 7) - 1) / 3) + 1);
    if (interval === "month") return p.slice(0, 7);
    return p.slice(0, 10);
  }
  /* A plain legend that wraps onto as many lines as the width needs; legendHeight says
     how much room those lines take, so the plot starts below them. */
  function legend(extra) {
    var l = { type: "plain", top: 4, left: "center", textStyle: TEXT, itemGap: 12, itemHeight: 12, itemWidth: 22 };
    for (var k in extra || {}) l[k] = extra[k];
    return l;
  }
  var measure = null;
  function legendHeight(chart, names) {
    if (!measure) { measure = document.createElement("canvas").getContext("2d"); }
    measure.font = "12px " + getComputedStyle(document.body).fontFamily;
    var width = chart.getWidth() - 20, rows = 1, used = 0;
    names.forEach(function (n) {
      var w = 22 + 5 + measure.measureText(n).width + 12;
      if (used && used + w > width) { rows += 1; used = 0; }
      used += w;
    });
    return 8 + rows * 22;
  }
  function resizeAll() {
    Array.prototype.forEach.call(document.querySelectorAll(".plot"), function (el) {
      var c = echarts.getInstanceByDom(el); if (c) c.resize();
    });
  }
  var resizeTimer = null;
  global.addEventListener("resize", function () { clearTimeout(resizeTimer); resizeTimer = setTimeout(resizeAll, 100); });

  /* Stacked QuadClass counts per period and the mean Goldstein score (right axis);
     drag across the chart to brush a range of periods: opts.onBrush(firstPeriod, lastPeriod). */
  function timeline(container, data, opts) {
    opts = opts || {};
    var pts = (data && data.points) || [];
    if (!pts.length) return empty(container, "No dated events match the filters.", undatedNote(data));
    var chart = plot(container, 330), interval = opts.interval || "month", unit = opts.unit || "clusters";
    var series = [1, 2, 3, 4].map(function (q) {
      return { name: q + " " + QUAD_NAMES[q], type: "bar", stack: "quad", itemStyle: { color: QUAD[q] }, barMaxWidth: 48,
               data: pts.map(function (p) { return p["q" + q]; }), emphasis: { focus: "series" } };
    });
    series.push({ name: "mean Goldstein (right axis)", type: "line", yAxisIndex: 1, connectNulls: false, symbolSize: 6,
                  itemStyle: { color: GOLD }, lineStyle: { color: GOLD, width: 2 },
                  data: pts.map(function (p) { return p.goldstein_mean; }) });
    chart.setOption({
      animation: false, textStyle: TEXT,
      legend: legend(), tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      grid: { left: 64, right: 64, top: legendHeight(chart, series.map(function (x) { return x.name; })) + 18, bottom: 58 },
      xAxis: { type: "category", name: "period (" + interval + ")", nameLocation: "middle", nameGap: 36,
               nameTextStyle: AXIS_NAME, axisLabel: TEXT, data: pts.map(function (p) { return periodLabel(p.period, interval); }) },
      yAxis: [{ type: "value", name: "events (" + unit + ")", nameLocation: "middle", nameGap: 44, nameTextStyle: AXIS_NAME,
                minInterval: 1, axisLabel: TEXT },
              { type: "value", name: "mean Goldstein (−10 … +10)", nameLocation: "middle", nameGap: 40, nameTextStyle: AXIS_NAME,
                min: -10, max: 10, interval: 5, splitLine: { show: false }, axisLabel: TEXT }],
      brush: { xAxisIndex: 0, brushType: "lineX", brushMode: "single", transformable: false, throttleType: "debounce",
               brushStyle: { color: "rgba(44,127,184,.15)", borderColor: "#2c7fb8" } },
      toolbox: { show: false }, series: series,
    }, true);
    chart.dispatchAction({ type: "takeGlobalCursor", key: "brush", brushOption: { brushType: "lineX", brushMode: "single" } });
    chart.on("brushEnd", function (e) {
      var r = e.areas && e.areas[0] && e.areas[0].coordRange;
      if (!r || !opts.onBrush) return;
      var a = Math.max(0, Math.min(r[0], r[1])), b = Math.min(pts.length - 1, Math.max(r[0], r[1]));
      opts.onBrush(pts[a].period, pts[b].period);
    });
    setNote(container, undatedNote(data));
  }

  /* Say-do: cooperative words up, conflictual deeds down, per period; the contradiction
     2*min/(words+deeds) on the right axis. opts.onPoint(point, "words"|"deeds"|"contradiction"). */
  function saydo(container, data, opts) {
    opts = opts || {};
    var pts = (data && data.points) || [];
    if (!data) return empty(container, opts.message || "Choose an actor or a dyad to see what it says and what it does.");
    if (!pts.length) return empty(container, "No dated words or deeds of " + subject(data) + ".", undatedNote(data));
    var chart = plot(container, 330), interval = opts.interval || data.interval || "month", unit = data.count || "clusters";
    var labels = pts.map(function (p) { return periodLabel(p.period, interval); });
    var top = Math.max.apply(null, pts.map(function (p) { return Math.max(p.words, p.deeds); }).concat([1]));
    var names = ["cooperative words (said)", "conflictual deeds (done)", "contradiction 2·min/(words+deeds)"];
    chart.setOption({
      animation: false, textStyle: TEXT, legend: legend(),
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: function (v) {
        return v === null || v === undefined ? "–" : String(Math.abs(v)); } },
      grid: { left: 70, right: 70, top: legendHeight(chart, names) + 18, bottom: 58 },
      xAxis: { type: "category", data: labels, name: "period (" + interval + ")", nameLocation: "middle", nameGap: 36,
               nameTextStyle: AXIS_NAME, axisLabel: TEXT, axisTick: { alignWithLabel: true } },
      yAxis: [{ type: "value", name: "↑ words   deeds ↓  (" + unit + ")", nameLocation: "middle", nameGap: 48,
                nameTextStyle: AXIS_NAME, min: -top, max: top, minInterval: 1,
                axisLabel: { fontSize: 12, formatter: function (v) { return String(Math.abs(v)); } } },
              { type: "value", name: "contradiction (0 … 1)", nameLocation: "middle", nameGap: 44, nameTextStyle: AXIS_NAME,
                min: -1, max: 1, interval: 0.5, splitLine: { show: false },
                axisLabel: { fontSize: 12, formatter: function (v) { return v < 0 ? "" : String(v); } } }],
      series: [
        { name: names[0], type: "bar", stack: "sd", barMaxWidth: 48, itemStyle: { color: WORDS },
          data: pts.map(function (p) { return p.words; }) },
        { name: names[1], type: "bar", stack: "sd", barMaxWidth: 48, itemStyle: { color: DEEDS },
          data: pts.map(function (p) { return -p.deeds; }) },
        { name: names[2], type: "line", yAxisIndex: 1, symbolSize: 9, symbol: "diamond",
          connectNulls: false, itemStyle: { color: "#111" }, lineStyle: { color: "#111", type: "dashed" },
          data: pts.map(function (p) { return p.contradiction; }) },
      ],
    }, true);
    chart.on("click", function (e) {
      if (!opts.onPoint) return;
      var kind = e.seriesIndex === 0 ? "words" : e.seriesIndex === 1 ? "deeds" : "contradiction";
      opts.onPoint(pts[e.dataIndex], kind);
    });
    setNote(container, undatedNote(data));
  }
  function subject(data) {
    return data.dyad ? data.dyad.join(" \u2192 ") : data.actor || "the subject";
  }

  /* Contradiction pairs as text: each statement, then the deeds that followed it.
     opts.onEvent(eventId) when an event is clicked. */
  var LINK = { dyad: "toward the dyad's target", target: "same target", place: "same country (target or place)",
               document: "same theatre (the documents' main country)" };
  function pairs(container, data, opts) {
    opts = opts || {};
    container.textContent = "";
    if (!data) return node("p", "empty", opts.message || "Choose an actor or a dyad to pair its words with its deeds.", container);
    var head = node("p", "pairs-summary", null, container);
    head.textContent = data.statements + " statement" + (data.statements === 1 ? "" : "s") + " of " + subject(data) +
      " followed within " + data.window_days + " days by " + data.pairs + " contradicting deed" + (data.pairs === 1 ? "" : "s") +
      (data.complete ? "" : " among its first " + data.examined + " of " + data.words + " statements") +
      (data.undated ? " \u00b7 " + data.undated + " undated words or deeds left out" : "");
    if (!data.items.length) return;
    var list = node("ol", "pairs", null, container);
    data.items.forEach(function (it) {
      var li = node("li", "pair", null, list);
      card(li, it.statement, "said", opts);
      var deeds = node("ol", "deeds", null, li);
      it.deeds.forEach(function (d) {
        var dl = node("li", null, null, deeds);
        var c = card(dl, d, "did", opts);
        node("span", "link-kind", (d.days === 0 ? "same day" : d.days + " day" + (d.days === 1 ? "" : "s") + " later") +
             " \u00b7 " + (LINK[d.link] || d.link) + (d.theatre ? " (" + d.theatre + ")" : ""), c.querySelector(".meta"));
      });
    });
  }
  function card(parent, ev, kind, opts) {
    var c = node("div", "ev-card " + kind, null, parent);
    c.dataset.eventId = ev.event_id;
    var meta = node("div", "meta", null, c);
    node("strong", null, kind === "said" ? "said" : "did", meta);
    node("span", null, " " + (ev.event_date || "undated") + " \u00b7 " + (ev.source_code || ev.source_text || "?") + " " +
         ev.cameo_code + " " + (ev.target_code || ev.target_text || "") + (ev.mentions > 1 ? " \u00b7 " + ev.mentions + " reports" : "") + " ", meta);
    var s = node("p", "sentence", ev.sentence, c);
    var src = node("p", "source", [ev.doc_title, ev.doc_source, ev.published].filter(Boolean).join(" \u00b7 "), c);
    if (opts.onEvent) {
      c.classList.add("clickable");
      c.addEventListener("click", function () { opts.onEvent(ev.event_id, ev); });
    }
    s.title = src.textContent;
    return c;
  }

  /* Actor network: node colour says how the actor acts (net Goldstein of its
     outgoing ties), arrow colour the tie's sign, widths and sizes the number of events. */
  var NODE_KIND = [["acts cooperatively (Goldstein sum > 0)", "#41ab5d"], ["acts conflictually (Goldstein sum < 0)", "#d7301f"],
                   ["acts neutrally or only acted upon", "#8c96a0"]];
  /* A small deterministic force layout (fixed start on a circle, fixed iterations):
     the same data always gives the same picture. ECharts then fits it to the box. */
  function forceLayout(nodes, edges) {
    var W = 900, H = 460, N = nodes.length, by = {};
    nodes.forEach(function (n, i) {
      var a = 2 * Math.PI * i / N;
      by[n.id] = { x: W / 2 + Math.cos(a) * H * 0.35, y: H / 2 + Math.sin(a) * H * 0.35, vx: 0, vy: 0 };
    });
    var maxN = Math.max.apply(null, edges.map(function (e) { return e.n; }).concat([1]));
    var k = Math.sqrt(W * H / Math.max(N, 1)) * 0.9, ps = nodes.map(function (n) { return by[n.id]; });
    for (var it = 0; it < 300; it++) {
      var t = 0.1 * (1 - it / 300) + 0.005;
      for (var i = 0; i < N; i++) for (var j = i + 1; j < N; j++) {
        var a = ps[i], b = ps[j], dx = a.x - b.x, dy = a.y - b.y, d2 = dx * dx + dy * dy + 0.01, f = k * k / d2;
        a.vx += dx * f; a.vy += dy * f; b.vx -= dx * f; b.vy -= dy * f;
      }
      edges.forEach(function (e) {
        var a = by[e.source], b = by[e.target], dx = a.x - b.x, dy = a.y - b.y, d = Math.sqrt(dx * dx + dy * dy) + 0.01;
        var f = d / k * (0.5 + e.n / maxN);
        a.vx -= dx * f; a.vy -= dy * f; b.vx += dx * f; b.vy += dy * f;
      });
      ps.forEach(function (p) {
        p.vx += (W / 2 - p.x) * 0.01; p.vy += (H / 2 - p.y) * 0.01;
        var v = Math.sqrt(p.vx * p.vx + p.vy * p.vy) + 1e-9, lim = Math.min(v, k * t * 3);
        p.x = Math.min(W - 30, Math.max(30, p.x + p.vx / v * lim));
        p.y = Math.min(H - 20, Math.max(20, p.y + p.vy / v * lim));
        p.vx = 0; p.vy = 0;
      });
    }
    return by;
  }
  function network(container, data, opts) {
    opts = opts || {};
    var nodes = ((data && data.nodes) || []).slice(0, opts.maxNodes || 60);
    var keep = {}; nodes.forEach(function (n) { keep[n.id] = true; });
    var edges = ((data && data.edges) || []).filter(function (e) { return keep[e.source] && keep[e.target]; });
    if (!nodes.length) return empty(container, "No actor pairs match the filters.");
    var chart = plot(container, 480);
    var maxT = Math.max.apply(null, nodes.map(function (n) { return n.in + n.out; }).concat([1]));
    var maxE = Math.max.apply(null, edges.map(function (e) { return e.n; }).concat([1]));
    var at = forceLayout(nodes, edges);
    chart.setOption({
      animation: false, textStyle: TEXT,
      legend: legend({ data: NODE_KIND.map(function (k) { return k[0]; }) }),
      title: { bottom: 0, left: "center", text: "", subtext: "arrows: green cooperative, red conflictual tie (Goldstein sum); " +
               "width and node size: number of events", subtextStyle: { fontSize: 12, color: MUTED } },
      tooltip: { formatter: function (p) {
        if (p.dataType === "edge") { var e = p.data.raw; return esc(e.source + " \u2192 " + e.target) + ": " + e.n + " events, Goldstein sum " + e.goldstein_sum; }
        var n = p.data.raw; return esc(n.id) + ": " + n.out + " as source, " + n.in + " as target"; } },
      series: [{
        type: "graph", layout: "none", roam: true,
        categories: NODE_KIND.map(function (k) { return { name: k[0], itemStyle: { color: k[1] } }; }),
        top: legendHeight(chart, NODE_KIND.map(function (k) { return k[0]; })) + 14, bottom: 48, left: 30, right: 70,
        label: { show: true, position: "right", fontSize: 13, color: "#1d232a" }, labelLayout: { hideOverlap: true },
        edgeSymbol: ["none", "arrow"], edgeSymbolSize: 9,
        data: nodes.map(function (n) {
          var g = n.goldstein_out || 0;
          return { id: n.id, name: n.id, raw: n, x: at[n.id].x, y: at[n.id].y,
                   category: n.out && g > 0 ? 0 : n.out && g < 0 ? 1 : 2,
                   symbolSize: 12 + 28 * Math.sqrt((n.in + n.out) / maxT) };
        }),
        links: edges.map(function (e) {
          return { source: e.source, target: e.target, raw: e,
                   lineStyle: { color: e.sign >= 0 ? "#41ab5d" : "#d7301f", width: 1 + 5 * e.n / maxE, opacity: 0.75, curveness: 0.12 } };
        }),
      }],
    }, true);
    chart.on("click", function (e) { if (e.dataType === "node" && opts.onNode) opts.onNode(e.data.id); });
  }

  /* The part of the world to show: the places' extent (at least 40 x 20 degrees, padded),
     or the whole world. */
  function extent(places, fit) {
    var world = { lon0: -180, lon1: 180, lat0: -60, lat1: 85, world: true };
    if (!fit || !places.length) return world;
    var lons = places.map(function (p) { return p.lon; }), lats = places.map(function (p) { return p.lat; });
    var a = Math.min.apply(null, lons), b = Math.max.apply(null, lons), c = Math.min.apply(null, lats), d = Math.max.apply(null, lats);
    var w = Math.max((b - a) * 1.3, 40), h = Math.max((d - c) * 1.3, 20);
    if (w >= 300) return world;
    var cx = (a + b) / 2, cy = (c + d) / 2;
    return { lon0: Math.max(-180, cx - w / 2), lon1: Math.min(180, cx + w / 2), lat0: Math.max(-85, cy - h / 2),
             lat1: Math.min(85, cy + h / 2), world: false };
  }
  function sizeOf(n, maxN) { return 8 + 26 * Math.sqrt(n / maxN); }

  /* Located events over the world outline: ECharts' equirectangular geo projection with
     its standard parallel at the view's centre latitude; colour by the dominant QuadClass,
     area by the number of events. opts.onPlace(place). */
  function map(container, data, world, opts) {
    opts = opts || {};
    if (!worldRegistered) { echarts.registerMap("detente-world", world); worldRegistered = true; }
    var places = (data && data.places) || [];
    var v = extent(places, opts.fit !== false), chart = plot(container, 440);
    var maxN = Math.max.apply(null, places.map(function (p) { return p.n; }).concat([1]));
    var byQuad = { 1: [], 2: [], 3: [], 4: [] };
    places.slice().sort(function (a, b) { return b.n - a.n; }).forEach(function (p) {
      var q = [1, 2, 3, 4].reduce(function (best, k) { return p["q" + k] > p["q" + best] ? k : best; }, 1);
      byQuad[q].push({ name: p.name || "?", value: [p.lon, p.lat, p.n], raw: p, symbolSize: sizeOf(p.n, maxN) });
    });
    var keys = [1, Math.max(1, Math.round(maxN / 4)), maxN].filter(function (n, i, a) { return a.indexOf(n) === i; });
    var key = keys.map(function (n, i) {
      var s = sizeOf(n, maxN), x = 12 + i * 70;
      return { type: "group", left: x, bottom: 10, z: 100, children: [
        { type: "circle", z: 101, shape: { cx: s / 2, cy: -s / 2, r: s / 2 }, style: { fill: "rgba(91,102,112,.35)", stroke: "#5b6670" } },
        { type: "text", z: 101, x: s + 4, y: -s / 2 - 7, style: { text: n + (i === keys.length - 1 ? " events" : ""), fontSize: 12, fill: "#1d232a" } }] };
    });
    chart.setOption({
      animation: false, textStyle: TEXT,
      legend: legend({ data: [1, 2, 3, 4].map(function (q) { return "mostly " + QUAD_NAMES[q]; }),
                       backgroundColor: "rgba(255,255,255,.85)", borderRadius: 4, padding: [4, 8] }),
      tooltip: { formatter: function (p) { var r = p.data.raw; return esc(r.name || "?") + ": " + r.n + " events, mean Goldstein " + r.goldstein_mean; } },
      geo: { map: "detente-world", roam: true, silent: true, boundingCoords: [[v.lon0, v.lat1], [v.lon1, v.lat0]],
             aspectScale: Math.max(0.2, Math.cos((v.lat0 + v.lat1) / 2 * Math.PI / 180)),
             top: legendHeight(chart, [1, 2, 3, 4].map(function (q) { return "mostly " + QUAD_NAMES[q]; })) + 6,
             bottom: 12, left: 8, right: 8,
             itemStyle: { areaColor: "#d9d4c7", borderColor: "#b8b2a3", borderWidth: 0.5 } },
      graphic: places.length ? [{ type: "rect", left: 4, bottom: 4, z: 99, shape: { width: keys.length * 70 + 24,
        height: sizeOf(maxN, maxN) + 14, r: 4 }, style: { fill: "rgba(255,255,255,.8)" } }].concat(key) : [],
      series: [1, 2, 3, 4].map(function (q) {
        return { name: "mostly " + QUAD_NAMES[q], type: "scatter", coordinateSystem: "geo", data: byQuad[q],
                 itemStyle: { color: QUAD[q], opacity: 0.75, borderColor: "#fff", borderWidth: 1 } };
      }),
    }, true);
    container.dataset.extent = [v.lon0, v.lat1, v.lon1, v.lat0].map(function (x) { return x.toFixed(1); }).join(",");
    chart.on("click", function (e) { if (e.componentType === "series" && opts.onPlace) opts.onPlace(e.data.raw); });
    setNote(container, places.length ? "circle area: events at the place; colour: their most frequent QuadClass" :
      "No located events match the filters.");
  }

  /* Text with highlighted spans as DOM nodes (no HTML parsing of data).
     spans: [{start, end, kind}], offsets into text; overlapping spans are skipped. */
  function highlight(parent, text, spans, base) {
    base = base || 0;
    var pos = 0;
    (spans || []).slice().sort(function (a, b) { return a.start - b.start; }).forEach(function (s) {
      var a = s.start - base, b = s.end - base;
      if (a < pos || b > text.length || a >= b) return;
      if (a > pos) parent.appendChild(document.createTextNode(text.slice(pos, a)));
      var m = document.createElement("mark");
      m.className = "span-" + s.kind;
      m.title = s.kind + (s.code ? " " + s.code : "");
      m.textContent = text.slice(a, b);
      parent.appendChild(m);
      pos = b;
    });
    if (pos < text.length) parent.appendChild(document.createTextNode(text.slice(pos)));
  }

  global.DetenteCharts = { timeline: timeline, saydo: saydo, pairs: pairs, network: network, map: map,
                           highlight: highlight, QUAD: QUAD, QUAD_NAMES: QUAD_NAMES, instance: function (container) {
                             var box = container.querySelector(":scope > .plot");
                             return box ? echarts.getInstanceByDom(box) : null; } };
})(window);
