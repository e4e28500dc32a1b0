/*
 * Printed pages show where their links lead: when the page is about to print, each link of
 * its content (except the glossary terms in the reading edition, which would break up the
 * text; the lists of "In this article", whose people, terms and tags would each take a
 * line of addresses; the site's own links in a table, such as the glossary's index, whose
 * narrow columns each address stretched over several lines; a heading's link, whose address
 * would print at the heading's size; the dates of an article's provenance, which lead to the
 * timeline; heading permalinks and links within the page) gets
 * its full address in
 * data-print-href, which the print stylesheet (stylesheets/extra.css) writes after it.
 * Nothing runs while the page is only read.
 */
(function () {
  "use strict";
  var done = false;

  function addresses() {
    if (done) return;
    done = true;
    var links = document.querySelectorAll(".md-content a[href]:not(.headerlink):not(.term)");
    links.forEach(function (a) {
      var href = a.getAttribute("href");
      if (!href || href.charAt(0) === "#" || a.closest(".in-this-article")) return;
      if (a.closest("table") && a.host === window.location.host) return;
      if (a.closest("h1, h2, h3, h4, h5, h6")) return;
      /* A date of the provenance leads to its place on the timeline: an address of two lines
         for each date, which the date itself says. */
      if (a.closest(".provenance") && a.host === window.location.host && /\/timeline\//.test(a.pathname)) return;
      a.setAttribute("data-print-href", a.href);
    });
  }

  window.addEventListener("beforeprint", addresses);
  var print = window.matchMedia && window.matchMedia("print");
  if (print) {
    if (print.matches) addresses();
    else if (print.addEventListener) print.addEventListener("change", function (e) { if (e.matches) addresses(); });
  }
})();
