// Translation editor: the boxes translators type into follow the target language
// (Arabic right to left), so punctuation lands where it belongs.
(function () {
  const script = document.currentScript;
  const language = script.dataset.language;
  const direction = script.dataset.direction;
  function mark(root) {
    root.querySelectorAll(".js-translation-editor textarea, .js-translation-editor input[type=text]").forEach(function (box) {
      if (box.getAttribute("lang") !== language) {
        box.setAttribute("lang", language);
        box.setAttribute("dir", direction);
      }
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    mark(document);
    new MutationObserver(function () { mark(document); }).observe(document.body, { childList: true, subtree: true });
  });
})();
