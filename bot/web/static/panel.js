// Baraza panel view: read-only, follows the queue by Server-Sent Events.
(function () {
  "use strict";
  var live = document.getElementById("live");
  var source = new EventSource("/panel/stream");
  source.onopen = function () { live.textContent = "live"; live.className = "live on"; };
  source.onmessage = function (e) {
    document.getElementById("panel").innerHTML = JSON.parse(e.data).panel;
  };
  source.onerror = function () { live.textContent = "…"; live.className = "live off"; };
})();
