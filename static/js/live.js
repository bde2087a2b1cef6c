/* Live updates for the phone, the projector and the console.
 *
 * The server decides which rooms a socket joins; this script only says which event
 * and audience the page is for (data-live-* on <body>). On every (re)connect the
 * page fetches its live part again, so a phone that slept catches up by itself.
 */
(function () {
  "use strict";
  var body = document.body;

  /* Slow or lost Wi-Fi: htmx leaves the form as it is (the text stays); say so and invite a retry. */
  function sendError(show) {
    return function (event) {
      var form = event.detail.elt && event.detail.elt.closest && event.detail.elt.closest("form");
      var message = form && form.querySelector("[data-send-error]");
      if (message) { message.hidden = !show; }
    };
  }
  body.addEventListener("htmx:sendError", sendError(true));
  body.addEventListener("htmx:timeout", sendError(true));
  body.addEventListener("htmx:beforeRequest", sendError(false));
  /* A form marked data-reset-on-success empties itself once the server took it. */
  body.addEventListener("htmx:afterRequest", function (event) {
    var form = event.detail.elt;
    if (event.detail.successful && form.matches && form.matches("form[data-reset-on-success]")) {
      form.reset();
    }
  });

  var eventId = body.dataset.liveEvent;
  if (!eventId || typeof io === "undefined" || typeof htmx === "undefined") {
    return;
  }
  var refreshUrl = body.dataset.liveRefresh;
  var refreshTarget = body.dataset.liveTarget;
  var status = document.getElementById("connection-status");
  var known = new Set();

  function remember(animate) {
    document.querySelectorAll("[data-cloud-id]").forEach(function (el) {
      var id = el.dataset.cloudId;
      if (animate && !known.has(id)) {
        el.classList.add("arrived");
      }
      known.add(id);
    });
  }
  remember(false);
  body.addEventListener("htmx:afterSwap", function () { remember(true); });
  body.addEventListener("htmx:oobAfterSwap", function () { remember(true); });

  /* Fetch a live part again: at most one request at a time per part, and once more after it if
     something changed meanwhile (no change is ever dropped). An action (a form) answers with the
     newest state; a refresh that was already on its way may carry an older one: count actions,
     and drop a refresh that an action overtook. */
  var actions = 0;
  body.addEventListener("htmx:beforeRequest", function (event) {
    if (!event.detail.elt.hasAttribute || !event.detail.elt.hasAttribute("data-refreshing")) { actions += 1; }
  });
  function refresher(url, target, minimumGap) {
    var busy = false;
    var again = false;
    var lastStart = 0;
    var waiting = null;
    return function refresh() {
      if (busy) { again = true; return; }
      /* a console needs at most one refresh a second per panel, however fast the room posts */
      var wait = lastStart + (minimumGap || 0) - Date.now();
      if (wait > 0) {
        if (!waiting) { waiting = setTimeout(function () { waiting = null; refresh(); }, wait); }
        return;
      }
      lastStart = Date.now();
      var element = document.querySelector(target);
      if (!element) { return; }
      busy = true;
      again = false;
      var actionsAtStart = actions;
      var address = typeof url === "function" ? url() : url;
      element.setAttribute("data-refreshing", "");
      htmx.ajax("GET", address, { source: element, target: target, swap: "innerHTML" }).finally(function () {
        busy = false;
        element.removeAttribute("data-refreshing");
        if (again) { setTimeout(refresh, 200); }
      });
      element.addEventListener("htmx:beforeSwap", function overtaken(event) {
        var config = event.detail.requestConfig;
        if (!config || config.elt !== element) { return; }
        element.removeEventListener("htmx:beforeSwap", overtaken);
        if (actionsAtStart !== actions) { event.detail.shouldSwap = false; again = true; }
      });
    };
  }
  /* The console: each panel refreshes by itself when its name is signalled. */
  var panels = {};
  document.querySelectorAll("[data-panel]").forEach(function (panel) {
    panels[panel.dataset.panel] = refresher(function () {
      var state = panel.querySelector("[data-panel-query]");
      var query = state ? state.dataset.panelQuery : "";
      return panel.dataset.panelUrl + (query ? "?" + query : "");
    }, "#" + panel.id, 1000);
  });
  /* the console's miniature of the big screen: at most once a second as well */
  var miniature = null;
  var miniatureAt = 0;
  if (document.getElementById("projector-mini")) {
    panels.miniature = function () {
      if (miniature) { return; }
      miniature = setTimeout(function () {
        miniature = null;
        miniatureAt = Date.now();
        htmx.trigger(body, "miniature");
      }, Math.max(0, miniatureAt + 1000 - Date.now()));
    };
  }
  var refreshPage = refreshUrl && refreshUrl !== "None" ? refresher(refreshUrl, refreshTarget) : function () {};
  function refresh() {
    refreshPage();
    Object.keys(panels).forEach(function (name) { panels[name](); });
  }

  /* A pushed out-of-band fragment: htmx puts each part where its hx-swap-oob says. */
  function swapIn(html) {
    htmx.swap(body, html, { swapStyle: "none", swapDelay: 0, settleDelay: 20 });
  }

  /* One hand on the keyboard: a button with data-key="ArrowRight" is pressed by that key,
     unless the person is typing in a field. */
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey ||
        event.target.closest("input, textarea, select, button, a, summary")) {
      return;
    }
    var button = document.querySelector('button[data-key="' + event.key + '"]');
    if (button) {
      event.preventDefault();
      button.click();
    }
  });

  /* The countdown: the server sends its end time and its own "now"; the difference with this
     device's clock is the offset, so every screen shows the same second. */
  var nudged = false;
  function tick() {
    document.querySelectorAll("[data-timer]").forEach(function (box) {
      var paused = box.dataset.pausedLeft;
      var ends = Number(box.dataset.endsAt);
      var left = null;
      if (paused !== "" && paused !== undefined) {
        left = Number(paused);
      } else if (ends) {
        var offset = Number(box.dataset.serverNow) - Number(box.dataset.receivedAt || Date.now());
        left = Math.max(0, Math.ceil((ends - (Date.now() + offset)) / 1000));
      }
      box.hidden = left === null;
      if (left === null) { return; }
      box.querySelector("[data-timer-text]").textContent =
        Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0");
      box.querySelector("[data-timer-paused]").hidden = !(paused !== "" && paused !== undefined);
      var up = box.querySelector("[data-timer-up]");
      if (left === 0 && up.hidden && box.hasAttribute("data-sound") && body.dataset.liveAs === "projector") {
        chime();
      }
      up.hidden = left !== 0;
      var nudge = box.querySelector("[data-timer-nudge]");
      var soon = left > 0 && left <= 120 && body.dataset.liveAs === "participant";
      if (soon && !nudged) { nudge.hidden = false; nudged = true; }
      if (!soon) { nudge.hidden = true; if (left > 120) { nudged = false; } }
    });
  }
  /* A soft two-note chime, made in the browser (no sound file, nothing to download). */
  function chime() {
    try {
      var audio = new (window.AudioContext || window.webkitAudioContext)();
      [660, 880].forEach(function (frequency, i) {
        var tone = audio.createOscillator();
        var volume = audio.createGain();
        tone.frequency.value = frequency;
        volume.gain.setValueAtTime(0.15, audio.currentTime + i * 0.35);
        volume.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + i * 0.35 + 0.6);
        tone.connect(volume).connect(audio.destination);
        tone.start(audio.currentTime + i * 0.35);
        tone.stop(audio.currentTime + i * 0.35 + 0.6);
      });
      body.dataset.chimed = "true";
    } catch (error) { /* no audio on this device: the screen still says time is up */ }
  }
  function stampTimers() {
    document.querySelectorAll("[data-timer]").forEach(function (box) {
      if (!box.dataset.receivedAt) { box.dataset.receivedAt = String(Date.now()); }
    });
  }
  stampTimers();
  body.addEventListener("htmx:afterSwap", stampTimers);
  setInterval(tick, 250);

  var auth = { event: eventId, as: body.dataset.liveAs };
  if (body.dataset.liveTable) { auth.table = body.dataset.liveTable; }
  var socket = io({ auth: auth });

  /* While the socket is down the big screen and the console refresh every 10 seconds by themselves
     (phones wait for the reconnect, so a thousand of them do not poll at once). */
  var fallback = null;
  function connected(yes) {
    body.dataset.liveConnected = yes ? "true" : "false";
    if (status) { status.hidden = yes; }
    if (yes && fallback) {
      clearInterval(fallback);
      fallback = null;
    } else if (!yes && !fallback && body.dataset.liveAs !== "participant") {
      fallback = setInterval(refresh, 10000);
    }
  }
  socket.on("connect", function () {
    connected(true);
    refresh();
  });
  socket.on("disconnect", function () { connected(false); });
  socket.on("connect_error", function () { connected(false); });

  /* The link this page was opened with was replaced: reload, which shows that it no longer works. */
  socket.on("revoked", function () { window.location.reload(); });
  socket.on("timer", function (state) {
    document.querySelectorAll("[data-timer]").forEach(function (box) {
      box.dataset.endsAt = state.ends_at || "";
      box.dataset.pausedLeft = state.paused_left === null ? "" : String(state.paused_left);
      box.dataset.serverNow = String(state.server_now);
      box.dataset.receivedAt = String(Date.now());
    });
    tick();
  });
  /* Closed banners stay closed, also when a refresh arrives before the server heard of it. */
  var closedBanners = new Set();
  body.addEventListener("htmx:afterSwap", function () {
    closedBanners.forEach(function (id) {
      var banner = document.getElementById(id);
      if (banner) { banner.remove(); }
    });
  });
  socket.on("announcement", function (message) {
    if (document.getElementById("announcements") && !document.getElementById("announcement-" + message.id)) {
      swapIn(message.html);
    }
  });
  /* Closing a banner: hide it at once, and tell the server so it stays closed after a reload. */
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.matches("form[data-dismiss]")) {
      event.preventDefault();
      var banner = form.closest(".announcement");
      closedBanners.add(banner.id);
      banner.remove();
      var data = new FormData(form);
      data.set("csrf_token", JSON.parse(body.getAttribute("hx-headers"))["X-CSRFToken"]);
      // keepalive: the dismissal still reaches the server when the guest leaves the page at once
      fetch(form.action, { method: "POST", body: data, credentials: "same-origin", keepalive: true });
    }
  });
  socket.on("wall:changed", refreshPage);
  socket.on("table:changed", refreshPage);
  socket.on("panels", function (message) {
    message.names.forEach(function (name) {
      var answered = message.actor && message.actor === socket.id && message.answered === name;
      if (panels[name] && !answered) { panels[name](); }
    });
  });
  /* Tell the server which socket acts, so the panel the answer brings is not fetched twice. */
  body.addEventListener("htmx:configRequest", function (event) {
    if (socket.id) { event.detail.headers["X-Socket-Id"] = socket.id; }
  });
  socket.on("resync", function () { setTimeout(refreshPage, Math.random() * 3000); });
  /* The author's own dream: replaces a copy that arrived first as someone else's cloud. */
  socket.on("dream:mine", function (message) {
    var existing = document.getElementById("dream-" + message.id);
    if (existing) { existing.remove(); }
    if (document.getElementById("wall")) { swapIn(message.html); }
  });
  /* Screen readers hear about new dreams in one calm sentence every 8 seconds at most. */
  var announcer = document.getElementById("live-announcer");
  var unannounced = 0;
  var announceTimer = null;
  function announceLater() {
    unannounced += 1;
    if (!announcer || announceTimer) { return; }
    announceTimer = setTimeout(function () {
      var text = unannounced === 1 ? announcer.dataset.one : announcer.dataset.many.replace("{n}", unannounced);
      announcer.textContent = text;
      unannounced = 0;
      announceTimer = null;
    }, 8000);
  }
  /* New clouds come in batches (a few messages a second in a rush, whatever the number of dreams). */
  socket.on("dream:new", function (message) {
    if (!document.getElementById("wall")) { return; }
    message.items.forEach(function (item) {
      if (document.getElementById("dream-" + item.id)) { return; }
      announceLater();
      swapIn(item.html);
    });
  });
  socket.on("dream:removed", function (message) {
    ["dream-", "my-dream-"].forEach(function (prefix) {
      var el = document.getElementById(prefix + message.id);
      if (el) { el.remove(); }
    });
  });
  socket.on("dream:hearts", function (message) {
    message.items.forEach(function (item) {
      ["dream-", "my-dream-"].forEach(function (prefix) {
        var el = document.getElementById(prefix + item.id);
        var count = el && el.querySelector("[data-heart-count]");
        if (count) { count.textContent = item.count; }
      });
    });
  });
  /* The organiser changed the event's look: the new colours (and logo) swap in where they are. */
  socket.on("brand", function (message) { swapIn(message.html); });
  socket.on("posting", function (message) {
    if (document.getElementById("posting-state")) { swapIn(message.html); }
  });
})();
