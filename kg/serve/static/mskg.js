// The query page: a CodeMirror editor with completion from the server (/complete), the catalogue
// as a searchable list, share links (?query=… runs on opening), a history kept in this browser,
// and the answer as a sortable table, a bar chart (aggregates), a graph (CONSTRUCT/DESCRIBE) and
// downloads in every format. Everything it loads comes from this server (static/vendor/).
"use strict";

const data = JSON.parse(document.getElementById("page-data").textContent);
const form = document.getElementById("query-form");
const textarea = document.getElementById("query");
const results = document.getElementById("results");
const status = document.getElementById("status");
const tools = document.getElementById("result-tools");
const downloads = document.getElementById("downloads");
const views = {
  table: document.getElementById("view-table"),
  chart: document.getElementById("view-chart"),
  graph: document.getElementById("view-graph"),
};
const RESULTS_ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9";
const HISTORY_KEY = "mskg.history";
const HISTORY_SIZE = 25;
const GRAPH_LIMIT = 600; // triples drawn in the graph view; the table shows them all
const NUMERIC = /#(integer|decimal|double|float|int|long|short|byte|nonNegativeInteger|positiveInteger|unsignedInt|unsignedLong)$/;

// ---- the editor ------------------------------------------------------------------------------

async function complete(word, options) {
  // the editor aborts the request when the user types on
  const response = await fetch("/complete?q=" + encodeURIComponent(word), { signal: options && options.signal });
  if (!response.ok) return [];
  return (await response.json()).completions;
}

const editor = window.MskgEditor
  ? window.MskgEditor.create(textarea, { label: "SPARQL query", contentId: "query-editor", onRun: () => run(), complete })
  : {
      // The plain text box, should the editor's script be missing.
      getValue: () => textarea.value,
      setValue: (text) => (textarea.value = text),
      focus: () => textarea.focus(),
    };
if (!window.MskgEditor) {
  textarea.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) run(event);
  });
}
// The label names the editor, wherever it is.
document.getElementById("query-label").addEventListener("click", () => editor.focus());

// ---- terms ---------------------------------------------------------------------------------

// Longest namespace first, so that "id:" wins over a shorter prefix of the same IRI.
const namespaces = Object.entries(data.prefixes).sort((a, b) => b[1].length - a[1].length);

function compact(iri) {
  for (const [prefix, namespace] of namespaces) {
    if (iri.startsWith(namespace) && iri.length > namespace.length) {
      return prefix + ":" + iri.slice(namespace.length);
    }
  }
  return iri;
}

function href(iri) {
  // IRIs of this dataset resolve on this server at the same path (evidence IRIs open their
  // document at the quote); other http(s) IRIs as they are; any other IRI (javascript:, data:)
  // is never a link.
  if (iri.startsWith(data.base)) return "/" + iri.slice(data.base.length);
  return /^https?:\/\//i.test(iri) ? iri : null;
}

function isNumeric(term) {
  return term && term.type !== "uri" && term.type !== "bnode" && NUMERIC.test(term.datatype || "");
}

function cell(term) {
  const td = document.createElement("td");
  if (!term) return td;
  if (term.type === "uri") {
    const target = href(term.value);
    const a = document.createElement(target ? "a" : "span");
    if (target) a.href = target;
    a.textContent = compact(term.value);
    a.title = term.value;
    td.appendChild(a);
  } else if (term.type === "bnode") {
    td.textContent = "_:" + term.value;
  } else {
    td.textContent = term.value;
    const tag = term["xml:lang"] ? "@" + term["xml:lang"] : term.datatype ? compact(term.datatype) : "";
    if (tag) {
      const small = document.createElement("small");
      small.className = "tag";
      small.textContent = tag;
      td.append(" ", small);
    }
  }
  return td;
}

function shownText(term) {
  if (!term) return "";
  return term.type === "uri" ? compact(term.value) : term.value;
}

// ---- the answer ------------------------------------------------------------------------------

let answer = null; // {query, vars, rows, graph: bool}: what is shown, and the query that gave it
let runs = 0; // the latest run: an older answer that arrives late is dropped
let view = "table";

function sortBy(name, th, table) {
  const descending = th.getAttribute("aria-sort") === "ascending";
  for (const other of table.tHead.rows[0].cells) other.removeAttribute("aria-sort");
  th.setAttribute("aria-sort", descending ? "descending" : "ascending");
  const numeric = answer.rows.every((row) => !row[name] || isNumeric(row[name]));
  const key = (row) => (numeric ? Number(row[name] ? row[name].value : -Infinity) : shownText(row[name]));
  const sorted = [...answer.rows].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    const order = numeric ? x - y : String(x).localeCompare(String(y));
    return descending ? -order : order;
  });
  fillBody(table, sorted);
}

// A row that names a source document and a character span (?start, ?end) quotes it: its text
// cells open the document at the quote.
function quoteLink(binding) {
  const documents = Object.values(binding).filter((t) => t.type === "uri" && t.value.startsWith(data.base + "id/document/"));
  if (documents.length !== 1 || !isNumeric(binding.start) || !isNumeric(binding.end)) return null;
  return href(documents[0].value) + "#char=" + binding.start.value + "," + binding.end.value;
}

function fillBody(table, rows) {
  const body = document.createElement("tbody");
  for (const binding of rows) {
    const row = body.insertRow();
    const quote = quoteLink(binding);
    for (const name of answer.vars) {
      const td = cell(binding[name]);
      const term = binding[name];
      if (quote && term && term.type === "literal" && !isNumeric(term)) {
        const a = document.createElement("a");
        a.href = quote;
        a.className = "quote";
        a.title = "Open the document at this quote";
        a.replaceChildren(...td.childNodes);
        td.appendChild(a);
      }
      row.appendChild(td);
    }
  }
  table.replaceChild(body, table.tBodies[0]);
}

function showTable() {
  const table = document.createElement("table");
  table.className = "results";
  const caption = table.createCaption();
  caption.className = "visually-hidden";
  caption.textContent = "Answer: " + answer.rows.length + " rows. Column headers sort the rows.";
  const head = table.createTHead().insertRow();
  for (const name of answer.vars) {
    const th = document.createElement("th");
    th.scope = "col";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "sort";
    button.textContent = name;
    button.addEventListener("click", () => sortBy(name, th, table));
    th.appendChild(button);
    head.appendChild(th);
  }
  table.appendChild(document.createElement("tbody"));
  fillBody(table, answer.rows);
  results.replaceChildren(table);
}

// A bar chart for answers with a number per row (counts, sums): one bar per row, labelled by the
// row's other columns. Plain SVG: its labels and values are text that screen readers read in
// order (the bars themselves are hidden from them), and it needs no library.
function chartable() {
  if (answer.graph || !answer.rows.length || answer.rows.length > 200) return null;
  const numbers = answer.vars.filter((name) => answer.rows.every((row) => isNumeric(row[name])));
  const labels = answer.vars.filter((name) => !numbers.includes(name));
  if (!numbers.length || !labels.length) return null;
  return { value: numbers[0], label: labels[0] };
}

function showChart() {
  const axes = chartable();
  const svgNS = "http://www.w3.org/2000/svg";
  const rows = answer.rows.map((row) => ({
    label: answer.vars
      .filter((name) => name !== axes.value && row[name])
      .map((name) => shownText(row[name]))
      .join(" · "),
    value: Number(row[axes.value].value),
  }));
  const max = Math.max(...rows.map((r) => r.value), 0) || 1;
  const barHeight = 22;
  const labelWidth = 460;
  const width = 1000;
  const svg = document.createElementNS(svgNS, "svg");
  svg.setAttribute("class", "chart");
  svg.setAttribute("viewBox", `0 0 ${width} ${rows.length * barHeight + 10}`);
  svg.setAttribute("aria-label", `Bar chart of ${axes.value}, ${rows.length} bars`);
  const title = document.createElementNS(svgNS, "title");
  title.textContent = `${axes.value} by ${axes.label}`;
  svg.appendChild(title);
  rows.forEach((row, i) => {
    const y = i * barHeight + 5;
    const group = document.createElementNS(svgNS, "g");
    const tip = document.createElementNS(svgNS, "title");
    tip.textContent = `${row.label}: ${row.value}`;
    const text = document.createElementNS(svgNS, "text");
    text.setAttribute("x", labelWidth - 8);
    text.setAttribute("y", y + barHeight * 0.68);
    text.setAttribute("text-anchor", "end");
    // long labels keep their start and end, where the columns that tell rows apart usually are
    text.textContent = row.label.length > 66 ? row.label.slice(0, 30) + " … " + row.label.slice(-33) : row.label;
    const bar = document.createElementNS(svgNS, "rect");
    bar.setAttribute("aria-hidden", "true");
    const length = Math.max(1, ((width - labelWidth - 70) * row.value) / max);
    bar.setAttribute("x", labelWidth);
    bar.setAttribute("y", y + 3);
    bar.setAttribute("width", length);
    bar.setAttribute("height", barHeight - 6);
    const value = document.createElementNS(svgNS, "text");
    value.setAttribute("x", labelWidth + length + 6);
    value.setAttribute("y", y + barHeight * 0.68);
    value.textContent = String(row.value);
    group.append(tip, text, bar, value);
    svg.appendChild(group);
  });
  results.replaceChildren(svg);
}

// N-Triples, line by line: enough for the server's own answers (one triple per line).
const TERM = /<([^>]*)>|_:(\S+)|"((?:[^"\\]|\\.)*)"(?:@([\w-]+)|\^\^<([^>]*)>)?/g;

function unescapeLiteral(text) {
  try {
    return JSON.parse('"' + text.replace(/\\U([0-9A-Fa-f]{8})/g, (_, hex) => String.fromCodePoint(parseInt(hex, 16))) + '"');
  } catch {
    return text;
  }
}

function parseNTriples(text) {
  const triples = [];
  for (const line of text.split("\n")) {
    const terms = [];
    for (const match of line.matchAll(TERM)) {
      if (match[1] !== undefined) terms.push({ type: "uri", value: match[1] });
      else if (match[2] !== undefined) terms.push({ type: "bnode", value: match[2] });
      else {
        const term = { type: "literal", value: unescapeLiteral(match[3]) };
        if (match[4]) term["xml:lang"] = match[4];
        if (match[5]) term.datatype = match[5];
        terms.push(term);
      }
    }
    if (terms.length === 3) triples.push({ subject: terms[0], predicate: terms[1], object: terms[2] });
  }
  return triples;
}

function showGraph() {
  const box = document.createElement("div");
  box.id = "graph";
  box.setAttribute("role", "img");
  const drawn = answer.rows.slice(0, GRAPH_LIMIT);
  box.setAttribute(
    "aria-label",
    `Graph of ${drawn.length} triples${answer.rows.length > drawn.length ? " (of " + answer.rows.length + ")" : ""}; the table view lists them`,
  );
  results.replaceChildren(box);
  if (!window.cytoscape) {
    box.textContent = "The graph view's script is missing; the table view lists the triples.";
    return;
  }
  const nodes = new Map();
  const edges = [];
  const node = (term) => {
    const id = term.type + ":" + term.value;
    if (!nodes.has(id)) {
      const literal = term.type === "literal";
      const label = literal ? (term.value.length > 40 ? term.value.slice(0, 39) + "…" : term.value) : shownText(term);
      nodes.set(id, { data: { id, label, link: (term.type === "uri" && href(term.value)) || "" }, classes: literal ? "literal" : "" });
    }
    return id;
  };
  drawn.forEach((t, i) => {
    edges.push({ data: { id: "e" + i, source: node(t.subject), target: node(t.object), label: compact(t.predicate.value) } });
  });
  const graph = window.cytoscape({
    container: box,
    elements: [...nodes.values(), ...edges],
    layout: { name: "cose", animate: false, idealEdgeLength: () => 110, nodeRepulsion: () => 9000, padding: 30 },
    maxZoom: 2,
    minZoom: 0.2,
    style: [
      { selector: "node", style: { label: "data(label)", "font-size": 10, "background-color": "#1f5fa8", color: "#1d2430", "text-valign": "bottom", width: 14, height: 14 } },
      { selector: "node.literal", style: { shape: "round-rectangle", "background-color": "#8a5a00" } },
      { selector: "edge", style: { label: "data(label)", "font-size": 8, "curve-style": "bezier", "target-arrow-shape": "triangle", width: 1, "line-color": "#9aa5b5", "target-arrow-color": "#9aa5b5", color: "#5b6474" } },
    ],
  });
  if (graph.zoom() > 1.1) {
    // a small answer is drawn at its natural size, not blown up to fill the box
    graph.zoom(1.1);
    graph.center();
  }
  graph.on("tap", "node", (event) => {
    const link = event.target.data("link"); // only dataset and http(s) IRIs have one
    if (link) window.location.href = link;
  });
}

function show(which) {
  view = which;
  for (const [name, button] of Object.entries(views)) button.setAttribute("aria-pressed", String(name === which));
  if (which === "chart") showChart();
  else if (which === "graph") showGraph();
  else showTable();
}

function offerDownloads(kind) {
  downloads.replaceChildren(document.createTextNode("Download: "));
  for (const [media, extension, label] of data.downloads[kind]) {
    const button = document.createElement("button");
    button.type = "button";
    button.id = "download-" + extension;
    button.textContent = label;
    button.addEventListener("click", () => download(media, extension));
    downloads.appendChild(button);
  }
}

// ---- running ---------------------------------------------------------------------------------

async function ask(accept, query) {
  return fetch("/sparql", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: accept },
    body: new URLSearchParams({ query }),
  });
}

function fail(message) {
  status.textContent = message;
  status.className = "error";
  results.replaceChildren();
  tools.hidden = true;
}

async function run(event) {
  if (event) event.preventDefault();
  const query = editor.getValue();
  const run_ = ++runs;
  status.textContent = "Running…";
  status.className = "";
  shareable(query);
  const started = performance.now();
  let response;
  try {
    response = await ask(RESULTS_ACCEPT, query);
  } catch (error) {
    fail("The server did not answer: " + error);
    return;
  }
  if (run_ !== runs) return;
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const type = response.headers.get("Content-Type") || "";
  if (!response.ok) {
    const message = await response.text();
    if (run_ === runs) fail("Error " + response.status + ": " + message);
    return;
  }
  remember(query);
  if (type.startsWith("application/sparql-results+json")) {
    const json = await response.json();
    if (run_ !== runs) return;
    if ("boolean" in json) {
      answer = { query, vars: ["answer"], rows: [{ answer: { type: "literal", value: json.boolean ? "yes" : "no" } }], graph: false };
      status.textContent = "Answer: " + (json.boolean ? "yes" : "no") + " (" + seconds + " s)";
    } else {
      answer = { query, vars: json.head.vars, rows: json.results.bindings, graph: false };
      const count = answer.rows.length;
      status.textContent = count + (count === 1 ? " row" : " rows") + " (" + seconds + " s)";
    }
    offerDownloads("results");
  } else {
    const triples = parseNTriples(await response.text());
    if (run_ !== runs) return;
    answer = { query, vars: ["subject", "predicate", "object"], rows: triples, graph: true };
    status.textContent = triples.length + (triples.length === 1 ? " triple" : " triples") + " (" + seconds + " s)";
    offerDownloads("graph");
  }
  views.chart.hidden = !chartable();
  views.graph.hidden = !answer.graph;
  tools.hidden = false;
  show(answer.graph ? "graph" : chartable() && view === "chart" ? "chart" : "table");
}

async function download(accept, extension) {
  // the answer shown, not whatever the editor holds now
  const response = await ask(accept, answer.query);
  if (!response.ok) {
    status.textContent = "Download failed: error " + response.status + ": " + (await response.text());
    status.className = "error";
    return;
  }
  const link = document.createElement("a");
  link.href = URL.createObjectURL(await response.blob());
  link.download = "mskg-results." + extension;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(link.href);
}

// ---- share links and history -----------------------------------------------------------------

function linkTo(query) {
  return location.origin + "/?query=" + encodeURIComponent(query);
}

function shareable(query) {
  // The address bar always holds the query that ran: copying it shares it.
  history.replaceState(null, "", "/?query=" + encodeURIComponent(query));
}

document.getElementById("share").addEventListener("click", async () => {
  const box = document.getElementById("share-box");
  const field = document.getElementById("share-link");
  field.value = linkTo(editor.getValue());
  box.hidden = false;
  field.focus();
  field.select();
  try {
    await navigator.clipboard.writeText(field.value);
    status.textContent = "Link copied.";
  } catch {
    status.textContent = "Copy the link below.";
  }
  status.className = "";
});

function recent() {
  // whatever is stored may have been written by another version or by hand
  try {
    const kept = JSON.parse(localStorage.getItem(HISTORY_KEY) || "[]");
    return Array.isArray(kept) ? kept.filter((item) => item && typeof item.query === "string") : [];
  } catch {
    return [];
  }
}

function remember(query) {
  const kept = [{ query, at: new Date().toISOString() }, ...recent().filter((item) => item.query !== query)];
  try {
    localStorage.setItem(HISTORY_KEY, JSON.stringify(kept.slice(0, HISTORY_SIZE)));
  } catch {
    // storage full or disabled: the history is a convenience
  }
  showHistory();
}

function showHistory() {
  const list = document.getElementById("history");
  list.replaceChildren();
  for (const item of recent()) {
    const li = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "history-item";
    const firstLine = item.query.split("\n").find((line) => line.trim() && !/^\s*PREFIX/i.test(line)) || item.query;
    button.textContent = firstLine.trim().slice(0, 80);
    button.title = item.query;
    const when = document.createElement("small");
    when.textContent = new Date(item.at).toLocaleString();
    button.append(" ", when);
    button.addEventListener("click", () => {
      editor.setValue(item.query);
      editor.focus();
    });
    li.appendChild(button);
    list.appendChild(li);
  }
}

// ---- the catalogue ---------------------------------------------------------------------------

const search = document.getElementById("example-search");
const counter = document.getElementById("example-count");

search.addEventListener("input", () => {
  const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
  let shown = 0;
  for (const item of document.querySelectorAll("#examples > li")) {
    const hit = words.every((word) => item.dataset.search.includes(word));
    item.hidden = !hit;
    shown += hit ? 1 : 0;
  }
  counter.textContent = words.length ? shown + (shown === 1 ? " example matches" : " examples match") : "";
});

for (const button of document.querySelectorAll("button.example")) {
  button.addEventListener("click", () => {
    editor.setValue(data.examples[button.dataset.id]); // with the PREFIX lines it needs
    for (const other of document.querySelectorAll("button.example")) other.classList.remove("chosen");
    button.classList.add("chosen");
    results.replaceChildren();
    tools.hidden = true;
    status.textContent = "";
    editor.focus();
  });
}

for (const [name, button] of Object.entries(views)) button.addEventListener("click", () => show(name));
form.addEventListener("submit", run);
showHistory();

// A share link (or an example link) runs its query on opening.
const opened = new URLSearchParams(location.search);
if (opened.has("query") || opened.has("example")) run();
