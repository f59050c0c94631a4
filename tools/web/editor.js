// Entry source of kg/serve/static/vendor/editor.js (tools/vendor-web bundles it with esbuild into
// one minified IIFE, so the page loads a single script from mskg itself and nothing from the net).
//
// window.MskgEditor.create(textarea, options) -> {getValue(), setValue(text), focus(), view}
//   options.onRun()           Ctrl-Enter / Cmd-Enter
//   options.complete(word, {signal}) -> Promise<[{label, apply?, type, detail?, info?}]>
//   options.label             aria-label of the editable element (default "SPARQL query")
//   options.contentId         id of the editable element
//
// The textarea stays in the form, hidden, and always holds the editor's text: the form posts it
// and the page's script and tests read #query's value.

import { EditorState, Prec } from "@codemirror/state";
import {
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import {
  HighlightStyle,
  StreamLanguage,
  bracketMatching,
  indentOnInput,
  syntaxHighlighting,
  syntaxTree,
} from "@codemirror/language";
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from "@codemirror/autocomplete";
import { highlightSelectionMatches, search, searchKeymap } from "@codemirror/search";
import { sparql } from "@codemirror/legacy-modes/mode/sparql";
import { tags as t } from "@lezer/highlight";

// SPARQL 1.1 keywords and built-in functions, offered without asking the server.
const KEYWORDS = (
  "SELECT CONSTRUCT DESCRIBE ASK WHERE PREFIX BASE DISTINCT REDUCED FROM NAMED OPTIONAL FILTER " +
  "UNION MINUS GRAPH SERVICE SILENT BIND VALUES AS ORDER BY ASC DESC GROUP HAVING LIMIT OFFSET " +
  "NOT IN EXISTS UNDEF true false"
).split(" ");
const FUNCTIONS = (
  "STR LANG LANGMATCHES DATATYPE BOUND IRI URI BNODE RAND ABS CEIL FLOOR ROUND CONCAT STRLEN UCASE " +
  "LCASE ENCODE_FOR_URI CONTAINS STRSTARTS STRENDS STRBEFORE STRAFTER YEAR MONTH DAY HOURS MINUTES " +
  "SECONDS TIMEZONE TZ NOW UUID STRUUID MD5 SHA1 SHA256 SHA384 SHA512 COALESCE IF STRLANG STRDT " +
  "sameTerm isIRI isURI isBLANK isLITERAL isNUMERIC REGEX SUBSTR REPLACE COUNT SUM MIN MAX AVG " +
  "SAMPLE GROUP_CONCAT"
).split(" ");
const LOCAL = [
  ...KEYWORDS.map((label) => ({ label, type: "keyword" })),
  ...FUNCTIONS.map((label) => ({ label, type: "function" })),
];

// A prefixed name (mskg:Dr, mskg:, :x) or a plain word; a trailing "." ends a triple, not a name.
const WORD = /[A-Za-z][\w.-]*:[\w.%-]*|:[\w.%-]*|[?$]?[A-Za-z_][\w-]*/;
// Token names of the stream parser where nothing should be completed.
const QUIET = new Set(["comment", "string", "atom"]);

function wordAt(context) {
  const match = context.matchBefore(WORD);
  if (!match || match.text.endsWith(".")) return null;
  const inside = syntaxTree(context.state).resolveInner(context.pos, -1).name;
  // An IRI in <...> and a prefixed name are both "atom": only the prefixed name is ours.
  if (QUIET.has(inside) && !(inside === "atom" && /^[\w-]*:/.test(match.text))) return null;
  return match;
}

// filter: false on every source: the sources match themselves, and CodeMirror then keeps their
// order, sources in the order given (keywords and variables first, then the server's ranking).
function prefixMatch(word) {
  const lower = word.toLowerCase();
  return (option) => (option.label.toLowerCase().startsWith(lower) ? [0, word.length] : []);
}

function localSource(context) {
  const match = wordAt(context);
  if (!match && !context.explicit) return null;
  const word = match ? match.text : "";
  const from = match ? match.from : context.pos;
  if (/^[?$]/.test(word)) {
    // variables already used in the query
    const seen = new Set(context.state.doc.toString().match(/[?$][A-Za-z_]\w*/g) || []);
    seen.delete(word);
    const options = [...seen]
      .filter((v) => v.slice(1).toLowerCase().startsWith(word.slice(1).toLowerCase()))
      .sort()
      .map((label) => ({ label, type: "variable" }));
    return options.length ? { from, options, filter: false, getMatch: prefixMatch(word) } : null;
  }
  if (word.includes(":")) return null;
  if (!context.explicit && word.length < 2) return null;
  const lower = word.toLowerCase();
  const options = LOCAL.filter((o) => o.label.toLowerCase().startsWith(lower) && o.label.length > word.length);
  return options.length ? { from, options, filter: false, getMatch: prefixMatch(word) } : null;
}

function remoteSource(complete) {
  return async (context) => {
    const match = wordAt(context);
    if (!match || /^[?$]/.test(match.text)) return null;
    const word = match.text;
    const prefixed = word.includes(":");
    if (prefixed ? word === ":" && !context.explicit : word.length < 2) return null;
    const controller = new AbortController();
    context.addEventListener("abort", () => controller.abort(), { onDocChange: true });
    let found;
    try {
      found = await complete(word, { signal: controller.signal });
    } catch (error) {
      // a slow, failed or aborted lookup only means no suggestions from the server
      return null;
    }
    if (context.aborted || !Array.isArray(found) || !found.length) return null;
    const options = found
      .filter((o) => o && typeof o.label === "string")
      .map((o) => ({
        label: o.label,
        apply: typeof o.apply === "string" ? o.apply : undefined,
        type: o.type,
        detail: o.detail,
        info: typeof o.info === "string" && o.info ? o.info : undefined,
      }));
    return { from: match.from, options, filter: false, getMatch: prefixMatch(word) };
  };
}

// Colours chosen for at least 4.5:1 contrast on white and on the active-line tint.
const highlight = HighlightStyle.define([
  { tag: t.keyword, color: "#7a1fa2", fontWeight: "bold" },
  { tag: t.standard(t.variableName), color: "#7a1fa2" },
  { tag: t.local(t.variableName), color: "#0550ae" },
  { tag: t.atom, color: "#116329" },
  { tag: t.string, color: "#a31515" },
  { tag: t.meta, color: "#8a4600" },
  { tag: t.comment, color: "#57606a", fontStyle: "italic" },
]);

const theme = EditorView.theme({
  "&": {
    width: "100%",
    maxHeight: "70vh",
    boxSizing: "border-box",
    border: "1px solid #8c959f",
    borderRadius: "4px",
    backgroundColor: "#fff",
    color: "#1f2328",
    fontSize: "0.95rem",
  },
  // A focus ring that is seen: the default is a faint dotted line.
  "&.cm-focused": { outline: "3px solid #0969da", outlineOffset: "1px" },
  ".cm-scroller": { fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace", lineHeight: "1.45", overflow: "auto" },
  // about 14 lines, like the textarea it replaces (rows=14)
  ".cm-content, .cm-gutter": { minHeight: "calc(14 * 1.45em)" },
  ".cm-gutters": { backgroundColor: "#f6f8fa", color: "#57606a", borderRight: "1px solid #d0d7de" },
  ".cm-activeLine": { backgroundColor: "#f0f5ff" },
  ".cm-activeLineGutter": { backgroundColor: "#dde8fb", color: "#1f2328" },
  "&.cm-focused .cm-matchingBracket": { backgroundColor: "#c8e1ff", outline: "1px solid #0969da" },
  "&.cm-focused .cm-nonmatchingBracket": { backgroundColor: "#ffd8d3" },
  ".cm-tooltip-autocomplete ul li[aria-selected]": { backgroundColor: "#0969da", color: "#fff" },
  ".cm-completionInfo": { maxWidth: "28em", whiteSpace: "pre-line" },
  ".cm-tooltip": { backgroundColor: "#fff", color: "#1f2328", border: "1px solid #8c959f" },
  ".cm-completionDetail": { color: "#57606a" },
  ".cm-tooltip-autocomplete ul li[aria-selected] .cm-completionDetail": { color: "inherit" },
  // kinds the default theme draws no icon for
  ".cm-completionIcon-entity": { "&:after": { content: "'●'" } },
  ".cm-completionIcon-prefix": { "&:after": { content: "':'" } },
});

function create(textarea, options = {}) {
  const onRun = options.onRun || (() => {});
  const attributes = { "aria-label": options.label || "SPARQL query" };
  if (options.contentId) attributes.id = options.contentId;

  const sources = [localSource];
  if (typeof options.complete === "function") sources.push(remoteSource(options.complete));

  const run = () => {
    onRun();
    return true;
  };

  const extensions = [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    history(),
    drawSelection(),
    indentOnInput(),
    StreamLanguage.define(sparql),
    syntaxHighlighting(highlight),
    bracketMatching(),
    closeBrackets(),
    autocompletion({ override: sources, icons: true }),
    highlightActiveLine(),
    highlightSelectionMatches(),
    search({ top: true }),
    // No line wrapping: browsers break lines after the "?" of a variable; long lines scroll
    // sideways inside the editor, which keeps the width of its container.
    EditorView.contentAttributes.of(attributes),
    theme,
    // Above defaultKeymap, whose Mod-Enter inserts a blank line. Tab is bound nowhere, so it
    // moves the focus out of the editor as everywhere else on the page.
    Prec.highest(keymap.of([
      { key: "Mod-Enter", run },
      { key: "Ctrl-Enter", run },
    ])),
    keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap, ...completionKeymap]),
    EditorView.updateListener.of((update) => {
      if (!update.docChanged) return;
      textarea.value = update.state.doc.toString();
      // page scripts listening on the textarea still hear the user's edits
      if (!update.transactions.some((tr) => tr.isUserEvent("mskg.set"))) {
        textarea.dispatchEvent(new Event("input", { bubbles: true }));
      }
    }),
  ];

  const view = new EditorView({
    state: EditorState.create({ doc: textarea.value, extensions }),
  });
  textarea.hidden = true;
  textarea.after(view.dom);
  // A <label for=textarea> cannot point at the editor (not a labelable element): clicking it
  // would focus the hidden textarea, so send the focus to the editor instead.
  for (const label of textarea.labels || []) {
    label.addEventListener("click", (event) => {
      event.preventDefault();
      view.focus();
    });
  }

  return {
    view,
    getValue: () => view.state.doc.toString(),
    setValue(text) {
      text = String(text ?? "");
      view.dispatch({
        changes: { from: 0, to: view.state.doc.length, insert: text },
        selection: { anchor: 0 },
        userEvent: "mskg.set",
        scrollIntoView: true,
      });
      textarea.value = text;
    },
    focus: () => view.focus(),
  };
}

window.MskgEditor = { create };
