// Thuiswijzer aid, part: Python's answer shown in the form: visibility, errors, roles, origins; and forgetting it all.
// One of the parts of an aid page's script (aid.js holds the session and puts the parts
// together; the page loads the parts first). Methods here run as the aid's own (this).
(function () {
  "use strict";
  // The names shared with Python (aids/contract.py), from assets/contract.js.
  var C = window.TwContract, A = C.attr, S = C.sel;

  var TwAid = window.TwAid = window.TwAid || {};
  function say(key, values) { return TwAid.say(key, values); }
  function text(el, message) { TwAid.text(el, message); }

  TwAid.view = {
    show: function (response, withSummary) {
      var form = this.form;
      if (!response.ok) {
        this.problem(response, withSummary);
        return;
      }
      this.last = response;
      if (response.print_header) this.header = response.print_header;
      var visible = {};
      response.visible.forEach(function (name) { visible[name] = true; });
      form.querySelectorAll(S.field).forEach(function (el) {
        el.hidden = !visible[el.getAttribute(A.field)];
      });
      form.querySelectorAll(S.question + ", " + S.entry).forEach(function (el) {
        var fields = el.querySelectorAll(S.field);
        el.hidden = fields.length > 0 && Array.prototype.every.call(fields, function (f) {
          return f.hidden;
        });
      });
      var messages = {};
      response.errors.forEach(function (e) { messages[e.field] = e.message; });
      form.querySelectorAll(S.errorFor).forEach(function (slot) {
        var name = slot.getAttribute(A.errorFor);
        var message = messages[name];
        text(slot, message ? say("field_error", { message: message }) : "");
        var field = form.querySelector('[' + A.field + '="' + name + '"]');
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
        form.querySelectorAll(S.kept + " input").forEach(function (input) {
          if (output.querySelector('[name="' + CSS.escape(input.name) + '"]')) input.remove();
        });
      }
      if (response.check_html !== undefined) {
        this.check.querySelector(S.checkBody).innerHTML = response.check_html;
      }
    },

    // The members are named by the roles typed ("moeder"), not by their slots ("Ouder 1"): the
    // slot's own words (from the page) come back when the role is cleared.
    name: function (members) {
      this.form.querySelectorAll(S.memberLabel).forEach(function (label) {
        if (!label.hasAttribute(A.slot)) label.setAttribute(A.slot, label.textContent);
        var role = members && members[label.getAttribute(A.memberLabel)];
        label.textContent = role || label.getAttribute(A.slot);
      });
    },

    // Where a field the family file filled in got its answer: said under its label.
    showOrigins: function (origins) {
      this.form.querySelectorAll(S.originFor).forEach(function (slot) {
        text(slot, (origins || {})[slot.getAttribute(A.originFor)] || "");
      });
    },

    // Typed answers never come back once the user has left the page: not with Back, not from the
    // back-forward cache, not after a reload. A saved file is the only way back.
    forget: function () {
      if (this.asking) this.asking(false);
      this.fill({});
      this.name({});
      this.form.querySelector(S["import"]).value = "";
      this.output.innerHTML = "";
      this.check.querySelector(S.checkBody).innerHTML = "";
      this.summary.innerHTML = "";
      this.summary.hidden = true;
      this.form.querySelectorAll(S.errorFor + ", " + S.importError).forEach(function (el) {
        text(el, "");
      });
      this.form.querySelector(S.exportStatus).textContent = "";
      this.form.querySelectorAll(S.saveStatus).forEach(function (el) { el.textContent = ""; });
      this.showOrigins({});
      this.last = null;
      this.family = "";
      this.dirty = false;
    }
  };
})();
