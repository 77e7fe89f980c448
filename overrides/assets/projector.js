// Projector mode (beamerweergave) for a room: large type, no navigation, high contrast, and only
// what the room must see. The URL carries the mode (?beamer), so a trainer can bookmark it. Keys:
// arrow right or Page Down for the next step, arrow left or Page Up for the previous one, O for the
// parents' version, N to hide the groups' names, Esc to leave. It drives an aid only through its
// visible buttons, as a person would; on a case page a step is a section of the page; on the group
// overview a step is one question (a screen). The words on the controls are in the page (made at
// build time).
(function () {
  "use strict";
  // The names shared with Python (aids/contract.py), from assets/contract.js.
  var C = window.TwContract, A = C.attr, S = C.sel;

  var bar = document.querySelector(S.beamerBar);
  if (!bar) return;
  var root = document.documentElement;
  var parentsButton = bar.querySelector('[' + A.beamer + '="parents"]');
  var namesButton = bar.querySelector('[' + A.beamer + '="names"]');
  var section = 0;  // on a page without an aid: the heading shown last
  var screen = 0;  // on the group overview: the question shown

  function aid() {
    return document.querySelector("form.aid.aid--wizard");
  }

  function active() {
    return root.classList.contains("tw-beamer");
  }

  // The same address with or without ?beamer; the #fragment (an opened case) stays.
  function address(on) {
    var params = new URLSearchParams(window.location.search);
    params.delete("beamer");
    var query = params.toString();
    if (on) query = query ? query + "&beamer" : "beamer";
    return window.location.pathname + (query ? "?" + query : "") + window.location.hash;
  }

  function remember(on) {
    try { history.replaceState(history.state, "", address(on)); } catch (error) { /* file:// */ }
  }

  function visible(selector, scope) {
    var found = (scope || document).querySelectorAll(selector);
    for (var i = 0; i < found.length; i++) {
      if (found[i].offsetParent !== null) return found[i];
    }
    return null;
  }

  function focus(target) {
    if (!target) return;
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus();
  }

  function headings() {
    return Array.prototype.slice.call(
      document.querySelectorAll(".md-content__inner > h1, .md-content__inner > h2[id]"));
  }

  function showSection(index) {
    var list = headings();
    if (!list.length) return;
    section = Math.max(0, Math.min(index, list.length - 1));
    list[section].scrollIntoView({ block: "start" });
    focus(list[section]);
  }

  // The group overview's screens that are shown: with "only differences" chosen, the questions
  // all groups agree on are left out.
  function screens() {
    var output = document.querySelector(S.overviewOutput);
    if (!output) return [];
    var only = output.classList.contains("tw-overview--differences");
    return Array.prototype.filter.call(output.querySelectorAll(S.screen), function (el) {
      return !(only && el.hasAttribute(A.agree));
    });
  }

  function showScreen(index) {
    var list = screens();
    document.querySelectorAll(S.screen + S.current).forEach(function (el) {
      el.removeAttribute(A.current);
    });
    if (!list.length) return;
    screen = Math.max(0, Math.min(index, list.length - 1));
    list[screen].setAttribute(A.current, "");
    if (!active()) return;
    window.scrollTo(0, 0);
    focus(list[screen].querySelector("h2, h3"));
  }

  function step(direction) {
    if (screens().length) { showScreen(screen + direction); return; }
    var form = aid();
    if (!form) { showSection(section + direction); return; }
    var button;
    if (direction > 0) {
      button = visible(".aid-step " + S.next, form) ||
        visible(S.submit, form);
    } else {
      button = visible(".aid-step .aid-nav button.aid-button--secondary:not(.aid-button--save)", form) ||
        visible(".aid-actions button.aid-button--secondary:not(.aid-button--save)", form) ||
        visible(":scope > button.aid-button--secondary", form);
    }
    if (button) button.click();
  }

  function toggleParents() {
    if (!parentsButton || parentsButton.hidden) return;
    var on = root.getAttribute(A.voice) !== "ouders";
    if (on) root.setAttribute(A.voice, "ouders");
    else root.removeAttribute(A.voice);
    parentsButton.setAttribute("aria-pressed", on ? "true" : "false");
    // The result's own version switch follows, so leaving the projector shows the same version.
    var choice = document.querySelector('[' + A.version + '="' + (on ? "ouders" : "pro") + '"]');
    if (choice) choice.checked = true;
  }

  // The overview's own choice (a checkbox in its form) is the one state; the button follows it.
  function namesBox() {
    return document.querySelector(S.overviewNames);
  }

  function toggleNames() {
    var box = namesBox();
    if (box) box.click();
  }

  function showNames() {
    var box = namesBox();
    if (namesButton && box) namesButton.setAttribute("aria-pressed", box.checked ? "true" : "false");
  }

  function enter() {
    root.classList.add("tw-beamer");
    // An aid shows only its form: the room sees the question, the answers and the result.
    root.classList.toggle("tw-beamer-aid", Boolean(document.querySelector("form.aid")));
    remember(true);
    if (screens().length) { showScreen(screen); return; }
    focus(visible(".aid-step-title, " + S.check + " h2, " + S.output) || headings()[0]);
  }

  function leave() {
    root.classList.remove("tw-beamer", "tw-beamer-aid");
    root.removeAttribute(A.voice);
    if (parentsButton) parentsButton.setAttribute("aria-pressed", "false");
    remember(false);
    bar.querySelector('[' + A.beamer + '="enter"]').focus();
  }

  function typing(target) {
    return target.matches("input[type=text], input:not([type]), textarea, select, [contenteditable]");
  }

  document.addEventListener("keydown", function (event) {
    if (!active() || event.altKey || event.ctrlKey || event.metaKey) return;
    var target = event.target;
    var key = event.key;
    if (key === "Escape") { event.preventDefault(); leave(); return; }
    if (typing(target)) return;
    var arrows = !target.matches("input[type=radio], input[type=checkbox]");
    if (key === "PageDown" || (arrows && key === "ArrowRight")) step(1);
    else if (key === "PageUp" || (arrows && key === "ArrowLeft")) step(-1);
    else if ((key === "o" || key === "O") && parentsButton) toggleParents();
    else if ((key === "n" || key === "N") && namesButton) toggleNames();
    else return;
    event.preventDefault();
    // The theme's own keys (on window, after this) must not act too: its N goes to the next page.
    event.stopPropagation();
  });

  bar.addEventListener("click", function (event) {
    var control = event.target.closest(S.beamer);
    if (!control) return;
    var action = control.getAttribute(A.beamer);
    if (action === "enter") { event.preventDefault(); enter(); }
    else if (action === "exit") leave();
    else if (action === "next") step(1);
    else if (action === "previous") step(-1);
    else if (action === "parents") toggleParents();
    else if (action === "names") toggleNames();
  });

  // A new overview starts at its first screen; a new choice of what to see keeps the place.
  document.addEventListener("tw-overview-shown", function () { showScreen(0); });
  document.addEventListener("tw-overview-view", function () {
    showNames();
    if (screens().length) showScreen(screen);
  });

  // Only aids with a version for parents get that control.
  if (parentsButton) parentsButton.hidden = !document.querySelector('[' + A["export"] + '="print-ouders"]');
  showNames();
  bar.querySelector('[' + A.beamer + '="enter"]').setAttribute("href", address(true));
  bar.hidden = false;
  if (new URLSearchParams(window.location.search).has("beamer")) enter();
})();
