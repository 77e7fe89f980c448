// Filters on the interventions overview: plain JavaScript, no Python, no network. Without it,
// the page still offers the same choice as lists per phase, concern and age.
(function () {
  "use strict";
  // The names shared with Python (aids/contract.py), from assets/contract.js.
  var C = window.TwContract, A = C.attr, S = C.sel;
  var form = document.querySelector(S.filter);
  if (!form) return;
  var rows = Array.prototype.slice.call(document.querySelectorAll(S.filterTable + " tbody tr"));
  var count = form.querySelector(S.filterCount);
  var age = form.querySelector("[" + A.filterInput + "=age]");

  function apply() {
    var text = age.value.trim();
    var years = /^[0-9]{1,2}$/.test(text) ? Number(text) : null;
    var phase = form.querySelector("[" + A.filterInput + "=phase]").value;
    var concern = form.querySelector("[" + A.filterInput + "=concern]").value;
    age.setAttribute("aria-invalid", String(text !== "" && years === null));
    var shown = 0;
    rows.forEach(function (row) {
      var fits = (years === null || (years >= Number(row.getAttribute(A.min)) && years <= Number(row.getAttribute(A.max)))) &&
        (!phase || row.getAttribute(A.phases).split(" ").indexOf(phase) >= 0) &&
        (!concern || row.getAttribute(A.concerns).split(" ").indexOf(concern) >= 0);
      row.hidden = !fits;
      if (fits) shown++;
    });
    // The words come from the page (interface.toml), not from this script.
    var message = count.getAttribute(A.textCount)
      .replace("{shown}", shown).replace("{total}", rows.length);
    count.textContent = (text !== "" && years === null ?
      count.getAttribute(A.textAgeInvalid) + " " : "") + message;
  }

  form.hidden = false;
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply();
})();
