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
  // An export that takes seconds (data-download="Preparing the workbook…"): the file is
  // fetched while the link says so and cannot be clicked twice; then it is saved under the
  // server's name. A failure is said on the link, not shown as an error page.
  function savedName(response) {
    var header = response.headers.get("Content-Disposition") || "";
    var encoded = /filename\*=UTF-8''([^;]+)/i.exec(header);
    if (encoded) {
      return decodeURIComponent(encoded[1]);
    }
    var plain = /filename="?([^";]+)"?/i.exec(header);
    return plain ? plain[1] : "export.xlsx";
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-download]");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || !window.fetch) {
      return;
    }
    event.preventDefault();
    if (link.getAttribute("aria-busy") === "true") {
      return;
    }
    var label = link.textContent;
    var status = link.nextElementSibling;
    function say(text) {
      link.textContent = text;
      if (status && status.classList.contains("download-status")) {
        status.textContent = text === label ? "" : text;
      }
    }
    link.setAttribute("aria-busy", "true");
    link.classList.add("disabled");
    say(link.getAttribute("data-download"));
    fetch(link.href, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.blob().then(function (blob) {
          var save = document.createElement("a");
          save.href = URL.createObjectURL(blob);
          save.download = savedName(response);
          document.body.appendChild(save);
          save.click();
          save.remove();
          window.setTimeout(function () {
            URL.revokeObjectURL(save.href);
          }, 1000);
          say(label);
        });
      })
      .catch(function () {
        say(link.getAttribute("data-download-failed"));
        window.setTimeout(function () {
          say(label);
        }, 5000);
      })
      .then(function () {
        link.removeAttribute("aria-busy");
        link.classList.remove("disabled");
      });
  });
})();
