// Thuiswijzer aid, part: moving to another aid without leaving the page, with the family file held.
// One of the parts of an aid page's script (aid.js holds the session and puts the parts
// together; the page loads the parts first). Methods here run as the aid's own (this).
(function () {
  "use strict";
  // The names shared with Python (aids/contract.py), from assets/contract.js.
  var C = window.TwContract, A = C.attr, S = C.sel;

  var TwAid = window.TwAid = window.TwAid || {};
  function say(key, values) { return TwAid.say(key, values); }
  function text(el, message) { TwAid.text(el, message); }

  var SCRIPT = document.currentScript;


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

  TwAid.aidOf = aidOf;
  TwAid.route = function (id) { AIDS[new URL(id + ".html", location.href).href] = id; };

  TwAid.journey = {
    // Take the ticked help to the plan: the ticks are this aid's answers, so they go into the
    // family file held in memory, and the plan joins them to the help it already has.
    carry: function (button) {
      var picked = this.form.querySelectorAll(S.pick + ":checked").length;
      var status = this.form.querySelector(S.exportStatus);
      if (!picked) {
        status.textContent = say("pick_first");
        return;
      }
      this.moveTo(button.getAttribute(A.carry),
                  { step: button.getAttribute(A.carryStep), carried: picked });
    },

    // Another aid takes this one's place on the page: this aid's answers go into the family file
    // held in memory first; the other aid opens it, as a file the user opened. options: step (the
    // id of the step to show), view (a step's index, from the browser's history), carried (how
    // many ticks were taken along).
    moveTo: function (target, options) {
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
    },

    handOver: function (target, content, options) {
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
      var next = new TwAid.Aid(article.querySelector("form.aid" + S.aid));
      next.python = this.python;
      next.status("ready", say("ready"));
      next.family = this.family;
      next.tracking = this.tracking;
      next.url = /^https?:$/.test(location.protocol) ? target + ".html" : undefined;
      this.python.onStop = function (detail) { next.die(detail); };
      TwAid.setCurrent(next);
      next.start(true);
      next.arrive(options, dirty);
    },

    // The aid that took the page's place fills itself from the family file and shows the step
    // asked for: the one the history names, the one the ticks went to, or the first still open.
    arrive: function (options, dirty) {
      var self = this;
      this.tools.hidden = false;  // the session told its ready state in handOver
      var filled = this.family ? this.call({ op: "import", text: this.family })
        : Promise.resolve({ ok: true, fields: {}, origins: {}, open_step: null });
      filled.then(function (response) {
        if (response.ok) self.fill(response.fields, response.origins);
        self.dirty = dirty;
        if (options.carried) self.status("ready", say("carried", { count: options.carried }));
        var last = self.steps.length;
        var index = options.step ? self.steps.findIndex(function (step) {
          return step.getAttribute(A.step) === options.step;
        }) : -1;
        self.update();
        if (typeof options.view === "number" && options.view === last) self.showCheck();
        else if (typeof options.view === "number" && options.view > last) self.finish();
        else if (typeof options.view === "number") self.go(options.view);
        else if (index >= 0) self.go(index);
        else if (response.ok && self.family) self.land(response.open_step);
        else self.go(0);
      });
    }
  };
})();
