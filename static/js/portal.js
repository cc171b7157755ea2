// The portal's own behaviour. No inline scripts anywhere: the Content-Security-Policy forbids them.
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var form = event.target;
    // A form may ask for confirmation before submitting (data-confirm="question").
    var question = form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
      return;
    }
    // A form whose work takes seconds (signing, an export) says so while it waits
    // (data-busy="Signing…"): its button is disabled, so it is not sent twice, and a status
    // line that screen readers announce shows the text with a spinner.
    var busy = form.getAttribute("data-busy");
    if (busy) {
      var button = form.querySelector("button[type=submit]");
      if (button) {
        button.disabled = true;
      }
      var status = form.querySelector(".busy-status");
      if (status) {
        status.textContent = busy;
        status.classList.remove("d-none");
      }
    }
  });
  // A button that prints the page (data-print): the print layout is portal.css's.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-print]");
    if (button) {
      window.print();
    }
  });
})();
