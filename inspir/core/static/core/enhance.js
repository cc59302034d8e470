// Loads htmx, which only improves pages that work without it, once the page has loaded and
// painted: on a slow phone connection it then never holds up the first paint, nor competes
// with it for the little bandwidth there is. The address comes from the tag's data-htmx attribute
// (the policy forbids inline scripts).
(function () {
  "use strict";
  var tag = document.currentScript;
  var source = tag && tag.getAttribute("data-htmx");
  if (!source) {
    return;
  }
  function load() {
    var script = document.createElement("script");
    script.src = source;
    document.head.appendChild(script);
  }
  function afterNextPaint() {
    // A frame's callbacks run before it is painted; a task queued from one runs after.
    window.requestAnimationFrame(function () {
      window.setTimeout(load, 0);
    });
  }
  if (document.readyState === "complete") {
    afterNextPaint();
  } else {
    window.addEventListener("load", afterNextPaint);
  }
})();
