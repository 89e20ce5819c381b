// Links the marked draft and the list of findings: a click on a mark
// selects its findings in the list, a click on a finding scrolls to its
// text. The report reads the same without this script.
(function () {
  "use strict";
  function select(ids, toList) {
    document.querySelectorAll(".gw-active").forEach(function (e) { e.classList.remove("gw-active"); });
    ids.forEach(function (id) {
      document.querySelectorAll(".gw-mark").forEach(function (m) {
        if ((m.getAttribute("data-f") || "").split(" ").indexOf(id) >= 0) { m.classList.add("gw-active"); }
      });
      var li = document.getElementById("li-" + id);
      if (li) { li.classList.add("gw-active"); }
    });
    var target = document.getElementById(toList ? "li-" + ids[0] : ids[0]);
    if (target) { target.scrollIntoView({ block: "center", behavior: "smooth" }); }
  }
  function activate(ev) {
    var mark = ev.target.closest(".gw-mark");
    if (mark) {
      select((mark.getAttribute("data-f") || "").split(" "), true);
      return;
    }
    var link = ev.target.closest("[data-goto]") || ev.target.closest(".gw-finding");
    if (link && !ev.target.closest(".gw-to-passage")) {
      ev.preventDefault();
      var id = link.getAttribute("data-goto") || link.id.replace(/^li-/, "");
      select([id], false);
    }
  }
  document.addEventListener("click", activate);
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && ev.target.closest && ev.target.closest(".gw-mark")) { activate(ev); }
  });
})();
