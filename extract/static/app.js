// The newskg query page: named queries with generated parameter forms, free SPARQL, a
// results table, and links from facts to their evidence sentences. Plain JS, no build step.
"use strict";

const ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9";
const PREFIXES = [
  ["https://w3id.org/newskg/ns#", "nk:"],
  ["https://w3id.org/newskg/fact/", "fact:"],
  ["https://w3id.org/newskg/id/", "id:"],
  ["https://schema.org/", "schema:"],
  ["http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdf:"],
  ["http://www.w3.org/2000/01/rdf-schema#", "rdfs:"],
  ["http://www.w3.org/2001/XMLSchema#", "xsd:"],
  ["http://www.w3.org/ns/prov#", "prov:"],
];
// Datatypes too common to be worth a label in the table.
const QUIET_TYPES = new Set(["integer", "decimal", "double", "string"].map((t) => "http://www.w3.org/2001/XMLSchema#" + t));
const INPUT_TYPES = { integer: "number", decimal: "number", date: "text", iri: "url", literal: "text" };

const $ = (id) => document.getElementById(id);
let queries = new Map();

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

function shorten(iri) {
  for (const [ns, prefix] of PREFIXES) if (iri.startsWith(ns)) return prefix + iri.slice(ns.length);
  return iri;
}

// --- named queries ----------------------------------------------------------------

async function loadQueries() {
  const res = await fetch("/queries", { headers: { Accept: "application/json" } });
  if (!res.ok) return showError(await res.text());
  const select = $("named");
  for (const q of await res.json()) {
    queries.set(q.name, q);
    select.append(el("option", { value: q.name, text: q.title || q.name }));
  }
  const wanted = new URLSearchParams(location.search);
  if (wanted.get("named") && queries.has(wanted.get("named"))) {
    select.value = wanted.get("named");
    pickQuery(select.value, wanted);
  } else if (wanted.get("query")) {
    $("sparql").value = wanted.get("query");
    run();
  }
}

function pickQuery(name, values = new URLSearchParams()) {
  const q = queries.get(name);
  const fields = $("param-fields");
  fields.replaceChildren();
  $("params").hidden = !q || q.parameters.length === 0;
  $("named-description").hidden = !q;
  $("results").replaceChildren();
  $("status").textContent = "";
  clearMessages();
  if (!q) return;
  $("named-description").textContent = q.description;
  $("sparql").value = q.sparql || "";
  for (const p of q.parameters) {
    const id = "param-" + p.name;
    const input = el("input", {
      id, name: p.name, type: INPUT_TYPES[p.type] || "text",
      placeholder: p.type === "date" ? "YYYY-MM-DD" : p.type, "data-type": p.type,
    });
    if (p.type === "decimal") input.step = "any";
    if (p.required) input.required = true;
    if (values.get(p.name)) input.value = values.get(p.name);
    fields.append(el("div", { class: "param" },
      el("label", { for: id }, el("span", { class: "param-name", text: p.name }),
        el("span", { class: "param-type", text: ` ${p.type}${p.required ? "" : " · optional"}` })),
      input,
      el("small", { text: p.description || "" })));
  }
}

// --- running ----------------------------------------------------------------------

async function run() {
  clearMessages();
  const name = $("named").value;
  const started = performance.now();
  let res;
  $("run").disabled = true;
  $("status").textContent = "running…";
  try {
    if (name) {
      const params = new URLSearchParams();
      for (const input of $("param-fields").querySelectorAll("input")) {
        if (input.value.trim() !== "") params.set(input.name, input.value.trim());
      }
      res = await fetch(`/queries/${encodeURIComponent(name)}?${params}`, { headers: { Accept: ACCEPT } });
    } else {
      res = await fetch("/sparql", {
        method: "POST",
        headers: { Accept: ACCEPT, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ query: $("sparql").value }),
      });
    }
    await show(res, performance.now() - started);
  } catch (err) {
    showError(String(err));
  } finally {
    $("run").disabled = false;
  }
}

async function show(res, ms) {
  if (!res.ok) {
    $("status").textContent = "";
    return showError(`${res.status} ${(await res.text()).trim()}`);
  }
  if (res.headers.get("X-Newskg-Truncated")) {
    $("warning").hidden = false;
    $("warning").textContent = `Showing the first ${res.headers.get("X-Newskg-Result-Limit")} results only (the server's result limit).`;
  }
  const type = (res.headers.get("Content-Type") || "").split(";")[0];
  const out = $("results");
  if (type === "application/n-triples") {
    const triples = parseNTriples(await res.text());
    out.replaceChildren(table(["subject", "predicate", "object"], triples));
    $("status").textContent = `${triples.length} triple${triples.length === 1 ? "" : "s"} · ${ms.toFixed(0)} ms`;
  } else {
    const data = await res.json();
    if ("boolean" in data) {
      out.replaceChildren(el("p", { class: "boolean", text: data.boolean ? "true" : "false" }));
      $("status").textContent = `ASK · ${ms.toFixed(0)} ms`;
      return;
    }
    const vars = data.head.vars;
    const rows = data.results.bindings.map((b) => vars.map((v) => b[v]));
    out.replaceChildren(table(vars, rows));
    $("status").textContent = `${rows.length} row${rows.length === 1 ? "" : "s"} · ${ms.toFixed(0)} ms`;
  }
  await linkEvidence(out);
}

function table(headers, rows) {
  const head = el("tr", {}, ...headers.map((h) => el("th", { scope: "col", text: h })));
  const body = el("tbody", {}, ...rows.map((row) => el("tr", {}, ...row.map(cell))));
  return el("table", { class: "results", id: "results-table" }, el("thead", {}, head), body);
}

function cell(term) {
  const td = el("td");
  if (!term) return td;
  if (term.type === "uri") {
    td.dataset.iri = term.value;
    const external = /^https?:/.test(term.value) && !term.value.startsWith("https://w3id.org/newskg/");
    td.append(external
      ? el("a", { class: "iri", href: term.value, title: term.value, rel: "noopener", target: "_blank", text: shorten(term.value) })
      : el("span", { class: "iri", title: term.value, text: shorten(term.value) }));
  } else if (term.type === "bnode") {
    td.append(el("span", { class: "bnode", text: "_:" + term.value }));
  } else {
    td.append(el("span", { class: "literal", text: term.value }));
    if (term["xml:lang"]) td.append(el("span", { class: "lang", text: "@" + term["xml:lang"] }));
    else if (term.datatype && !QUIET_TYPES.has(term.datatype)) td.append(el("span", { class: "datatype", text: shorten(term.datatype) }));
  }
  return td;
}

// Ask the server which IRIs in the table are facts, and link those to their evidence.
async function linkEvidence(container) {
  const cells = [...container.querySelectorAll("td[data-iri]")];
  const iris = [...new Set(cells.map((td) => td.dataset.iri))].slice(0, 500);
  if (iris.length === 0) return;
  const body = new URLSearchParams();
  for (const iri of iris) body.append("fact", iri);
  const res = await fetch("/evidence", { method: "POST", body, headers: { Accept: "application/json" } });
  if (!res.ok) return;
  const { facts } = await res.json();
  for (const td of cells) {
    const evidence = facts[td.dataset.iri];
    if (!evidence) continue;
    td.classList.add("fact");
    td.append(" ", el("a", {
      class: "evidence-link",
      href: "/evidence?fact=" + encodeURIComponent(td.dataset.iri),
      title: evidence[0].sentence,
      text: "evidence",
    }));
  }
}

// --- N-Triples (CONSTRUCT / DESCRIBE answers) ---------------------------------------

const NT_TERM = String.raw`<[^>]*>|_:\S+|"(?:[^"\\]|\\.)*"(?:@[A-Za-z0-9-]+|\^\^<[^>]*>)?`;
const NT_LINE = new RegExp(`^(${NT_TERM})\\s+(${NT_TERM})\\s+(${NT_TERM})\\s*\\.\\s*$`);

function parseNTriples(text) {
  const triples = [];
  for (const line of text.split("\n")) {
    const m = NT_LINE.exec(line.trim());
    if (m) triples.push([ntTerm(m[1]), ntTerm(m[2]), ntTerm(m[3])]);
  }
  return triples;
}

function ntTerm(token) {
  if (token.startsWith("<")) return { type: "uri", value: token.slice(1, -1) };
  if (token.startsWith("_:")) return { type: "bnode", value: token.slice(2) };
  const end = token.lastIndexOf('"');
  const value = token.slice(1, end).replace(/\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)/g, (_, e) =>
    e.length > 1 ? String.fromCodePoint(parseInt(e.slice(1), 16)) : ({ n: "\n", r: "\r", t: "\t", b: "\b", f: "\f" })[e] ?? e);
  const rest = token.slice(end + 1);
  if (rest.startsWith("@")) return { type: "literal", value, "xml:lang": rest.slice(1) };
  if (rest.startsWith("^^")) return { type: "literal", value, datatype: rest.slice(3, -1) };
  return { type: "literal", value };
}

// --- messages ---------------------------------------------------------------------

function showError(message) {
  $("error").hidden = false;
  $("error").textContent = message;
}

function clearMessages() {
  for (const id of ["error", "warning"]) {
    $(id).hidden = true;
    $(id).textContent = "";
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("query-form").addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  $("named").addEventListener("change", (event) => pickQuery(event.target.value));
  $("sparql").addEventListener("input", () => {
    // Editing the text makes it your own query: the named one (and its form) no longer apply.
    if ($("named").value) {
      $("named").value = "";
      pickQuery("");
    }
  });
  $("sparql").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      run();
    }
  });
  loadQueries();
});
