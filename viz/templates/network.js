/* edukg network page. Every piece of data reaches the page through textContent, canvas text
   or vis-network's DataSet, never through innerHTML, so names are shown and never run.

   Nodes carry no text. Names are drawn by this script on vis-network's canvas after each
   frame: the forced ones first (hovered, selected, searched), then the neighbours of the
   selection, then the most central nodes in order of importance, each only where it does not
   overlap a name already placed. How many are eligible grows with the zoom. The boxes placed
   last are returned by window.edukgLabels(). */
(function () {
  "use strict";

  var timings = { start: performance.now() };
  var DATA = JSON.parse(document.getElementById("edukg-data").textContent);
  timings.parsed = performance.now();
  var META = DATA.meta;
  var LEGEND = DATA.legend;

  var UI = {
    ru: {
      language: "Язык", search: "Поиск по названию", filters: "Фильтры", country: "Страна (с партнёрами)", country_field: "Страна",
      kind: "Вид учреждения", agreement_type: "Вид соглашения", area: "Направление", years: "Годы",
      reset: "Сбросить", legend: "Легенда", close: "Закрыть", all: "Все", none: "не указано", cluster: "Кластер",
      no_cluster: "вне кластеров", centrality: "Центральность", degree: "Партнёров",
      weighted_degree: "Связей (с весом)", region: "Регион", iri: "IRI", partners: "Партнёры",
      agreements: "Соглашения", events: "Мероприятия", signed: "подписано", valid_until: "действует до",
      source: "источник", weight: "Вес связи", shown: "Показано узлов: {shown} из {total}",
      capped: "Сеть большая: показаны {shown} самых центральных учреждений из {total} (предел {cap}).",
      focus: "Окружение узла «{name}» на глубину {depth}.", more: "и ещё {n}",
      no_results: "Ничего не найдено", edge: "Связь", id: "номер", areas: "направления",
      colour_by: "Цвет", size_by: "Размер", by_cluster: "кластер", by_country: "страна",
      by_centrality: "центральность (посредничество)", by_degree: "число партнёров",
      other_clusters: "прочие кластеры ({n})", other_countries: "прочие страны ({n})", no_country: "страна не указана",
      shapes: "Форма: вид учреждения", width_hint: "Толщина линии: число соглашений и мероприятий. Названия: крупнейшие узлы; приблизьте, наведите или найдите, чтобы увидеть остальные.",
      brokers: "Главные посредники", cross_border: "Международные кластеры", members: "Участники",
      countries_field: "Страны", size: "Размер", cross_ties: "связей через границу",
      institutions: ["учреждение", "учреждения", "учреждений"], ties: ["связь", "связи", "связей"],
      countries_n: ["страна", "страны", "стран"]
    },
    be: {
      language: "Мова", search: "Пошук па назве", filters: "Фільтры", country: "Краіна (з партнёрамі)", country_field: "Краіна",
      kind: "Від установы", agreement_type: "Від пагаднення", area: "Кірунак", years: "Гады",
      reset: "Скінуць", legend: "Легенда", close: "Закрыць", all: "Усе", none: "не пазначана", cluster: "Кластар",
      no_cluster: "па-за кластарамі", centrality: "Цэнтральнасць", degree: "Партнёраў",
      weighted_degree: "Сувязей (з вагой)", region: "Рэгіён", iri: "IRI", partners: "Партнёры",
      agreements: "Пагадненні", events: "Мерапрыемствы", signed: "падпісана", valid_until: "дзейнічае да",
      source: "крыніца", weight: "Вага сувязі", shown: "Паказана вузлоў: {shown} з {total}",
      capped: "Сетка вялікая: паказаны {shown} найбольш цэнтральных устаноў з {total} (мяжа {cap}).",
      focus: "Наваколле вузла «{name}» на глыбіню {depth}.", more: "і яшчэ {n}",
      no_results: "Нічога не знойдзена", edge: "Сувязь", id: "нумар", areas: "кірункі",
      colour_by: "Колер", size_by: "Памер", by_cluster: "кластар", by_country: "краіна",
      by_centrality: "цэнтральнасць (пасярэдніцтва)", by_degree: "колькасць партнёраў",
      other_clusters: "іншыя кластары ({n})", other_countries: "іншыя краіны ({n})", no_country: "краіна не пазначана",
      shapes: "Форма: від установы", width_hint: "Таўшчыня лініі: колькасць пагадненняў і мерапрыемстваў. Назвы: найбуйнейшыя вузлы; наблізьце, навядзіце або знайдзіце, каб убачыць астатнія.",
      brokers: "Галоўныя пасрэднікі", cross_border: "Міжнародныя кластары", members: "Удзельнікі",
      countries_field: "Краіны", size: "Памер", cross_ties: "сувязей праз мяжу",
      institutions: ["установа", "установы", "устаноў"], ties: ["сувязь", "сувязі", "сувязей"],
      countries_n: ["краіна", "краіны", "краін"]
    },
    en: {
      language: "Language", search: "Search by name", filters: "Filters", country: "Country (with partners)", country_field: "Country",
      kind: "Institution kind", agreement_type: "Agreement type", area: "Cooperation area", years: "Years",
      reset: "Reset", legend: "Legend", close: "Close", all: "All", none: "not given", cluster: "Cluster",
      no_cluster: "no cluster", centrality: "Centrality", degree: "Partners",
      weighted_degree: "Ties (weighted)", region: "Region", iri: "IRI", partners: "Partners",
      agreements: "Agreements", events: "Events", signed: "signed", valid_until: "valid until",
      source: "source", weight: "Tie weight", shown: "Nodes shown: {shown} of {total}",
      capped: "Large network: showing the {shown} most central institutions of {total} (cap {cap}).",
      focus: "Neighbourhood of “{name}”, depth {depth}.", more: "and {n} more",
      no_results: "Nothing found", edge: "Tie", id: "id", areas: "areas",
      colour_by: "Colour", size_by: "Size", by_cluster: "cluster", by_country: "country",
      by_centrality: "centrality (brokerage)", by_degree: "number of partners",
      other_clusters: "other clusters ({n})", other_countries: "other countries ({n})", no_country: "country not given",
      shapes: "Shape: institution kind", width_hint: "Line width: number of agreements and events. Names: the largest nodes; zoom in, hover or search to see the rest.",
      brokers: "Top brokers", cross_border: "Cross-border clusters", members: "Members",
      countries_field: "Countries", size: "Size", cross_ties: "ties across a border",
      institutions: ["institution", "institutions"], ties: ["tie", "ties"],
      countries_n: ["country", "countries"]
    }
  };
  var SYMBOLS = { dot: "●", square: "■", triangle: "▲", triangleDown: "▼", diamond: "◆", star: "★", hexagon: "⬢" };
  var MAX_PARTNERS_LISTED = 60;
  var LABELS = {
    font: "system-ui, \"DejaVu Sans\", \"Noto Sans\", Arial, sans-serif",
    size: 12, height: 15, pad: 3,
    overview: 60,     // names eligible at the first view (the most central)
    growth: 3,        // eligible names grow with (zoom / first zoom) ^ growth
    maxOnScreen: 120, // never more names than this in one frame
    fullNamesFromZoom: 2,  // full names (where they fit) from this zoom factor on ...
    fullNamesUpTo: 30      // ... and on networks of at most this many nodes
  };
  var EDGE_OPACITY = 0.55;
  var FADED_EDGE_OPACITY = 0.08;
  var FADED_NODE_OPACITY = 0.3;

  var lang = META.lang;
  var look = { colour: "cluster", size: "centrality" };
  var byId = new Map();
  var edgesOf = new Map();
  DATA.nodes.forEach(function (n) { byId.set(n.id, n); edgesOf.set(n.id, []); });
  var edgeById = new Map();
  DATA.edges.forEach(function (e) {
    edgeById.set(e.id, e);
    edgesOf.get(e.from).push(e);
    edgesOf.get(e.to).push(e);
  });
  var byImportance = DATA.nodes.slice().sort(function (a, b) { return a.rank - b.rank; }).map(function (n) { return n.id; });

  function t(key, values) {
    var text = (UI[lang] && UI[lang][key]) || UI.en[key] || key;
    if (values) {
      Object.keys(values).forEach(function (k) { text = text.split("{" + k + "}").join(String(values[k])); });
    }
    return text;
  }
  function number(n) {
    try { return new Intl.NumberFormat(lang).format(n); } catch (error) { return String(n); }
  }
  function counted(n, key) {
    var forms = (UI[lang] && UI[lang][key]) || UI.en[key];
    var form = forms[forms.length - 1];
    if (forms.length === 2) { form = n === 1 ? forms[0] : forms[1]; }
    else {
      var rule = "many";
      try { rule = new Intl.PluralRules(lang).select(n); } catch (error) { rule = "many"; }
      form = rule === "one" ? forms[0] : rule === "few" ? forms[1] : forms[2];
    }
    return number(n) + " " + form;
  }
  function pick(labels) {
    if (!labels) { return ""; }
    var order = [lang, "en", "ru", "be", ""];
    for (var i = 0; i < order.length; i++) { if (labels[order[i]]) { return labels[order[i]]; } }
    var keys = Object.keys(labels);
    return keys.length ? labels[keys[0]] : "";
  }
  function nodeName(n) { return pick(n.label) || n.id; }
  function shortName(n) { return pick(n.short) || nodeName(n); }
  function conceptName(code) {
    if (code === null || code === undefined || code === "") { return t("none"); }
    var names = LEGEND.names.concepts[code];
    return names ? pick(names) : String(code);
  }
  function countryName(code) {
    if (!code) { return t("none"); }
    var names = LEGEND.names.countries[code];
    return names ? pick(names) + " (" + code + ")" : String(code);
  }
  function el(tag, text, className) {
    var element = document.createElement(tag);
    if (text !== undefined && text !== null) { element.textContent = String(text); }
    if (className) { element.className = className; }
    return element;
  }
  function clear(element) { while (element.firstChild) { element.removeChild(element.firstChild); } }
  function dateRange(start, end) {
    if (start && end && start !== end) { return start + " – " + end; }
    return start || end || "";
  }
  function linkButton(text, onClick) {
    var button = el("button", text, "link");
    button.type = "button";
    button.addEventListener("click", onClick);
    return button;
  }

  /* ---------------------------------------------------------------- vis data */
  function tooltip(n) {
    var lines = [nodeName(n), conceptName(n.kind) + " · " + countryName(n.country)];
    if (n.region) { lines.push(t("region") + ": " + n.region); }
    lines.push(t("degree") + ": " + n.degree);
    return el("div", lines.join("\n"), "edukg-tooltip");
  }
  function edgeTooltip(e) {
    var lines = [nodeName(byId.get(e.from)) + " — " + nodeName(byId.get(e.to)), t("weight") + ": " + e.weight];
    if (e.years.length) { lines.push(t("years") + ": " + e.years[0] + "–" + e.years[e.years.length - 1]); }
    return el("div", lines.join("\n"), "edukg-tooltip");
  }
  function nodeLook(n) {
    var colour = n.colors[look.colour];
    return {
      id: n.id, size: n.sizes[look.size],
      color: { background: colour, border: "#ffffff", highlight: { background: colour, border: "#1d2733" }, hover: { background: colour, border: "#1d2733" } }
    };
  }
  function visNode(n) {
    var item = nodeLook(n);
    item.title = tooltip(n);
    item.x = n.x;
    item.y = n.y;
    item.shape = n.shape;
    return item;
  }
  var nodes = new vis.DataSet(DATA.nodes.map(visNode));
  timings.nodes = performance.now();
  var edges = new vis.DataSet(DATA.edges.map(function (e) {
    return { id: e.id, from: e.from, to: e.to, width: e.width, title: edgeTooltip(e) };
  }));

  /* ---------------------------------------------------------------- filters */
  var state = { country: "", kind: "", type: "", area: "", yearFrom: LEGEND.year_min, yearTo: LEGEND.year_max };
  var visibleEdges = new Set();
  var visibleNodes = new Set();

  function yearsActive() {
    return LEGEND.year_min !== null && (state.yearFrom > LEGEND.year_min || state.yearTo < LEGEND.year_max);
  }
  function edgeFiltersActive() { return Boolean(state.type || state.area || yearsActive()); }
  function kindPasses(n) { return !state.kind || (n.kind || "") === state.kind; }
  function edgePasses(e) {
    var a = byId.get(e.from), b = byId.get(e.to);
    if (!kindPasses(a) || !kindPasses(b)) { return false; }
    if (state.country && a.country !== state.country && b.country !== state.country) { return false; }
    if (state.type && e.types.indexOf(state.type) < 0) { return false; }
    if (state.area && e.areas.indexOf(state.area) < 0) { return false; }
    if (yearsActive() && !e.years.some(function (y) { return y >= state.yearFrom && y <= state.yearTo; })) { return false; }
    return true;
  }
  function computeVisible() {
    visibleEdges = new Set();
    var touched = new Set();
    DATA.edges.forEach(function (e) {
      if (edgePasses(e)) { visibleEdges.add(e.id); touched.add(e.from); touched.add(e.to); }
    });
    visibleNodes = new Set();
    var needsEdge = edgeFiltersActive();
    DATA.nodes.forEach(function (n) {
      if (!kindPasses(n)) { return; }
      var hasEdge = touched.has(n.id);
      if (needsEdge && !hasEdge) { return; }
      if (state.country && n.country !== state.country && !hasEdge) { return; }
      visibleNodes.add(n.id);
    });
  }
  computeVisible();
  var nodeView = new vis.DataView(nodes, { filter: function (item) { return visibleNodes.has(item.id); } });
  var edgeView = new vis.DataView(edges, { filter: function (item) { return visibleEdges.has(item.id); } });

  function applyFilters() {
    computeVisible();
    nodeView.refresh();
    edgeView.refresh();
    document.getElementById("filter-count").textContent = t("shown", { shown: number(visibleNodes.size), total: number(DATA.nodes.length) });
  }

  /* ---------------------------------------------------------------- network */
  var container = document.getElementById("network");
  timings.edges = performance.now();
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, DATA.options);
  timings.network = performance.now();
  var labelState = { placed: [], hover: null, found: [], selected: null, group: null, baseScale: null, widths: new Map() };
  var page = {
    nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView, network: network,
    ready: false, readyAt: null, setLanguage: null, applyFilters: applyFilters, state: state, look: look,
    physicsAtStart: Boolean(DATA.options.physics && DATA.options.physics.enabled), meta: META,
    timings: timings
  };
  window.edukgPage = page;

  /* ---------------------------------------------------------------- labels */
  function textWidth(ctx, text, bold) {
    var key = (bold ? "b" : "n") + text;
    var width = labelState.widths.get(key);
    if (width === undefined) {
      ctx.font = (bold ? "600 " : "") + LABELS.size + "px " + LABELS.font;
      width = ctx.measureText(text).width;
      labelState.widths.set(key, width);
    }
    return width;
  }
  function overlaps(box, boxes) {
    for (var i = 0; i < boxes.length; i++) {
      var o = boxes[i];
      if (box.x < o.x + o.width && o.x < box.x + box.width && box.y < o.y + o.height && o.y < box.y + box.height) { return true; }
    }
    return false;
  }
  function placeLabels(ctx) {
    var view = network.body.view;
    var scale = view.scale, tx = view.translation.x, ty = view.translation.y;
    if (labelState.baseScale === null) { labelState.baseScale = scale; }
    var width = container.clientWidth, height = container.clientHeight;
    var body = network.body.nodes;
    var placed = [];
    var glyphs = [];
    var seen = new Set();
    var zoom = Math.max(1, scale / labelState.baseScale);
    // Full names where there is room: on small networks and once zoomed in; else short ones.
    var roomy = zoom >= LABELS.fullNamesFromZoom || byImportance.length <= LABELS.fullNamesUpTo;
    function fits(box) {
      return !overlaps(box, placed) && !overlaps(box, glyphs) && box.x >= 0 && box.x + box.width <= width && box.y + box.height <= height;
    }
    function consider(id, full, forced) {
      if (seen.has(id) || !visibleNodes.has(id) || !body[id]) { return; }
      var b = body[id];
      var x = b.x * scale + tx, y = b.y * scale + ty, r = Math.max(2, (b.options.size || 8) * scale);
      if (!forced && (x < 0 || x > width || y < 0 || y > height)) { return; }
      var n = byId.get(id);
      var text = full ? nodeName(n) : shortName(n);
      var w = textWidth(ctx, text, forced) + 2 * LABELS.pad;
      var box = { id: id, text: text, x: x - w / 2, y: y + r + 1, width: w, height: LABELS.height, forced: forced };
      if (!forced && !fits(box)) { return; }
      seen.add(id);
      placed.push(box);
      glyphs.push({ x: x - r, y: y - r, width: 2 * r, height: 2 * r });
    }
    if (labelState.hover) { consider(labelState.hover, true, true); }
    if (labelState.selected) { consider(labelState.selected, true, true); }
    labelState.found.forEach(function (id) { consider(id, true, true); });
    if (labelState.selected) {
      edgesOf.get(labelState.selected).slice().sort(function (a, b) { return b.weight - a.weight; }).forEach(function (e) {
        if (placed.length < LABELS.maxOnScreen) { consider(e.from === labelState.selected ? e.to : e.from, false, false); }
      });
    }
    if (labelState.group) {
      for (var g = 0; g < labelState.group.length && placed.length < LABELS.maxOnScreen; g++) { consider(labelState.group[g], false, false); }
    }
    if (labelState.selected || labelState.group) { return placed; }  // the focus speaks alone
    LEGEND.colour[look.colour].forEach(function (row) { if (row.lead && placed.length < LABELS.maxOnScreen) { consider(row.lead, false, false); } });
    var eligible = Math.min(byImportance.length, Math.round(LABELS.overview * Math.pow(zoom, LABELS.growth)));
    for (var i = 0; i < eligible && placed.length < LABELS.maxOnScreen; i++) { consider(byImportance[i], false, false); }
    if (roomy) { lengthen(placed, glyphs, ctx, width, height); }
    return placed;
  }
  function lengthen(placed, glyphs, ctx, width, height) {
    // Second pass: a short name becomes the full name where that overlaps nothing else,
    // so full names never cost another node its name.
    placed.forEach(function (box, index) {
      var name = nodeName(byId.get(box.id));
      if (box.forced || name === box.text) { return; }
      var w = textWidth(ctx, name, false) + 2 * LABELS.pad;
      var longer = { id: box.id, text: name, x: box.x + box.width / 2 - w / 2, y: box.y, width: w, height: box.height, forced: false };
      if (longer.x < 0 || longer.x + w > width || longer.y + longer.height > height) { return; }
      var others = placed.slice(0, index).concat(placed.slice(index + 1));
      if (!overlaps(longer, others) && !overlaps(longer, glyphs)) { placed[index] = longer; }
    });
  }
  function drawLabels(ctx) {
    var placed = placeLabels(ctx);
    var ratio = network.canvas.pixelRatio || window.devicePixelRatio || 1;
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.textBaseline = "middle";
    ctx.textAlign = "center";
    ctx.lineJoin = "round";
    placed.forEach(function (box) {
      ctx.font = (box.forced ? "600 " : "") + LABELS.size + "px " + LABELS.font;
      var cx = box.x + box.width / 2, cy = box.y + box.height / 2;
      if (box.forced) {
        ctx.fillStyle = "rgba(255,255,255,0.92)";
        ctx.strokeStyle = "#1d2733";
        ctx.lineWidth = 1;
        ctx.beginPath();
        ctx.rect(box.x, box.y, box.width, box.height);
        ctx.fill();
        ctx.stroke();
      } else {
        ctx.strokeStyle = "rgba(255,255,255,0.9)";
        ctx.lineWidth = 3;
        ctx.strokeText(box.text, cx, cy);
      }
      ctx.fillStyle = "#1d2733";
      ctx.fillText(box.text, cx, cy);
    });
    ctx.restore();
    labelState.placed = placed;
  }
  network.on("afterDrawing", drawLabels);
  window.edukgLabels = function () {
    return labelState.placed.map(function (box) {
      return { id: box.id, text: box.text, x: box.x, y: box.y, width: box.width, height: box.height, forced: box.forced };
    });
  };

  var hoverPending = null;
  container.addEventListener("mousemove", function (event) {
    hoverPending = event;
    window.requestAnimationFrame(function () {
      if (!hoverPending) { return; }
      var rect = container.getBoundingClientRect();
      var id = network.getNodeAt({ x: hoverPending.clientX - rect.left, y: hoverPending.clientY - rect.top });
      hoverPending = null;
      id = id === undefined ? null : id;
      if (id !== labelState.hover) { labelState.hover = id; network.redraw(); }
    });
  });
  container.addEventListener("mouseleave", function () {
    if (labelState.hover !== null) { labelState.hover = null; network.redraw(); }
  });

  function markReady() {
    if (page.ready) { return; }
    page.ready = true;
    page.readyAt = performance.now();
    labelState.baseScale = network.getScale();
    document.body.setAttribute("data-ready", "true");
    applyAddress();
  }
  if (DATA.options.physics && DATA.options.physics.enabled) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      labelState.baseScale = null;
      network.once("afterDrawing", markReady);
      network.redraw();
    });
  } else {
    network.once("afterDrawing", markReady);
  }
  if (!DATA.nodes.length) { markReady(); }

  /* ---------------------------------------------------------------- emphasis */
  var emphasised = [];
  function emphasise(id) {
    if (emphasised.length) {
      edges.update(emphasised.map(function (edgeId) { return { id: edgeId, color: null }; }));
    }
    emphasised = id ? edgesOf.get(id).map(function (e) { return e.id; }) : [];
    // The whole colour, not just its opacity: a colour without "color" makes vis-network
    // inherit the nodes' (white) border colour again.
    var colour = Object.assign({}, DATA.options.edges.color, { inherit: false, opacity: id ? FADED_EDGE_OPACITY : EDGE_OPACITY });
    network.setOptions({ edges: { color: colour } });
    if (emphasised.length) {
      edges.update(emphasised.map(function (edgeId) { return { id: edgeId, color: { color: "#1d2733", opacity: 0.85 } }; }));
    }
    labelState.selected = id || null;
    fadeNodes(id ? [id].concat(edgesOf.get(id).map(function (e) { return e.from === id ? e.to : e.from; })) : null);
  }
  var unfaded = null;
  function fadeNodes(kept) {
    if (kept === null && unfaded === null) { return; }
    network.setOptions({ nodes: { opacity: kept ? FADED_NODE_OPACITY : 1 } });
    if (unfaded) { nodes.update(unfaded.map(function (id) { return { id: id, opacity: null }; })); }
    unfaded = kept;
    if (kept) { nodes.update(kept.map(function (id) { return { id: id, opacity: 1 }; })); }
  }
  function clearSelection() {
    network.unselectAll();
    emphasise(null);
    fadeNodes(null);
    labelState.group = null;
    labelState.found = [];
    details.hidden = true;
    shownInDetails = null;
    writeAddress();
    network.redraw();
  }

  /* ---------------------------------------------------------------- details */
  var details = document.getElementById("details");
  var detailsBody = document.getElementById("details-body");
  var shownInDetails = null;

  function addField(list, label, value) {
    if (value === null || value === undefined || value === "") { return; }
    list.appendChild(el("dt", label));
    list.appendChild(el("dd", value));
  }
  function agreementItem(a) {
    var item = el("li");
    item.appendChild(el("strong", a.title || a.id || a.iri || ""));
    var bits = [];
    if (a.type) { bits.push(conceptName(a.type)); }
    if (a.signed) { bits.push(t("signed") + " " + a.signed); }
    if (a.valid_until) { bits.push(t("valid_until") + " " + a.valid_until); }
    if (a.areas && a.areas.length) { bits.push(t("areas") + ": " + a.areas.map(conceptName).join(", ")); }
    if (a.id) { bits.push(t("id") + " " + a.id); }
    if (a.source) { bits.push(t("source") + ": " + a.source); }
    item.appendChild(el("div", bits.join(" · "), "meta"));
    return item;
  }
  function eventItem(ev) {
    var item = el("li");
    item.appendChild(el("strong", ev.title || ev.iri || ""));
    var bits = [];
    if (ev.type) { bits.push(conceptName(ev.type)); }
    var when = dateRange(ev.start, ev.end);
    if (when) { bits.push(when); }
    if (ev.source) { bits.push(t("source") + ": " + ev.source); }
    item.appendChild(el("div", bits.join(" · "), "meta"));
    return item;
  }
  function tieDetails(parent, e) {
    if (e.agreements.length) {
      parent.appendChild(el("h3", t("agreements") + " (" + e.agreements.length + ")"));
      var list = el("ul");
      e.agreements.forEach(function (a) { list.appendChild(agreementItem(a)); });
      parent.appendChild(list);
    }
    if (e.events.length) {
      parent.appendChild(el("h3", t("events") + " (" + e.events.length + ")"));
      var events = el("ul");
      e.events.forEach(function (ev) { events.appendChild(eventItem(ev)); });
      parent.appendChild(events);
    }
  }
  function clusterCaption(key) {
    var rows = LEGEND.colour.cluster;
    for (var i = 0; i < rows.length; i++) { if (!rows[i].other && rows[i].key === key) { return pick(rows[i].name); } }
    return key === null ? t("no_cluster") : String(key);
  }
  function showNode(id) {
    var n = byId.get(id);
    if (!n) { return; }
    shownInDetails = { node: id };
    clear(detailsBody);
    detailsBody.appendChild(el("h2", nodeName(n)));
    var others = Object.keys(n.label).filter(function (k) { return k !== lang && n.label[k] !== nodeName(n); });
    others.forEach(function (k) { detailsBody.appendChild(el("div", (k ? k + ": " : "") + n.label[k], "meta")); });
    var fields = el("dl");
    addField(fields, t("kind"), conceptName(n.kind));
    addField(fields, t("country_field"), countryName(n.country));
    addField(fields, t("region"), n.region);
    addField(fields, t("cluster"), n.cluster === null ? t("no_cluster") : clusterCaption(n.cluster));
    addField(fields, t("centrality"), n.centrality.toPrecision(3));
    addField(fields, t("degree"), n.degree);
    addField(fields, t("weighted_degree"), n.weighted_degree);
    addField(fields, t("iri"), n.id);
    detailsBody.appendChild(fields);
    var ties = edgesOf.get(id).slice().sort(function (a, b) { return b.weight - a.weight; });
    detailsBody.appendChild(el("h3", t("partners") + " (" + ties.length + ")"));
    ties.slice(0, MAX_PARTNERS_LISTED).forEach(function (e) {
      var other = byId.get(e.from === id ? e.to : e.from);
      var block = el("div", null, "partner");
      block.appendChild(linkButton(nodeName(other), function () { focusNode(other.id); }));
      block.appendChild(el("span", " · " + countryName(other.country) + " · " + t("weight") + ": " + e.weight, "meta"));
      tieDetails(block, e);
      detailsBody.appendChild(block);
    });
    if (ties.length > MAX_PARTNERS_LISTED) {
      detailsBody.appendChild(el("p", t("more", { n: ties.length - MAX_PARTNERS_LISTED }), "meta"));
    }
    details.hidden = false;
  }
  function showEdge(id) {
    var e = edgeById.get(id);
    if (!e) { return; }
    shownInDetails = { edge: id };
    clear(detailsBody);
    detailsBody.appendChild(el("h2", t("edge")));
    [e.from, e.to].forEach(function (end) {
      var row = el("div", null, "partner");
      row.appendChild(linkButton(nodeName(byId.get(end)), function () { focusNode(end); }));
      detailsBody.appendChild(row);
    });
    var fields = el("dl");
    addField(fields, t("weight"), e.weight);
    if (e.years.length) { addField(fields, t("years"), e.years.join(", ")); }
    detailsBody.appendChild(fields);
    tieDetails(detailsBody, e);
    details.hidden = false;
  }
  function focusNode(id) {
    if (!byId.has(id)) { return; }
    if (!visibleNodes.has(id)) { resetFilters(); }
    labelState.group = null;
    network.selectNodes([id]);
    emphasise(id);
    var around = [id].concat(edgesOf.get(id).slice().sort(function (a, b) { return b.weight - a.weight; }).slice(0, 40).map(function (e) { return e.from === id ? e.to : e.from; }));
    network.fit({ nodes: around, animation: false, maxZoomLevel: 0.8 });
    showNode(id);
    clearOfDetails();
    writeAddress();
  }
  network.on("click", function (params) {
    if (params.nodes.length) {
      labelState.group = null;
      emphasise(params.nodes[0]);
      showNode(params.nodes[0]);
      writeAddress();
    } else {
      labelState.group = null;
      emphasise(null);
      if (params.edges.length) { showEdge(params.edges[0]); }
      writeAddress();
    }
  });
  document.getElementById("details-close").addEventListener("click", function () {
    details.hidden = true;
    shownInDetails = null;
  });

  /* ---------------------------------------------------------------- the story */
  function showBrokers() {
    shownInDetails = { story: "brokers" };
    clear(detailsBody);
    detailsBody.appendChild(el("h2", t("brokers")));
    var list = el("ol", null, "story");
    LEGEND.story.brokers.forEach(function (id) {
      var n = byId.get(id);
      var item = el("li");
      item.appendChild(linkButton(nodeName(n), function () { focusNode(id); }));
      item.appendChild(el("div", countryName(n.country) + " · " + t("degree") + ": " + n.degree + " · " + t("centrality") + ": " + n.centrality.toPrecision(3), "meta"));
      list.appendChild(item);
    });
    detailsBody.appendChild(list);
    details.hidden = false;
  }
  function clearOfDetails() {
    // The side panel covers the right of the drawing: move the view so the focus stays in sight.
    if (details.hidden) { return; }
    var view = network.getViewPosition();
    network.moveTo({ position: { x: view.x + details.offsetWidth / 2 / network.getScale(), y: view.y }, animation: false });
  }
  function focusGroup(key, value) {
    var members = byImportance.filter(function (id) { return byId.get(id)[key] === value && visibleNodes.has(id); });
    if (!members.length) { return; }
    emphasise(null);
    labelState.group = members;
    fadeNodes(members);
    network.selectNodes(members.slice(0, 2000));
    network.fit({ nodes: members, animation: false });
    clearOfDetails();
  }
  function showClusters() {
    shownInDetails = { story: "clusters" };
    clear(detailsBody);
    detailsBody.appendChild(el("h2", t("cross_border")));
    var list = el("ol", null, "story");
    LEGEND.story.cross_border_clusters.forEach(function (c) {
      var item = el("li");
      item.appendChild(linkButton(pick(c.name), function () { focusGroup("cluster", c.cluster); }));
      item.appendChild(el("div", t("size") + ": " + c.size + " · " + c.countries.join(", ") + " · " + c.cross_border_ties + " " + t("cross_ties"), "meta"));
      list.appendChild(item);
    });
    detailsBody.appendChild(list);
    details.hidden = false;
  }
  document.getElementById("show-brokers").addEventListener("click", showBrokers);
  document.getElementById("show-clusters").addEventListener("click", showClusters);
  function showStoryLine() {
    var parts = [counted(META.shown_nodes, "institutions"), counted(META.shown_edges, "ties"), counted(META.countries, "countries_n")];
    if (META.year_min !== null) { parts.push(META.year_min === META.year_max ? String(META.year_min) : META.year_min + "–" + META.year_max); }
    document.getElementById("story-line").textContent = parts.join(", ");
    document.getElementById("show-brokers").hidden = !LEGEND.story.brokers.length;
    document.getElementById("show-clusters").hidden = !LEGEND.story.cross_border_clusters.length;
  }

  /* ---------------------------------------------------------------- search */
  var searchInput = document.getElementById("search");
  var searchResults = document.getElementById("search-results");
  function search() {
    clear(searchResults);
    var query = searchInput.value.trim().toLowerCase();
    if (!query) { labelState.found = []; network.redraw(); return; }
    var found = [];
    for (var i = 0; i < byImportance.length && found.length < 20; i++) {
      var n = byId.get(byImportance[i]);
      var names = [n.label, n.short];
      if (names.some(function (labels) { return Object.keys(labels).some(function (k) { return labels[k].toLowerCase().indexOf(query) >= 0; }); })) { found.push(n); }
    }
    if (!found.length) { searchResults.appendChild(el("li", t("no_results"), "hint")); }
    found.forEach(function (n) {
      var item = el("li");
      item.appendChild(linkButton(nodeName(n), function () { labelState.found = [n.id]; focusNode(n.id); }));
      searchResults.appendChild(item);
    });
    labelState.found = found.slice(0, 5).map(function (n) { return n.id; });
    network.redraw();
    return found;
  }
  searchInput.addEventListener("input", search);
  searchInput.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var found = search();
      if (found && found.length) { labelState.found = [found[0].id]; focusNode(found[0].id); }
    }
  });

  /* ---------------------------------------------------------------- controls */
  function fillSelect(select, values, label) {
    var current = select.value;
    clear(select);
    var all = el("option", t("all"));
    all.value = "";
    select.appendChild(all);
    values.forEach(function (v) {
      var option = el("option", label(v));
      option.value = v.value === null ? "" : v.value;
      select.appendChild(option);
    });
    select.value = current;
  }
  var selects = {
    country: document.getElementById("filter-country"), kind: document.getElementById("filter-kind"),
    type: document.getElementById("filter-type"), area: document.getElementById("filter-area")
  };
  function tieCounts(key) {
    var counts = new Map();
    DATA.edges.forEach(function (e) { e[key].forEach(function (v) { counts.set(v, (counts.get(v) || 0) + 1); }); });
    return counts;
  }
  var typeCounts = tieCounts("types");
  var areaCounts = tieCounts("areas");
  function withCount(name, count) { return name + " · " + number(count); }
  function byCount(a, b) { return b.count - a.count || String(a.value).localeCompare(String(b.value)); }
  function fillControls() {
    fillSelect(selects.country, LEGEND.countries.filter(function (c) { return c.country; }).map(function (c) { return { value: c.country, count: c.count }; }).sort(byCount),
      function (v) { return withCount(countryName(v.value), v.count); });
    fillSelect(selects.kind, LEGEND.kinds.filter(function (k) { return k.kind; }).map(function (k) { return { value: k.kind, count: k.count }; }).sort(byCount),
      function (v) { return withCount(conceptName(v.value), v.count); });
    fillSelect(selects.type, LEGEND.types.map(function (v) { return { value: v, count: typeCounts.get(v) || 0 }; }).sort(byCount),
      function (v) { return withCount(conceptName(v.value), v.count); });
    fillSelect(selects.area, LEGEND.areas.map(function (v) { return { value: v, count: areaCounts.get(v) || 0 }; }).sort(byCount),
      function (v) { return withCount(conceptName(v.value), v.count); });
    selects.type.closest("label").hidden = !LEGEND.types.length;
    selects.area.closest("label").hidden = !LEGEND.areas.length;
  }
  Object.keys(selects).forEach(function (key) {
    selects[key].addEventListener("change", function () { state[key] = selects[key].value; applyFilters(); });
  });
  var yearFrom = document.getElementById("year-from");
  var yearTo = document.getElementById("year-to");
  var yearsShown = document.getElementById("years-shown");
  function showYears() { yearsShown.textContent = state.yearFrom + "–" + state.yearTo; }
  if (LEGEND.year_min === null) {
    document.getElementById("years").hidden = true;
  } else {
    [yearFrom, yearTo].forEach(function (input) {
      input.min = LEGEND.year_min;
      input.max = LEGEND.year_max;
    });
    yearFrom.value = LEGEND.year_min;
    yearTo.value = LEGEND.year_max;
    yearFrom.addEventListener("input", function () {
      state.yearFrom = Math.min(Number(yearFrom.value), state.yearTo);
      yearFrom.value = state.yearFrom;
      showYears();
      applyFilters();
    });
    yearTo.addEventListener("input", function () {
      state.yearTo = Math.max(Number(yearTo.value), state.yearFrom);
      yearTo.value = state.yearTo;
      showYears();
      applyFilters();
    });
    showYears();
  }
  function resetFilters() {
    Object.keys(selects).forEach(function (key) { selects[key].value = ""; state[key] = ""; });
    state.yearFrom = LEGEND.year_min;
    state.yearTo = LEGEND.year_max;
    if (LEGEND.year_min !== null) { yearFrom.value = state.yearFrom; yearTo.value = state.yearTo; showYears(); }
    applyFilters();
  }
  document.getElementById("reset").addEventListener("click", resetFilters);

  /* ---------------------------------------------------------------- legend and mappings */
  var colourBy = document.getElementById("colour-by");
  var sizeBy = document.getElementById("size-by");
  function fillMappingChoices() {
    [[colourBy, ["cluster", "country"], look.colour], [sizeBy, ["centrality", "degree"], look.size]].forEach(function (choice) {
      clear(choice[0]);
      choice[1].forEach(function (value) {
        var option = el("option", t("by_" + value));
        option.value = value;
        choice[0].appendChild(option);
      });
      choice[0].value = choice[2];
    });
  }
  function colourRowName(row) {
    if (row.other) {
      if (!row.groups) { return t(look.colour === "cluster" ? "no_cluster" : "no_country"); }
      return t(look.colour === "cluster" ? "other_clusters" : "other_countries", { n: number(row.groups) });
    }
    return look.colour === "cluster" ? pick(row.name) : countryName(row.key);
  }
  function fillLegend() {
    var colours = document.getElementById("legend-colours");
    clear(colours);
    LEGEND.colour[look.colour].forEach(function (row) {
      var item = el("li");
      var swatch = el("span", null, "swatch");
      swatch.style.background = row.color;
      item.appendChild(swatch);
      var name = el("span", colourRowName(row), "name");
      item.appendChild(name);
      item.appendChild(el("span", number(row.count), "count"));
      if (!row.other) {
        item.classList.add("clickable");
        item.title = colourRowName(row);
        item.addEventListener("click", function () { focusGroup(look.colour, row.key); });
      }
      colours.appendChild(item);
    });
    var shapes = document.getElementById("legend-shapes");
    clear(shapes);
    LEGEND.shapes.forEach(function (row) {
      var item = el("li");
      item.appendChild(el("span", SYMBOLS[row.shape] || "●", "symbol"));
      item.appendChild(el("span", row.kinds.map(conceptName).join(", "), "name"));
      item.appendChild(el("span", number(row.count), "count"));
      shapes.appendChild(item);
    });
    document.getElementById("legend-mapping").textContent = t("colour_by") + ": " + t("by_" + look.colour) + ". " + t("size_by") + ": " + t("by_" + look.size) + ".";
  }
  function setLook(colour, size) {
    if (colour && LEGEND.colour[colour]) { look.colour = colour; }
    if (size === "centrality" || size === "degree") { look.size = size; }
    colourBy.value = look.colour;
    sizeBy.value = look.size;
    nodes.update(DATA.nodes.map(nodeLook));
    fillLegend();
    writeAddress();
  }
  page.setLook = setLook;
  colourBy.addEventListener("change", function () { setLook(colourBy.value, null); });
  sizeBy.addEventListener("change", function () { setLook(null, sizeBy.value); });

  function showNotice() {
    var parts = [];
    if (META.focus) {
      var focused = byId.get(META.focus);
      parts.push(t("focus", { name: focused ? nodeName(focused) : META.focus, depth: META.depth }));
    }
    if (META.capped) {
      parts.push(t("capped", { shown: number(META.shown_nodes), total: number(META.focus ? META.focus_nodes : META.total_nodes), cap: number(META.node_cap) }));
    }
    document.getElementById("notice").textContent = parts.join(" ");
  }

  /* ---------------------------------------------------------------- address and keys */
  function readAddress() {
    var values = {};
    try {
      new URLSearchParams((window.location.hash || "").replace(/^#/, "")).forEach(function (value, key) { values[key] = value; });
    } catch (error) { return {}; }
    return values;
  }
  function writeAddress() {
    if (!page.ready) { return; }
    var values = new URLSearchParams();
    if (look.colour !== "cluster") { values.set("colour", look.colour); }
    if (look.size !== "centrality") { values.set("size", look.size); }
    if (lang !== META.lang) { values.set("lang", lang); }
    if (labelState.selected) { values.set("node", labelState.selected); }
    try { window.history.replaceState(null, "", values.toString() ? "#" + values.toString() : window.location.pathname + window.location.search); } catch (error) { /* srcdoc frames have no address to write */ }
  }
  function applyAddress() {
    var values = readAddress();
    if (values.lang && UI[values.lang] && values.lang !== lang) { setLanguage(values.lang, false); }
    if (values.colour || values.size) { setLook(values.colour, values.size); }
    if (values.q) { searchInput.value = values.q; search(); }
    if (values.node && byId.has(values.node)) { focusNode(values.node); }
  }
  document.addEventListener("keydown", function (event) {
    var typing = event.target && (event.target.tagName === "INPUT" || event.target.tagName === "SELECT" || event.target.tagName === "TEXTAREA");
    if (event.key === "Escape") {
      if (typing && event.target === searchInput) { searchInput.value = ""; search(); }
      clearSelection();
      return;
    }
    if (typing || event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (event.key === "/") { event.preventDefault(); searchInput.focus(); }
    else if (event.key === "+" || event.key === "=") { network.moveTo({ scale: network.getScale() * 1.4 }); }
    else if (event.key === "-") { network.moveTo({ scale: network.getScale() / 1.4 }); }
    else if (event.key === "0") { network.fit({ animation: false }); }
  });

  function setLanguage(next, initial) {
    if (!UI[next]) { return; }
    lang = next;
    document.documentElement.lang = lang;
    document.getElementById("lang").value = lang;
    Array.prototype.forEach.call(document.querySelectorAll("[data-ui]"), function (element) {
      element.textContent = t(element.getAttribute("data-ui"));
    });
    if (!initial) {
      nodes.update(DATA.nodes.map(function (n) { return { id: n.id, title: tooltip(n) }; }));
      edges.update(DATA.edges.map(function (e) { return { id: e.id, title: edgeTooltip(e) }; }));
    }
    fillMappingChoices();
    fillControls();
    fillLegend();
    showNotice();
    showStoryLine();
    applyFilters();
    if (searchInput.value) { search(); }
    if (shownInDetails && shownInDetails.node) { showNode(shownInDetails.node); }
    if (shownInDetails && shownInDetails.edge) { showEdge(shownInDetails.edge); }
    if (shownInDetails && shownInDetails.story === "brokers") { showBrokers(); }
    if (shownInDetails && shownInDetails.story === "clusters") { showClusters(); }
    if (!initial) { writeAddress(); network.redraw(); }
  }
  page.setLanguage = function (next) { setLanguage(next, false); };
  document.getElementById("lang").addEventListener("change", function (event) { setLanguage(event.target.value); });
  setLanguage(lang, true);
  timings.controls = performance.now();
})();
