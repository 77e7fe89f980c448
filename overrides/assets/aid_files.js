// Thuiswijzer aid, part: files, exports, copying and printing; filling the form from a file.
// One of the parts of an aid page's script (aid.js holds the session and puts the parts
// together; the page loads the parts first). Methods here run as the aid's own (this).
(function () {
  "use strict";
  // The names shared with Python (aids/contract.py), from assets/contract.js.
  var C = window.TwContract, A = C.attr, S = C.sel;

  var TwAid = window.TwAid = window.TwAid || {};
  function say(key, values) { return TwAid.say(key, values); }
  function text(el, message) { TwAid.text(el, message); }

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

  TwAid.printHeader = printHeader;

  TwAid.files = {
    // name: the file name Python chose (the aid or the family file, the label, date and time).
    download: function (content, type, name) {
      var blob = new Blob([content], { type: type });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = name;
      document.body.appendChild(link);
      link.click();
      setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    },

    exportAs: function (kind) {
      var self = this;
      var status = this.form.querySelector(S.exportStatus);
      if (kind.indexOf("print") === 0) {
        document.documentElement.setAttribute(A.print,
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
    },

    // The family file with this aid's answers, at any step, finished or not. What is saved
    // becomes the file held, so a second save keeps the other aids' parts too.
    save: function (status) {
      var self = this;
      this.form.querySelectorAll(S.saveStatus).forEach(function (el) { el.textContent = ""; });
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
    },

    copy: function (value) {
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
    },

    // Open a saved file. It never loses typed work: a file that brings nothing for this aid leaves
    // the form as it is; when the form holds answers, the page first says what the file brings
    // and asks; a file (or its part for this aid) that cannot be read changes nothing.
    open: function (input) {
      var self = this;
      var error = this.form.querySelector(S.importError);
      var file = input.files && input.files[0];
      var casus = input.hasAttribute(A.casus);  // a training case (assets/casus.js)
      input.removeAttribute(A.casus);
      text(error, "");
      if (!file) return;
      function refuse(message) {
        text(error, say("file_refused", { message: message }));
        input.setAttribute("aria-invalid", "true");
        input.value = "";
        input.focus();
      }
      TwFileCheck.read(file).then(function (read) {
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
    },

    // Whether the form holds anything typed or chosen (the result's own controls, named tw-, not).
    hasAnswers: function () {
      var fields = this.fields();
      return Object.keys(fields).some(function (name) {
        return name.indexOf("tw-") !== 0 && fields[name].some(function (value) {
          return value.trim() !== "";
        });
      });
    },

    // Answers without a control on the page yet (the help ticked in a result not shown now) are
    // kept in hidden fields until the result shows their boxes.
    fill: function (fields, origins) {
      var form = this.form;
      var kept = form.querySelector(S.kept);
      if (kept) kept.remove();
      kept = document.createElement("div");
      kept.hidden = true;
      kept.setAttribute(A.kept, "");
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
    },

    clear: function () {
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
    },

    // The browser's own print: from the result, the whole result; elsewhere the blank worksheet
    // of every step (thuiswijzer.css). Either way every page says at its top whose it is: the
    // family's label and the day, or a line to write them on.
    beforePrint: function () {
      var root = document.documentElement;
      if (!root.hasAttribute(A.print) && this.view === this.steps.length + 1) {
        root.setAttribute(A.print, "alles");
      }
      printHeader(root.hasAttribute(A.print) && this.header ? this.header
        : this.form.getAttribute(A.sheetHeader));
    }
  };
})();
