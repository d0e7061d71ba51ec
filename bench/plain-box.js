// The baseline: a minimal hand-written plain-JS box on the same data, for
// the benchmark only. It shows the partnerships the host is directly a
// partner of (titles, kind, description, partners), rendered as text.
(function () {
  "use strict";
  var script = document.currentScript;
  var key = script.getAttribute("data-ags").trim();
  var url = new URL("partnerships.json", script.src).href;
  var host = document.createElement("div");
  script.parentNode.insertBefore(host, script.nextSibling);
  var root = host.attachShadow({ mode: "open" });
  root.textContent = "Partnerschaften werden geladen …";
  fetch(url, { credentials: "omit" })
    .then(function (r) { return r.json(); })
    .then(function (data) {
      var names = {};
      data.bodies.forEach(function (b) { names[b.key] = b.name; });
      data.organisations.forEach(function (o) { names[o.id] = o.name; });
      var section = document.createElement("section");
      var h2 = document.createElement("h2");
      h2.textContent = "Unsere digitalen Partnerschaften";
      section.appendChild(h2);
      var ul = document.createElement("ul");
      data.partnerships
        .filter(function (p) { return p.partners.some(function (x) { return x.key === key; }); })
        .forEach(function (p) {
          var li = document.createElement("li");
          li.setAttribute("data-testid", "dp-item");
          var h = document.createElement("h4");
          h.textContent = p.title;
          var d = document.createElement("p");
          d.textContent = p.description;
          var partners = document.createElement("ul");
          p.partners.forEach(function (x) {
            var item = document.createElement("li");
            item.textContent = names[x.key || x.org] || x.name;
            partners.appendChild(item);
          });
          li.append(h, d, partners);
          ul.appendChild(li);
        });
      section.appendChild(ul);
      root.replaceChildren(section);
    });
})();
