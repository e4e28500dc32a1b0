/*
 * Escape closes the tooltip a glossary term shows (Material's, made from the link's title
 * when the pointer is on the term or the keyboard's focus is): it stayed over the next line
 * of text, another term in it, until the pointer or the focus moved on. (WCAG 1.4.13: what
 * appears on hover or focus can be dismissed without moving either.) It shows again the
 * next time the pointer or the focus comes to a term.
 */
(function () {
  "use strict";
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape") return;
    var open = document.querySelectorAll(".md-tooltip2--active");
    for (var i = 0; i < open.length; i++) open[i].classList.remove("md-tooltip2--active");
  });
})();
