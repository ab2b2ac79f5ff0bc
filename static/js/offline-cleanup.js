/* Personal data kept for field work leaves the phone at sign-out (issue 15):
 * the cached caseload, the service worker and any visit drafts not yet sent
 * (after a warning that names how many would be lost). */
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.action || form.action.indexOf("/logout") === -1) return;
    var keys = [];
    for (var i = 0; i < localStorage.length; i++) {
      var key = localStorage.key(i);
      if (key && key.indexOf("mfs-draft:") === 0) keys.push(key);
    }
    if (keys.length && !window.confirm(form.dataset.mfsUnsentWarning || (keys.length + " unsent visit(s) will be deleted."))) {
      event.preventDefault();
      return;
    }
    keys.forEach(function (key) { localStorage.removeItem(key); });
    localStorage.removeItem("mfs-offline-last-active");
    if (window.caches) caches.delete("mfs-offline");
    if (navigator.serviceWorker) {
      navigator.serviceWorker.getRegistrations().then(function (registrations) {
        registrations.forEach(function (registration) { registration.unregister(); });
      });
    }
  }, true);
})();
