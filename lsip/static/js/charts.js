// Draws every <div class="lsip-chart" data-spec="..."> with Vega-Lite (see
// templates/charts/chart.html). Vega, Vega-Lite and Vega-Embed come from the npm packages,
// copied into static/dist by frontend/build.mjs, and are loaded once, only on pages with a
// chart. The script may be included once per chart: it runs once.
(function () {
  "use strict";
  if (window.lsipCharts) return;
  var script = document.currentScript;
  var dist = (script && script.getAttribute("data-dist")) || "/static/dist/";
  var libraries = ["vega.min.js", "vega-lite.min.js", "vega-embed.min.js"];
  // The Content-Security-Policy allows no eval and no inline style: Vega interprets its
  // expressions (ast), and its tooltip's styles come from a file instead of a style element.
  var OPTIONS = {
    actions: false,
    renderer: "svg",
    ast: true,
    defaultStyle: false,
    tooltip: { disableDefaultStyle: true },
  };

  function tooltipStyles() {
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = dist.replace(/dist\/$/, "css/") + "vega-tooltip.css";
    document.head.appendChild(link);
  }

  function load(index, done) {
    if (index === libraries.length) return done();
    var tag = document.createElement("script");
    tag.src = dist + libraries[index];
    tag.onload = function () { load(index + 1, done); };
    tag.onerror = function () { window.console && console.error("lsip charts: cannot load " + tag.src); };
    document.head.appendChild(tag);
  }

  function draw() {
    var charts = document.querySelectorAll(".lsip-chart[data-spec]:not([data-drawn])");
    Array.prototype.forEach.call(charts, function (element) {
      element.setAttribute("data-drawn", "");
      var spec = JSON.parse(element.getAttribute("data-spec"));
      window.vegaEmbed(element, spec, OPTIONS).catch(function (error) {
        element.removeAttribute("data-drawn");
        window.console && console.error("lsip charts:", error);
      });
    });
  }

  window.lsipCharts = { draw: draw };
  function start() {
    if (!document.querySelector(".lsip-chart[data-spec]")) return;
    tooltipStyles();
    if (window.vegaEmbed) return draw();
    load(0, draw);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
