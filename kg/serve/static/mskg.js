// The query page: pick an example, run the query against /sparql, show the rows as a table with
// links to entity pages, download the answer. No libraries: the page must work with no internet.
"use strict";

const data = JSON.parse(document.getElementById("page-data").textContent);
const form = document.getElementById("query-form");
const editor = document.getElementById("query");
const results = document.getElementById("results");
const status = document.getElementById("status");
const downloads = {
  csv: document.getElementById("download-csv"),
  json: document.getElementById("download-json"),
};
const ACCEPT = "application/sparql-results+json, text/turtle;q=0.9";

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
  // IRIs of this dataset resolve on this server at the same path.
  return iri.startsWith(data.base) ? "/" + iri.slice(data.base.length) : iri;
}

function cell(term) {
  const td = document.createElement("td");
  if (!term) return td;
  if (term.type === "uri") {
    const a = document.createElement("a");
    a.href = href(term.value);
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

function showTable(answer) {
  const table = document.createElement("table");
  table.className = "results";
  const head = table.createTHead().insertRow();
  for (const name of answer.head.vars) {
    const th = document.createElement("th");
    th.textContent = name;
    head.appendChild(th);
  }
  const body = table.createTBody();
  for (const binding of answer.results.bindings) {
    const row = body.insertRow();
    for (const name of answer.head.vars) row.appendChild(cell(binding[name]));
  }
  results.replaceChildren(table);
  return answer.results.bindings.length;
}

function showText(text) {
  const pre = document.createElement("pre");
  pre.textContent = text;
  results.replaceChildren(pre);
}

async function ask(accept) {
  return fetch("/sparql", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: accept },
    body: new URLSearchParams({ query: editor.value }),
  });
}

async function run(event) {
  if (event) event.preventDefault();
  status.textContent = "Running…";
  status.className = "";
  const started = performance.now();
  let response;
  try {
    response = await ask(ACCEPT);
  } catch (error) {
    status.textContent = "The server did not answer: " + error;
    status.className = "error";
    return;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const type = response.headers.get("Content-Type") || "";
  if (!response.ok) {
    status.textContent = "Error " + response.status + ": " + (await response.text());
    status.className = "error";
    results.replaceChildren();
    setDownloads(false);
    return;
  }
  if (type.startsWith("application/sparql-results+json")) {
    const answer = await response.json();
    if ("boolean" in answer) {
      showText(answer.boolean ? "yes" : "no");
      status.textContent = "Answer: " + (answer.boolean ? "yes" : "no") + " (" + seconds + " s)";
    } else {
      const count = showTable(answer);
      status.textContent = count + (count === 1 ? " row" : " rows") + " (" + seconds + " s)";
    }
    setDownloads(!("boolean" in answer));
  } else {
    showText(await response.text());
    status.textContent = "Graph answer in Turtle (" + seconds + " s)";
    setDownloads(false);
  }
}

function setDownloads(enabled) {
  downloads.csv.disabled = !enabled;
  downloads.json.disabled = !enabled;
}

async function download(accept, extension) {
  const response = await ask(accept);
  if (!response.ok) {
    status.textContent = "Error " + response.status + ": " + (await response.text());
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

for (const button of document.querySelectorAll("button.example")) {
  button.addEventListener("click", () => {
    editor.value = data.examples[button.dataset.id]; // with the PREFIX lines it needs
    for (const other of document.querySelectorAll("button.example")) other.classList.remove("chosen");
    button.classList.add("chosen");
    results.replaceChildren();
    status.textContent = "";
    setDownloads(false);
    editor.focus();
  });
}

form.addEventListener("submit", run);
editor.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) run(event);
});
downloads.csv.addEventListener("click", () => download("text/csv", "csv"));
downloads.json.addEventListener("click", () => download("application/sparql-results+json", "json"));
