// Projector mode (beamerweergave) for a room: large type, no navigation, high contrast. The URL
// carries the mode (?beamer), so a trainer can bookmark it. Keys: arrow right or Page Down for the
// next step, arrow left or Page Up for the previous one, O for the parents' version, Esc to leave.
// It drives an aid only through its visible buttons, as a person would; on a case page a step is
// a section of the page. The words on the controls are in the page (made at build time).
(function () {
  "use strict";

  var bar = document.querySelector("[data-tw-beamer-bar]");
  if (!bar) return;
  var root = document.documentElement;
  var parentsButton = bar.querySelector('[data-tw-beamer="parents"]');
  var section = 0;  // on a page without an aid: the heading shown last

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

  function headings() {
    return Array.prototype.slice.call(
      document.querySelectorAll(".md-content__inner > h1, .md-content__inner > h2[id]"));
  }

  function showSection(index) {
    var list = headings();
    if (!list.length) return;
    section = Math.max(0, Math.min(index, list.length - 1));
    var target = list[section];
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.scrollIntoView({ block: "start" });
    target.focus();
  }

  function step(direction) {
    var form = aid();
    if (!form) { showSection(section + direction); return; }
    var button;
    if (direction > 0) {
      button = visible(".aid-step [data-aid-next]", form) ||
        visible("[data-aid-submit]", form);
    } else {
      button = visible(".aid-step .aid-nav button.aid-button--secondary", form) ||
        visible(".aid-actions button.aid-button--secondary", form) ||
        visible(":scope > button.aid-button--secondary", form);
    }
    if (button) button.click();
  }

  function toggleParents() {
    if (parentsButton.hidden) return;
    var on = root.getAttribute("data-tw-voice") !== "ouders";
    if (on) root.setAttribute("data-tw-voice", "ouders");
    else root.removeAttribute("data-tw-voice");
    parentsButton.setAttribute("aria-pressed", on ? "true" : "false");
    // The result's own version switch follows, so leaving the projector shows the same version.
    var choice = document.querySelector('[data-aid-version="' + (on ? "ouders" : "pro") + '"]');
    if (choice) choice.checked = true;
  }

  function enter() {
    root.classList.add("tw-beamer");
    remember(true);
    var start = visible(".aid-step-title, [data-aid-check] h2, [data-aid-output]") || headings()[0];
    if (start) {
      if (!start.hasAttribute("tabindex")) start.setAttribute("tabindex", "-1");
      start.focus();
    }
  }

  function leave() {
    root.classList.remove("tw-beamer");
    root.removeAttribute("data-tw-voice");
    parentsButton.setAttribute("aria-pressed", "false");
    remember(false);
    bar.querySelector('[data-tw-beamer="enter"]').focus();
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
    else if (key === "o" || key === "O") toggleParents();
    else return;
    event.preventDefault();
  });

  bar.addEventListener("click", function (event) {
    var control = event.target.closest("[data-tw-beamer]");
    if (!control) return;
    var action = control.getAttribute("data-tw-beamer");
    if (action === "enter") { event.preventDefault(); enter(); }
    else if (action === "exit") leave();
    else if (action === "next") step(1);
    else if (action === "previous") step(-1);
    else if (action === "parents") toggleParents();
  });

  // Only aids with a version for parents get that control.
  parentsButton.hidden = !document.querySelector('[data-aid-export="print-ouders"]');
  bar.querySelector('[data-tw-beamer="enter"]').setAttribute("href", address(true));
  bar.hidden = false;
  if (new URLSearchParams(window.location.search).has("beamer")) enter();
})();
