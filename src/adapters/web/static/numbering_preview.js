// "Cấu hình số hồ sơ": previews the next case number as the pattern is typed, by asking
// GET /can-bo/cau-hinh-so-ho-so/xem-truoc. The page works without this (the "Xem trước" button).
(function () {
  'use strict';
  var input = document.getElementById('pattern');
  var output = document.getElementById('preview');
  if (!input || !output || !window.fetch) return;
  var timer = null;
  var latest = 0;
  input.addEventListener('input', function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      var mine = ++latest;
      var query = new URLSearchParams({ co_quan: input.dataset.agency || '', pattern: input.value });
      fetch('/can-bo/cau-hinh-so-ho-so/xem-truoc?' + query.toString(), { credentials: 'same-origin' })
        .then(function (response) {
          return response.text().then(function (text) { return { ok: response.ok, text: text }; });
        })
        .then(function (answer) {
          if (mine !== latest) return;
          output.textContent = answer.text;
          output.classList.toggle('error', !answer.ok);
        })
        .catch(function () {});
    }, 250);
  });
})();
