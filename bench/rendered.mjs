// When a box is rendered, as the benchmarks measure it: the first animation
// frame after its content (a list item, or the button a box keeps its space
// with) is in its shadow root. Noted by the page itself, for Playwright's
// polling would add long tasks of its own.
//
// Each shadow root is watched by a MutationObserver from the moment it is
// attached, so the page does no work of its own until a box changes. The
// benchmarks' first version looked in every frame with
// `querySelectorAll("*")`: 12-13 ms of the main thread per load at CPU x4
// in Chromium's CPU profile, charged to both boxes (the ratio of
// bench/run.mjs did not move beyond its noise: 1.47, 1.41, 1.60 with the
// polling, 1.47, 1.62, 1.51 without, 21 runs each, alternating).
//
//   await tab.addInitScript(noteRendered, ['[data-testid="dp-item"]']);
//   ... window.__rendered (ms since navigation) once rendered
//
// Both moments are also marks on the page's performance timeline ("dp:in
// the DOM", "dp:next frame"), beside the box's own phase marks in a
// `phase-marks` build (bench/phases.mjs).
export function noteRendered(selectors) {
  const wanted = selectors.join(", ");
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    new MutationObserver(function (_, observer) {
      if (window.__rendered || !root.querySelector(wanted)) return;
      observer.disconnect();
      performance.mark("dp:in the DOM");
      requestAnimationFrame(function () {
        if (window.__rendered) return;
        window.__rendered = performance.mark("dp:next frame").startTime;
      });
    }).observe(root, { childList: true, subtree: true });
    return root;
  };
}
