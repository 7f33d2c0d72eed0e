/* detente charts: hand-written SVG, no dependencies. Used by the dashboard (app.js)
   and inlined into the static report. Every function takes a container element and
   plain data (the API's JSON) and draws into it; text goes in via textContent only. */
(function (global) {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  var QUAD = { 1: "#2c7fb8", 2: "#41ab5d", 3: "#fd8d3c", 4: "#d7301f" };
  var QUAD_NAMES = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };

  function el(name, attrs, parent, text) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) if (attrs[k] !== undefined && attrs[k] !== null) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    if (parent) parent.appendChild(e);
    return e;
  }
  function title(node, text) { el("title", {}, node, text); return node; }
  function svgIn(container, w, h, cls) {
    container.textContent = "";
    return el("svg", { viewBox: "0 0 " + w + " " + h, width: "100%", class: "chart " + (cls || ""),
                       preserveAspectRatio: "xMidYMid meet", role: "img" }, container);
  }
  function empty(container, msg) {
    container.textContent = "";
    var p = document.createElement("p");
    p.className = "empty";
    p.textContent = msg;
    container.appendChild(p);
  }
  function niceMax(v) {  // a maximum whose quarters are round numbers (the axes have 4 ticks)
    if (v <= 4) return 4;
    var s = v / 4, p = Math.pow(10, Math.floor(Math.log10(s))), m = s / p;
    return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10) * p * 4;
  }
  function axisY(svg, x, y0, y1, max, fmt) {
    for (var i = 0; i <= 4; i++) {
      var v = max * i / 4, y = y0 - (y0 - y1) * i / 4;
      el("line", { x1: x, x2: x - 4, y1: y, y2: y, class: "tick" }, svg);
      el("text", { x: x - 6, y: y + 3, class: "axis-label", "text-anchor": "end" }, svg,
         fmt ? fmt(v) : String(Math.round(v * 100) / 100));
    }
  }
  function labelEvery(n, room) { return Math.max(1, Math.ceil(n / room)); }

  /* Stacked QuadClass counts per period, Goldstein mean line, drag to brush a date range.
     opts.onBrush(firstPeriod, lastPeriod) gets ISO dates of the brushed periods. */
  function timeline(container, data, opts) {
    opts = opts || {};
    var pts = (data && data.points) || [];
    if (!pts.length) return empty(container, "No dated events match the filters.");
    var W = 900, H = 270, L = 48, R = 44, T = 24, B = 34;
    var svg = svgIn(container, W, H, "timeline");
    var max = niceMax(Math.max.apply(null, pts.map(function (p) { return p.total; })));
    var bw = (W - L - R) / pts.length, y0 = H - B;
    axisY(svg, L, y0, T, max);
    el("text", { x: 4, y: T - 12, class: "axis-label" }, svg, opts.unit || "events");
    el("text", { x: W - 4, y: T - 12, class: "axis-label gold", "text-anchor": "end" }, svg, "mean Goldstein");
    var bars = el("g", { class: "bars" }, svg);
    var every = labelEvery(pts.length, 12);
    pts.forEach(function (p, i) {
      var x = L + i * bw, y = y0;
      [1, 2, 3, 4].forEach(function (q) {
        var n = p["q" + q];
        if (!n) return;
        var h = (y0 - T) * n / max;
        y -= h;
        title(el("rect", { x: x + bw * 0.08, y: y, width: Math.max(bw * 0.84, 0.5), height: h,
                           fill: QUAD[q], class: "bar q" + q, "data-period": p.period, "data-n": n }, bars),
              p.period + " " + QUAD_NAMES[q] + ": " + n);
      });
      if (i % every === 0) el("text", { x: x + bw / 2, y: H - B + 14, class: "axis-label", "text-anchor": "middle" },
                              svg, String(p.period).slice(0, opts.interval === "year" ? 4 : 7));
    });
    // Goldstein mean on a -10..10 right axis
    var gy = function (g) { return T + (y0 - T) * (10 - g) / 20; };
    el("line", { x1: L, x2: W - R, y1: gy(0), y2: gy(0), class: "zero" }, svg);
    [-10, 0, 10].forEach(function (g) {
      el("text", { x: W - R + 6, y: gy(g) + 3, class: "axis-label gold" }, svg, String(g));
    });
    var d = "", pen = false;
    pts.forEach(function (p, i) {  // the line breaks over periods without events
      if (p.goldstein_mean === null || p.goldstein_mean === undefined) { pen = false; return; }
      d += (pen ? "L" : "M") + (L + (i + 0.5) * bw).toFixed(1) + "," + gy(p.goldstein_mean).toFixed(1);
      pen = true;
    });
    el("path", { d: d, class: "goldstein", fill: "none" }, svg);
    pts.forEach(function (p, i) {
      if (p.goldstein_mean === null || p.goldstein_mean === undefined) return;
      title(el("circle", { cx: L + (i + 0.5) * bw, cy: gy(p.goldstein_mean), r: 2.5, class: "gold-dot" }, svg),
            p.period + " mean Goldstein " + p.goldstein_mean + " (sum " + p.goldstein_sum + ")");
    });
    // brush
    var sel = el("rect", { class: "brush", x: 0, y: T, width: 0, height: y0 - T, visibility: "hidden" }, svg);
    var overlay = el("rect", { class: "overlay", x: L, y: T, width: W - L - R, height: y0 - T, fill: "transparent" }, svg);
    var start = null;
    function toX(evt) {
      var r = svg.getBoundingClientRect();
      return Math.min(W - R, Math.max(L, (evt.clientX - r.left) * W / r.width));
    }
    function idx(x) { return Math.min(pts.length - 1, Math.max(0, Math.floor((x - L) / bw))); }
    overlay.addEventListener("mousedown", function (evt) {
      start = toX(evt);
      sel.setAttribute("x", start); sel.setAttribute("width", 0); sel.setAttribute("visibility", "visible");
      evt.preventDefault();
    });
    svg.addEventListener("mousemove", function (evt) {
      if (start === null) return;
      var x = toX(evt);
      sel.setAttribute("x", Math.min(x, start)); sel.setAttribute("width", Math.abs(x - start));
    });
    svg.addEventListener("mouseup", function (evt) {
      if (start === null) return;
      var x = toX(evt), a = idx(Math.min(x, start)), b = idx(Math.max(x, start));
      start = null;
      if (opts.onBrush) opts.onBrush(pts[a].period, pts[b].period);
    });
  }

  /* Say-do: verbal cooperation up, material conflict down, per period; gap dots.
     opts.onPoint(point, kind) when a bar or dot is clicked. */
  function saydo(container, data, opts) {
    opts = opts || {};
    var pts = (data && data.points) || [];
    if (!pts.length) return empty(container, opts.message || "Choose an actor or a dyad to see its say-do gap.");
    var W = 900, H = 240, L = 48, R = 44, T = 12, B = 30, mid = (H - B + T) / 2;
    var svg = svgIn(container, W, H, "saydo");
    var max = niceMax(Math.max.apply(null, pts.map(function (p) {
      return Math.max(p.verbal_coop + p.material_coop, p.material_conflict + p.verbal_conflict);
    })));
    var half = mid - T, bw = (W - L - R) / pts.length, every = labelEvery(pts.length, 12);
    el("line", { x1: L, x2: W - R, y1: mid, y2: mid, class: "zero" }, svg);
    el("text", { x: L + 4, y: T + 8, class: "axis-label" }, svg, "says: cooperation \u2191");
    el("text", { x: L + 4, y: H - B - 2, class: "axis-label" }, svg, "does: conflict \u2193");
    el("text", { x: L - 6, y: T + 8, class: "axis-label", "text-anchor": "end" }, svg, String(max));
    el("text", { x: L - 6, y: H - B - 2, class: "axis-label", "text-anchor": "end" }, svg, String(max));
    el("text", { x: W - R + 6, y: T + 8, class: "axis-label gold" }, svg, "gap +1");
    el("text", { x: W - R + 6, y: H - B - 2, class: "axis-label gold" }, svg, "gap -1");
    pts.forEach(function (p, i) {
      var x = L + i * bw + bw * 0.1, w = Math.max(bw * 0.8, 0.5), y = mid;
      [["verbal_coop", 1], ["material_coop", 2]].forEach(function (k) {
        var h = half * p[k[0]] / max; if (!h) return;
        y -= h;
        var r = el("rect", { x: x, y: y, width: w, height: h, fill: QUAD[k[1]], class: "say " + k[0], "data-period": p.period }, svg);
        title(r, p.period + " " + k[0].replace("_", " ") + ": " + p[k[0]]);
        r.addEventListener("click", function () { if (opts.onPoint) opts.onPoint(p, k[0]); });
      });
      y = mid;
      [["material_conflict", 4], ["verbal_conflict", 3]].forEach(function (k) {
        var h = half * p[k[0]] / max; if (!h) return;
        var r = el("rect", { x: x, y: y, width: w, height: h, fill: QUAD[k[1]], class: "do " + k[0], "data-period": p.period }, svg);
        y += h;
        title(r, p.period + " " + k[0].replace("_", " ") + ": " + p[k[0]]);
        r.addEventListener("click", function () { if (opts.onPoint) opts.onPoint(p, k[0]); });
      });
      if (p.gap !== null && p.gap !== undefined) {
        var c = el("circle", { cx: L + (i + 0.5) * bw, cy: mid - p.gap * half, r: 3.5, class: "gap-point" }, svg);
        title(c, p.period + " say-do gap " + p.gap);
        c.addEventListener("click", function () { if (opts.onPoint) opts.onPoint(p, "gap"); });
      }
      if (i % every === 0) el("text", { x: L + (i + 0.5) * bw, y: H - B + 14, class: "axis-label", "text-anchor": "middle" },
                              svg, String(p.period).slice(0, 7));
    });
  }

  /* Force-directed actor network; edges green (cooperative) or red (conflictual),
     width by count. Deterministic: fixed start on a circle, fixed iterations. */
  function network(container, data, opts) {
    opts = opts || {};
    var nodes = ((data && data.nodes) || []).slice(0, opts.maxNodes || 60);
    var keep = {}; nodes.forEach(function (n) { keep[n.id] = true; });
    var edges = ((data && data.edges) || []).filter(function (e) { return keep[e.source] && keep[e.target]; });
    if (!nodes.length) return empty(container, "No actor pairs match the filters.");
    var W = 900, H = 460, N = nodes.length, by = {};
    nodes.forEach(function (n, i) {
      var a = 2 * Math.PI * i / N;
      by[n.id] = { n: n, x: W / 2 + Math.cos(a) * H * 0.35, y: H / 2 + Math.sin(a) * H * 0.35, vx: 0, vy: 0 };
    });
    var maxN = Math.max.apply(null, edges.map(function (e) { return e.n; }).concat([1]));
    var k = Math.sqrt(W * H / N) * 0.9;
    for (var it = 0; it < 300; it++) {
      var t = 0.1 * (1 - it / 300) + 0.005;
      var ps = nodes.map(function (n) { return by[n.id]; });
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
    var svg = svgIn(container, W, H, "network");
    var defs = el("defs", {}, svg);
    ["pos", "neg"].forEach(function (s) {
      var m = el("marker", { id: "arrow-" + s, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 8, markerHeight: 8,
                             markerUnits: "userSpaceOnUse", orient: "auto" }, defs);
      el("path", { d: "M0,0L10,5L0,10z", class: "arrow " + s }, m);
    });
    var ge = el("g", { class: "edges" }, svg), gn = el("g", { class: "nodes" }, svg);
    var maxT = Math.max.apply(null, nodes.map(function (n) { return n.in + n.out; }).concat([1]));
    var radius = function (n) { return 5 + 12 * Math.sqrt((n.in + n.out) / maxT); };
    edges.forEach(function (e) {
      var a = by[e.source], b = by[e.target], s = e.sign >= 0 ? "pos" : "neg";
      var dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy) || 1, cut = (radius(b.n) + 2) / d;
      title(el("line", { x1: a.x, y1: a.y, x2: b.x - dx * cut, y2: b.y - dy * cut, class: "edge " + s, "stroke-width": 0.8 + 5 * e.n / maxN,
                         "marker-end": "url(#arrow-" + s + ")", "data-source": e.source, "data-target": e.target }, ge),
            e.source + " \u2192 " + e.target + ": " + e.n + ", Goldstein sum " + e.goldstein_sum);
    });
    nodes.forEach(function (n) {
      var p = by[n.id], g = el("g", { class: "node", transform: "translate(" + p.x.toFixed(1) + "," + p.y.toFixed(1) + ")", "data-id": n.id }, gn);
      title(el("circle", { r: radius(n) }, g), n.id + ": " + n.out + " out, " + n.in + " in");
      el("text", { y: 4, "text-anchor": "middle", class: "node-label" }, g, n.id);
      g.addEventListener("click", function () { if (opts.onNode) opts.onNode(n.id); });
    });
  }

  /* The part of the world to show: the places' extent (at least 40 x 20 degrees,
     padded, 2:1 like the map), or the whole world. */
  function extent(places, fit) {
    var v = { lon0: -180, lat1: 90, span: 360 };
    if (!fit || !places.length) return v;
    var lons = places.map(function (p) { return p.lon; }), lats = places.map(function (p) { return p.lat; });
    var a = Math.min.apply(null, lons), b = Math.max.apply(null, lons), c = Math.min.apply(null, lats), d = Math.max.apply(null, lats);
    var span = Math.max((b - a) * 1.3, (d - c) * 2.6, 40);
    if (span >= 300) return v;
    var lon0 = Math.min(180 - span, Math.max(-180, (a + b) / 2 - span / 2));
    var lat1 = Math.min(90, Math.max(-90 + span / 2, (c + d) / 2 + span / 4));
    return { lon0: lon0, lat1: lat1, span: span };
  }

  /* Located events over a world outline, equirectangular projection. */
  function map(container, data, world, opts) {
    opts = opts || {};
    var W = 900, H = 450, svg = svgIn(container, W, H, "map");
    var v = extent((data && data.places) || [], opts.fit !== false), k = W / v.span;
    var px = function (lon) { return (lon - v.lon0) * k; }, py = function (lat) { return (v.lat1 - lat) * k; };
    svg.setAttribute("data-extent", [v.lon0.toFixed(1), v.lat1.toFixed(1), v.span.toFixed(1)].join(","));
    el("rect", { x: 0, y: 0, width: W, height: H, class: "sea" }, svg);
    var d = [];
    ((world && world.features) || []).forEach(function (f) {
      var g = f.geometry, polys = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
      polys.forEach(function (poly) {
        poly.forEach(function (ring) {
          d.push(ring.map(function (c, i) { return (i ? "L" : "M") + px(c[0]).toFixed(1) + "," + py(c[1]).toFixed(1); }).join("") + "Z");
        });
      });
    });
    el("path", { d: d.join(""), class: "land" }, svg);
    var places = (data && data.places) || [];
    var maxN = Math.max.apply(null, places.map(function (p) { return p.n; }).concat([1]));
    var g = el("g", { class: "places" }, svg);
    places.slice().sort(function (a, b) { return b.n - a.n; }).forEach(function (p) {
      var q = [1, 2, 3, 4].reduce(function (best, k) { return p["q" + k] > p["q" + best] ? k : best; }, 1);
      var c = el("circle", { cx: px(p.lon), cy: py(p.lat), r: 3 + 14 * Math.sqrt(p.n / maxN), fill: QUAD[q],
                             class: "place q" + q, "data-name": p.name || "", "data-n": p.n }, g);
      title(c, (p.name || "?") + ": " + p.n + " events, mean Goldstein " + p.goldstein_mean);
      c.addEventListener("click", function () { if (opts.onPlace) opts.onPlace(p); });
    });
    if (!places.length) el("text", { x: W / 2, y: H / 2, "text-anchor": "middle", class: "axis-label" }, svg, "No located events match the filters.");
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

  global.DetenteCharts = { timeline: timeline, saydo: saydo, network: network, map: map, highlight: highlight,
                           QUAD: QUAD, QUAD_NAMES: QUAD_NAMES };
})(window);
