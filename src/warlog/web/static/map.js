// The map: incident points from /api/map.geojson, clustered, coloured by event type and
// sized by civilian deaths. Text from the ledger is put in with textContent, never as HTML.
(function () {
  "use strict";
  var el = document.getElementById("map");
  if (!el || !window.L) { return; }
  var COLOURS = {
    "Battles": "#1f77b4", "Explosions/Remote violence": "#d62728", "Violence against civilians": "#9467bd",
    "Protests": "#2ca02c", "Riots": "#ff7f0e", "Strategic developments": "#7f7f7f"
  };
  var map = L.map(el, { maxZoom: 18, minZoom: 2 }).setView([34, 40], 5);
  var tiles = el.dataset.tiles;
  if (tiles) {
    L.tileLayer(tiles, { attribution: el.dataset.attribution || "", maxZoom: 18 }).addTo(map);
  } else {
    fetch(el.dataset.outlines, { credentials: "same-origin" }).then(function (r) { return r.json(); })
      .then(function (geo) {
        L.geoJSON(geo, { style: { color: "#6b7b8c", weight: 1, fillColor: "#f4f1ea", fillOpacity: 1 } }).addTo(map);
      });
  }
  function popup(p) {
    var box = document.createElement("div");
    var a = document.createElement("a");
    a.href = "/incidents/" + encodeURIComponent(p.id);
    a.textContent = p.event_id_cnty + ": " + p.event_type;
    box.appendChild(a);
    var info = document.createElement("div");
    info.textContent = p.event_date + ", " + p.location + ". Civilians killed: " + p.civilians;
    box.appendChild(info);
    return box;
  }
  var clusters = L.markerClusterGroup({ maxClusterRadius: 40 });
  var seen = {};
  fetch(el.dataset.points + window.location.search, { credentials: "same-origin" })
    .then(function (r) { return r.json(); })
    .then(function (geo) {
      var bounds = [];
      geo.features.forEach(function (f) {
        var p = f.properties, ll = [f.geometry.coordinates[1], f.geometry.coordinates[0]];
        var colour = COLOURS[p.event_type] || "#444";
        seen[p.event_type] = colour;
        var m = L.circleMarker(ll, { radius: 5 + 2.5 * Math.sqrt(p.civilians || 0), color: colour,
                                     fillColor: colour, fillOpacity: 0.7, weight: 1 });
        m.bindPopup(popup(p));
        m.on("dblclick", function () { window.location.href = "/incidents/" + encodeURIComponent(p.id); });
        clusters.addLayer(m);
        bounds.push(ll);
      });
      map.addLayer(clusters);
      if (bounds.length) { map.fitBounds(bounds, { padding: [30, 30], maxZoom: 9 }); }
      el.dataset.count = String(geo.features.length);
      var legend = document.getElementById("map-legend");
      Object.keys(seen).forEach(function (k) {
        var item = document.createElement("span"); item.className = "legend-item";
        var dot = document.createElement("span"); dot.className = "legend-dot"; dot.style.background = seen[k];
        item.appendChild(dot); item.appendChild(document.createTextNode(k)); legend.appendChild(item);
      });
    });
})();
