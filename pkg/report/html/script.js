// Filters for the tenet HTML report. The page reads fully without this
// script: it only hides and shows what is already there.
// URL parameters: status=fail,warn (statuses of controls to show),
// q=text (control search), open=fail,... or open=all (controls to expand),
// fq=text (findings search), fw=soc2-2017,... (frameworks to show),
// section=summary,controls,... (top-level sections to show).
(function () {
  "use strict";
  var params = new URLSearchParams(window.location.search);
  function list(name) {
    var v = params.get(name);
    return v === null ? null : v.split(",").filter(Boolean);
  }
  var showStatus = list("status");
  var openStatus = list("open");
  // An auditor starts from what needs attention and the evidence of what
  // passed; controls without rules and without resources are one click away.
  var hiddenByDefault = ["not_applicable", "not_covered"];

  function each(nodes, fn) { Array.prototype.forEach.call(nodes, fn); }

  function controls(bar) {
    var section = document.getElementById(bar.getAttribute("data-filter-for"));
    var items = section.querySelectorAll("li.ctl");
    var texts = [];
    each(items, function (li, i) { texts[i] = li.textContent.toLowerCase(); });
    var boxes = bar.querySelectorAll("input[type=checkbox]");
    var search = bar.querySelector("input[type=search]");
    var shown = bar.querySelector(".shown");
    each(boxes, function (b) {
      b.checked = showStatus ? showStatus.indexOf(b.value) >= 0 : hiddenByDefault.indexOf(b.value) < 0;
    });
    search.value = params.get("q") || "";
    function apply() {
      var on = {};
      each(boxes, function (b) { on[b.value] = b.checked; });
      var text = search.value.trim().toLowerCase();
      var n = 0;
      each(items, function (li, i) {
        var ok = on[li.getAttribute("data-status")] && (!text || texts[i].indexOf(text) >= 0);
        li.hidden = !ok;
        if (ok) { n++; }
      });
      shown.textContent = n + " of " + items.length + " controls shown";
    }
    each(boxes, function (b) { b.addEventListener("change", apply); });
    search.addEventListener("input", apply);
    bar.querySelector("[data-expand]").addEventListener("click", function () {
      each(items, function (li) { var d = li.querySelector("details"); if (d && !li.hidden) { d.open = true; } });
    });
    bar.querySelector("[data-collapse]").addEventListener("click", function () {
      each(section.querySelectorAll("details"), function (d) { d.open = false; });
    });
    if (openStatus) {
      each(items, function (li) {
        var d = li.querySelector("details");
        if (d && (openStatus.indexOf("all") >= 0 || openStatus.indexOf(li.getAttribute("data-status")) >= 0)) { d.open = true; }
      });
    }
    bar.hidden = false;
    apply();
  }

  function findings(bar) {
    var section = document.getElementById("findings");
    var rows = section.querySelectorAll("tr[data-status]");
    var texts = [];
    each(rows, function (tr, i) {
      texts[i] = (tr.closest(".rule").querySelector("h4").textContent + " " + tr.textContent).toLowerCase();
    });
    var boxes = bar.querySelectorAll("input[type=checkbox]");
    var search = bar.querySelector("input[type=search]");
    var shown = bar.querySelector(".shown");
    search.value = params.get("fq") || "";
    function apply() {
      var on = {};
      each(boxes, function (b) { on[b.value] = b.checked; });
      var text = search.value.trim().toLowerCase();
      var n = 0;
      each(rows, function (tr, i) {
        var ok = on[tr.getAttribute("data-status")] && (!text || texts[i].indexOf(text) >= 0);
        tr.hidden = !ok;
        if (ok) { n++; }
      });
      each(section.querySelectorAll(".rule"), function (r) { r.hidden = !r.querySelector("tr[data-status]:not([hidden])"); });
      each(section.querySelectorAll(".sev-group"), function (g) { g.hidden = !g.querySelector(".rule:not([hidden])"); });
      shown.textContent = n + " of " + rows.length + " findings shown";
    }
    each(boxes, function (b) { b.addEventListener("change", apply); });
    search.addEventListener("input", apply);
    bar.hidden = false;
    apply();
  }

  // reveal makes the target of a link visible even when a filter hid it,
  // and opens the control it names.
  function reveal() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (!el) { return; }
    for (var n = el; n && n !== document.body; n = n.parentElement) {
      if (n.hidden) { n.hidden = false; }
      if (n.tagName === "DETAILS") { n.open = true; }
    }
    var d = el.querySelector && el.querySelector(":scope > details");
    if (d) { d.open = true; }
    el.scrollIntoView();
  }

  var sections = list("section");
  if (sections) {
    each(document.querySelectorAll("main > section"), function (sec) { sec.hidden = sections.indexOf(sec.id) < 0; });
  }
  var frameworks = list("fw");
  if (frameworks) {
    each(document.querySelectorAll("[data-fw]"), function (el) { el.hidden = frameworks.indexOf(el.getAttribute("data-fw")) < 0; });
  }
  each(document.querySelectorAll("[data-filter-for]"), controls);
  each(document.querySelectorAll("[data-filter-findings]"), findings);
  window.addEventListener("hashchange", reveal);
  reveal();

  // Print every control's evidence, then restore what the reader had open.
  var closed = [];
  window.addEventListener("beforeprint", function () {
    closed = [];
    each(document.querySelectorAll("details:not([open])"), function (d) { closed.push(d); d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    each(closed, function (d) { d.open = false; });
  });
}());
