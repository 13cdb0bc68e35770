// Small touches only; every page works without JavaScript.
(function () {
  "use strict";
  // Keep the simulated phone thread scrolled to the newest text.
  var thread = document.getElementById("thread");
  if (thread) { thread.scrollTop = thread.scrollHeight; }

  // The worker sends queued texts a moment after a reply: refresh the patient page while the
  // operator is not typing, so the thread shows them without a manual reload.
  var compose = document.querySelector("#simulate-form input[name=body]");
  if (compose && document.querySelector(".bubble .bmeta") &&
      /queued|sending/.test(thread.textContent)) {
    setTimeout(function () {
      if (document.activeElement !== compose || compose.value === "") { location.reload(); }
    }, 3000);
  }
  if (compose && location.hash === "#phone") { compose.focus(); }
})();
