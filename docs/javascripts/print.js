/*
 * Printed pages show where their links lead: when the page is about to print, each link of
 * its content (except the glossary terms in the reading edition, which would break up the
 * text; the lists of "In this article", whose people, terms and tags would each take a
 * line of addresses; the site's own links in a table, such as the glossary's index, whose
 * narrow columns each address stretched over several lines; a heading's link, whose address
 * would print at the heading's size; the site's own links in an article's provenance, its
 * people, source and dates, whose addresses took a line each under names the page already
 * gives; heading permalinks and links within the page) gets its full address in
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
      /* The provenance's own links (a person's page, the source's, a date's place on the
         timeline) add nothing on paper to the name or date they are on; where the article
         came from (its source page, the Chinese original) still prints. */
      if (a.closest(".provenance") && a.host === window.location.host) return;
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
