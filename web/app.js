// The page of `detente serve`: search, ego network, evidence, timeline, map
// and path finder over the JSON API (docs/serve.md).
//
// Safety: every string from the database reaches the page through
// textContent (d3's .text()) or an attribute, never as markup, and a URL
// becomes a link only when it is http or https. The server's
// Content-Security-Policy forbids inline scripts, so nothing here builds any.
"use strict";

(() => {
  const MAX_DRAWN = 500;  // nodes drawn at most; beyond, the server groups them
  const MAX_EDGES = 1500;  // lines drawn at most (the strongest)
  const BIG = 150;  // above this many nodes, a drag moves one node, not the whole layout
  const KIND_COLOURS = {
    person: "#4e79a7", country: "#f28e2b", organization: "#59a14f", city: "#76b7b2",
    armed_group: "#e15759", institution: "#b8860b", party: "#b07aa1", company: "#ff9da7",
    region: "#9c755f", artefact: "#bab0ac",
  };
  const QUAD_NAMES = ["unclassified", "verbal cooperation", "material cooperation",
    "verbal conflict", "material conflict"];
  const $ = (id) => document.getElementById(id);
  const fmt = d3.format(",");

  // ---- the view's state, mirrored in the URL ----
  const view = {
    entity: null, from: null, to: null, since: "", until: "", quad: "", role: "", radius: 1,
    bucket: "month",
  };
  let selected = null;          // {type: "node", id} or {type: "edge", a, b}
  let evidenceQuery = null;     // the params of the evidence list shown, for "More"
  let graphData = null;         // nodes and links drawn
  let simulation = null;
  let atlas = null;             // a promise of the country shapes
  let loadSerial = 0;           // drops answers of superseded loads

  function readUrl() {
    const p = new URLSearchParams(location.search);
    const id = (k) => (/^[0-9]{1,15}$/.test(p.get(k) || "") ? p.get(k) : null);
    const date = (k) => (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(p.get(k) || "") ? p.get(k) : "");
    view.entity = id("entity");
    view.from = id("from");
    view.to = id("to");
    view.since = date("since");
    view.until = date("until");
    view.quad = /^[0-4](,[0-4])*$/.test(p.get("quad") || "") ? p.get("quad") : "";
    view.role = /^[A-Z]{2,8}$/.test(p.get("role") || "") ? p.get("role") : "";
    view.radius = p.get("radius") === "2" ? 2 : 1;
    view.bucket = ["day", "week", "month"].includes(p.get("bucket")) ? p.get("bucket") : "month";
  }

  function writeUrl(replace) {
    const p = new URLSearchParams();
    if (view.from && view.to) {
      p.set("from", view.from);
      p.set("to", view.to);
    } else if (view.entity) {
      p.set("entity", view.entity);
    }
    for (const k of ["since", "until", "quad", "role"]) if (view[k]) p.set(k, view[k]);
    if (view.radius !== 1) p.set("radius", String(view.radius));
    if (view.bucket !== "month") p.set("bucket", view.bucket);
    const url = "/" + (p.toString() ? "?" + p.toString() : "");
    if (url === location.pathname + location.search) return;
    if (replace) history.replaceState(null, "", url);
    else history.pushState(null, "", url);
  }

  // The filter parameters every query takes.
  function filterParams(withDates = true) {
    const p = {};
    if (withDates && view.since) p.since = view.since;
    if (withDates && view.until) p.until = view.until;
    if (view.quad) p.quad = view.quad;
    return p;
  }

  async function api(path, params = {}) {
    const q = new URLSearchParams(params).toString();
    const res = await fetch("/api/" + path + (q ? "?" + q : ""), { headers: { Accept: "application/json" } });
    let body = null;
    try {
      body = await res.json();
    } catch (e) {
      throw new Error(`${res.status} ${res.statusText}`);
    }
    if (!res.ok) throw new Error(body && body.error ? body.error : `${res.status} ${res.statusText}`);
    return body;
  }

  function notice(text, isError = false) {
    const n = $("notice");
    n.textContent = text || "";
    n.classList.toggle("error", !!isError);
  }

  // A link only for http and https URLs; anything else stays text.
  function safeUrl(url) {
    if (typeof url !== "string") return null;
    try {
      const u = new URL(url);
      return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  function kindColour(kind) {
    return KIND_COLOURS[kind] || "#888";
  }

  function describe(e) {
    const parts = [e.kind];
    if (e.country) parts.push(e.country);
    if (e.role) parts.push(e.role);
    return parts.join(", ");
  }

  // ---- search boxes with suggestions ----
  function picker(root, onPick) {
    const input = root.querySelector("input");
    const list = root.querySelector(".suggestions");
    let items = [], active = -1, timer = null, serial = 0;
    const close = () => { list.hidden = true; active = -1; };
    const highlight = (i) => {
      active = i;
      list.querySelectorAll("li").forEach((li, k) => li.setAttribute("aria-selected", String(k === i)));
    };
    const pick = (item) => {
      input.value = item.name;
      input.dataset.id = String(item.id);
      close();
      onPick(item);
    };
    const show = (results) => {
      items = results;
      list.replaceChildren();
      for (const [i, r] of results.entries()) {
        const li = document.createElement("li");
        li.setAttribute("role", "option");
        li.dataset.id = String(r.id);
        li.append(document.createTextNode(r.name));
        const meta = document.createElement("span");
        meta.className = "meta";
        meta.textContent = `${describe(r)} · ${fmt(r.events)} events`;
        li.append(meta);
        li.addEventListener("mousedown", (ev) => { ev.preventDefault(); pick(r); });
        li.addEventListener("mouseenter", () => highlight(i));
        list.append(li);
      }
      list.hidden = results.length === 0;
      active = -1;
    };
    input.addEventListener("input", () => {
      delete input.dataset.id;
      clearTimeout(timer);
      const q = input.value.trim();
      if (!q) { close(); return; }
      timer = setTimeout(async () => {
        const mine = ++serial;
        try {
          const r = await api("search", { q, limit: 10 });
          if (mine === serial) show(r.results);
        } catch (e) {
          notice(e.message, true);
        }
      }, 120);
    });
    input.addEventListener("keydown", (ev) => {
      if (list.hidden) return;
      if (ev.key === "ArrowDown") { highlight(Math.min(items.length - 1, active + 1)); ev.preventDefault(); }
      else if (ev.key === "ArrowUp") { highlight(Math.max(0, active - 1)); ev.preventDefault(); }
      else if (ev.key === "Enter") {
        if (items.length) { pick(items[Math.max(0, active)]); ev.preventDefault(); }
      } else if (ev.key === "Escape") close();
    });
    input.addEventListener("blur", () => setTimeout(close, 150));
    return { input, set(entity) { input.value = entity ? entity.name : ""; if (entity) input.dataset.id = String(entity.id); } };
  }

  // ---- evidence ----
  function eventItem(ev) {
    const li = document.createElement("li");
    li.className = "evidence-item";
    li.dataset.event = String(ev.id);
    const what = document.createElement("div");
    what.className = "what";
    const dot = document.createElement("span");
    dot.className = "q sw-q" + ev.quad_class;
    dot.title = QUAD_NAMES[ev.quad_class];
    const date = document.createElement("strong");
    date.textContent = ev.date || "undated";
    what.append(dot, date, document.createTextNode(" — " + [ev.actor && ev.actor.name, ev.action,
      ev.object && ev.object.name].filter(Boolean).join(" ")));
    if (ev.place) what.append(document.createTextNode(" (in " + ev.place.name + ")"));
    if (ev.negated) { const f = document.createElement("span"); f.className = "flag"; f.textContent = "negated"; what.append(f); }
    if (ev.modality !== "asserted") { const f = document.createElement("span"); f.className = "flag"; f.textContent = ev.modality; what.append(f); }
    li.append(what);
    for (const src of ev.sources) {
      const quote = document.createElement("blockquote");
      quote.className = "sentence";
      quote.textContent = src.sentence;
      const source = document.createElement("div");
      source.className = "source";
      const href = safeUrl(src.url);
      const title = src.title || src.doc_id || "untitled document";
      if (href) {
        const a = document.createElement("a");
        a.href = href;
        a.rel = "noopener noreferrer nofollow";
        a.target = "_blank";
        a.className = "doc-link";
        a.textContent = title;
        source.append(a);
      } else {
        const t = document.createElement("span");
        t.className = "doc-title";
        t.textContent = title;
        source.append(t);
        if (src.url) {
          const u = document.createElement("span");
          u.className = "doc-url";
          u.textContent = " · " + src.url + " (not a web link)";
          source.append(u);
        }
      }
      if (src.published) source.append(document.createTextNode(" · published " + src.published));
      li.append(quote, source);
    }
    return li;
  }

  async function showEvidence(title, params, append = false) {
    const list = $("evidence");
    const more = $("evidence-more");
    if (!append) {
      list.replaceChildren();
      $("evidence-title").textContent = title;
      $("evidence-hint").hidden = true;
      evidenceQuery = { title, params: { ...params, limit: 20, offset: 0 } };
    }
    const mine = evidenceQuery;
    try {
      const r = await api("events", mine.params);
      if (mine !== evidenceQuery) return;
      for (const ev of r.events) list.append(eventItem(ev));
      mine.params.offset += r.events.length;
      more.hidden = mine.params.offset >= r.total;
      more.textContent = `More (${fmt(r.total - mine.params.offset)} left)`;
      if (!r.total) {
        const li = document.createElement("li");
        li.className = "evidence-item empty";
        li.textContent = "No events under the current filters.";
        list.append(li);
      }
      $("evidence-title").textContent = `${title}: ${fmt(r.total)} event${r.total === 1 ? "" : "s"}`;
    } catch (e) {
      notice(e.message, true);
    }
  }

  function selectNode(node) {
    selected = { type: "node", id: node.id };
    markSelection();
    showEvidence(node.name, { entity: node.id, ...filterParams() });
  }

  function selectEdge(link) {
    selected = { type: "edge", a: link.source.id, b: link.target.id };
    markSelection();
    showEvidence(`${link.source.name} — ${link.target.name}`,
      { entity: link.source.id, other: link.target.id, ...filterParams() });
  }

  function markSelection() {
    d3.select("#graph").selectAll("g.node").classed("selected", (d) => selected && selected.type === "node" && d.id === selected.id);
    d3.select("#graph").selectAll("g.edge").classed("selected", (d) => selected && selected.type === "edge" &&
      ((d.source.id === selected.a && d.target.id === selected.b) || (d.source.id === selected.b && d.target.id === selected.a)));
  }

  // ---- the entity card ----
  function showCard(c) {
    const card = $("card");
    card.replaceChildren();
    card.hidden = false;
    const h = document.createElement("h3");
    h.textContent = c.entity.name;
    const facts = document.createElement("p");
    facts.className = "facts";
    facts.textContent = `${describe(c.entity)} · ${fmt(c.events)} events (${fmt(c.as_actor)} as actor, ` +
      `${fmt(c.as_object)} as object) · ${fmt(c.counterparts)} counterparts` +
      (c.first_seen ? ` · ${c.first_seen} to ${c.last_seen}` : "");
    card.append(h, facts);
    if (c.aliases.length) {
      const a = document.createElement("p");
      a.className = "aliases";
      a.textContent = "Also: " + c.aliases.join(" · ");
      card.append(a);
    }
  }

  // ---- the network ----
  function drawLegend(kinds) {
    const legend = $("legend");
    legend.replaceChildren();
    for (const k of kinds) {
      const s = document.createElement("span");
      const sw = document.createElement("span");
      sw.className = "swatch";
      sw.style.background = kindColour(k);
      s.append(sw, document.createTextNode(k));
      legend.append(s);
    }
    for (let q = 1; q <= 4; ++q) {
      const s = document.createElement("span");
      const sw = document.createElement("span");
      sw.className = "line sw-q" + q;
      s.append(sw, document.createTextNode(QUAD_NAMES[q]));
      legend.append(s);
    }
  }

  // nodes: [{id, name, kind, degree, distance, group?}], links: [{source, target, events, quad_class}]
  function drawGraph(data, centerId) {
    graphData = data;
    const svg = d3.select("#graph");
    svg.attr("data-state", "drawing");
    svg.selectAll("*").remove();
    if (simulation) simulation.stop();
    const { width, height } = svg.node().getBoundingClientRect();
    const root = svg.append("g");
    svg.call(d3.zoom().scaleExtent([0.1, 8]).on("zoom", (ev) => root.attr("transform", ev.transform)));

    const maxDegree = d3.max(data.nodes, (d) => d.degree || 1) || 1;
    const radius = d3.scaleSqrt().domain([1, maxDegree]).range([5, 24]).clamp(true);
    const width_of = d3.scaleSqrt().domain([1, d3.max(data.links, (l) => l.events) || 1]).range([1.5, 7]);
    for (const n of data.nodes) {
      n.r = n.group ? 9 : radius(Math.max(1, n.degree || 1));
      if (n.id === centerId) { n.fx = 0; n.fy = 0; } else { n.fx = null; n.fy = null; }
    }
    simulation = d3.forceSimulation(data.nodes)
      .force("link", d3.forceLink(data.links).id((d) => d.id).distance((l) => 60 + l.source.r + l.target.r).strength(0.4))
      .force("charge", d3.forceManyBody().strength(data.nodes.length > 200 ? -60 : -220))
      .force("collide", d3.forceCollide((d) => d.r + 3))
      .force("x", d3.forceX(0).strength(0.04))
      .force("y", d3.forceY(0).strength(0.06))
      .stop();
    // Lay out before drawing, so that the first frame is the final picture.
    const ticks = data.nodes.length > 300 ? 120 : 250;
    for (let i = 0; i < ticks; ++i) simulation.tick();

    const edges = root.append("g").attr("class", "edges").selectAll("g")
      .data(data.links).join("g")
      .attr("class", (d) => "edge q" + d.quad_class)
      .attr("data-source", (d) => d.source.id)
      .attr("data-target", (d) => d.target.id);
    const big = data.nodes.length > BIG;
    edges.append("line").attr("class", "visible").attr("stroke-width", (d) => Math.max(big ? 2.5 : 0, width_of(d.events)));
    // A wide transparent line makes a thin one easy to click; a big view
    // clicks the visible line itself, to keep the page light.
    if (!big) edges.append("line").attr("class", "hit");
    edges.append("title").text((d) => `${d.source.name} — ${d.target.name}: ${fmt(d.events)} events` +
      (d.group ? "" : ` (${QUAD_NAMES[d.quad_class]} mostly)`));
    edges.filter((d) => !d.group).on("click", (ev, d) => { ev.stopPropagation(); selectEdge(d); });

    const nodes = root.append("g").attr("class", "nodes").selectAll("g")
      .data(data.nodes).join("g")
      .attr("class", (d) => "node" + (d.id === centerId ? " center" : "") + (d.group ? " group" : ""))
      .attr("data-id", (d) => d.id)
      .attr("data-name", (d) => d.name);
    nodes.filter((d) => !d.group).append("circle").attr("r", (d) => d.r).attr("fill", (d) => kindColour(d.kind));
    nodes.filter((d) => d.group).append("rect").attr("x", -9).attr("y", -9).attr("width", 18).attr("height", 18);
    nodes.append("text").attr("dx", (d) => d.r + 3).attr("dy", "0.35em").text((d) => d.name);
    nodes.append("title").text((d) => d.group ? d.name :
      `${d.name} (${describe(d)}): ${fmt(d.events)} events in this view, ${fmt(d.degree)} in all`);
    nodes.filter((d) => !d.group)
      .on("click", (ev, d) => { ev.stopPropagation(); selectNode(d); })
      .on("dblclick", (ev, d) => { ev.stopPropagation(); if (!view.from) openEntity(d.id); })
      .call(d3.drag()
        .on("start", (ev, d) => {
          if (!big && !ev.active) simulation.alphaTarget(0.2).restart();
          d.fx = d.x; d.fy = d.y;
        })
        .on("drag", (ev, d) => {
          d.fx = ev.x; d.fy = ev.y;
          if (big) { d.x = ev.x; d.y = ev.y; placeOne(d); }
        })
        .on("end", (ev, d) => {
          if (!big && !ev.active) simulation.alphaTarget(0);
          if (!big && d.id !== centerId) { d.fx = null; d.fy = null; }
        }));

    const place = () => {
      edges.selectAll("line").attr("x1", (d) => d.source.x).attr("y1", (d) => d.source.y)
        .attr("x2", (d) => d.target.x).attr("y2", (d) => d.target.y);
      nodes.attr("transform", (d) => `translate(${d.x},${d.y})`);
    };
    place();
    simulation.on("tick", place);
    // A big view moves the dragged node and its own lines only.
    const incident = new Map();
    edges.each(function (d) {
      for (const n of [d.source, d.target]) {
        if (!incident.has(n)) incident.set(n, []);
        incident.get(n).push(this);
      }
    });
    const nodeOf = new Map();
    nodes.each(function (d) { nodeOf.set(d, this); });
    function placeOne(d) {
      d3.select(nodeOf.get(d)).attr("transform", `translate(${d.x},${d.y})`);
      d3.selectAll(incident.get(d) || []).selectAll("line")
        .attr("x1", (e) => e.source.x).attr("y1", (e) => e.source.y)
        .attr("x2", (e) => e.target.x).attr("y2", (e) => e.target.y);
    }
    // Fit the drawing into the panel.
    const xs = d3.extent(data.nodes, (d) => d.x), ys = d3.extent(data.nodes, (d) => d.y);
    const w = (xs[1] - xs[0]) + 160, h = (ys[1] - ys[0]) + 60;
    const k = Math.min(1.6, width / w, height / h);
    const t = d3.zoomIdentity.translate(width / 2 - k * (xs[0] + xs[1]) / 2, height / 2 - k * (ys[0] + ys[1]) / 2).scale(k);
    svg.call(d3.zoom().scaleExtent([0.1, 8]).on("zoom", (ev) => root.attr("transform", ev.transform)).transform, t);
    svg.on("click", () => { selected = null; markSelection(); });
    markSelection();
    drawLegend([...new Set(data.nodes.filter((d) => !d.group).map((d) => d.kind))].sort());
    svg.attr("data-state", "drawn");
    performance.mark("graph-drawn");
  }

  function egoToGraph(r) {
    const nodes = r.nodes.map((n) => ({ ...n }));
    const links = r.edges.map((e) => ({ source: e.source, target: e.target, events: e.events, quad_class: e.quad_class }));
    for (const [i, g] of r.groups.entries()) {
      const id = `group-${i}`;
      nodes.push({ id, group: true, kind: g.kind, name: `+${fmt(g.members)} more ${g.kind} (${g.distance} hop${g.distance > 1 ? "s" : ""})`, degree: g.events, events: g.events });
      links.push({ source: r.center.id, target: id, events: g.events, quad_class: 0, group: true });
    }
    return { nodes, links };
  }

  function egoNotice(r) {
    if (r.truncated) {
      const hidden = r.members - r.nodes.length;
      return `Showing the ${fmt(r.nodes.length)} nearest and busiest of ${fmt(r.members)} entities ` +
        `(at most ${MAX_DRAWN} are drawn); the other ${fmt(hidden)} are grouped by kind in the square nodes.`;
    }
    if (r.edges_truncated) return `Showing the ${fmt(r.edges.length)} strongest links of ${fmt(r.nodes.length)} entities.`;
    return `${fmt(r.nodes.length)} entities, ${fmt(r.events)} events.`;
  }

  // Adds the neighbours of `id` to the drawing, up to MAX_DRAWN nodes in all.
  async function expand(id) {
    if (!graphData) return;
    const room = MAX_DRAWN - graphData.nodes.filter((n) => !n.group).length;
    if (room <= 0) { notice(`${MAX_DRAWN} entities are drawn already: re-centre to see more.`); return; }
    try {
      const r = await api("neighbours", { entity: id, radius: 1, limit: Math.min(room + 1, MAX_DRAWN), edges: MAX_EDGES, ...filterParams(), ...(view.role ? { role: view.role } : {}) });
      const known = new Map(graphData.nodes.map((n) => [n.id, n]));
      const nodes = graphData.nodes.map((n) => ({ id: n.id, name: n.name, kind: n.kind, country: n.country, role: n.role, degree: n.degree, events: n.events, group: n.group, distance: n.distance }));
      for (const n of r.nodes) if (!known.has(n.id)) nodes.push({ ...n });
      const key = (a, b) => (a < b ? `${a}|${b}` : `${b}|${a}`);
      const links = graphData.links.map((l) => ({ source: l.source.id, target: l.target.id, events: l.events, quad_class: l.quad_class, group: l.group }));
      const have = new Set(links.map((l) => key(l.source, l.target)));
      for (const e of r.edges) {
        if (!have.has(key(e.source, e.target))) links.push({ source: e.source, target: e.target, events: e.events, quad_class: e.quad_class });
      }
      drawGraph({ nodes, links }, Number(view.entity));
      notice(`${fmt(nodes.filter((n) => !n.group).length)} entities drawn` +
        (r.truncated ? `; ${r.nodes[0].name} has ${fmt(r.members - r.nodes.length)} more not drawn (limit ${MAX_DRAWN}).` : "."));
    } catch (e) {
      notice(e.message, true);
    }
  }

  // ---- the timeline ----
  function parseBucket(s) {
    return new Date(s.length === 7 ? s + "-01T00:00:00Z" : s + "T00:00:00Z");
  }
  function bucketEnd(start, bucket) {
    const d = new Date(start);
    if (bucket === "month") d.setUTCMonth(d.getUTCMonth() + 1);
    else d.setUTCDate(d.getUTCDate() + (bucket === "week" ? 7 : 1));
    return d;
  }
  const isoDay = (d) => d.toISOString().slice(0, 10);

  function drawTimeline(r) {
    const svg = d3.select("#timeline");
    svg.selectAll("*").remove();
    const { width, height } = svg.node().getBoundingClientRect();
    const m = { top: 8, right: 12, bottom: 22, left: 36 };
    if (!r.buckets.length) {
      svg.append("text").attr("x", 12).attr("y", 24).attr("class", "hint").text("No dated events under these filters.");
      svg.attr("data-state", "drawn");
      return;
    }
    const data = r.buckets.map((b) => ({ ...b, t0: parseBucket(b.start), t1: bucketEnd(parseBucket(b.start), r.bucket) }));
    const x = d3.scaleUtc().domain([d3.min(data, (d) => d.t0), d3.max(data, (d) => d.t1)]).range([m.left, width - m.right]);
    const y = d3.scaleLinear().domain([0, d3.max(data, (d) => d.events)]).nice().range([height - m.bottom, m.top]);
    svg.append("g").attr("class", "axis").attr("transform", `translate(0,${height - m.bottom})`).call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(width / 90))));
    svg.append("g").attr("class", "axis").attr("transform", `translate(${m.left},0)`).call(d3.axisLeft(y).ticks(4).tickFormat(d3.format("~s")));
    const groups = svg.append("g").selectAll("g").data(data).join("g")
      .attr("class", "bucket").attr("data-start", (d) => d.start).attr("data-events", (d) => d.events);
    groups.append("title").text((d) => `${d.start}: ${fmt(d.events)} events` +
      d.by_quad_class.map((n, q) => (n ? ` · ${fmt(n)} ${QUAD_NAMES[q]}` : "")).join(""));
    groups.each(function (d) {
      let acc = 0;
      const g = d3.select(this);
      for (const q of [1, 2, 3, 4, 0]) {
        const n = d.by_quad_class[q];
        if (!n) continue;
        g.append("rect").attr("class", "bar q" + q)
          .attr("x", x(d.t0) + 0.5).attr("width", Math.max(1, x(d.t1) - x(d.t0) - 1))
          .attr("y", y(acc + n)).attr("height", y(acc) - y(acc + n));
        acc += n;
      }
    });
    const brush = d3.brushX().extent([[m.left, m.top], [width - m.right, height - m.bottom]])
      .on("end", (ev) => {
        if (!ev.sourceEvent) return;
        if (!ev.selection) { setDates("", ""); return; }
        const [a, b] = ev.selection.map(x.invert);
        setDates(isoDay(a), isoDay(new Date(b.getTime() - 1)));
      });
    const bg = svg.append("g").attr("class", "brush").call(brush);
    if (view.since || view.until) {
      // The brush covers the filter's days: from the first day of `since`
      // to the end of the last day of `until` (a year or month: its last).
      const start = (d) => parseBucket(d.length === 4 ? d + "-01" : d);
      const end = (d) => (d.length === 10 ? bucketEnd(parseBucket(d), "day")
        : d.length === 7 ? bucketEnd(parseBucket(d), "month") : parseBucket(String(+d + 1) + "-01"));
      const a = view.since ? start(view.since) : x.domain()[0];
      const b = view.until ? end(view.until) : x.domain()[1];
      const xa = Math.max(m.left, x(a)), xb = Math.min(width - m.right, x(b));
      if (xb > xa) bg.call(brush.move, [xa, xb]);
    }
    svg.attr("data-state", "drawn");
  }

  function setDates(since, until) {
    view.since = since;
    view.until = until;
    $("f-since").value = since.length === 10 ? since : "";
    $("f-until").value = until.length === 10 ? until : "";
    writeUrl(false);
    reload({ timeline: false });
  }

  // ---- the map ----
  // The country shapes, fetched once (the promise is kept, so that two
  // maps drawn at once share one fetch).
  function loadAtlas() {
    if (!atlas) {
      atlas = fetch("/vendor/countries-50m.json").then(async (res) => {
        if (!res.ok) throw new Error("the base map is missing (run scripts/setup.sh)");
        const topo = await res.json();
        return topojson.feature(topo, topo.objects.countries);
      });
      atlas.catch(() => { atlas = null; });
    }
    return atlas;
  }

  let mapSerial = 0;
  async function drawMap(places) {
    const mine = ++mapSerial;
    const svg = d3.select("#map");
    svg.attr("data-state", "drawing");
    let world;
    try {
      world = await loadAtlas();
    } catch (e) {
      if (mine !== mapSerial) return;
      svg.selectAll("*").remove();
      svg.append("text").attr("x", 12).attr("y", 24).text(e.message);
      return;
    }
    // A later call superseded this one while the shapes loaded.
    if (mine !== mapSerial) return;
    svg.selectAll("*").remove();
    const { width, height } = svg.node().getBoundingClientRect();
    const points = { type: "FeatureCollection", features: places.features };
    const projection = d3.geoNaturalEarth1();
    if (places.features.length) {
      projection.fitExtent([[70, 30], [width - 70, height - 30]], points);
      // Never zoom in past a region's scale (one place), nor out past the
      // world; then keep the same point in the middle.
      const single = !Number.isFinite(projection.scale()) || places.features.length === 1;
      const centre = single ? places.features[0].geometry.coordinates : projection.invert([width / 2, height / 2]);
      if (single) projection.scale(Infinity);
      const world_scale = d3.geoNaturalEarth1().fitSize([width, height], { type: "Sphere" }).scale();
      const scale = Math.min(Math.max(projection.scale(), world_scale), world_scale * 12);
      if (scale !== projection.scale()) {
        projection.scale(scale).translate([width / 2, height / 2]);
        const p = projection(centre);
        projection.translate([width - p[0], height - p[1]]);
      }
    } else {
      projection.fitSize([width, height], { type: "Sphere" });
    }
    const path = d3.geoPath(projection);
    const root = svg.append("g");
    svg.call(d3.zoom().scaleExtent([0.5, 20]).on("zoom", (ev) => root.attr("transform", ev.transform)));
    root.append("g").selectAll("path").data(world.features).join("path")
      .attr("class", "country").attr("data-name", (d) => d.properties.name).attr("d", path)
      .append("title").text((d) => d.properties.name);
    const max = d3.max(places.features, (f) => f.properties.events) || 1;
    const r = d3.scaleSqrt().domain([1, max]).range([4, 18]);
    const markers = root.append("g").selectAll("g").data(places.features).join("g")
      .attr("transform", (f) => `translate(${projection(f.geometry.coordinates)})`);
    markers.append("circle").attr("class", "marker").attr("r", (f) => r(f.properties.events))
      .attr("data-name", (f) => f.properties.name)
      .attr("data-lon", (f) => f.geometry.coordinates[0]).attr("data-lat", (f) => f.geometry.coordinates[1])
      .on("click", (ev, f) => showEvidence(`Events in ${f.properties.name}`,
        { entity: view.from || view.entity, place: f.properties.id, ...filterParams() }))
      .append("title").text((f) => `${f.properties.name}: ${fmt(f.properties.events)} events`);
    markers.append("text").attr("class", "marker-label").attr("dx", 8).attr("dy", "0.35em").text((f) => f.properties.name);
    const un = $("unlocated");
    un.textContent = places.unlocated.length
      ? "Not on the map (no coordinates): " + places.unlocated.map((p) => `${p.name} (${p.events})`).join(", ")
      : "";
    svg.attr("data-state", "drawn");
  }

  // ---- views ----
  async function openEntity(id) {
    view.entity = String(id);
    view.from = view.to = null;
    selected = null;
    writeUrl(false);
    await reload();
  }

  async function reload(parts = { timeline: true }) {
    syncControls();
    if (view.from && view.to) return loadPath();
    if (!view.entity) return;
    const mine = ++loadSerial;
    const id = view.entity;
    notice("Loading…");
    try {
      const [card, ego] = await Promise.all([
        api("entity/" + id),
        api("neighbours", { entity: id, radius: view.radius, limit: MAX_DRAWN, edges: MAX_EDGES, ...filterParams(), ...(view.role ? { role: view.role } : {}) }),
      ]);
      if (mine !== loadSerial) return;
      document.title = `${card.entity.name} · detente`;
      $("view-title").textContent = `${card.entity.name} and its counterparts` + (view.radius > 1 ? ` (${view.radius} hops)` : "");
      search.set(card.entity);
      showCard(card);
      notice(egoNotice(ego));
      drawGraph(egoToGraph(ego), card.entity.id);
      if (!selected) showEvidence(card.entity.name, { entity: id, ...filterParams() });
      if (parts.timeline !== false) {
        api("timeline", { entity: id, bucket: view.bucket, ...filterParams(false) })
          .then((t) => { if (mine === loadSerial) drawTimeline(t); })
          .catch((e) => notice(e.message, true));
      }
      api("places", { entity: id, ...filterParams() })
        .then((p) => { if (mine === loadSerial) return drawMap(p); })
        .catch((e) => notice(e.message, true));
      const cardBox = $("card");
      const buttons = document.createElement("p");
      for (const [label, fn] of [["Path from here", () => { fromPicker.set(card.entity); $("path-to").focus(); }]]) {
        const b = document.createElement("button");
        b.type = "button";
        b.textContent = label;
        b.addEventListener("click", fn);
        buttons.append(b);
      }
      const ex = document.createElement("button");
      ex.type = "button";
      ex.id = "expand-selected";
      ex.textContent = "Expand the selected entity";
      ex.addEventListener("click", () => { if (selected && selected.type === "node") expand(selected.id); else notice("Click an entity first, then expand it."); });
      const rc = document.createElement("button");
      rc.type = "button";
      rc.id = "recentre-selected";
      rc.textContent = "Re-centre on the selected entity";
      rc.addEventListener("click", () => { if (selected && selected.type === "node") openEntity(selected.id); else notice("Click an entity first, then re-centre on it."); });
      buttons.append(ex, rc);
      cardBox.append(buttons);
    } catch (e) {
      if (mine === loadSerial) notice(e.message, true);
    }
  }

  async function loadPath() {
    const mine = ++loadSerial;
    notice("Finding a path…");
    $("card").hidden = true;
    try {
      const r = await api("path", { from: view.from, to: view.to, limit: 5, ...filterParams() });
      if (mine !== loadSerial) return;
      fromPicker.set(r.from);
      toPicker.set(r.to);
      document.title = `${r.from.name} to ${r.to.name} · detente`;
      $("view-title").textContent = `Path from ${r.from.name} to ${r.to.name}`;
      const list = $("evidence");
      list.replaceChildren();
      $("evidence-hint").hidden = true;
      $("evidence-more").hidden = true;
      evidenceQuery = null;
      if (!r.found) {
        notice(`No path: ${r.message}.`);
        $("evidence-title").textContent = "No path";
        drawGraph({ nodes: [{ ...r.from, degree: 1 }, { ...r.to, degree: 1 }], links: [] }, r.from.id);
        return;
      }
      notice(`${r.length} hop${r.length === 1 ? "" : "s"}.`);
      $("evidence-title").textContent = `Path: ${r.length} hop${r.length === 1 ? "" : "s"}`;
      const nodes = [r.from, ...r.hops.map((h) => h.to)].map((e, i) => ({ ...e, degree: 1, distance: i }));
      const links = r.hops.map((h) => ({ source: h.from.id, target: h.to.id, events: h.events,
        quad_class: h.evidence.length ? h.evidence[0].quad_class : 0 }));
      drawGraph({ nodes, links }, r.from.id);
      for (const [i, h] of r.hops.entries()) {
        const li = document.createElement("li");
        li.className = "hop";
        li.dataset.hop = String(i + 1);
        const t = document.createElement("div");
        t.className = "hop-title";
        t.textContent = `${i + 1}. ${h.from.name} — ${h.to.name} (${fmt(h.events)} event${h.events === 1 ? "" : "s"})`;
        const ol = document.createElement("ol");
        for (const ev of h.evidence) ol.append(eventItem(ev));
        li.append(t, ol);
        list.append(li);
      }
      d3.select("#timeline").selectAll("*").remove();
      api("places", { entity: view.from, other: r.hops[0].to.id, ...filterParams() })
        .then((p) => drawMap(p)).catch(() => {});
    } catch (e) {
      if (mine === loadSerial) notice(e.message, true);
    }
  }

  // ---- controls ----
  function syncControls() {
    $("f-since").value = view.since.length === 10 ? view.since : "";
    $("f-until").value = view.until.length === 10 ? view.until : "";
    const quads = view.quad ? view.quad.split(",") : null;
    document.querySelectorAll("#f-quad input").forEach((c) => { c.checked = !quads || quads.includes(c.value); });
    $("f-role").value = view.role;
    $("f-radius").value = String(view.radius);
    $("bucket").value = view.bucket;
  }

  function readControls() {
    view.since = $("f-since").value || "";
    view.until = $("f-until").value || "";
    const checked = [...document.querySelectorAll("#f-quad input")].filter((c) => c.checked).map((c) => c.value);
    view.quad = checked.length === 5 ? "" : checked.join(",");
    view.role = $("f-role").value;
    view.radius = Number($("f-radius").value) === 2 ? 2 : 1;
  }

  const search = picker($("search-picker"), (item) => openEntity(item.id));
  const fromPicker = picker($("from-picker"), () => {});
  const toPicker = picker($("to-picker"), () => {});

  $("path-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const resolve = async (input) => {
      if (input.dataset.id) return input.dataset.id;
      const q = input.value.trim();
      if (!q) return null;
      const r = await api("search", { q, limit: 1 });
      return r.results.length ? String(r.results[0].id) : null;
    };
    try {
      const [a, b] = await Promise.all([resolve($("path-from")), resolve($("path-to"))]);
      if (!a || !b) { notice("Choose both ends of the path from the suggestions.", true); return; }
      view.from = a;
      view.to = b;
      selected = null;
      writeUrl(false);
      loadPath();
    } catch (e) {
      notice(e.message, true);
    }
  });
  for (const id of ["f-since", "f-until", "f-role", "f-radius"]) {
    $(id).addEventListener("change", () => { readControls(); writeUrl(false); reload(); });
  }
  document.querySelectorAll("#f-quad input").forEach((c) => c.addEventListener("change", () => {
    // At least one class stays checked: no class at all would show nothing.
    if (![...document.querySelectorAll("#f-quad input")].some((x) => x.checked)) c.checked = true;
    readControls();
    writeUrl(false);
    reload();
  }));
  $("f-clear").addEventListener("click", () => {
    Object.assign(view, { since: "", until: "", quad: "", role: "", radius: 1 });
    writeUrl(false);
    reload();
  });
  $("bucket").addEventListener("change", () => { view.bucket = $("bucket").value; writeUrl(true); reload(); });
  $("evidence-more").addEventListener("click", () => { if (evidenceQuery) showEvidence(evidenceQuery.title, evidenceQuery.params, true); });
  window.addEventListener("popstate", () => { readUrl(); selected = null; reload(); });

  async function init() {
    readUrl();
    syncControls();
    reload();  // the view first; the database summary does not hold it up
    try {
      const info = await api("info");
      const roles = $("f-role");
      for (const r of info.roles) {
        const o = document.createElement("option");
        o.value = o.textContent = r;
        roles.append(o);
      }
      if (!info.roles.length) {
        roles.disabled = true;
        roles.title = "This database records no roles yet";
      }
      if (!view.entity && !view.from) {
        notice(`${fmt(info.entities)} entities and ${fmt(info.edges)} events` +
          (info.first_date ? ` from ${info.first_date} to ${info.last_date}` : "") + ". Search an entity to begin.");
      }
    } catch (e) {
      notice(e.message, true);
    }
  }
  init();
})();
