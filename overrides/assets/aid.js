// Thuiswijzer aid: the session. One loader for http and for a double-clicked file:// page.
// Python runs in a worker (runtime.js); the aid shows the form one step at a time and sends
// the answers to Python on every change. What a user types stays in this page's memory: it is
// never sent anywhere and never stored, unless the user downloads a file.
// The page loads the aid's parts first, each with one job, and this script last, which puts
// them together as the methods of one Aid: aid_view.js (Python's answer in the form),
// aid_wizard.js (steps, history, check page), aid_files.js (files, exports, printing),
// aid_dialog.js (a question in the page), aid_journey.js (moving to another aid) and
// aid_life.js (starting Python, and restarting it when it stops). The parts and every name the
// scripts share with Python come from aids/contract.py, through assets/contract.js.
// The session holds one state (loading, ready, unavailable, stopped). It alone writes the form's
// data-state, and tells each change as the event "tw-aid-state" (C.events.state) on the document (detail: aid,
// state); window.TwAid.state() says the state now. Other scripts listen to that (casus.js).
// Moving to another aid (the route of the aids, a link to an aid page, "take the ticked help
// along") does not leave the page: the other aid's page comes from a script made at build time
// (assets/hulpmiddelen/<id>.js, no case data) and takes this one's place, with the same Python
// and the family file held in memory, which now holds this aid's part too. Each step of each aid
// is an entry in the browser's history, so Back returns to the aid and step the user left, with
// the answers. The address changes with the aid over http (a reload opens that aid empty); from
// file:// it cannot, and stays.
(function () {
  "use strict";
  // The names shared with Python (aids/contract.py), from assets/contract.js.
  var C = window.TwContract, A = C.attr, S = C.sel;

  var TwAid = window.TwAid = window.TwAid || {};
  var current = null;  // the aid on the page now

  // Every word the page shows comes from the aid's content (interface.toml), never from here.
  var TEXTS = {};

  function say(key, values) {
    return (TEXTS[key] || key).replace(/\{([a-z_]+)\}/g, function (match, name) {
      return String(values && name in values ? values[name] : match);
    });
  }

  // Time from an answer changing to the screen showing Python's answer (read by make bench).
  window.__twTimings = [];

  // The page's clock as ISO 8601 with its own offset: a saved file says the time the user saw,
  // and its name differs per save.
  function localMoment() {
    var now = new Date();
    var offset = -now.getTimezoneOffset();
    function two(n) { return String(Math.floor(Math.abs(n))).padStart(2, "0"); }
    return now.getFullYear() + "-" + two(now.getMonth() + 1) + "-" + two(now.getDate()) + "T" +
      two(now.getHours()) + ":" + two(now.getMinutes()) + ":" + two(now.getSeconds()) +
      (offset < 0 ? "-" : "+") + two(offset / 60) + ":" + two(offset % 60);
  }

  function text(el, message) {
    el.textContent = message || "";
    el.hidden = !message;
  }

  TwAid.say = say;
  TwAid.text = text;
  TwAid.state = function () { return current ? current.state : "loading"; };
  TwAid.setCurrent = function (aid) { current = aid; };

  function Aid(form) {
    this.form = form;
    this.id = form.getAttribute(A.aid);
    this.steps = Array.prototype.slice.call(form.querySelectorAll(S.step));
    this.check = form.querySelector(S.check);
    this.output = form.querySelector(S.output);
    this.summary = form.querySelector(S.errors);
    this.exports = form.querySelector(S.exports);
    this.tools = form.querySelector(S.tools);
    this.actions = form.querySelector(".aid-actions");
    this.python = null;
    this.state = form.getAttribute(A.state) || "loading";
    this.inFlight = false;
    this.pending = false;
    this.inputTimes = [];
    this.dirty = false;
    this.view = 0;  // index of the step shown; steps.length = check page; +1 = result
    this.family = "";  // the family file opened (its text), kept in memory only
    this.url = undefined;  // the address of this aid's page, where the browser lets it change
  }

  TwAid.Aid = Aid;
  C.parts.forEach(function (part) { Object.assign(Aid.prototype, TwAid[part]); });

  // The one state, read three ways. Only status() changes it.
  [["ready", "ready"], ["failed", "unavailable"], ["stopped", "stopped"]].forEach(function (pair) {
    Object.defineProperty(Aid.prototype, pair[0], {
      get: function () { return this.state === pair[1]; } });
  });

  // The event goes out once the status says the new state, so a listener may add to it.
  Aid.prototype.status = function (state, message) {
    var changed = state !== this.state;
    this.state = state;
    this.form.setAttribute(A.state, state);
    var status = this.form.querySelector(S.status);
    status.textContent = "";
    var p = document.createElement("p");
    p.textContent = message;
    status.appendChild(p);
    if (changed) {
      document.dispatchEvent(new CustomEvent(C.events.state, { detail: { aid: this.id, state: state } }));
    }
  };

  Aid.prototype.fields = function () {
    var fields = {};
    new FormData(this.form).forEach(function (value, name) {
      if (typeof value === "string") (fields[name] = fields[name] || []).push(value);
    });
    return fields;
  };

  // Send one request to Python; resolves with its parsed answer, or with {ok: false, message}
  // if Python fails, cannot be read or has stopped: every call settles.
  Aid.prototype.call = function (request) {
    var self = this;
    request.aid = this.id;
    if (!this.ready) return Promise.resolve(this.notRunning());
    return this.python.call(request).then(function (response) {
      if (response) return response;
      return self.stopped ? self.notRunning() : { ok: false, message: say("request_failed") };
    });
  };

  // want: which renderings to return besides visibility and errors ("check", "result",
  // "exports", "save"). The family file opened goes along, so saving keeps the other aids' parts.
  Aid.prototype.evaluate = function (options) {
    var want = options.want || [];
    return this.call({ op: "evaluate", fields: this.fields(), final: Boolean(options.final),
                       step: options.step || null, want: want,
                       family: want.length ? this.family : "", now: localMoment() });
  };

  // Live update after a change: one request at a time, the latest answers win.
  Aid.prototype.update = function () {
    var self = this;
    if (!this.ready) return;
    if (this.inFlight) { this.pending = true; return; }
    this.inFlight = true;
    var times = this.inputTimes;
    this.inputTimes = [];
    this.evaluate({}).then(function (response) {
      self.show(response, false);
      var now = performance.now();
      times.forEach(function (t) { window.__twTimings.push(now - t); });
      if (!performance.getEntriesByName("tw-first-result").length) {
        performance.mark("tw-first-result");
      }
      self.inFlight = false;
      if (self.pending) { self.pending = false; self.update(); }
    });
  };

  // Start -------------------------------------------------------------------------------

  // handed: another aid had the page, and Python runs already (moveTo).
  Aid.prototype.start = function (handed) {
    var self = this;
    var form = this.form;
    form.classList.add("aid--wizard");
    this.addNavigation();
    if (handed) {
      var tracking = this.tracking;
      this.tracking = false;  // the step to show comes with the family file (arrive)
      this.go(0, false);
      this.tracking = tracking;
    } else {
      // The first step is the page's own history entry (also after a reload).
      try {
        history.replaceState({ twAid: this.id, twStep: 0 }, "");
        this.tracking = true;
      } catch (error) {
        this.tracking = false;
      }
      this.go(0, false);
      this.status("loading", say("starting"));
    }

    form.addEventListener("input", function (event) {
      if (event.target.matches(S["import"])) return;
      self.dirty = true;
      var name = event.target.getAttribute("name");
      // An answer changed here no longer is what the family file brought.
      var origin = name && form.querySelector('[' + A.originFor + '="' + CSS.escape(name) + '"]');
      if (origin) text(origin, "");
      self.inputTimes.push(performance.now());
      self.update();
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.finish();
    });
    form.addEventListener("click", function (event) {
      var exporter = event.target.closest(S["export"]);
      var carry = event.target.closest(S.carry);
      if (exporter) self.exportAs(exporter.getAttribute(A["export"]));
      else if (carry) self.carry(carry);
      else if (event.target.closest(S.clear)) self.clear();
      else self.follow(event);
    });
    form.querySelector(S["import"]).addEventListener("change", function (event) {
      self.open(event.target);
    });
    if (!handed) this.load();
  };

  // What belongs to the page, not to one aid: set up once, for whichever aid is on it.
  function listen() {
    window.addEventListener("popstate", function (event) { current.revisit(event); });
    window.addEventListener("beforeunload", function (event) {
      if (!current.dirty) return;
      event.preventDefault();
      event.returnValue = "";
    });
    window.addEventListener("beforeprint", function () { current.beforePrint(); });
    window.addEventListener("afterprint", function () {
      document.documentElement.removeAttribute(A.print);
      TwAid.printHeader("");
    });
    // A link to another aid's page, anywhere on the page, moves there without leaving it, so
    // the family file goes along. A new tab, or a page whose Python does not run, opens as usual.
    document.addEventListener("click", function (event) {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey ||
          event.shiftKey || event.altKey) return;
      var link = event.target.closest("a[href]");
      var target = link && TwAid.aidOf(link);
      if (!target || !current.ready || current.stopped) return;
      if (target === current.id && /#/.test(link.getAttribute("href"))) return;  // a place here
      event.preventDefault();
      if (target === current.id) current.go(current.view);
      else current.moveTo(target);
    });
    window.addEventListener("pagehide", function () { current.forget(); });
    window.addEventListener("pageshow", function (event) {
      if (!event.persisted) return;
      current.forget();
      current.go(0, false);
      if (current.ready) current.status("ready", say("ready"));
      current.update();
    });
  }

  function init() {
    var texts = document.querySelector("script" + S.texts);
    var form = document.querySelector("form.aid" + S.aid);
    if (!form || !texts) return;
    TEXTS = JSON.parse(texts.textContent);
    var ids = [form.getAttribute(A.aid)];
    document.querySelectorAll(S.route).forEach(function (link) {
      ids.push(link.getAttribute(A.route));
    });
    ids.forEach(TwAid.route);
    current = new Aid(form);
    listen();
    current.start();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
