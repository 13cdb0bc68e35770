// Small touches only; every page works without JavaScript.
(function () {
  "use strict";
  var thread = document.getElementById("thread");
  if (!thread) { return; }
  // Keep the simulated phone thread scrolled to the newest text.
  thread.scrollTop = thread.scrollHeight;

  // Right after a simulated reply the worker sends our answers a moment later: refresh a few
  // times so they appear, but never while the operator is typing, and never forever (the
  // worker may not be running at all).
  var key = "coach-phone-refreshes";
  var pending = /· (queued|sending)\b/.test(thread.textContent);
  if (location.hash !== "#phone" || !pending) { sessionStorage.removeItem(key); return; }
  var done = Number(sessionStorage.getItem(key) || "0");
  if (done >= 5) { return; }
  setTimeout(function () {
    var active = document.activeElement;
    var typing = active && /^(INPUT|SELECT|TEXTAREA)$/.test(active.tagName);
    var filled = Array.prototype.some.call(
      document.querySelectorAll("input:not([type=hidden])"), function (el) { return el.value !== ""; });
    if (typing || filled) { return; }
    sessionStorage.setItem(key, String(done + 1));
    location.reload();
  }, 3000);
})();
