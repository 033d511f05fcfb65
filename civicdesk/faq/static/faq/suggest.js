/* FAQ suggestions on the petition form: as the citizen types the subject or content, ask the
   FAQ which entries may already answer and show them in the form's live region. Without
   JavaScript the "Check the FAQ first" button does the same by reloading the form. */
(function () {
  "use strict";
  var box = document.getElementById("faq-suggest");
  var region = document.getElementById("faq-suggestions");
  if (!box || !region || !window.fetch || !window.URLSearchParams) {
    return;
  }
  var form = box.closest("form");
  var url = box.getAttribute("data-suggest-url");
  if (!form || !url) {
    return;
  }
  var subject = form.querySelector("[name=subject]");
  var content = form.querySelector("[name=content]");
  var category = form.querySelector("[name=category]");
  var timer = null;
  var last = null;
  var controller = null;
  var MAX = 2000;

  function text() {
    return ((subject ? subject.value : "") + "\n" + (content ? content.value : "")).trim();
  }

  function ask() {
    var words = text().slice(0, MAX);
    var topic = category ? category.value : "";
    var key = topic + "|" + words;
    if (key === last) {
      return;
    }
    last = key;
    if (words.length < 2) {
      region.innerHTML = "";
      return;
    }
    if (controller) {
      controller.abort();
    }
    controller = window.AbortController ? new AbortController() : null;
    var params = new URLSearchParams({ text: words, category: topic });
    fetch(url + "?" + params.toString(), {
      credentials: "same-origin",
      headers: { Accept: "text/html" },
      signal: controller ? controller.signal : undefined
    })
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (html !== null && region.innerHTML.trim() !== html.trim()) {
          region.innerHTML = html;
        }
      })
      .catch(function () {
        /* A failed look-up leaves the region as it was; the button still works. */
      });
  }

  function later() {
    window.clearTimeout(timer);
    timer = window.setTimeout(ask, 500);
  }

  [subject, content].forEach(function (field) {
    if (field) {
      field.addEventListener("input", later);
    }
  });
  if (category) {
    category.addEventListener("change", later);
  }
})();
