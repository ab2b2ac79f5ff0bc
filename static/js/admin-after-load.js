/* The admin's own scripts on the housing task screens, loaded after the page (issue 15).
 *
 * A companion on a weak signal needs the caseload and the visit form first; those
 * work with plain HTML and our own small scripts. Wagtail's scripts (about 260 KiB
 * compressed: the sidebar menu, dropdowns, messages) follow once the page has loaded,
 * in their order. Wagtail's vendor and sidebar scripts start on DOMContentLoaded,
 * which has passed by then: their listeners are collected while they load and
 * called once all have arrived. From the second visit on, the files come from the
 * browser's cache.
 */
(function () {
  "use strict";
  var me = document.currentScript;
  var urls = JSON.parse(me.dataset.scripts);

  function loadAll() {
    var waiting = [];
    var add = document.addEventListener;
    document.addEventListener = function (type, listener, options) {
      if (type === "DOMContentLoaded") waiting.push(listener);
      else add.call(document, type, listener, options);
    };
    var done = function () {
      document.addEventListener = add;
      waiting.forEach(function (listener) {
        try { listener.call(document, new Event("DOMContentLoaded")); }
        catch (error) { window.console && console.error(error); }
      });
      document.documentElement.dataset.mfsAdminScripts = "loaded";
      document.dispatchEvent(new CustomEvent("mfs:admin-scripts-loaded"));
    };
    // Fetched in parallel, run in their order (async = false).
    var left = urls.length;
    urls.forEach(function (url) {
      var script = document.createElement("script");
      script.src = url;
      script.async = false;
      script.onload = script.onerror = function () { if (--left === 0) done(); };
      document.body.appendChild(script);
    });
  }

  if (document.readyState === "complete") loadAll();
  else window.addEventListener("load", loadAll);
})();
