// The portal's own behaviour. No inline scripts anywhere: the Content-Security-Policy forbids them.
(function () {
  "use strict";
  // A form may ask for confirmation before submitting (data-confirm="question").
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });
})();
