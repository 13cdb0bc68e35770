// The import page's progress bar: poll the job until it is checked or imported, then reload
// to show the report. Without JavaScript the page refreshes itself (a <noscript> meta).
(function () {
  "use strict";
  var card = document.getElementById("job");
  if (!card) { return; }
  var phase = card.getAttribute("data-phase");
  if (phase !== "checking" && phase !== "importing") { return; }
  var bar = document.getElementById("job-bar");
  var count = document.getElementById("job-count");
  var stage = document.getElementById("job-stage");
  function poll() {
    fetch(card.getAttribute("data-progress"), { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (job) {
        if (job.phase !== phase) { location.reload(); return; }
        bar.value = job.percent; bar.textContent = job.percent + "%";
        count.textContent = job.done + " / " + job.total;
        stage.textContent = (phase === "checking" ? "Checking… " : "Importing… ") + job.stage;
        setTimeout(poll, 300);
      })
      .catch(function () { setTimeout(poll, 1000); });
  }
  setTimeout(poll, 200);
})();
