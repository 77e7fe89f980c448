// Thuiswijzer aid loader: one loader for http and for a double-clicked file:// page.
// Python runs in a worker (runtime.js); this script shows the form one step at a time and sends
// the answers to Python on every change. What a user types stays in this page's memory: it is never sent anywhere and never
// stored, unless the user downloads a file.
// Moving to another aid (the route of the aids, a link to an aid page, "take the ticked help
// along") does not leave the page: the other aid's page comes from a script made at build time
// (assets/hulpmiddelen/<id>.js, no case data) and takes this one's place, with the same Python
// and the family file held in memory, which now holds this aid's part too. Each step of each aid
// is an entry in the browser's history, so Back returns to the aid and step the user left, with
// the answers. The address changes with the aid over http (a reload opens that aid empty); from
// file:// it cannot, and stays.
(function () {
  "use strict";

  var SCRIPT = document.currentScript;
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

  // A string for CSS content: "..." with every character that could end it escaped.
  function cssString(value) {
    return '"' + String(value).replace(/[\\"\n\r\f]/g, function (c) {
      return "\\" + c.charCodeAt(0).toString(16) + " ";
    }) + '"';
  }

  // What every printed page says at its top: put in the page's print margin (@page), through
  // a stylesheet made here (no inline style, which the Content-Security-Policy refuses).
  var printSheet = null;
  function printHeader(words) {
    if (!printSheet) {
      if (!("adoptedStyleSheets" in document)) return;
      printSheet = new CSSStyleSheet();
      document.adoptedStyleSheets = document.adoptedStyleSheets.concat([printSheet]);
    }
    printSheet.replaceSync(words ? "@page { @top-left { content: " + cssString(words) +
      "; font-size: 9pt; } }" : "");
  }

  function text(el, message) {
    el.textContent = message || "";
    el.hidden = !message;
  }

  function Aid(form) {
    this.form = form;
    this.id = form.getAttribute("data-aid");
    this.steps = Array.prototype.slice.call(form.querySelectorAll("[data-step]"));
    this.check = form.querySelector("[data-aid-check]");
    this.output = form.querySelector("[data-aid-output]");
    this.summary = form.querySelector("[data-aid-errors]");
    this.exports = form.querySelector("[data-aid-exports]");
    this.tools = form.querySelector("[data-aid-tools]");
    this.actions = form.querySelector(".aid-actions");
    this.python = null;
    this.ready = false;
    this.failed = false;
    this.inFlight = false;
    this.pending = false;
    this.inputTimes = [];
    this.dirty = false;
    this.view = 0;  // index of the step shown; steps.length = check page; +1 = result
    this.family = "";  // the family file opened (its text), kept in memory only
    this.url = undefined;  // the address of this aid's page, where the browser lets it change
  }

  Aid.prototype.status = function (state, message) {
    this.form.setAttribute("data-state", state);
    var status = this.form.querySelector("[data-aid-status]");
    status.textContent = "";
    var p = document.createElement("p");
    p.textContent = message;
    status.appendChild(p);
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

  Aid.prototype.show = function (response, withSummary) {
    var form = this.form;
    if (!response.ok) {
      this.problem(response, withSummary);
      return;
    }
    this.last = response;
    if (response.print_header) this.header = response.print_header;
    var visible = {};
    response.visible.forEach(function (name) { visible[name] = true; });
    form.querySelectorAll("[data-field]").forEach(function (el) {
      el.hidden = !visible[el.getAttribute("data-field")];
    });
    form.querySelectorAll("[data-question], [data-entry]").forEach(function (el) {
      var fields = el.querySelectorAll("[data-field]");
      el.hidden = fields.length > 0 && Array.prototype.every.call(fields, function (f) {
        return f.hidden;
      });
    });
    var messages = {};
    response.errors.forEach(function (e) { messages[e.field] = e.message; });
    form.querySelectorAll("[data-error-for]").forEach(function (slot) {
      var name = slot.getAttribute("data-error-for");
      var message = messages[name];
      text(slot, message ? say("field_error", { message: message }) : "");
      var field = form.querySelector('[data-field="' + name + '"]');
      if (!field) return;
      field.classList.toggle("aid-field--error", Boolean(message));
      var control = field.querySelector("input:not([type=radio]):not([type=checkbox]), textarea");
      if (control) {
        if (message) control.setAttribute("aria-invalid", "true");
        else control.removeAttribute("aria-invalid");
      }
    });
    this.renumber();
    this.name(response.members || {});
    if (withSummary || !response.errors.length) {
      this.summary.innerHTML = response.errors_html;  // built and escaped by Python
      this.summary.hidden = response.errors.length === 0;
    }
    // Built and escaped by Python.
    if (response.result_html !== undefined) {
      this.output.innerHTML = response.result_html;
      var output = this.output;
      form.querySelectorAll("[data-aid-kept] input").forEach(function (input) {
        if (output.querySelector('[name="' + CSS.escape(input.name) + '"]')) input.remove();
      });
    }
    if (response.check_html !== undefined) {
      this.check.querySelector("[data-aid-check-body]").innerHTML = response.check_html;
    }
  };

  // The members are named by the roles typed ("moeder"), not by their slots ("Ouder 1"): the
  // slot's own words (from the page) come back when the role is cleared.
  Aid.prototype.name = function (members) {
    this.form.querySelectorAll("[data-member-label]").forEach(function (label) {
      if (!label.hasAttribute("data-slot")) label.setAttribute("data-slot", label.textContent);
      var role = members && members[label.getAttribute("data-member-label")];
      label.textContent = role || label.getAttribute("data-slot");
    });
  };

  // Where a field the family file filled in got its answer: said under its label.
  Aid.prototype.showOrigins = function (origins) {
    this.form.querySelectorAll("[data-origin-for]").forEach(function (slot) {
      text(slot, (origins || {})[slot.getAttribute("data-origin-for")] || "");
    });
  };

  // Wizard ------------------------------------------------------------------------------

  Aid.prototype.stepIsEmpty = function (step) {
    var fields = step.querySelectorAll("[data-field]");
    return fields.length > 0 && Array.prototype.every.call(fields, function (f) { return f.hidden; });
  };

  Aid.prototype.go = function (index, focus) {
    var self = this;
    var last = this.steps.length;
    this.view = Math.max(0, Math.min(index, last + 1));
    this.steps.forEach(function (step, i) { step.hidden = i !== self.view; });
    this.check.hidden = this.view !== last;
    this.actions.hidden = this.view !== last;
    this.output.hidden = this.view !== last + 1;
    this.exports.hidden = this.view !== last + 1 || !this.ready;
    this.form.querySelectorAll(".aid-nav").forEach(function (nav) {
      nav.hidden = nav.parentNode.hidden;
    });
    this.resultBack.hidden = this.view !== last + 1;
    this.form.querySelectorAll("[data-aid-to-check]").forEach(function (button) {
      button.hidden = !self.returnToCheck;
    });
    this.record();
    // Focus and view go to the title, which stays clear of the sticky header (scroll-margin).
    var target = this.view < last ? this.steps[this.view].querySelector(".aid-step-title")
      : this.view === last ? this.check.querySelector("h2")
        : this.output.querySelector(".aid-result-title") || this.output;
    if (focus !== false && target) {
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: "start" });
    }
  };

  // Steps that do not apply are skipped, so the numbers count only the steps that are asked.
  Aid.prototype.renumber = function () {
    var self = this;
    var asked = this.steps.filter(function (step) { return !self.stepIsEmpty(step); });
    var total = asked.length + 1;  // the check page is the last step
    this.steps.forEach(function (step) {
      var number = asked.indexOf(step) + 1;
      if (number) step.querySelector(".aid-progress").textContent = say("progress", { number: number, total: total });
    });
    this.check.querySelector(".aid-progress").textContent = say("progress", { number: total, total: total });
  };

  // Each step is an entry in the browser's history, so Back and Forward move between steps.
  // Leaving the aid from its first step is the browser's own Back (and warns if anything is typed).
  Aid.prototype.record = function () {
    if (!this.tracking) return;
    var state = history.state;
    if (state && state.twAid === this.id && state.twStep === this.view) return;
    var entry = { twAid: this.id, twStep: this.view };
    try {
      if (state && typeof state.twStep === "number") history.pushState(entry, "", this.url);
      else history.replaceState(entry, "", this.url);
    } catch (error) {
      this.tracking = false;  // a browser that refuses: the buttons still work
    }
  };

  Aid.prototype.revisit = function (event) {
    var state = event.state;
    if (!this.tracking || this.failed || !state || typeof state.twStep !== "number") return;
    if (state.twAid && state.twAid !== this.id) {  // Back or Forward to another aid
      this.moveTo(state.twAid, { view: state.twStep });
      return;
    }
    var last = this.steps.length;
    var index = state.twStep;
    if (index === last) this.showCheck();
    else if (index > last) this.finish();
    else {
      while (index > 0 && this.stepIsEmpty(this.steps[index])) index--;
      this.go(index);
    }
  };

  Aid.prototype.move = function (direction) {
    var index = this.view + direction;
    while (index >= 0 && index < this.steps.length && this.stepIsEmpty(this.steps[index])) {
      index += direction;
    }
    if (index < 0) index = 0;
    if (index >= this.steps.length) this.showCheck();
    else this.go(index);
  };

  Aid.prototype.next = function () {
    var self = this;
    if (this.stopped) { this.offerRestart(); return; }
    if (!this.ready) { this.move(1); return; }
    var step = this.steps[this.view].getAttribute("data-step");
    this.evaluate({ final: true, step: step }).then(function (response) {
      self.show(response, true);
      if (!response.ok) return;  // not checked: stay on this step
      if (response.errors.length) self.summary.focus();
      else self.move(1);
    });
  };

  Aid.prototype.showCheck = function () {
    var self = this;
    this.returnToCheck = false;
    this.go(this.steps.length);
    if (!this.ready) {
      this.check.querySelector("[data-aid-check-body]").textContent =
        say(this.stopped ? "stopped" : "starting_check");
      return;
    }
    this.evaluate({ final: true, want: ["check"] }).then(function (response) {
      self.show(response, true);
    });
  };

  Aid.prototype.finish = function () {
    var self = this;
    if (this.stopped) { this.offerRestart(); return; }
    if (this.failed) { this.status("unavailable", say("checklist_no_result")); return; }
    if (!this.ready) {
      this.status("loading", say("starting_retry"));
      return;
    }
    this.evaluate({ final: true, want: ["check", "result"] }).then(function (response) {
      self.show(response, true);
      if (!response.ok) return;
      if (response.errors.length) self.summary.focus();
      else self.go(self.steps.length + 1);
    });
  };

  Aid.prototype.stepOf = function (element) {
    for (var i = 0; i < this.steps.length; i++) if (this.steps[i].contains(element)) return i;
    return -1;
  };

  // A link to a field or step (error summary, "Wijzig"): show its step, then go there.
  Aid.prototype.follow = function (event) {
    var link = event.target.closest("a[href^='#']");
    if (!link || !this.form.contains(link)) return;
    var target = document.getElementById(link.getAttribute("href").slice(1));
    var index = target ? this.stepOf(target) : -1;
    if (index < 0) return;
    event.preventDefault();
    // From the check page, each step offers the way back to it.
    if (this.check.contains(link)) this.returnToCheck = true;
    this.go(index, false);
    // The first control shown (a question may be hidden by an earlier answer), else the title.
    var shown = Array.prototype.filter.call(target.querySelectorAll("input, textarea"),
                                            function (c) { return !c.closest("[hidden]"); });
    var control = target.matches("input, textarea") ? target
      : shown[0] || this.steps[index].querySelector(".aid-step-title");
    control.focus();
  };

  Aid.prototype.addNavigation = function () {
    var self = this;
    function button(label, css, onClick) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "aid-button " + css;
      b.textContent = label;
      b.addEventListener("click", onClick);
      return b;
    }
    // Save and come back later: beside every step's buttons and on the check page.
    function saving(place) {
      var status = document.createElement("p");
      status.className = "aid-save-status";
      status.setAttribute("role", "status");
      status.setAttribute("data-aid-save-status", "");
      var save = button(say("save"), "aid-button--secondary aid-button--save", function () {
        self.save(status);
      });
      save.setAttribute("data-aid-save", "");
      place.appendChild(save);
      place.appendChild(status);
    }
    this.steps.forEach(function (step, i) {
      var nav = document.createElement("div");
      nav.className = "aid-nav";
      if (i > 0) nav.appendChild(button(say("previous"), "aid-button--secondary", function () { self.move(-1); }));
      var next = button(say(i === self.steps.length - 1 ? "to_check" : "next"),
        "", function () { self.next(); });
      next.setAttribute("data-aid-next", "");
      nav.appendChild(next);
      var back = button(say("back_to_check"), "aid-button--secondary", function () { self.showCheck(); });
      back.setAttribute("data-aid-to-check", "");
      back.hidden = true;
      nav.appendChild(back);
      saving(nav);
      step.appendChild(nav);
    });
    this.actions.insertBefore(button(say("previous"), "aid-button--secondary",
      function () { self.move(-1); }), this.actions.firstChild);
    saving(this.actions);
    this.resultBack = button(say("back_to_answers"), "aid-button--secondary",
      function () { self.showCheck(); });
    this.exports.parentNode.insertBefore(this.resultBack, this.exports.nextSibling);
  };

  // Files, copying, printing ------------------------------------------------------------

  // name: the file name Python chose (the aid or the family file, the label, date and time).
  Aid.prototype.download = function (content, type, name) {
    var blob = new Blob([content], { type: type });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  };

  Aid.prototype.exportAs = function (kind) {
    var self = this;
    var status = this.form.querySelector("[data-aid-export-status]");
    if (kind.indexOf("print") === 0) {
      document.documentElement.setAttribute("data-tw-print",
        { "print": "alles", "print-ouders": "ouders", "print-jongere": "jongere",
          "print-overzicht": "overzicht" }[kind]);
      window.print();
      return;
    }
    if (kind === "json") { this.save(status); return; }
    this.evaluate({ want: ["exports"] }).then(function (response) {
      if (!response.ok) { self.show(response, true); return; }
      if (kind === "ics") {
        // The calendar names its events by the family's id: keep the file that holds it, so a
        // later save (and a later calendar) has the same id.
        self.family = response.family_json;
        self.download(response.calendar, "text/calendar", response.export_name + ".ics");
        status.textContent = say("saved_ics");
      } else if (kind === "markdown") {
        self.download(response.result_markdown, "text/markdown", response.export_name + ".md");
        status.textContent = say("saved_markdown");
      } else if (kind === "copy") {
        self.copy(response.result_text).then(function (ok) {
          status.textContent = say(ok ? "copied" : "copy_failed");
        });
      }
    });
  };

  // The family file with this aid's answers, at any step, finished or not. What is saved
  // becomes the file held, so a second save keeps the other aids' parts too.
  Aid.prototype.save = function (status) {
    var self = this;
    this.form.querySelectorAll("[data-aid-save-status]").forEach(function (el) { el.textContent = ""; });
    if (!this.ready) { this.problem(this.notRunning(), true); return; }
    this.evaluate({ want: ["save"] }).then(function (response) {
      if (!response.ok) { self.problem(response, true); return; }
      self.family = response.family_json;
      self.download(response.family_json, "application/json", response.family_file);
      self.dirty = false;
      // A label that looks like a full name is not in the file: say so, and why.
      status.textContent = say(response.name_left_out ? "saved_json_no_name" : "saved_json",
                               { file: response.family_file });
    });
  };

  Aid.prototype.copy = function (value) {
    function fallback() {
      var area = document.createElement("textarea");
      area.value = value;
      area.setAttribute("readonly", "");
      area.className = "aid-visually-hidden";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      area.remove();
      return ok;
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(value).then(function () { return true; }, fallback);
    }
    return Promise.resolve(fallback());
  };

  // Open a saved file. It never loses typed work: a file that brings nothing for this aid leaves
  // the form as it is; when the form holds answers, the page first says what the file brings
  // and asks; a file (or its part for this aid) that cannot be read changes nothing.
  Aid.prototype.open = function (input) {
    var self = this;
    var error = this.form.querySelector("[data-aid-import-error]");
    var file = input.files && input.files[0];
    var casus = input.hasAttribute("data-tw-casus");  // a training case (assets/casus.js)
    input.removeAttribute("data-tw-casus");
    text(error, "");
    if (!file) return;
    function refuse(message) {
      text(error, say("file_refused", { message: message }));
      input.setAttribute("aria-invalid", "true");
      input.value = "";
      input.focus();
    }
    TwPython.readFile(file).then(function (read) {
      if (read.problem) {
        refuse(say("file_" + read.problem));
        return;
      }
      self.opening = true;
      self.call({ op: "import", text: read.text }).then(function (response) {
        self.opening = false;
        if (!response.ok) {
          if (response.stopped) { input.value = ""; self.problem(response, true); return; }
          refuse(response.message);
          return;
        }
        input.removeAttribute("aria-invalid");
        input.value = "";
        if (response.empty) {  // nothing for this aid: the form stays, saving adds to the file
          if (response.family) self.family = response.family;
          self.status("ready", say("file_opened", { note: response.note }));
          return;
        }
        var asked = !self.hasAnswers() ? Promise.resolve(true) : self.ask(
          say("replace_title"), [say("replace_intro"), response.brings, say("replace_warning")],
          say("replace_yes"), say("replace_no"));
        asked.then(function (replace) {
          if (!replace) { self.status("ready", say("replace_kept")); return; }
          self.fill(response.fields, response.origins);
          self.family = response.family || "";
          self.dirty = false;
          self.status("ready", say("file_opened", { note: response.note || say("file_opened_note") }));
          // A training case starts where the room starts: at its first step (assets/casus.js).
          self.land(casus ? "" : response.open_step);
        });
      });
    });
  };

  // After opening a file: the first step with a question still open, or the first step. Each
  // step then offers the check page, which lists what is still open.
  Aid.prototype.land = function (stepId) {
    var self = this;
    var index = this.steps.findIndex(function (step) { return step.getAttribute("data-step") === stepId; });
    this.returnToCheck = true;
    this.go(Math.max(index, 0));
    // An answer in the file that the aid cannot take is named at once, in the summary.
    this.evaluate({}).then(function (response) {
      self.show(response, response.ok && response.errors.length > 0);
    });
  };

  // Whether the form holds anything typed or chosen (the result's own controls, named tw-, not).
  Aid.prototype.hasAnswers = function () {
    var fields = this.fields();
    return Object.keys(fields).some(function (name) {
      return name.indexOf("tw-") !== 0 && fields[name].some(function (value) {
        return value.trim() !== "";
      });
    });
  };

  // A question in the page itself: a modal <dialog> that keyboard and screen readers use as
  // any other part of the page. The safe choice has focus; Escape chooses it too. lines: texts
  // (paragraphs) and lists of texts. Resolves true for yes.
  Aid.prototype.ask = function (title, lines, yes, no) {
    var self = this;
    if (this.asking) this.asking(false);
    return new Promise(function (resolve) {
      var dialog = document.createElement("dialog");
      dialog.className = "md-typeset aid-dialog";
      dialog.setAttribute("aria-labelledby", "tw-aid-dialog-title");
      var heading = document.createElement("h2");
      heading.id = "tw-aid-dialog-title";
      heading.textContent = title;
      dialog.appendChild(heading);
      lines.forEach(function (line) {
        var block = document.createElement(Array.isArray(line) ? "ul" : "p");
        (Array.isArray(line) ? line : []).forEach(function (item) {
          var li = document.createElement("li");
          li.textContent = item;
          block.appendChild(li);
        });
        if (!Array.isArray(line)) block.textContent = line;
        dialog.appendChild(block);
      });
      var buttons = document.createElement("div");
      buttons.className = "aid-dialog-buttons";
      function button(label, css, value) {
        var b = document.createElement("button");
        b.type = "button";
        b.className = "aid-button " + css;
        b.textContent = label;
        b.addEventListener("click", function () { answer(value); });
        buttons.appendChild(b);
        return b;
      }
      function answer(value) {
        if (self.asking !== answer) return;
        self.asking = null;
        if (dialog.open) dialog.close();
        dialog.remove();
        resolve(value);
      }
      button(yes, "", true);
      var safe = button(no, "aid-button--secondary", false);
      dialog.appendChild(buttons);
      dialog.addEventListener("cancel", function (event) { event.preventDefault(); answer(false); });
      self.asking = answer;
      document.body.appendChild(dialog);
      dialog.showModal();
      safe.focus();
    });
  };

  // Take the ticked help to the plan: the ticks are this aid's answers, so they go into the
  // family file held in memory, and the plan joins them to the help it already has.
  Aid.prototype.carry = function (button) {
    var picked = this.form.querySelectorAll("[data-aid-pick]:checked").length;
    var status = this.form.querySelector("[data-aid-export-status]");
    if (!picked) {
      status.textContent = say("pick_first");
      return;
    }
    this.moveTo(button.getAttribute("data-aid-carry"),
                { step: button.getAttribute("data-aid-carry-step"), carried: picked });
  };

  // Another aid takes this one's place on the page: this aid's answers go into the family file
  // held in memory first; the other aid opens it, as a file the user opened. options: step (the
  // id of the step to show), view (a step's index, from the browser's history), carried (how
  // many ticks were taken along).
  Aid.prototype.moveTo = function (target, options) {
    var self = this;
    options = options || {};
    if (this.moving || !this.ready) return;
    this.moving = true;
    var keep = this.hasAnswers() || this.family ? this.evaluate({ want: ["save"] })
      : Promise.resolve({ ok: true });
    keep.then(function (response) {
      if (!response.ok) { self.moving = false; self.problem(response, true); return; }
      if (response.family_json) self.family = response.family_json;
      return pageOf(target).then(function (content) {
        self.moving = false;
        self.handOver(target, content, options);
      }, function () {
        self.moving = false;
        self.status("ready", say("move_failed"));
      });
    });
  };

  Aid.prototype.handOver = function (target, content, options) {
    var article = this.form.closest("article") || document.querySelector("article");
    var dirty = this.dirty || this.hasAnswers();
    if (this.asking) this.asking(false);
    article.innerHTML = content.article;  // made at build time from the content: no case data
    document.title = content.title;
    var topic = document.querySelector('[data-md-component="header-topic"] .md-ellipsis');
    if (topic) topic.textContent = content.topic;
    var footer = document.querySelector(".md-footer__inner");
    if (footer) footer.innerHTML = content.footer;
    document.querySelectorAll(".md-nav--primary .md-nav__link").forEach(function (link) {
      var here = aidOf(link) === target;
      link.classList.toggle("md-nav__link--active", here);
      if (here) link.setAttribute("aria-current", "page"); else link.removeAttribute("aria-current");
    });
    var next = new Aid(article.querySelector("form.aid[data-aid]"));
    next.python = this.python;
    next.ready = true;
    next.family = this.family;
    next.tracking = this.tracking;
    next.url = /^https?:$/.test(location.protocol) ? target + ".html" : undefined;
    this.python.onStop = function (detail) { next.die(detail); };
    current = next;
    next.start(true);
    next.arrive(options, dirty);
  };

  // The aid that took the page's place fills itself from the family file and shows the step
  // asked for: the one the history names, the one the ticks went to, or the first still open.
  Aid.prototype.arrive = function (options, dirty) {
    var self = this;
    this.tools.hidden = false;
    this.status("ready", say("ready"));
    var filled = this.family ? this.call({ op: "import", text: this.family })
      : Promise.resolve({ ok: true, fields: {}, origins: {}, open_step: null });
    filled.then(function (response) {
      if (response.ok) self.fill(response.fields, response.origins);
      self.dirty = dirty;
      if (options.carried) self.status("ready", say("carried", { count: options.carried }));
      var last = self.steps.length;
      var index = options.step ? self.steps.findIndex(function (step) {
        return step.getAttribute("data-step") === options.step;
      }) : -1;
      self.update();
      if (typeof options.view === "number" && options.view === last) self.showCheck();
      else if (typeof options.view === "number" && options.view > last) self.finish();
      else if (typeof options.view === "number") self.go(options.view);
      else if (index >= 0) self.go(index);
      else if (response.ok && self.family) self.land(response.open_step);
      else self.go(0);
    });
  };

  // Answers without a control on the page yet (the help ticked in a result not shown now) are
  // kept in hidden fields until the result shows their boxes.
  Aid.prototype.fill = function (fields, origins) {
    var form = this.form;
    var kept = form.querySelector("[data-aid-kept]");
    if (kept) kept.remove();
    kept = document.createElement("div");
    kept.hidden = true;
    kept.setAttribute("data-aid-kept", "");
    form.querySelectorAll("input[name], textarea[name]").forEach(function (control) {
      var values = fields[control.name] || [];
      if (control.type === "checkbox" || control.type === "radio") {
        control.checked = values.indexOf(control.value) >= 0;
      } else {
        control.value = values.length ? values[0] : "";
      }
    });
    Object.keys(fields).forEach(function (name) {
      if (form.querySelector('[name="' + CSS.escape(name) + '"]')) return;
      fields[name].forEach(function (value) {
        var input = document.createElement("input");
        input.type = "hidden";
        input.name = name;
        input.value = value;
        kept.appendChild(input);
      });
    });
    form.appendChild(kept);
    this.showOrigins(origins);
  };

  Aid.prototype.clear = function () {
    var self = this;
    this.ask(say("clear_title"), [say("clear_confirm")], say("clear_yes"), say("clear_no"))
      .then(function (yes) {
        if (!yes) return;
        self.fill({});
        self.family = "";
        self.dirty = false;
        self.summary.hidden = true;
        self.status("ready", say("cleared"));
        self.go(0);
        self.update();
      });
  };

  // Start -------------------------------------------------------------------------------

  // reason: a key of the loader texts (reason_*); detail: technical, for the console only.
  Aid.prototype.fail = function (reason, detail) {
    if (this.failed || this.ready) return;
    if (detail) console.warn("Thuiswijzer:", detail);
    this.failed = true;
    if (this.python) this.python.terminate();
    // Without Python the whole form is shown at once, as a checklist.
    this.form.classList.remove("aid--wizard");
    this.form.classList.add("aid--checklist");
    this.steps.forEach(function (step) { step.hidden = false; });
    this.form.querySelectorAll(".aid-nav, [data-aid-check], [data-aid-tools], [data-aid-exports]")
      .forEach(function (el) { el.hidden = true; });
    this.actions.hidden = false;
    this.resultBack.hidden = true;
    this.status("unavailable", say("unavailable", {
      reason: say(reason, { seconds: TwPython.START_LIMIT_MS / 1000 }) }));
  };

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
      if (event.target.matches("[data-aid-import]")) return;
      self.dirty = true;
      var name = event.target.getAttribute("name");
      // An answer changed here no longer is what the family file brought.
      var origin = name && form.querySelector('[data-origin-for="' + CSS.escape(name) + '"]');
      if (origin) text(origin, "");
      self.inputTimes.push(performance.now());
      self.update();
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.finish();
    });
    form.addEventListener("click", function (event) {
      var exporter = event.target.closest("[data-aid-export]");
      var carry = event.target.closest("[data-aid-carry]");
      if (exporter) self.exportAs(exporter.getAttribute("data-aid-export"));
      else if (carry) self.carry(carry);
      else if (event.target.closest("[data-aid-clear]")) self.clear();
      else self.follow(event);
    });
    form.querySelector("[data-aid-import]").addEventListener("change", function (event) {
      self.open(event.target);
    });
    if (!handed) this.load();
  };

  // The browser's own print: from the result, the whole result; elsewhere the blank worksheet
  // of every step (thuiswijzer.css). Either way every page says at its top whose it is: the
  // family's label and the day, or a line to write them on.
  Aid.prototype.beforePrint = function () {
    var root = document.documentElement;
    if (!root.hasAttribute("data-tw-print") && this.view === this.steps.length + 1) {
      root.setAttribute("data-tw-print", "alles");
    }
    printHeader(root.hasAttribute("data-tw-print") && this.header ? this.header
      : this.form.getAttribute("data-sheet-header"));
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
      document.documentElement.removeAttribute("data-tw-print");
      printHeader("");
    });
    // A link to another aid's page, anywhere on the page, moves there without leaving it, so
    // the family file goes along. A new tab, or a page whose Python does not run, opens as usual.
    document.addEventListener("click", function (event) {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey ||
          event.shiftKey || event.altKey) return;
      var link = event.target.closest("a[href]");
      var target = link && aidOf(link);
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

  // Load the runtime and start Python in a worker (at the start, and again after a restart).
  // The limit counts from navigation (what the professional waited, not when this ran), or from
  // the restart.
  Aid.prototype.load = function () {
    var self = this;
    var python = new TwPython.Python(this.restartedAt);
    this.python = python;
    python.onStop = function (detail) { self.die(detail); };
    python.start().then(function (how) {
      if (self.failed) return;
      // How Python started (from the snapshot or normally), for make bench and the tests.
      performance.mark("tw-python-ready", { detail: how });
      self.ready = true;
      self.tools.hidden = false;
      self.status("ready", say("ready"));
      self.update();
    }, function (error) {
      self.fail(error.reason, error.message);
    });
  };

  // After the start ------------------------------------------------------------------------
  // A request that fails, an answer that cannot be read, a Python that stops: every waiting
  // call settles (runtime.js), the user reads what happened and what to do, and the answers stay
  // in the form.

  Aid.prototype.notRunning = function () {
    return { ok: false, stopped: this.stopped, message: say(this.stopped ? "stopped" : "starting_retry") };
  };

  // Python has stopped after it was ready: offer a restart, and say when a file stopped it.
  Aid.prototype.die = function () {
    if (!this.ready) return;
    this.ready = false;
    this.stopped = true;
    this.stoppedBy = this.opening ? "stopped_file" : "stopped";
    this.opening = false;
    this.offerRestart(false);
  };

  // Show why a request failed where the user looks; the step shown does not change.
  Aid.prototype.problem = function (response, prominent) {
    if (response.stopped) { this.offerRestart(prominent); return; }
    this.status(this.ready ? "ready" : "loading", response.message);
    var status = this.form.querySelector("[data-aid-status]");
    status.setAttribute("tabindex", "-1");
    if (prominent) status.focus();
  };

  Aid.prototype.offerRestart = function (focus) {
    var self = this;
    this.status("stopped", say(this.stoppedBy || "stopped"));
    var button = document.createElement("button");
    button.type = "button";
    button.className = "aid-button";
    button.setAttribute("data-aid-restart", "");
    button.textContent = say("restart");
    button.addEventListener("click", function () { self.restart(); });
    this.form.querySelector("[data-aid-status]").appendChild(button);
    if (focus !== false) button.focus();
  };

  Aid.prototype.restart = function () {
    this.stopped = false;
    this.stoppedBy = null;
    this.restartedAt = performance.now();
    this.status("loading", say("restarting"));
    this.go(this.view);
    this.load();
  };

  // Typed answers never come back once the user has left the page: not with Back, not from the
  // back-forward cache, not after a reload. A saved file is the only way back.
  Aid.prototype.forget = function () {
    if (this.asking) this.asking(false);
    this.fill({});
    this.name({});
    this.form.querySelector("[data-aid-import]").value = "";
    this.output.innerHTML = "";
    this.check.querySelector("[data-aid-check-body]").innerHTML = "";
    this.summary.innerHTML = "";
    this.summary.hidden = true;
    this.form.querySelectorAll("[data-error-for], [data-aid-import-error]").forEach(function (el) {
      text(el, "");
    });
    this.form.querySelector("[data-aid-export-status]").textContent = "";
    this.form.querySelectorAll("[data-aid-save-status]").forEach(function (el) { el.textContent = ""; });
    this.showOrigins({});
    this.last = null;
    this.family = "";
    this.dirty = false;
  };

  // The aid a link goes to, when it is one of the aids' pages (they sit side by side), or null.
  var AIDS = {};
  function aidOf(link) {
    var url;
    var href = link.getAttribute("href");
    if (!href || href.charAt(0) === "#") return null;
    try { url = new URL(href, location.href); } catch (error) { return null; }
    url.hash = "";
    url.search = "";
    return AIDS[url.href] || null;
  }

  // Another aid's page, from the script the build made of it (works from file:// too).
  var pages = window.__twAidPages = window.__twAidPages || {};
  function pageOf(id) {
    if (pages[id]) return Promise.resolve(pages[id]);
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = new URL("hulpmiddelen/" + id + ".js", SCRIPT.src).href;
      script.onload = function () { if (pages[id]) resolve(pages[id]); else reject(); };
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  function init() {
    var texts = document.querySelector("script[data-tw-texts]");
    var form = document.querySelector("form.aid[data-aid]");
    if (!form || !texts) return;
    TEXTS = JSON.parse(texts.textContent);
    var ids = [form.getAttribute("data-aid")];
    document.querySelectorAll("[data-tw-route]").forEach(function (link) {
      ids.push(link.getAttribute("data-tw-route"));
    });
    ids.forEach(function (id) { AIDS[new URL(id + ".html", location.href).href] = id; });
    current = new Aid(form);
    listen();
    current.start();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
