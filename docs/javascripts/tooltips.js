/*
 * Six mends to the tooltips Material makes from a title when the pointer or the
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
 * - Its Chinese is marked as Chinese (lang="zh"), as the pages' own is: a screen reader read
 *   区委 in a definition with the English voice, or spelled it out.
 * - The pointer can go onto it: Material closed a title's tooltip the moment the pointer
 *   left the term, so it could not be moved onto the tooltip, to read a long definition
 *   magnified, or to select it. (WCAG 1.4.13: what appears on hover can be hovered.) Material
 *   keeps a tooltip open while the pointer is on it; the term's leaving is now told to it a
 *   moment later, once the pointer had time to cross the gap, unless it is back on the term.
 * - A touch screen shows a term link's tooltip on a first tap, and follows the link on a
 *   second (below).
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

  /* ``text`` into ``parent``, its Chinese in elements marked lang="zh", as the pages mark
     theirs (search.js's excerpts use it too). */
  /* Chinese characters, as lgnews/chars.py's HAN names them (a test holds this copy and
     search.js's alike): 〇, the unified ideographs and their extensions, the compatibility ones. */
  var HAN_CLASS = "\\u3007\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{323af}";
  var HAN = new RegExp("[" + HAN_CLASS + "]", "u");
  var HAN_RUN = new RegExp("[" + HAN_CLASS + "](?:[\\u3000-\\u303f\\uff00-\\uffef" + HAN_CLASS + "]*[" + HAN_CLASS + "])?", "gu");
  function appendText(parent, text) {
    var at = 0, m;
    HAN_RUN.lastIndex = 0;
    while ((m = HAN_RUN.exec(text)) !== null) {
      if (m.index > at) parent.appendChild(document.createTextNode(text.slice(at, m.index)));
      var zh = document.createElement("span");
      zh.lang = "zh";
      zh.textContent = m[0];
      parent.appendChild(zh);
      at = m.index + m[0].length;
    }
    if (at < text.length) parent.appendChild(document.createTextNode(text.slice(at)));
  }
  window.lgAppendText = appendText;

  function markChinese(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT), texts = [], node;
    while ((node = walker.nextNode())) {
      if (HAN.test(node.nodeValue) && !node.parentNode.closest("[lang]:not(html)")) texts.push(node);
    }
    texts.forEach(function (text) {
      var out = document.createDocumentFragment();
      appendText(out, text.nodeValue);
      text.parentNode.replaceChild(out, text);
    });
  }
  new MutationObserver(function (changes) {
    for (var i = 0; i < changes.length; i++) {
      var added = changes[i].addedNodes;
      for (var j = 0; j < added.length; j++) {
        if (added[j].classList && added[j].classList.contains("md-tooltip2")) markChinese(added[j]);
      }
    }
  }).observe(document.body, { childList: true });

  var CROSSING = 400; // ms the pointer has to go from a term onto its tooltip
  var told = null; // the leaving this script tells Material itself, let through
  document.addEventListener("mouseleave", function (e) {
    var host = e.target;
    if (e === told || !host.getAttribute) return;
    var id = host.getAttribute("aria-describedby");
    var tip = id && id.indexOf("__tooltip2_") === 0 ? document.getElementById(id) : null;
    if (!tip || tip.getAttribute("role") !== "tooltip") return;
    e.stopPropagation(); // (capturing: Material's own listener on the term does not hear it)
    window.setTimeout(function () {
      if (host.matches(":hover")) return; // back on the term: it never left, for Material
      told = new MouseEvent("mouseleave");
      host.dispatchEvent(told);
      told = null;
    }, CROSSING);
  }, true);

  /* On a touch screen, a tap on a term's link (its first use in an article) shows its
     tooltip, and a second tap follows the link to its entry: the tap went to the entry at
     once, so a phone's reader never saw what most terms of an article mean (used once each,
     they are links only; a phone review). The tooltip says so. A tap elsewhere closes it.
     Only a finger's first tap is held: Enter, a mouse, or a screen reader's activation
     follow the link at once (the keyboard's focus already shows the tooltip). */
  var touch = window.matchMedia && window.matchMedia("(hover: none)");
  var AGAIN = " (Tap the term again for its entry.)";
  if (touch && touch.matches) {
    var links = document.querySelectorAll("a.term[title]");
    for (var k = 0; k < links.length; k++) links[k].setAttribute("title", links[k].getAttribute("title") + AGAIN);
  }
  var tapped = null; // the term a finger came down on, its tooltip not yet shown
  document.addEventListener("pointerdown", function (e) {
    var link = e.target.closest ? e.target.closest("a.term") : null;
    tapped = e.pointerType === "touch" && link && document.activeElement !== link ? link : null;
  }, true);
  /* A press held, or a scroll that started on the term, ends with no click: the next click
     on it, from a key or a screen reader, is not a finger's (a review). */
  document.addEventListener("pointercancel", function () { tapped = null; }, true);
  document.addEventListener("click", function (e) {
    var link = e.target.closest ? e.target.closest("a.term") : null;
    /* (a screen that can hover as well, a laptop's, has no "tap again" in its titles: a tap
       follows the link there, as a click does) */
    if (link && link === tapped && touch && touch.matches) {
      e.preventDefault();
      link.focus(); // Material opens a term's tooltip on its focus
    }
    tapped = null;
  }, true);

  /* A term Material shows only under the pointer (an <abbr>) is a stop of the Tab key where
     no link on the page gives its meaning: in an article's title, and on the editors' own
     pages. In an article's text, a term's first use is its link, which the keyboard
     reaches; its later uses are not stops as well (an accessibility review: 178 terms, the
     title's "retreat Meeting" among them, could be read with a mouse only). */
  var terms = document.querySelectorAll(".md-typeset abbr[title]");
  for (var a = 0; a < terms.length; a++) {
    if (!terms[a].closest("a, .reading-edition")) terms[a].setAttribute("tabindex", "0");
  }

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
