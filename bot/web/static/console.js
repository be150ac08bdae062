// Baraza moderator console: live updates by Server-Sent Events, actions by POST with the
// session's CSRF token, keyboard shortcuts. Every fragment inserted here was rendered (and
// escaped) by the server; this script never builds HTML from participant text.
(function () {
  "use strict";
  var csrf = document.querySelector('meta[name="csrf-token"]').content;
  var selected = null; // question id the keyboard acts on; null: the top visible one
  var msg = document.getElementById("msg");
  var live = document.getElementById("live");

  function visibleRows() {
    return Array.prototype.filter.call(
      document.querySelectorAll("#queue tr.q"),
      function (row) { return !row.hidden; }
    );
  }

  function applyFilters() {
    var theme = document.getElementById("f-theme").value;
    var region = document.getElementById("f-region").value;
    document.querySelectorAll("#queue tr.q").forEach(function (row) {
      row.hidden = (theme && row.dataset.theme !== theme) ||
        (region && row.dataset.region !== region);
    });
    markSelection();
  }

  function markSelection() {
    var rows = visibleRows();
    if (selected !== null && !rows.some(function (r) { return r.dataset.q === selected; })) {
      selected = null;
    }
    rows.forEach(function (row, i) {
      var on = selected === null ? i === 0 : row.dataset.q === selected;
      row.classList.toggle("selected", on);
    });
  }

  function current() {
    var row = document.querySelector("#queue tr.q.selected");
    return row ? row.dataset.q : null;
  }

  function say(text, bad) {
    msg.textContent = text;
    msg.className = bad ? "bad" : "ok";
  }

  function act(data) {
    return fetch("/action", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify(data)
    }).then(function (r) {
      return r.json().then(function (body) {
        if (r.ok) { say(body.message, false); } else { say(body.error || r.statusText, true); }
      });
    }).catch(function () { say("not sent: the console is offline", true); });
  }

  function update(parts) {
    Object.keys(parts).forEach(function (id) {
      var el = document.getElementById(id);
      if (el) { el.innerHTML = parts[id]; }
    });
    applyFilters();
  }

  function connect() {
    var source = new EventSource("/stream");
    source.onopen = function () { live.textContent = "live"; live.className = "live on"; };
    source.onmessage = function (e) { update(JSON.parse(e.data)); };
    source.onerror = function () { live.textContent = "reconnecting…"; live.className = "live off"; };
  }

  document.addEventListener("click", function (e) {
    var button = e.target.closest("button[data-act]");
    if (!button) { return; }
    var action = button.dataset.act;
    var data = { action: action, question: button.dataset.q };
    if (action === "merge") {
      var into = window.prompt("Merge Q" + button.dataset.q + " into which question? (number)");
      if (!into) { return; }
      data.into = into.replace(/^Q/i, "");
    } else if (action === "balance") {
      data.mode = document.getElementById("mode").value;
      data.share = document.getElementById("share").value;
    }
    act(data);
  });

  document.addEventListener("change", function (e) {
    var el = e.target;
    if (el.matches("select[data-act=retag]")) {
      act({ action: "retag", question: el.dataset.q, theme: el.value });
    } else if (el.id === "f-theme" || el.id === "f-region") {
      applyFilters();
    }
  });

  document.addEventListener("click", function (e) {
    var row = e.target.closest("#queue tr.q");
    if (row && !e.target.closest("button, select")) {
      selected = row.dataset.q;
      markSelection();
    }
  });

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || e.target.matches("input, select, textarea")) {
      return;
    }
    var rows = visibleRows();
    var at = rows.findIndex(function (r) { return r.classList.contains("selected"); });
    switch (e.key) {
      case "n": act({ action: "next" }); break;
      case "a": if (current()) { act({ action: "answered", question: current() }); } break;
      case "d": if (current()) { act({ action: "dismiss", question: current() }); } break;
      case "u": act({ action: "undo" }); break;
      case "j":
        if (rows[at + 1]) { selected = rows[at + 1].dataset.q; markSelection(); }
        break;
      case "k":
        if (at > 0) { selected = rows[at - 1].dataset.q; markSelection(); }
        break;
      default: return;
    }
    e.preventDefault();
  });

  applyFilters();
  connect();
})();
