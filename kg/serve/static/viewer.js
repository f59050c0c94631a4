// The evidence viewer: hovering over or focusing a highlighted passage shows the facts read from
// it and the rule that made them (a copy of the passage's entry in the list below the text).
// Keyboard: Tab reaches the text once, the arrow keys move between passages, Enter goes to the
// passage's entry in the list (whose links lead on), Escape hides the facts.
// Without this script the page still works: highlights are marks, entries are a list, and
// #char=S,E links scroll to the passage.
"use strict";

const text = document.getElementById("document-text");
const tip = document.createElement("div");
tip.id = "span-tip";
tip.className = "span-tip";
// not role=tooltip: it holds links, for pointer users; keyboard users reach them in the list
tip.hidden = true;
document.body.appendChild(tip);
let shown = null;
let hideTimer = 0;

function entryOf(mark) {
  return document.getElementById("span-" + mark.dataset.span);
}

function show(mark) {
  const entry = entryOf(mark);
  if (!entry) return;
  clearTimeout(hideTimer);
  if (shown && shown !== mark) shown.removeAttribute("aria-describedby");
  const copy = entry.cloneNode(true);
  copy.removeAttribute("id");
  tip.replaceChildren(...copy.childNodes);
  tip.hidden = false;
  const box = mark.getBoundingClientRect();
  const width = Math.min(tip.offsetWidth, window.innerWidth - 16);
  const left = Math.max(8, Math.min(box.left, window.innerWidth - width - 8));
  tip.style.left = window.scrollX + left + "px";
  tip.style.top = window.scrollY + box.bottom + 6 + "px";
  mark.setAttribute("aria-describedby", "span-tip");
  shown = mark;
}

function hide(delay) {
  clearTimeout(hideTimer);
  hideTimer = setTimeout(() => {
    tip.hidden = true;
    if (shown) shown.removeAttribute("aria-describedby");
    shown = null;
  }, delay);
}

if (text) {
  // The innermost mark under the pointer is the most specific passage.
  text.addEventListener("mouseover", (event) => {
    const mark = event.target.closest("mark[data-span]");
    if (mark) show(mark);
  });
  text.addEventListener("mouseleave", () => hide(300));
  text.addEventListener("focusin", (event) => {
    const mark = event.target.closest("mark[data-span]");
    if (mark) show(mark);
  });
  text.addEventListener("focusout", () => hide(0));
  const marks = [...text.querySelectorAll("mark[data-span]")];
  text.addEventListener("keydown", (event) => {
    const mark = event.target.closest("mark[data-span]");
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (step && mark) {
      // one tab stop for the text: the passage that last had focus
      const next = marks[marks.indexOf(mark) + step];
      if (next) {
        event.preventDefault();
        mark.tabIndex = -1;
        next.tabIndex = 0;
        next.focus();
      }
    }
    if (event.key === "Enter" && mark) {
      // Enter goes to the passage's entry, whose links lead on to the facts and the statement.
      const entry = entryOf(mark);
      if (entry) {
        entry.setAttribute("tabindex", "-1");
        entry.focus();
      }
    }
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") hide(0);
  });
  tip.addEventListener("mouseenter", () => clearTimeout(hideTimer));
  tip.addEventListener("mouseleave", () => hide(200));
}

// Opened at a quote (#char=S,E): bring the passage into view and show its facts.
function current() {
  if (!location.hash.startsWith("#char=")) return;
  let id;
  try {
    id = decodeURIComponent(location.hash.slice(1));
  } catch {
    return; // a malformed link: the page opens at its top
  }
  const mark = document.getElementById(id);
  if (!mark) return;
  for (const old of document.querySelectorAll("mark.current")) old.classList.remove("current");
  mark.classList.add("current");
  mark.scrollIntoView({ block: "center" });
  mark.focus({ preventScroll: true });
}
window.addEventListener("hashchange", current);
// after the browser's own jump to the fragment (which puts the passage at the very top)
window.addEventListener("load", () => setTimeout(current, 0));
