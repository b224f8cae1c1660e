// Màn hình phụ: asks the server every second whether what the screen shows changed, and swaps
// in the new content when it did. The state answer is small while nothing changes (just the
// version); the content comes only with a new version. Without script the page refreshes
// itself (<noscript> meta refresh). A screen the server no longer knows reloads the page,
// which makes a new one.
(function () {
  "use strict";
  var main = document.getElementById("screen");
  if (!main || !window.fetch) return;
  var url = main.getAttribute("data-state");
  var version = main.getAttribute("data-version") || "";
  var busy = false;

  function poll() {
    if (busy) return;
    busy = true;
    fetch(url + "?v=" + encodeURIComponent(version), {
      credentials: "same-origin",
      cache: "no-store",
      headers: { "Accept": "application/json" }
    })
      .then(function (response) {
        if (response.status === 404) {
          window.location.reload();
          return null;
        }
        return response.ok ? response.json() : null;
      })
      .then(function (state) {
        if (!state || typeof state.version !== "string") return;
        if (typeof state.html === "string") {
          main.innerHTML = state.html;
          main.setAttribute("data-version", state.version);
        }
        version = state.version;
      })
      .catch(function () {
        // The server or the network is away: keep showing what we have, ask again later.
      })
      .then(function () {
        busy = false;
      });
  }

  window.setInterval(poll, 1000);
})();
