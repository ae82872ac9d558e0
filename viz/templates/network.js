/* edukg network page. Every piece of data reaches the page through textContent or
   vis-network's DataSet, never through innerHTML, so names are shown and never run. */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("edukg-data").textContent);
  var META = DATA.meta;
  var LEGEND = DATA.legend;

  var UI = {
    ru: {
      language: "Язык", search: "Поиск по названию", filters: "Фильтры", country: "Страна (с партнёрами)", country_field: "Страна",
      kind: "Вид учреждения", agreement_type: "Вид соглашения", area: "Направление", years: "Годы",
      reset: "Сбросить", legend: "Легенда", clusters: "Кластеры", kinds: "Виды учреждений",
      countries: "Страны", close: "Закрыть", all: "Все", none: "не указано", cluster: "Кластер",
      no_cluster: "вне кластеров", centrality: "Центральность", degree: "Партнёров",
      weighted_degree: "Связей (с весом)", region: "Регион", iri: "IRI", partners: "Партнёры",
      agreements: "Соглашения", events: "Мероприятия", signed: "подписано", valid_until: "действует до",
      source: "источник", weight: "Вес связи", shown: "Показано узлов: {shown} из {total}",
      capped: "Сеть большая: показаны {shown} самых центральных учреждений из {total} (предел {cap}).",
      focus: "Окружение узла «{name}» на глубину {depth}.", more: "и ещё {n}",
      legend_hint: "Цвет: кластер. Размер: центральность. Форма: вид учреждения. Толщина линии: число соглашений и мероприятий.",
      no_results: "Ничего не найдено", edge: "Связь", id: "номер", areas: "направления"
    },
    be: {
      language: "Мова", search: "Пошук па назве", filters: "Фільтры", country: "Краіна (з партнёрамі)", country_field: "Краіна",
      kind: "Від установы", agreement_type: "Від пагаднення", area: "Кірунак", years: "Гады",
      reset: "Скінуць", legend: "Легенда", clusters: "Кластары", kinds: "Віды ўстаноў",
      countries: "Краіны", close: "Закрыць", all: "Усе", none: "не пазначана", cluster: "Кластар",
      no_cluster: "па-за кластарамі", centrality: "Цэнтральнасць", degree: "Партнёраў",
      weighted_degree: "Сувязей (з вагой)", region: "Рэгіён", iri: "IRI", partners: "Партнёры",
      agreements: "Пагадненні", events: "Мерапрыемствы", signed: "падпісана", valid_until: "дзейнічае да",
      source: "крыніца", weight: "Вага сувязі", shown: "Паказана вузлоў: {shown} з {total}",
      capped: "Сетка вялікая: паказаны {shown} найбольш цэнтральных устаноў з {total} (мяжа {cap}).",
      focus: "Наваколле вузла «{name}» на глыбіню {depth}.", more: "і яшчэ {n}",
      legend_hint: "Колер: кластар. Памер: цэнтральнасць. Форма: від установы. Таўшчыня лініі: колькасць пагадненняў і мерапрыемстваў.",
      no_results: "Нічога не знойдзена", edge: "Сувязь", id: "нумар", areas: "кірункі"
    },
    en: {
      language: "Language", search: "Search by name", filters: "Filters", country: "Country (with partners)", country_field: "Country",
      kind: "Institution kind", agreement_type: "Agreement type", area: "Cooperation area", years: "Years",
      reset: "Reset", legend: "Legend", clusters: "Clusters", kinds: "Institution kinds",
      countries: "Countries", close: "Close", all: "All", none: "not given", cluster: "Cluster",
      no_cluster: "no cluster", centrality: "Centrality", degree: "Partners",
      weighted_degree: "Ties (weighted)", region: "Region", iri: "IRI", partners: "Partners",
      agreements: "Agreements", events: "Events", signed: "signed", valid_until: "valid until",
      source: "source", weight: "Tie weight", shown: "Nodes shown: {shown} of {total}",
      capped: "Large network: showing the {shown} most central institutions of {total} (cap {cap}).",
      focus: "Neighbourhood of “{name}”, depth {depth}.", more: "and {n} more",
      legend_hint: "Colour: cluster. Size: centrality. Shape: institution kind. Line width: number of agreements and events.",
      no_results: "Nothing found", edge: "Tie", id: "id", areas: "areas"
    }
  };
  var SYMBOLS = {
    dot: "●", square: "■", triangle: "▲", triangleDown: "▼", diamond: "◆", star: "★",
    hexagon: "⬢", box: "▭", ellipse: "⬭", database: "⛁", circle: "◯"
  };
  var MAX_PARTNERS_LISTED = 60;

  var lang = META.lang;
  var byId = new Map();
  var edgesOf = new Map();
  DATA.nodes.forEach(function (n) { byId.set(n.id, n); edgesOf.set(n.id, []); });
  var edgeById = new Map();
  DATA.edges.forEach(function (e) {
    edgeById.set(e.id, e);
    edgesOf.get(e.from).push(e);
    edgesOf.get(e.to).push(e);
  });

  function t(key, values) {
    var text = (UI[lang] && UI[lang][key]) || UI.en[key] || key;
    if (values) {
      Object.keys(values).forEach(function (k) { text = text.split("{" + k + "}").join(String(values[k])); });
    }
    return text;
  }
  function pick(labels) {
    if (!labels) { return ""; }
    var order = [lang, "en", "ru", "be", ""];
    for (var i = 0; i < order.length; i++) { if (labels[order[i]]) { return labels[order[i]]; } }
    var keys = Object.keys(labels);
    return keys.length ? labels[keys[0]] : "";
  }
  function nodeName(n) { return pick(n.label) || n.id; }
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
  function visNode(n) {
    return {
      id: n.id, label: nodeName(n), title: tooltip(n), x: n.x, y: n.y, size: n.size, shape: n.shape,
      color: { background: n.color, border: "#34404d", highlight: { background: n.color, border: "#000" } }
    };
  }
  var nodes = new vis.DataSet(DATA.nodes.map(visNode));
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
    document.getElementById("filter-count").textContent = t("shown", { shown: visibleNodes.size, total: DATA.nodes.length });
  }

  /* ---------------------------------------------------------------- network */
  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, DATA.options);
  var page = {
    nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView, network: network,
    ready: false, readyAt: null, setLanguage: null, applyFilters: applyFilters, state: state,
    physicsAtStart: Boolean(DATA.options.physics && DATA.options.physics.enabled), meta: META
  };
  window.edukgPage = page;
  function markReady() {
    if (page.ready) { return; }
    page.ready = true;
    page.readyAt = performance.now();
    document.body.setAttribute("data-ready", "true");
  }
  if (DATA.options.physics && DATA.options.physics.enabled) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      network.once("afterDrawing", markReady);
      network.redraw();
    });
  } else {
    network.once("afterDrawing", markReady);
  }
  if (!DATA.nodes.length) { markReady(); }

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
    addField(fields, t("cluster"), n.cluster === null ? t("no_cluster") : n.cluster);
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
      var link = el("button", nodeName(other));
      link.type = "button";
      link.addEventListener("click", function () { focusNode(other.id); });
      block.appendChild(link);
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
      var link = el("button", nodeName(byId.get(end)));
      link.type = "button";
      link.addEventListener("click", function () { focusNode(end); });
      var row = el("div", null, "partner");
      row.appendChild(link);
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
    if (!visibleNodes.has(id)) { resetFilters(); }
    network.selectNodes([id]);
    network.focus(id, { scale: 1.2, animation: false });
    showNode(id);
  }
  network.on("click", function (params) {
    if (params.nodes.length) { showNode(params.nodes[0]); }
    else if (params.edges.length) { showEdge(params.edges[0]); }
  });
  document.getElementById("details-close").addEventListener("click", function () {
    details.hidden = true;
    shownInDetails = null;
  });

  /* ---------------------------------------------------------------- search */
  var searchInput = document.getElementById("search");
  var searchResults = document.getElementById("search-results");
  function search() {
    clear(searchResults);
    var query = searchInput.value.trim().toLowerCase();
    if (!query) { return; }
    var found = DATA.nodes.filter(function (n) {
      return Object.keys(n.label).some(function (k) { return n.label[k].toLowerCase().indexOf(query) >= 0; });
    }).slice(0, 20);
    if (!found.length) { searchResults.appendChild(el("li", t("no_results"), "hint")); }
    found.forEach(function (n) {
      var item = el("li");
      var button = el("button", nodeName(n));
      button.type = "button";
      button.addEventListener("click", function () { focusNode(n.id); });
      item.appendChild(button);
      searchResults.appendChild(item);
    });
    return found;
  }
  searchInput.addEventListener("input", search);
  searchInput.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var found = search();
      if (found && found.length) { focusNode(found[0].id); }
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
      option.value = v === null ? "" : v;
      select.appendChild(option);
    });
    select.value = current;
  }
  var selects = {
    country: document.getElementById("filter-country"), kind: document.getElementById("filter-kind"),
    type: document.getElementById("filter-type"), area: document.getElementById("filter-area")
  };
  function fillControls() {
    fillSelect(selects.country, LEGEND.countries.map(function (c) { return c.country; }).filter(Boolean), countryName);
    fillSelect(selects.kind, LEGEND.kinds.map(function (k) { return k.kind; }).filter(Boolean), conceptName);
    fillSelect(selects.type, LEGEND.types, conceptName);
    fillSelect(selects.area, LEGEND.areas, conceptName);
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

  function fillLegend() {
    var clusters = document.getElementById("legend-clusters");
    clear(clusters);
    LEGEND.clusters.forEach(function (c) {
      var item = el("li");
      var swatch = el("span", null, "swatch");
      swatch.style.background = c.color;
      item.appendChild(swatch);
      item.appendChild(el("span", c.cluster === null ? t("no_cluster") : t("cluster") + " " + c.cluster));
      item.appendChild(el("span", c.count, "count"));
      clusters.appendChild(item);
    });
    var kinds = document.getElementById("legend-kinds");
    clear(kinds);
    LEGEND.kinds.forEach(function (k) {
      var item = el("li");
      item.appendChild(el("span", SYMBOLS[k.shape] || "●", "symbol"));
      item.appendChild(el("span", conceptName(k.kind)));
      item.appendChild(el("span", k.count, "count"));
      kinds.appendChild(item);
    });
    var countries = document.getElementById("legend-countries");
    clear(countries);
    LEGEND.countries.forEach(function (c) {
      var item = el("li");
      item.appendChild(el("span", countryName(c.country)));
      item.appendChild(el("span", c.count, "count"));
      countries.appendChild(item);
    });
  }

  function showNotice() {
    var parts = [];
    if (META.focus) {
      var focused = byId.get(META.focus);
      parts.push(t("focus", { name: focused ? nodeName(focused) : META.focus, depth: META.depth }));
    }
    if (META.capped) {
      parts.push(t("capped", { shown: META.shown_nodes, total: META.focus ? META.focus_nodes : META.total_nodes, cap: META.node_cap }));
    }
    document.getElementById("notice").textContent = parts.join(" ");
  }

  function setLanguage(next, initial) {
    if (!UI[next]) { return; }
    lang = next;
    document.documentElement.lang = lang;
    document.getElementById("lang").value = lang;
    Array.prototype.forEach.call(document.querySelectorAll("[data-ui]"), function (element) {
      element.textContent = t(element.getAttribute("data-ui"));
    });
    if (!initial) {
      nodes.update(DATA.nodes.map(function (n) { return { id: n.id, label: nodeName(n), title: tooltip(n) }; }));
      edges.update(DATA.edges.map(function (e) { return { id: e.id, title: edgeTooltip(e) }; }));
    }
    fillControls();
    fillLegend();
    showNotice();
    applyFilters();
    if (searchInput.value) { search(); }
    if (shownInDetails && shownInDetails.node) { showNode(shownInDetails.node); }
    if (shownInDetails && shownInDetails.edge) { showEdge(shownInDetails.edge); }
  }
  page.setLanguage = function (next) { setLanguage(next, false); };
  document.getElementById("lang").addEventListener("change", function (event) { setLanguage(event.target.value); });
  setLanguage(lang, true);
})();
