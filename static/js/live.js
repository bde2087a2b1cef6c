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
  /* the page's one polite live region: part changes, announcements, new dreams */
  function say(text) {
    var region = document.getElementById("live-region");
    if (!region) { return; }
    region.textContent = "";
    setTimeout(function () { region.textContent = text; }, 50);
  }
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
  /* The console puts the part's own panel first in the wide column when the part changes (the programme bar
     names it), as the server does on a fresh page (facilitation/panels.py, arranged). */
  var arrangedFor = null;
  function arrangeConsole() {
    var bar = document.querySelector("[data-now-panel]");
    if (!bar || bar.dataset.nowPanel === arrangedFor) { return; }
    arrangedFor = bar.dataset.nowPanel;
    var boxes = Array.prototype.slice.call(document.querySelectorAll("[data-console-column] > [data-panel]"));
    boxes.sort(function (a, b) { return Number(a.dataset.order) - Number(b.dataset.order); });
    boxes.forEach(function (box) {
      var home = document.querySelector('[data-console-column="' + box.dataset.column + '"]');
      if (home) { home.appendChild(box); }
      box.classList.toggle("is-now", box.dataset.panel === arrangedFor);
    });
    var now = document.getElementById("panel-" + arrangedFor);
    var wide = document.querySelector('[data-console-column="left"]');
    if (now && wide) { wide.insertBefore(now, wide.firstChild); }
  }
  arrangeConsole();
  body.addEventListener("htmx:afterSettle", arrangeConsole);
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
  /* The page's live part is fetched with its query (the big screen: where the wall's batch starts). */
  var refreshPage = refreshUrl && refreshUrl !== "None" ? refresher(function () {
    var part = document.querySelector(refreshTarget);
    var query = part && part.dataset.liveQuery;
    return refreshUrl + (query ? "?" + query : "");
  }, refreshTarget) : function () {};
  function refresh() {
    refreshPage();
    Object.keys(panels).forEach(function (name) { panels[name](); });
  }

  body.addEventListener("htmx:afterSettle", function (event) {
    if (keyedPanel && event.detail.target === keyedPanel) {
      var next = keyedPanel.querySelector("[data-key-scope]");
      keyedPanel = null;
      if (next) { next.focus(); }
    }
  });
  /* A pushed out-of-band fragment: htmx puts each part where its hx-swap-oob says. */
  function swapIn(html) {
    htmx.swap(body, html, { swapStyle: "none", swapDelay: 0, settleDelay: 20 });
  }

  /* One hand on the keyboard: a button with data-key="ArrowRight" is pressed by that key, unless the
     person is typing in a field. Keys of an item (data-key-scope, such as a post in the queue: A, H)
     act only on the item that has the focus; after the panel refreshes the focus goes to the next item. */
  var keyedPanel = null;
  document.addEventListener("keydown", function (event) {
    var scope = event.target.closest && event.target.closest("[data-key-scope]");
    if (event.altKey || event.ctrlKey || event.metaKey || event.target.closest("input, textarea, select") ||
        (!scope && event.target.closest("button, a, summary"))) {
      return;
    }
    var selector = 'button[data-key="' + event.key + '"]';
    var button = scope ? scope.querySelector(selector) : Array.prototype.find.call(
      document.querySelectorAll(selector), function (candidate) { return !candidate.closest("[data-key-scope]"); });
    if (button) {
      event.preventDefault();
      keyedPanel = scope ? button.closest("[data-panel]") : null;
      button.click();
    }
  });

  /* The countdown: the server sends its end time and its own "now"; the difference with this
     device's clock is the offset, so every screen shows the same second. */
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
      /* Drawn from the time left on every tick, so a now-box swapped in by a push keeps it. */
      nudge.hidden = !(left > 0 && left <= 120 && body.dataset.liveAs === "participant");
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

  /* The big screen shows every text whole. A box marked data-fit gets the largest text size (from the
     screen's base size up to data-fit-max times it) at which all it holds fits; when even the base
     size cannot hold it, its content flows on into columns beyond the box, one page each, and the box
     turns a page every PAGE_SECONDS. The wall asks the server for the next batch after its last page. */
  var PAGE_SECONDS = 12;
  var stage = document.getElementById("stage");
  var quiet = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var pageOf = {};
  function gapOf(flow) { return parseFloat(getComputedStyle(flow).columnGap) || 0; }
  function pagesOf(box) { return parseInt(box.dataset.pages, 10) || 1; }
  /* how many pages: up to the page where the last piece of text starts (each fragment of a text that
     breaks over columns counts) */
  function countPages(box) {
    var flow = box.firstElementChild;
    var step = box.getBoundingClientRect().width + gapOf(flow);
    var start = flow.getBoundingClientRect().left;
    var furthest = 0;
    flow.querySelectorAll("*").forEach(function (element) {
      if (element.firstElementChild) { return; }
      Array.prototype.forEach.call(element.getClientRects(), function (rect) {
        if (rect.width > 0) { furthest = Math.max(furthest, rect.left - start); }
      });
    });
    return 1 + Math.floor((furthest + 1) / step);
  }
  function fitBox(box) {
    var base = parseFloat(getComputedStyle(body).fontSize);
    var most = base * (parseFloat(box.dataset.fitMax) || 1);
    box.firstElementChild.style.transform = "";
    function fits(size) {
      box.style.fontSize = size + "px";
      return box.scrollWidth <= box.clientWidth + 1;
    }
    if (!fits(most)) {
      var low = base;
      var high = most;
      if (fits(low)) {
        for (var n = 0; n < 8; n += 1) {
          var middle = (low + high) / 2;
          if (fits(middle)) { low = middle; } else { high = middle; }
        }
      }
      fits(Math.floor(low * 10) / 10);
    }
    box.dataset.pages = String(countPages(box));
  }
  /* A page is one box width of columns further on: the flow slides left (at once when `smooth` is
     false or the guest's system asks for less motion). */
  function showPage(box, page, smooth) {
    var flow = box.firstElementChild;
    var step = box.getBoundingClientRect().width + gapOf(flow);
    flow.style.transition = smooth && !quiet ? "transform .8s ease" : "none";
    flow.style.transform = page ? "translateX(" + (-page * step) + "px)" : "";
    pageOf[box.dataset.fit] = page;
    box.dataset.page = String(page);
    var indicator = box.parentElement.querySelector("[data-page-indicator]");
    if (!indicator) { return; }
    var pages = pagesOf(box);
    var format = indicator.dataset.pageFormat;
    if (box.dataset.fit === "wall") {
      var total = parseInt(box.dataset.wallTotal, 10) || 0;
      var offset = parseInt(box.dataset.wallOffset, 10) || 0;
      var clouds = box.querySelectorAll(".cloud");
      var shown = [];
      clouds.forEach(function (cloud, index) {
        var left = cloud.offsetLeft - flow.offsetLeft;
        if (left >= page * step - 1 && left < (page + 1) * step - 1) { shown.push(index); }
      });
      var whole = total <= clouds.length && pages === 1;
      indicator.textContent = shown.length && !whole ? format.replace("{first}", offset + shown[0] + 1)
        .replace("{last}", offset + shown[shown.length - 1] + 1).replace("{total}", total) : "";
    } else {
      indicator.textContent = pages > 1 ? format.replace("{page}", page + 1).replace("{pages}", pages) : "";
    }
  }
  /* A word cloud is a summary: what does not fit leaves, the least frequent words first. */
  function dropWhatDoesNotFit(list) {
    var items = Array.prototype.slice.call(list.children).sort(function (a, b) {
      return (parseInt(a.dataset.weight, 10) || 0) - (parseInt(b.dataset.weight, 10) || 0);
    });
    items.forEach(function (item) { item.hidden = false; });
    for (var n = 0; n < items.length - 1; n += 1) {
      if (list.scrollHeight <= list.clientHeight + 1 && list.scrollWidth <= list.clientWidth + 1) { return; }
      items[n].hidden = true;
    }
  }
  function fitStage() {
    if (!stage) { return; }
    stage.querySelectorAll("[data-fit-drop]").forEach(dropWhatDoesNotFit);
    stage.querySelectorAll("[data-fit]").forEach(function (box) {
      fitBox(box);
      var page = Math.min(pageOf[box.dataset.fit] || 0, pagesOf(box) - 1);
      showPage(box, page, false);
    });
    body.dataset.stageFitted = String(Date.now());
  }
  function turnPages() {
    if (!stage) { return; }
    stage.querySelectorAll("[data-fit]").forEach(function (box) {
      var pages = pagesOf(box);
      var next = (pageOf[box.dataset.fit] || 0) + 1;
      if (next < pages) { showPage(box, next, true); return; }
      if (box.dataset.fit === "wall") {
        var offset = parseInt(box.dataset.wallOffset, 10) || 0;
        var batch = box.querySelectorAll(".cloud").length;
        var total = parseInt(box.dataset.wallTotal, 10) || 0;
        var from = offset + batch < total ? offset + batch : 0;
        if (from !== offset) {
          pageOf.wall = 0;
          stage.dataset.liveQuery = from ? "offset=" + from : "";
          refreshPage();
          return;
        }
      }
      if (pages > 1) { showPage(box, 0, false); }
    });
  }
  function startWallAgain() {
    if (!stage) { return; }
    pageOf.wall = 0;
    stage.dataset.liveQuery = "";
  }
  if (stage) {
    fitStage();
    body.addEventListener("htmx:afterSettle", function (event) {
      if (event.detail.target === stage) { fitStage(); }
    });
    window.addEventListener("resize", fitStage);
    if (document.fonts && document.fonts.ready) { document.fonts.ready.then(fitStage); }
    var turning = setInterval(turnPages, PAGE_SECONDS * 1000);
    /* a presenter's clicker (Page Down, arrow right, space) turns the page at once */
    document.addEventListener("keydown", function (event) {
      if (["PageDown", "ArrowRight", " "].indexOf(event.key) < 0) { return; }
      event.preventDefault();
      clearInterval(turning);
      turnPages();
      turning = setInterval(turnPages, PAGE_SECONDS * 1000);
    });
  }

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
  /* The newest timer the socket brought. A page fetched just before the timer changed can arrive after
     it: a box it swaps in that is older than this state gets this state again. "Older" is the countdown's
     version (one more with every change), not a clock: that page may have been rendered after the change
     from what the database held before it. */
  var lastTimer = null;
  function setTimer(box, timer) {
    box.dataset.endsAt = timer.state.ends_at || "";
    box.dataset.pausedLeft = timer.state.paused_left === null ? "" : String(timer.state.paused_left);
    box.dataset.serverNow = String(timer.state.server_now);
    box.dataset.receivedAt = String(timer.receivedAt);
    box.dataset.version = String(timer.state.version);
  }
  socket.on("timer", function (state) {
    if (lastTimer && Number(state.version) < Number(lastTimer.state.version)) { return; }
    lastTimer = { state: state, receivedAt: Date.now() };
    document.querySelectorAll("[data-timer]").forEach(function (box) { setTimer(box, lastTimer); });
    tick();
  });
  function keepNewestTimer() {
    if (!lastTimer) { return; }
    document.querySelectorAll("[data-timer]").forEach(function (box) {
      if (Number(box.dataset.version || 0) < Number(lastTimer.state.version)) { setTimer(box, lastTimer); }
    });
    tick();
  }
  body.addEventListener("htmx:afterSwap", keepNewestTimer);
  body.addEventListener("htmx:oobAfterSwap", keepNewestTimer);
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
      var banner = document.getElementById("announcement-" + message.id);
      if (banner) { say(banner.textContent.replace(/\s+/g, " ").trim()); }
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
  socket.on("wall:changed", function (message) {
    /* a new dream: the big screen goes back to its first page, where the newest dreams are */
    if (message && message.fresh) { startWallAgain(); }
    refreshPage();
  });
  socket.on("table:changed", refreshPage);
  /* the market: something concerns this guest; the page fetches its own part (names never travel here) */
  socket.on("market:changed", refreshPage);
  /* questions to the room: new counts (batched, at most twice a second) for the big screen and the console;
     a poll that opened, closed or was revealed for the phones */
  socket.on("poll:counts", function (message) {
    if (panels.room) { panels.room(); }
    if (panels.miniature) { panels.miniature(); }
    var items = (message && message.items) || [];
    var last = items.length ? items[items.length - 1] : null;
    if (last && last.rows) {
      /* counts of a poll: shown where that poll is on the screen (hidden results: only how many answered) */
      var live = document.querySelector('[data-poll-live="' + last.poll + '"]');
      if (live) { showCounts(live, last); }
      return;
    }
    refreshPage();
  });
  /* The counts of the poll on the big screen, as the server sent them (the last of a batch is the newest). */
  function showCounts(live, counts) {
    var answered = live.querySelector("[data-poll-answered]");
    if (answered) {
      answered.dataset.pollAnswered = String(counts.answered);
      answered.textContent = (counts.answered === 1 ? answered.dataset.one : answered.dataset.many)
        .replace("{n}", counts.answered);
    }
    counts.rows.forEach(function (row, index) {
      var count = live.querySelector('[data-poll-count="' + index + '"]');
      var bar = live.querySelector('[data-poll-bar="' + index + '"]');
      if (count) { count.textContent = row[0] + " (" + row[1] + "%)"; }
      if (bar) { bar.value = row[2]; }
    });
    var mean = live.querySelector("[data-poll-mean]");
    if (mean && counts.mean !== null) {
      /* in the screen's own language: 4,3 on a Dutch screen */
      var shown = Number(counts.mean).toLocaleString(document.documentElement.lang || "nl", { maximumFractionDigits: 1 });
      mean.textContent = mean.dataset.format.replace("{mean}", shown);
    }
  }
  socket.on("poll:changed", refreshPage);
  /* the questions page follows new questions, votes and the next speaker; other pages let these pass */
  function questionsChanged() { if (document.querySelector("[data-questions-live]")) { refreshPage(); } }
  socket.on("questions", questionsChanged);
  socket.on("speaker", questionsChanged);
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
  /* spread over a few seconds (data-resync-spread, ms), so a full room does not ask in one instant */
  var resyncSpread = Number(body.dataset.resyncSpread || 3000);
  socket.on("resync", function () { setTimeout(refreshPage, Math.random() * resyncSpread); });
  /* The author's own dream: replaces a copy that arrived first as someone else's cloud. */
  socket.on("dream:mine", function (message) {
    var existing = document.getElementById("dream-" + message.id);
    if (existing) { existing.remove(); }
    if (document.getElementById("wall")) { swapIn(message.html); }
  });
  /* Screen readers hear about new dreams in one calm sentence every 8 seconds at most. */
  var announcer = document.getElementById("live-region");
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
  /* A form that closes folds to one line, unless the guest already typed in it (the text is kept). */
  function fold(id, field, open) {
    var box = document.getElementById(id);
    var typed = document.getElementById(field);
    if (box && (open || !typed || !typed.value.trim())) { box.open = !!open; }
    var note = box && box.querySelector("[data-closed-note]");
    if (note) { note.hidden = !!open; }
  }
  /* The organiser changed the event's look: the new colours (and logo) swap in where they are. */
  socket.on("brand", function (message) { swapIn(message.html); });
  socket.on("posting", function (message) {
    if (document.getElementById("posting-state")) { swapIn(message.html); }
    fold("dream-card", "dream-text", message.open);
  });
  socket.on("contributions", function (message) { fold("contribute", "contribution-text", message.open); });
  /* A new part of the programme: the "now" bar is replaced at once, the guest is brought to the top
     and a screen reader hears the new part in the page's one polite live region. */
  socket.on("now", function (message) {
    var bar = document.getElementById("now-bar");
    if (!bar || String(message.phase) === bar.dataset.phase) { return; }
    swapIn(message.html);
    /* the wall's open-or-closed line follows at once too (the rest of the page comes with the resync) */
    document.querySelectorAll("[data-posting-closed]").forEach(function (line) { line.hidden = !!message.dreams; });
    fold("dream-card", "dream-text", message.dreams);
    fold("contribute", "contribution-text", message.contributions);
    bar = document.getElementById("now-bar");
    window.scrollTo({ top: 0, behavior: quiet ? "auto" : "smooth" });
    bar.focus({ preventScroll: true });
    say(bar.querySelector("h2").textContent + ". " + bar.querySelector("[data-now-text]").textContent);
  });
})();
