/*
 * Three mends to the tooltips Material makes from a title when the pointer or the
 * keyboard's focus is on an element (a glossary term's link, a title cut short):
 *
 * - A title is shown as text. Material writes a tooltip's title into the page as HTML, and
 *   gives a title cut short with an ellipsis (the header's, a sidebar's entry) a title made
 *   from its text as shown: a scraped title that reads "<img src=x onerror=…>", printed as
 *   text, became an element when the pointer came to it, and ran. So no title keeps a "<":
 *   it is written "&lt;", which the tooltip shows as "<". Those in the page are mended at
 *   once, those set later as they are set. hooks/titles.py does the same to the built pages.
 * - Escape closes it: it stayed over the next line of text, another term in it, until the
 *   pointer or the focus moved on. (WCAG 1.4.13: what appears on hover or focus can be
 *   dismissed without moving either.) It shows again the next time the pointer or the focus
 *   comes to a term.
 * - It opens above the term when there is no room below: Material 9.8 always puts a tooltip
 *   below its term, so near the bottom of the window it was cut off, a sliver showing.
 */
(function () {
  "use strict";
  function mended(title) {
    return title.replace(/</g, "&lt;");
  }
  function inert(el) {
    var title = el.getAttribute && el.getAttribute("title");
    if (title && title.indexOf("<") >= 0) el.setAttribute("title", mended(title));
  }
  /* A title given as a property (Material's `element.title = text` for a title cut short)
     is mended as it is given: a tooltip opened in the same task (the element already
     focused or under the pointer) would read it before the observer below. This script is
     deferred, so it runs before Material's, which waits for the document to be loaded. */
  var own = Object.getOwnPropertyDescriptor(HTMLElement.prototype, "title");
  if (own && own.set && own.configurable) {
    Object.defineProperty(HTMLElement.prototype, "title", {
      configurable: true,
      enumerable: own.enumerable,
      get: own.get,
      set: function (value) { own.set.call(this, mended(String(value))); }
    });
  }
  var titled = document.querySelectorAll("[title]");
  for (var t = 0; t < titled.length; t++) inert(titled[t]);
  new MutationObserver(function (changes) {
    for (var i = 0; i < changes.length; i++) inert(changes[i].target);
  }).observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: ["title"] });

  document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape") return;
    var open = document.querySelectorAll(".md-tooltip2--active");
    for (var i = 0; i < open.length; i++) open[i].classList.remove("md-tooltip2--active");
  });

  var GAP = 8; // px between the term and its tooltip, as Material leaves below it

  function place(tip) {
    if (!tip.classList.contains("md-tooltip2--active") || tip.getAttribute("role") !== "tooltip") return;
    var host = document.querySelector('[aria-describedby="' + tip.id + '"]');
    var inner = tip.firstElementChild;
    if (!host || !inner) return;
    var term = host.getBoundingClientRect();
    var height = inner.getBoundingClientRect().height;
    var below = term.bottom + GAP + height <= window.innerHeight;
    var above = term.top - GAP - height >= 0;
    var y = !below && above ? -GAP - height : GAP + term.height;
    if (tip.style.getPropertyValue("--md-tooltip-y") === y + "px") return; // (also ends what this change sets off)
    tip.style.setProperty("--md-tooltip-y", y + "px");
    tip.classList.toggle("md-tooltip2--top", y < 0);
    tip.classList.toggle("md-tooltip2--bottom", y >= 0);
  }

  // Material sets a tooltip's place when it opens and as the page scrolls: each time, this
  // takes it above the term where there is no room below.
  var watch = new MutationObserver(function (changes) {
    for (var i = 0; i < changes.length; i++) {
      var tip = changes[i].target;
      if (tip.classList && tip.classList.contains("md-tooltip2")) place(tip);
    }
  });
  watch.observe(document.body, { subtree: true, attributes: true, attributeFilter: ["class", "style"] });
})();
