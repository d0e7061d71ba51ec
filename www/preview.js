// Preview page only: renders a box for any key typed into the form,
// through the loader's one public entry point.
(function () {
  "use strict";
  var form = document.getElementById("try-form");
  var slot = document.getElementById("try-box");
  var base = new URL(".", document.baseURI).href;
  function show() {
    // A fresh element per try: a shadow root cannot be detached.
    var host = document.createElement("div");
    slot.replaceChildren(host);
    window.DigitalePartnerschaften.render(host, {
      ags: form.elements.ags.value,
      src: base + "partnerships.json",
      base: base
    });
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    show();
  });
  show();
})();
