// Swagger UI on warlog's own schema, from the swagger-ui-bundle package (no CDN). That
// Swagger UI (4.x) reads OpenAPI 3.0 only; FastAPI writes 3.1, which it renders well enough
// when told 3.0. The schema at /api/openapi.json itself stays as written.
window.addEventListener("load", function () {
  "use strict";
  var el = document.getElementById("swagger-ui");
  fetch(el.dataset.spec, { credentials: "same-origin" }).then(function (r) { return r.json(); })
    .then(function (spec) {
      if (/^3\.1\./.test(spec.openapi || "")) { spec.openapi = "3.0.3"; }
      window.ui = SwaggerUIBundle({ spec: spec, dom_id: "#swagger-ui", deepLinking: false });
      el.dataset.rendered = "yes";
    });
});
