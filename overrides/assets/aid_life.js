// Thuiswijzer aid, part: the life of Python behind the form. Starting it, giving up when it
// cannot start (the form stays, as a checklist), telling why a request failed, and offering a
// restart when Python stops. One of the parts of an aid page's script (aid.js holds the session
// and puts the parts together; the page loads the parts first). Methods here run as the aid's
// own (this); only the session's status() changes the state.
(function () {
  "use strict";
  // The names shared with Python (aids/contract.py), from assets/contract.js.
  var C = window.TwContract, A = C.attr, S = C.sel;

  var TwAid = window.TwAid = window.TwAid || {};
  function say(key, values) { return TwAid.say(key, values); }

  TwAid.life = {
    // reason: a key of the loader texts (reason_*); detail: technical, for the console only.
    fail: function (reason, detail) {
      if (this.failed || this.ready) return;
      if (detail) console.warn("Thuiswijzer:", detail);
      this.status("unavailable", say("unavailable", {
        reason: say(reason, { seconds: TwPython.START_LIMIT_MS / 1000 }) }));
      if (this.python) this.python.terminate();
      // Without Python the whole form is shown at once, as a checklist.
      this.form.classList.remove("aid--wizard");
      this.form.classList.add("aid--checklist");
      this.steps.forEach(function (step) { step.hidden = false; });
      this.form.querySelectorAll(".aid-nav, " + S.check + ", " + S.tools + ", " + S.exports)
        .forEach(function (el) { el.hidden = true; });
      this.actions.hidden = false;
      this.resultBack.hidden = true;
    },

    // Load the runtime and start Python in a worker (at the start, and again after a restart).
    // The limit counts from navigation (what the professional waited, not when this ran), or from
    // the restart.
    load: function () {
      var self = this;
      var python = new TwPython.Python(this.restartedAt);
      this.python = python;
      python.onStop = function (detail) { self.die(detail); };
      python.start().then(function (how) {
        if (self.failed) return;
        // How Python started (from the snapshot or normally), for make bench and the tests.
        performance.mark("tw-python-ready", { detail: how });
        self.tools.hidden = false;
        self.status("ready", say("ready"));
        self.update();
      }, function (error) {
        self.fail(error.reason, error.message);
      });
    },

    // After the start ------------------------------------------------------------------------
    // A request that fails, an answer that cannot be read, a Python that stops: every waiting
    // call settles (runtime.js), the user reads what happened and what to do, and the answers stay
    // in the form.

    notRunning: function () {
      return { ok: false, stopped: this.stopped, message: say(this.stopped ? "stopped" : "starting_retry") };
    },

    // Python has stopped after it was ready: offer a restart, and say when a file stopped it.
    die: function () {
      if (!this.ready) return;
      this.stoppedBy = this.opening ? "stopped_file" : "stopped";
      this.opening = false;
      this.offerRestart(false);
    },

    // Show why a request failed where the user looks; the step shown does not change.
    problem: function (response, prominent) {
      if (response.stopped) { this.offerRestart(prominent); return; }
      this.status(this.state, response.message);
      var status = this.form.querySelector(S.status);
      status.setAttribute("tabindex", "-1");
      if (prominent) status.focus();
    },

    offerRestart: function (focus) {
      var self = this;
      this.status("stopped", say(this.stoppedBy || "stopped"));
      var button = document.createElement("button");
      button.type = "button";
      button.className = "aid-button";
      button.setAttribute(A.restart, "");
      button.textContent = say("restart");
      button.addEventListener("click", function () { self.restart(); });
      this.form.querySelector(S.status).appendChild(button);
      if (focus !== false) button.focus();
    },

    restart: function () {
      this.stoppedBy = null;
      this.restartedAt = performance.now();
      this.status("loading", say("restarting"));
      this.go(this.view);
      this.load();
    }
  };
})();
