// Signing with the signer's own national EDS: the portal's own small client of NCALayer's
// WebSocket protocol (kz.gov.pki.knca.commonUtils). The portal gives the document's digest;
// NCALayer, on the signer's computer, makes a detached CMS over it with the key he chooses;
// the portal checks and embeds it. The key never leaves his computer.
(function () {
  "use strict";
  var form = document.getElementById("national-sign");
  if (!form) {
    return;
  }
  var status = form.querySelector(".national-status");
  var alertBox = form.querySelector(".national-error");
  var button = form.querySelector("button[type=submit]");

  function say(text) {
    status.textContent = text;
  }

  function fail(text) {
    say("");
    alertBox.textContent = text;
    alertBox.classList.remove("d-none");
    button.disabled = false;
  }

  function post(url, data) {
    data.append("csrfmiddlewaretoken", form.querySelector("[name=csrfmiddlewaretoken]").value);
    return fetch(url, { method: "POST", body: data, credentials: "same-origin" }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) {
          throw new Error(body.message || form.dataset.failed);
        }
        return body;
      });
    });
  }

  // One request to NCALayer: it greets with its version, then answers the request.
  function ncalayer(request) {
    return new Promise(function (resolve, reject) {
      var socket;
      try {
        socket = new WebSocket(form.dataset.ncalayerUrl);
      } catch (error) {
        reject(new Error(form.dataset.noNcalayer));
        return;
      }
      var greeted = false;
      // A promise settles once: whichever of these comes first decides.
      socket.onerror = function () {
        reject(new Error(form.dataset.noNcalayer));
      };
      socket.onclose = function () {
        reject(new Error(form.dataset.noNcalayer));
      };
      socket.onmessage = function (message) {
        var answer = JSON.parse(message.data);
        if (!greeted) {
          greeted = true;
          socket.send(JSON.stringify(request));
          return;
        }
        socket.close();
        if (answer.code === "200") {
          resolve(answer.responseObject);
        } else {
          reject(new Error(form.dataset.ncalayerRefused + " " + (answer.message || answer.code)));
        }
      };
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    alertBox.classList.add("d-none");
    button.disabled = true;
    say(form.dataset.busyPrepare);
    var credentials = new FormData(form);
    credentials.delete("csrfmiddlewaretoken");
    post(form.dataset.prepareUrl, credentials)
      .then(function (prepared) {
        say(form.dataset.busySign);
        return ncalayer({
          module: "kz.gov.pki.knca.commonUtils",
          method: "createCAdESFromBase64Hash",
          args: ["PKCS12", "SIGNATURE", prepared.digest],
        });
      })
      .then(function (cms) {
        say(form.dataset.busyComplete);
        var data = new FormData();
        data.append("cms", cms);
        return post(form.dataset.completeUrl, data);
      })
      .then(function (done) {
        window.location.assign(done.redirect);
      })
      .catch(function (error) {
        fail(error.message);
      });
  });
})();
