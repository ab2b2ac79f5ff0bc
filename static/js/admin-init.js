/*
 * Starts what Wagtail's admin templates start with inline scripts, which the admin's
 * Content-Security-Policy does not allow (core/middleware.py). Our copies of those
 * templates (templates/wagtailadmin/...) leave a hidden marker with the same data;
 * this file, loaded from our own origin, starts each marker once: at page load, and
 * when the admin adds HTML later (a new row of an inline panel).
 */
(function () {
  "use strict";

  var starters = {
    date: function (el) { window.initDateChooser(el.dataset.mfsFor, JSON.parse(el.dataset.mfsConfig)); },
    time: function (el) { window.initTimeChooser(el.dataset.mfsFor, JSON.parse(el.dataset.mfsConfig)); },
    datetime: function (el) { window.initDateTimeChooser(el.dataset.mfsFor, JSON.parse(el.dataset.mfsConfig)); },
    "inline-panel": function (el) { new window.InlinePanel(JSON.parse(el.dataset.mfsOptions)); },
    "multiple-chooser-panel": function (el) { new window.MultipleChooserPanel(JSON.parse(el.dataset.mfsOptions)); },
    "chooser-urls": function (el) {
      if (typeof window.chooserUrls === "undefined") {
        window.chooserUrls = {
          imageChooser: el.dataset.imageChooser,
          documentChooser: el.dataset.documentChooser,
          pageChooser: el.dataset.pageChooser,
        };
      }
    },
  };

  function start(root) {
    var markers = root.querySelectorAll ? root.querySelectorAll("[data-mfs-init]") : [];
    Array.prototype.forEach.call(markers, function (el) {
      // Markers inside a <template> (an inline panel's empty form) wait until copied out.
      if (el.dataset.mfsStarted || el.closest("template")) return;
      var starter = starters[el.dataset.mfsInit];
      if (!starter) return;
      el.dataset.mfsStarted = "1";
      try {
        starter(el);
      } catch (error) {
        // One widget failing must not stop the others.
        window.console && console.error("admin-init:", el.dataset.mfsInit, error);
      }
    });
  }

  // Chooser addresses are needed before the choosers' own scripts run.
  start(document);
  document.addEventListener("DOMContentLoaded", function () {
    start(document);
    new MutationObserver(function (mutations) {
      mutations.forEach(function (mutation) {
        mutation.addedNodes.forEach(function (node) {
          if (node.nodeType === 1) start(node.parentNode || node);
        });
      });
    }).observe(document.body, { childList: true, subtree: true });
  });
})();
