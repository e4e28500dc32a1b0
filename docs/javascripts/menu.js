/*
 * The menu on narrow screens (Material's drawer, opened by the #__drawer checkbox) for the
 * keyboard. Its button in the header is a label, which the keyboard reaches through its
 * tabindex (overrides/partials/header.html); Material's script opens it with Enter, and
 * this one with Space too, says whether it is open (aria-expanded), takes the focus to the
 * menu's first link when it opens, and closes it with Escape, giving the focus back to the
 * button, or when the focus leaves it. While closed, the menu's links are out of the Tab
 * order (stylesheets/extra.css hides the closed drawer), so the focus never goes to links
 * off the screen.
 */
(function () {
  "use strict";
  var drawer = document.getElementById("__drawer");
  var button = document.querySelector("[data-lg-menu]");
  if (!drawer || !button) return;

  function sync() {
    button.setAttribute("aria-expanded", drawer.checked ? "true" : "false");
  }

  button.addEventListener("keydown", function (e) {
    if (e.key !== "Enter" && e.key !== " ") return;
    if (e.key === " ") {
      e.preventDefault();  // not a scroll of the page
      drawer.click();  // as a tap would: Material's script hears the change
    }
    setTimeout(function () {  // once Material has opened it (Enter)
      sync();
      if (drawer.checked) addContents();
      var first = drawer.checked && document.querySelector(".md-sidebar--primary a[href]");
      if (first) first.focus();
    }, 50);
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && drawer.checked) {
      drawer.click();
      sync();
      button.focus();
    }
  });
  /* Tab past the menu's last link went on to the page's links under the menu and its dimmed
     overlay, where the focus could not be seen: the focus leaving the open menu (for
     anything but its button) closes it, as Escape does, and the page is there to see. */
  document.addEventListener("focusin", function (e) {
    if (!drawer.checked || e.target === button) return;
    if (e.target.closest && e.target.closest(".md-sidebar--primary")) return;
    drawer.click();
    sync();
  });
  /* The menu gives the page's own table of contents, as Material does for the pages of its
     navigation: a page the navigation does not list (an article, a glossary entry, a
     person...) had none on a narrow screen, where the sidebar that holds it is hidden. Its
     list is copied under "On this page" the first time the menu opens; following one of its
     links closes the menu. */
  function addContents() {
    var primary = document.querySelector(".md-sidebar--primary .md-nav--primary");
    var toc = document.querySelector(".md-sidebar--secondary .md-nav--secondary");
    var links = toc ? toc.querySelectorAll("a.md-nav__link[href^='#']") : [];
    if (!primary || !links.length) return;
    if (primary.querySelector(".md-nav--secondary, [data-lg-contents]")) return;  // Material's own, or done
    var top = primary.querySelector(".md-nav__list");  // the menu's list, which scrolls
    if (!top) return;
    var box = document.createElement("li");  // not a .md-nav: in the drawer, those are sliding panels
    box.className = "md-nav__item lg-contents";
    box.setAttribute("data-lg-contents", "");
    var title = document.createElement("p");
    title.className = "lg-contents__title";
    title.id = "lg-contents-title";
    title.textContent = "On this page";
    var list = document.createElement("ul");
    list.className = "lg-contents__list";
    list.setAttribute("aria-labelledby", "lg-contents-title");
    for (var i = 0; i < links.length; i++) {
      var depth = 0;  // how many lists of the table of contents the link is in, under the first
      for (var el = links[i].parentElement; el && el !== toc; el = el.parentElement) {
        if (el.tagName === "UL") depth++;
      }
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.className = "md-nav__link";
      link.href = links[i].getAttribute("href");
      link.textContent = links[i].textContent.trim();
      if (depth > 1) item.className = "lg-contents__sub";
      item.appendChild(link);
      list.appendChild(item);
    }
    box.appendChild(title);
    box.appendChild(list);
    top.appendChild(box);
    box.addEventListener("click", function (e) {
      if (e.target.closest("a") && drawer.checked) {
        drawer.click();
        sync();
      }
    });
  }
  drawer.addEventListener("change", function () {
    if (drawer.checked) addContents();
  });
  /* A page the navigation lists (the home page, the timeline, the data page) has Material's
     own table of contents in the menu: a panel that its entry, a label, slides in. The Tab
     key never reached that entry, while the panel's links, out of sight, were stops of it
     (stylesheets/extra.css now hides a closed panel). The entry and the panel's way back
     are buttons: Enter or Space opens the panel at its first link, and goes back to the
     entry. */
  var toc = document.getElementById("__toc");
  var entry = toc && document.querySelector(".md-sidebar--primary label.md-nav__link[for=__toc]");
  var back = toc && document.querySelector(".md-sidebar--primary label.md-nav__title[for=__toc]");
  function asButton(label, then) {
    label.setAttribute("tabindex", "0");
    label.setAttribute("role", "button");
    label.addEventListener("keydown", function (e) {
      if (e.key !== "Enter" && e.key !== " ") return;
      e.preventDefault();
      e.stopPropagation();  // (Material's script clicks a focused label on Enter: the focus moved, it undid this one)
      label.click();  // as a tap would: the panel slides
      then();
    });
  }
  /* While the panel is open, what it slides over (the menu's other entries, its title and
     the repository's link) is out of reach: Tab past the panel's last link went through
     seven entries under it, out of sight. */
  function underPanel() {
    var primary = entry.closest(".md-nav--primary");
    var item = entry.closest(".md-nav__item");
    var under = [entry];
    primary.querySelectorAll(":scope > .md-nav__title, :scope > .md-nav__source").forEach(function (el) { under.push(el); });
    var list = item && item.parentElement;
    if (list) Array.prototype.forEach.call(list.children, function (el) { if (el !== item) under.push(el); });
    return under;
  }
  function syncPanel() {
    entry.setAttribute("aria-expanded", toc.checked ? "true" : "false");
    underPanel().forEach(function (el) { el.inert = toc.checked; });
  }
  if (entry && back) {
    syncPanel();
    toc.addEventListener("change", syncPanel);
    /* The menu closed (Escape, Tab out of it, a tap beside it) closes the panel too: opened
       again, the menu starts at its entries, where its first link takes the focus. */
    drawer.addEventListener("change", function () {
      if (!drawer.checked && toc.checked) {
        toc.checked = false;
        syncPanel();
      }
    });
    asButton(entry, function () {
      var first = back.parentElement.querySelector("a[href]");
      if (first) first.focus();
    });
    asButton(back, function () { entry.focus(); });
  }
  drawer.addEventListener("change", sync);
  /* Material's script also closes the menu itself (when a link within the page is followed),
     which fires no change: the state is read again then, and whenever the button is reached. */
  window.addEventListener("hashchange", function () { setTimeout(sync, 0); });
  button.addEventListener("focus", sync);
  sync();
})();
/*
 * What scrolls sideways on a narrow screen, for the keyboard: a table wider than the page
 * (the editors' guide, the performance page) scrolls in Material's frame around it, and a
 * long line of code in its own box. Neither holds a link, and a frame is no stop of the Tab
 * key, so the keyboard never reached what is off to the right (axe:
 * scrollable-region-focusable). While it scrolls, each such frame is a stop, from where the
 * arrow keys scroll it (stylesheets/extra.css draws the focus); a table's frame is a region
 * named after the table's caption, or the heading it is under, for a screen reader to say
 * what it is. Material makes a code block a stop only where the pointer can hover: here a
 * touch screen's too. Read again when Material puts a page in (its document$: on every page,
 * and on each page an instant navigation would bring), and as a frame or what it holds
 * changes width (a phone turned, a window narrowed).
 */
(function () {
  "use strict";
  var TABLES = ".md-typeset .md-typeset__scrollwrap";
  var FRAMES = TABLES + ", .md-typeset pre > code";
  var names = new Map();  // a table's frame: its name, while this page is shown
  var watch = window.ResizeObserver && new ResizeObserver(function (entries) {
    entries.forEach(function (entry) {
      var frame = entry.target.closest(FRAMES);
      if (frame) sync(frame);
    });
  });

  function text(heading) {
    var copy = heading.cloneNode(true);
    copy.querySelectorAll(".headerlink").forEach(function (link) { link.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  /* Each table's name: its caption; else the heading it is under, and which of that
     heading's tables it is where there are several ("Table under “Targets”", "Table 2 of 5
     under “1,000 synthesized articles (1,001 in the archive)”"). */
  function name(frames) {
    var headings = document.querySelectorAll(".md-typeset :is(h1, h2, h3, h4, h5, h6)");
    var under = new Map();  // a heading (or null) to its tables' frames, in order
    frames.forEach(function (frame) {
      var caption = frame.querySelector("caption");
      if (caption && caption.textContent.trim()) {
        names.set(frame, caption.textContent.replace(/\s+/g, " ").trim());
        return;
      }
      var last = null;
      for (var i = 0; i < headings.length; i++) {
        if (headings[i].compareDocumentPosition(frame) & Node.DOCUMENT_POSITION_FOLLOWING) last = headings[i];
        else break;
      }
      if (!under.has(last)) under.set(last, []);
      under.get(last).push(frame);
    });
    under.forEach(function (tables, heading) {
      var title = heading && text(heading);
      tables.forEach(function (frame, i) {
        var which = tables.length > 1 ? "Table " + (i + 1) + " of " + tables.length : "Table";
        names.set(frame, title ? which + " under “" + title + "”" : which);
      });
    });
  }

  function sync(frame) {
    var scrolls = frame.scrollWidth > frame.clientWidth + 1;  // (not a pixel of rounding)
    var named = names.get(frame);
    if (scrolls) {
      frame.setAttribute("tabindex", "0");
      if (named) {
        frame.setAttribute("role", "region");
        frame.setAttribute("aria-label", named);
      }
    } else {
      frame.removeAttribute("tabindex");
      if (named) {
        frame.removeAttribute("role");
        frame.removeAttribute("aria-label");
      }
    }
  }

  function page() {
    names.clear();
    if (watch) watch.disconnect();  // the frames of a page no longer shown
    name(Array.prototype.slice.call(document.querySelectorAll(TABLES)));
    document.querySelectorAll(FRAMES).forEach(function (frame) {
      sync(frame);
      if (watch) {
        watch.observe(frame);
        if (names.has(frame) && frame.firstElementChild) watch.observe(frame.firstElementChild);  // the table's width
      }
    });
  }

  /* Material's script has run (this one is deferred): its document$ gives each page once
     Material has framed the page's tables. */
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(page);
  else document.addEventListener("DOMContentLoaded", page);
})();

/*
 * A copy of site/ opened from the disk (file://): the site's links lead to folders
 * ("articles/"), which a web server answers with their index.html and a browser opening
 * files shows as a list of files. There each link to a folder of the copy leads to its
 * index.html, so the copy can be read offline without a server.
 */
(function () {
  "use strict";
  if (window.location.protocol !== "file:") return;
  document.querySelectorAll("a[href]").forEach(function (link) {
    var url = new URL(link.getAttribute("href"), document.baseURI);
    if (url.protocol !== "file:" || url.pathname.slice(-1) !== "/") return;
    url.pathname += "index.html";
    link.href = url.href;
  });
})();

/*
 * The light/dark toggle: Material's radio buttons, one per scheme, each named after its
 * scheme, and each one's icon titled with what it switches to. Material switches on Enter,
 * from the scheme shown (whichever of the buttons has the focus: the Tab key reaches the
 * checked one), to the next, and moves the focus there; Space, which works a button, did
 * nothing (a reader's review): it does the same.
 */
(function () {
  "use strict";
  var options = Array.prototype.slice.call(document.querySelectorAll("[data-md-component=palette] .md-option"));
  /* The radio of the scheme shown is the checked one: Material leaves both unchecked until
     a reader chooses, and a screen reader said neither Light nor Dark was the page's (the
     radios are autocomplete="off": going back, the browser put back an earlier check). */
  var scheme = document.body.getAttribute("data-md-color-scheme");
  options.forEach(function (o) { o.checked = o.getAttribute("data-md-color-scheme") === scheme; });
  options.forEach(function (option) {
    option.addEventListener("keydown", function (e) {
      if (e.key !== " ") return;
      /* The scheme shown: the one whose label (the next element) is not hidden. */
      var shown = options.findIndex(function (o) { return o.nextElementSibling && !o.nextElementSibling.hidden; });
      if (shown < 0) return;
      e.preventDefault();  /* not a scroll of the page */
      var next = options[(shown + 1) % options.length];
      next.click();
      next.focus();
    });
  });
})();

/*
 * A heading's ¶ permalink is for the pointer only (as GitHub's are): out of the Tab order
 * and of what a screen reader reads. Each was a Tab stop named "¶", 44 of 137 on a
 * timeline's year page, and read as part of its heading ("Reading edition ¶"); one whose
 * heading ends at the column's edge took the focus where it could not be seen (an
 * accessibility review). The page's table of contents links to the same places.
 */
(function () {
  "use strict";
  var links = document.querySelectorAll(".md-typeset .headerlink");
  for (var i = 0; i < links.length; i++) {
    links[i].setAttribute("aria-hidden", "true");
    links[i].setAttribute("tabindex", "-1");
  }
})();
