// Thuiswijzer aid, part: the wizard: one step at a time, each an entry in the browser's history, and the check page.
// One of the parts of an aid page's script (aid.js holds the session and puts the parts
// together; the page loads the parts first). Methods here run as the aid's own (this).
(function () {
  "use strict";
  // The names shared with Python (aids/contract.py), from assets/contract.js.
  var C = window.TwContract, A = C.attr, S = C.sel;

  var TwAid = window.TwAid = window.TwAid || {};
  function say(key, values) { return TwAid.say(key, values); }
  function text(el, message) { TwAid.text(el, message); }

  TwAid.wizard = {
    stepIsEmpty: function (step) {
      var fields = step.querySelectorAll(S.field);
      return fields.length > 0 && Array.prototype.every.call(fields, function (f) { return f.hidden; });
    },

    go: function (index, focus) {
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
      this.form.querySelectorAll(S.toCheck).forEach(function (button) {
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
    },

    // Steps that do not apply are skipped, so the numbers count only the steps that are asked.
    renumber: function () {
      var self = this;
      var asked = this.steps.filter(function (step) { return !self.stepIsEmpty(step); });
      var total = asked.length + 1;  // the check page is the last step
      this.steps.forEach(function (step) {
        var number = asked.indexOf(step) + 1;
        if (number) step.querySelector(".aid-progress").textContent = say("progress", { number: number, total: total });
      });
      this.check.querySelector(".aid-progress").textContent = say("progress", { number: total, total: total });
    },

    // Each step is an entry in the browser's history, so Back and Forward move between steps.
    // Leaving the aid from its first step is the browser's own Back (and warns if anything is typed).
    record: function () {
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
    },

    revisit: function (event) {
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
    },

    move: function (direction) {
      var index = this.view + direction;
      while (index >= 0 && index < this.steps.length && this.stepIsEmpty(this.steps[index])) {
        index += direction;
      }
      if (index < 0) index = 0;
      if (index >= this.steps.length) this.showCheck();
      else this.go(index);
    },

    next: function () {
      var self = this;
      if (this.stopped) { this.offerRestart(); return; }
      if (!this.ready) { this.move(1); return; }
      var step = this.steps[this.view].getAttribute(A.step);
      this.evaluate({ final: true, step: step }).then(function (response) {
        self.show(response, true);
        if (!response.ok) return;  // not checked: stay on this step
        if (response.errors.length) self.summary.focus();
        else self.move(1);
      });
    },

    showCheck: function () {
      var self = this;
      this.returnToCheck = false;
      this.go(this.steps.length);
      if (!this.ready) {
        this.check.querySelector(S.checkBody).textContent =
          say(this.stopped ? "stopped" : "starting_check");
        return;
      }
      this.evaluate({ final: true, want: ["check"] }).then(function (response) {
        self.show(response, true);
      });
    },

    finish: function () {
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
    },

    stepOf: function (element) {
      for (var i = 0; i < this.steps.length; i++) if (this.steps[i].contains(element)) return i;
      return -1;
    },

    // A link to a field or step (error summary, "Wijzig"): show its step, then go there.
    follow: function (event) {
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
    },

    addNavigation: function () {
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
        status.setAttribute(A.saveStatus, "");
        var save = button(say("save"), "aid-button--secondary aid-button--save", function () {
          self.save(status);
        });
        save.setAttribute(A.save, "");
        place.appendChild(save);
        place.appendChild(status);
      }
      this.steps.forEach(function (step, i) {
        var nav = document.createElement("div");
        nav.className = "aid-nav";
        if (i > 0) nav.appendChild(button(say("previous"), "aid-button--secondary", function () { self.move(-1); }));
        var next = button(say(i === self.steps.length - 1 ? "to_check" : "next"),
          "", function () { self.next(); });
        next.setAttribute(A.next, "");
        nav.appendChild(next);
        var back = button(say("back_to_check"), "aid-button--secondary", function () { self.showCheck(); });
        back.setAttribute(A.toCheck, "");
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
    },

    // After opening a file: the first step with a question still open, or the first step. Each
    // step then offers the check page, which lists what is still open.
    land: function (stepId) {
      var self = this;
      var index = this.steps.findIndex(function (step) { return step.getAttribute(A.step) === stepId; });
      this.returnToCheck = true;
      this.go(Math.max(index, 0));
      // An answer in the file that the aid cannot take is named at once, in the summary.
      this.evaluate({}).then(function (response) {
        self.show(response, response.ok && response.errors.length > 0);
      });
    }
  };
})();
