/* Visits typed without a connection (issue 15).
 *
 * The visit form keeps what is typed as a draft in localStorage (it survives
 * closing the browser), sends it itself, and when there is no connection shows it
 * as waiting and sends it when the connection returns. Every draft carries the
 * form's client_key: the server makes one visit per key, however often it arrives.
 * The caseload offers "Für unterwegs speichern" (the service worker caches the
 * caseload and the own visit forms) and lists drafts not yet sent.
 * Texts come from data-msg-* attributes, translated by the templates.
 */
(function () {
  "use strict";
  var PREFIX = "mfs-draft:";
  var LAST_ACTIVE = "mfs-offline-last-active";
  var root = document.querySelector("[data-mfs-offline]");
  if (!root) return;
  var msg = function (name) { return root.dataset["msg" + name] || ""; };
  var idleMinutes = parseInt(root.dataset.idleMinutes || "30", 10);

  function drafts() {
    var found = [];
    for (var i = 0; i < localStorage.length; i++) {
      var key = localStorage.key(i);
      if (key && key.indexOf(PREFIX) === 0) {
        try { found.push(JSON.parse(localStorage.getItem(key))); } catch (e) { localStorage.removeItem(key); }
      }
    }
    return found;
  }
  function keep(draft) { localStorage.setItem(PREFIX + draft.key, JSON.stringify(draft)); }
  function forget(draft) { localStorage.removeItem(PREFIX + draft.key); }

  // After the idle timeout the cached caseload is deleted (drafts stay until sent).
  var last = parseInt(localStorage.getItem(LAST_ACTIVE) || "0", 10);
  if (last && Date.now() - last > idleMinutes * 60000 && window.caches) caches.delete("mfs-offline");
  localStorage.setItem(LAST_ACTIVE, String(Date.now()));

  function currentToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : null;
  }

  // Send one draft. Resolves to "sent", "rejected" (the form came back with errors:
  // its HTML is returned) or "waiting" (no connection, or signed out).
  function send(draft) {
    var body = new FormData();
    var token = currentToken();
    draft.fields.forEach(function (pair) {
      if (pair[0] === "csrfmiddlewaretoken" && token) return;
      body.append(pair[0], pair[1]);
    });
    if (token) body.append("csrfmiddlewaretoken", token);
    return fetch(draft.url, { method: "POST", body: body, credentials: "same-origin" }).then(
      function (response) {
        var path = new URL(response.url).pathname;
        if (response.ok && response.redirected && path !== new URL(draft.url, location.href).pathname) {
          if (path.indexOf("/login") !== -1) return { state: "waiting" };
          forget(draft);
          return response.text().then(function (html) {
            return { state: "sent", url: response.url, html: html };
          });
        }
        if (response.ok) return response.text().then(function (html) { return { state: "rejected", html: html }; });
        return { state: "waiting" };
      },
      function () { return { state: "waiting" }; }
    );
  }

  // The server's "saved" message arrives in the page the POST was redirected to, which
  // fetch() read; keep it for the page we go to next, or the companion sees nothing.
  var FLASH = "mfs-visit-flash";
  function keepFlash(html) {
    var box = new DOMParser().parseFromString(html || "", "text/html").querySelector(".messages");
    if (box && box.textContent.trim()) sessionStorage.setItem(FLASH, box.innerHTML);
  }
  (function showKeptFlash() {
    var kept = sessionStorage.getItem(FLASH);
    var box = document.querySelector(".messages");
    if (!kept || !box) return;
    sessionStorage.removeItem(FLASH);
    box.innerHTML = kept;
  })();

  function showStatus(text) {
    var status = document.querySelector("[data-mfs-draft-status]");
    if (!status) return;
    status.textContent = text;
    status.hidden = !text;
    if (text) status.scrollIntoView({ block: "center" });
  }

  // --- The visit form ------------------------------------------------------------
  var form = document.querySelector("[data-mfs-visit-form]");
  function formDraft() {
    var fields = [];
    new FormData(form).forEach(function (value, name) { fields.push([name, String(value)]); });
    var key = form.querySelector("input[name=client_key]").value;
    return {
      key: key, url: location.pathname, household: form.dataset.household,
      name: form.dataset.householdName, fields: fields, savedAt: Date.now()
    };
  }
  function restore(draft) {
    form.querySelectorAll("input[type=checkbox], input[type=radio]").forEach(function (el) { el.checked = false; });
    draft.fields.forEach(function (pair) {
      if (pair[0] === "csrfmiddlewaretoken") return;
      form.querySelectorAll('[name="' + pair[0] + '"]').forEach(function (el) {
        if (el.type === "checkbox" || el.type === "radio") { if (el.value === pair[1]) el.checked = true; }
        else el.value = pair[1];
      });
    });
  }
  function submitDraft(draft) {
    showStatus(msg("Sending"));
    return send(draft).then(function (result) {
      if (result.state === "sent") { keepFlash(result.html); location.assign(result.url); return; }
      if (result.state === "waiting") { showStatus(msg("Waiting")); return; }
      // Errors (e.g. a follow-up closed meanwhile): show the server's form, keep the draft.
      var page = new DOMParser().parseFromString(result.html, "text/html");
      var fresh = page.querySelector(".mfs-task");
      if (fresh) {
        document.querySelector(".mfs-task").replaceWith(fresh);
        form = document.querySelector("[data-mfs-visit-form]");
        startForm();
        restore(draft);
        var errors = document.getElementById("form-errors");
        if (errors) { errors.focus(); errors.scrollIntoView(); }
      }
    });
  }
  function startForm() {
    if (!form) return;
    var mine = drafts().filter(function (d) { return d.url === location.pathname; })[0];
    if (mine && !form.querySelector(".mfs-errors")) {
      form.querySelector("input[name=client_key]").value = mine.key;
      restore(mine);
      showStatus(msg("Restored"));
    } else if (mine) {
      form.querySelector("input[name=client_key]").value = mine.key;
    }
    var timer;
    form.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { keep(formDraft()); }, 300);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var draft = formDraft();
      keep(draft);
      submitDraft(draft);
    });
  }
  startForm();

  // --- The caseload: save for offline use, list and send waiting drafts ------------
  var list = document.querySelector("[data-mfs-drafts]");
  function showDrafts() {
    if (!list) return;
    var waiting = drafts().filter(function (d) { return d.sendRequested !== false; });
    list.hidden = !waiting.length;
    var items = list.querySelector("ul");
    items.textContent = "";
    waiting.forEach(function (draft) {
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = draft.url;
      link.textContent = draft.name;
      li.appendChild(link);
      li.appendChild(document.createTextNode(" · " + msg("Waiting")));
      items.appendChild(li);
    });
  }
  function sendAll() {
    if (!navigator.onLine) return;
    drafts().forEach(function (draft) {
      send(draft).then(function (result) {
        if (result.state === "sent" || result.state === "rejected") showDrafts();
        if (result.state === "sent" && form && draft.url === location.pathname) location.assign(result.url);
      });
    });
  }
  showDrafts();
  window.addEventListener("online", sendAll);
  if (!form) sendAll();

  // The styles, scripts and icons this page loaded (the admin's scripts among them,
  // which arrive after the page): kept with the pages, so that the saved pages look
  // and work the same without a connection. Nothing of this is cached before the
  // companion asks for it: a first visit loads only what it shows.
  function pageAssets() {
    var seen = {};
    var found = [];
    var add = function (url) {
      if (!url) return;
      var parsed = new URL(url, location.href);
      if (parsed.origin !== location.origin || seen[parsed.href]) return;
      if (parsed.pathname.indexOf("/static/") !== 0 && parsed.pathname.indexOf("/admin/sprite") !== 0 &&
          parsed.pathname.indexOf("/admin/jsi18n") !== 0) return;
      seen[parsed.href] = true;
      found.push(parsed.href);
    };
    document.querySelectorAll("script[src]").forEach(function (el) { add(el.src); });
    document.querySelectorAll("link[rel=stylesheet], link[rel=manifest]").forEach(function (el) { add(el.href); });
    (performance.getEntriesByType ? performance.getEntriesByType("resource") : []).forEach(function (entry) { add(entry.name); });
    return found;
  }

  var saveButton = document.querySelector("[data-mfs-offline-save]");
  if (saveButton && "serviceWorker" in navigator) {
    saveButton.hidden = false;
    saveButton.addEventListener("click", function () {
      var saved = document.querySelector("[data-mfs-offline-saved]");
      saved.textContent = msg("Saving");
      navigator.serviceWorker.register(root.dataset.worker, { scope: root.dataset.scope })
        .then(function () { return navigator.serviceWorker.ready; })
        .then(function (registration) {
          navigator.serviceWorker.addEventListener("message", function (event) {
            saved.textContent = event.data.type === "saved" ? msg("Saved") : msg("Failed");
          });
          registration.active.postMessage({ type: "save", urls: JSON.parse(saveButton.dataset.urls).concat(pageAssets()) });
        })
        .catch(function () { saved.textContent = msg("Failed"); });
    });
  }
})();
