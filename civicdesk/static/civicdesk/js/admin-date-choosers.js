/* Wagtail's date, date-time and time pickers without inline scripts, so the admin runs under
   a Content-Security-Policy with script-src 'self'. Our widget templates leave a marker
   beside each input; this starts the picker Wagtail's own inline script would have started,
   for markers in the page and for those added later (inline panels, StreamField blocks). */
(function () {
  "use strict";
  var starters = {
    date: "initDateChooser",
    datetime: "initDateTimeChooser",
    time: "initTimeChooser",
  };

  function start(marker) {
    if (marker.dataset.chooserStarted) return;
    var id = marker.dataset.chooserFor;
    var starter = window[starters[marker.dataset.civicdeskChooser]];
    if (!id || id.indexOf("__prefix__") !== -1 || typeof starter !== "function") return;
    if (!document.getElementById(id)) return;
    marker.dataset.chooserStarted = "true";
    starter(id, JSON.parse(marker.dataset.chooserConfig || "{}"));
  }

  function scan(root) {
    root.querySelectorAll("[data-civicdesk-chooser]").forEach(start);
  }

  function watch() {
    scan(document);
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        change.addedNodes.forEach(function (node) {
          if (node.nodeType !== 1) return;
          if (node.matches("[data-civicdesk-chooser]")) start(node);
          scan(node);
        });
      });
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", watch);
  } else {
    watch();
  }
})();
