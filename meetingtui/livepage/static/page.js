// Keeps the public page up to date: each server-sent event carries the changed parts of the
// page as HTML (rendered by the server from the public view) and a sentence for screen readers.
(function () {
  "use strict";
  var body = document.body;
  var connection = document.getElementById("connection");
  var announce = document.getElementById("announce");
  var shown = {};
  var lastAnnouncement = null;
  var countdownTimer = null;
  var askedForProjector = document.documentElement.classList.contains("projector");

  function setConnected(ok) {
    connection.textContent = ok ? body.dataset.connected : body.dataset.disconnected;
    connection.classList.toggle("lost", !ok);
  }

  // As the server writes it: "2:05" counting down (rounded up), "+0:15" over time.
  function formatSeconds(total) {
    var sign = total < 0 ? "+" : "";
    var s = total < 0 ? Math.round(-total) : Math.ceil(total);
    var m = Math.floor(s / 60);
    var r = s % 60;
    return sign + m + ":" + (r < 10 ? "0" : "") + r;
  }

  // Countdowns: the server says how many seconds were left when it sent the page; the page
  // counts down from there with its own monotonic clock (no clock skew with the server).
  function startCountdowns() {
    var received = performance.now();
    var clocks = Array.prototype.slice.call(document.querySelectorAll("[data-remaining]"));
    if (countdownTimer !== null) {
      clearInterval(countdownTimer);
      countdownTimer = null;
    }
    if (clocks.length === 0) {
      return;
    }
    function tick() {
      var elapsed = (performance.now() - received) / 1000;
      clocks.forEach(function (el) {
        var left = parseFloat(el.dataset.remaining) - (el.dataset.running === "1" ? elapsed : 0);
        el.textContent = formatSeconds(left) + " " +
          (left < 0 ? body.dataset.timeOver : body.dataset.timeLeft);
        el.parentElement.classList.toggle("over", left < 0);
      });
    }
    tick();
    countdownTimer = setInterval(tick, 250);
  }

  function update(message) {
    Object.keys(message.fragments).forEach(function (id) {
      var el = document.getElementById(id);
      if (el && shown[id] !== message.fragments[id]) {
        el.innerHTML = message.fragments[id];
        shown[id] = message.fragments[id];
      }
    });
    body.dataset.seq = String(message.seq);
    if (lastAnnouncement !== null && message.announce !== lastAnnouncement) {
      announce.textContent = message.announce;
    }
    lastAnnouncement = message.announce;
    startCountdowns();
  }

  function toggleFullscreen() {
    var root = document.documentElement;
    if (document.fullscreenElement) {
      document.exitFullscreen();
    } else if (!root.requestFullscreen) {
      root.classList.toggle("projector");
    } else {
      // Refused (no user gesture, a kiosk browser): the large type alone still helps.
      root.requestFullscreen().catch(function () { root.classList.toggle("projector"); });
    }
  }

  document.addEventListener("fullscreenchange", function () {
    var root = document.documentElement;
    root.classList.toggle("projector", !!document.fullscreenElement || askedForProjector);
  });
  document.getElementById("fullscreen").addEventListener("click", toggleFullscreen);
  document.addEventListener("keydown", function (event) {
    if ((event.key === "f" || event.key === "F") && !event.ctrlKey && !event.metaKey && !event.altKey) {
      toggleFullscreen();
    }
  });

  startCountdowns();
  if (!window.EventSource) {
    return;
  }
  var source = new EventSource("events");
  source.addEventListener("update", function (event) {
    setConnected(true);
    update(JSON.parse(event.data));
  });
  source.addEventListener("open", function () { setConnected(true); });
  source.addEventListener("error", function () { setConnected(false); });
})();
