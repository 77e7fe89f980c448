// Thuiswijzer aid, part: a question in the page itself (a modal dialog).
// One of the parts of an aid page's script (aid.js holds the session and puts the parts
// together; the page loads the parts first). Methods here run as the aid's own (this).
(function () {
  "use strict";

  var TwAid = window.TwAid = window.TwAid || {};
  function say(key, values) { return TwAid.say(key, values); }
  function text(el, message) { TwAid.text(el, message); }

  TwAid.dialog = {
    // A question in the page itself: a modal <dialog> that keyboard and screen readers use as
    // any other part of the page. The safe choice has focus; Escape chooses it too. lines: texts
    // (paragraphs) and lists of texts. Resolves true for yes.
    ask: function (title, lines, yes, no) {
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
    }
  };
})();
