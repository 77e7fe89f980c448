// Filters on the interventions overview: plain JavaScript, no Python, no network. Without it,
// the page still offers the same choice as lists per phase, concern and age.
(function () {
  "use strict";
  var form = document.querySelector("[data-tw-filter]");
  if (!form) return;
  var rows = Array.prototype.slice.call(document.querySelectorAll("[data-filter-table] tbody tr"));
  var count = form.querySelector("[data-filter-count]");
  var age = form.querySelector("[data-filter=age]");

  function apply() {
    var text = age.value.trim();
    var years = /^[0-9]{1,2}$/.test(text) ? Number(text) : null;
    var phase = form.querySelector("[data-filter=phase]").value;
    var concern = form.querySelector("[data-filter=concern]").value;
    age.setAttribute("aria-invalid", String(text !== "" && years === null));
    var shown = 0;
    rows.forEach(function (row) {
      var fits = (years === null || (years >= Number(row.dataset.min) && years <= Number(row.dataset.max))) &&
        (!phase || row.dataset.phases.split(" ").indexOf(phase) >= 0) &&
        (!concern || row.dataset.concerns.split(" ").indexOf(concern) >= 0);
      row.hidden = !fits;
      if (fits) shown++;
    });
    // The words come from the page (interface.toml), not from this script.
    var message = count.getAttribute("data-text-count")
      .replace("{shown}", shown).replace("{total}", rows.length);
    count.textContent = (text !== "" && years === null ?
      count.getAttribute("data-text-age-invalid") + " " : "") + message;
  }

  form.hidden = false;
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply();
})();
