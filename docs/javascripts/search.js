/*
 * The header search box (overrides/partials/search.html, filled in by build() below),
 * driven by Pagefind.
 *
 * Pagefind's index (site/pagefind/, built by `make site`) is loaded only when the box is
 * first focused, from the site's root as the page knows it (data-lg-root, from MkDocs'
 * base_url), so the search works under a subpath such as /archive/ and offline from a
 * copy of site/ served anywhere. Results show the title, an excerpt with the matches
 * highlighted, and link to the page, which then highlights the query's words (?h=). While
 * a word is typed, its likeliest completion is suggested behind it. Keyboard: "/" or "s"
 * opens the search, the Right arrow key accepts a suggestion, the Up and Down keys move
 * through the results, Enter opens the first (or the chosen) result, Escape closes.
 */
(function () {
  "use strict";

  var box = document.querySelector("[data-lg-search]");
  if (!box) return;
  var root = new URL(box.getAttribute("data-lg-root") || "./", document.baseURI);
  var MESSAGES = {
    placeholder: "Type to start searching",
    loading: "Loading the search index…",
    /* What to do next is said in the status line, which is announced (a review: a hint below
       the empty list was read by no screen reader); the lists to browse follow, as links. */
    none: "No matching pages: check the spelling, or try fewer words",
    one: "1 matching page",
    other: "# matching pages",
    searchedAs: " for \u201c#\u201d", /* after the count, when a date typed in figures was searched as written */
    browse: "Every article published in #, in order of date \u2192",
    /* after the count, when a date in figures could be read two ways ("4/5/2022") */
    eitherWay: ": \u201c#\u201d could be % or &; write the month\u2019s name to search one of them",
    failed: "Search is not available: the search index could not be loaded.",
    /* A browser lets no page opened from the disk load the index (a module, fetched). */
    file: "Search works once the site is served by a web server (opened from the disk, a browser does " +
      "not let a page load the search index): browse by the articles, the glossary or the timeline."
  };
  build(box);

  var toggle = document.getElementById("__search");
  var input = box.querySelector("[data-lg-search-query]");
  var form = input.form;
  var status = box.querySelector("[data-lg-search-status]");
  var list = box.querySelector("[data-lg-search-results]");
  var hint = box.querySelector("[data-lg-search-hint]");
  var scope = box.querySelector("[data-lg-search-scope]");
  var browse = box.querySelector("[data-lg-search-browse]");
  var chineseHint = box.querySelector("[data-lg-search-zh]");
  var noneHint = box.querySelector("[data-lg-search-none]");
  var suggestion = box.querySelector("[data-lg-search-suggest]");

  /* The box's contents, built here rather than written into every page (1.8 KB of each):
     the form, the status line the results are announced in, what is searched (above 5,000
     articles), the results list and the hint under it. Material's classes, so it looks and
     opens like Material's search. Nothing in it comes from the page but the site's root
     (root, above), set as a property. */
  function build(box) {
    box.innerHTML =
      '<label class="md-search__overlay" for="__search" aria-hidden="true"></label>' +
      '<div class="md-search__inner" role="search" aria-label="Search the archive">' +
      '<form class="md-search__form" autocomplete="off" novalidate>' +
      '<input type="text" class="md-search__input" name="query" id="lg-search-query"' +
      ' aria-label="Search the archive" aria-describedby="lg-search-status"' +
      ' aria-controls="lg-search-results" placeholder="Search" autocapitalize="off" autocorrect="off"' +
      ' autocomplete="off" spellcheck="false" enterkeyhint="search" required data-lg-search-query>' +
      '<label class="md-search__icon md-icon" for="__search" title="Close search">' +
      '<svg class="lg-icon lg-icon--search" aria-hidden="true"></svg>' +
      '<svg class="lg-icon lg-icon--back" aria-hidden="true"></svg></label>' +
      '<div class="md-search__options">' +
      '<button type="reset" class="md-search__icon md-icon" title="Clear" aria-label="Clear" tabindex="-1">' +
      '<svg class="lg-icon lg-icon--close" aria-hidden="true"></svg></button></div>' +
      '<div class="md-search__suggest" aria-hidden="true" data-lg-search-suggest></div></form>' +
      '<div class="md-search__output"><div class="md-search__scrollwrap"><div class="md-search-result">' +
      '<div class="md-search-result__meta" id="lg-search-status" role="status" aria-live="polite"' +
      ' data-lg-search-status></div>' +
      /* Above the results, where it is read before them: under 269 of them, a reader never
         scrolled to it (a review at 10,000 articles). */
      (box.hasAttribute("data-lg-lede-only")
        ? '<p class="lg-search-hint lg-search-scope" data-lg-search-scope hidden>' +
          "Articles are searched by their title, opening paragraph and editors\' notes, not their whole text.</p>"
        : "") +
      '<p class="lg-search-hint lg-search-browse" data-lg-search-browse hidden><a></a></p>' +
      '<ol class="md-search-result__list" id="lg-search-results" aria-label="Search results"' +
      ' data-lg-search-results></ol>' +
      '<p class="lg-search-hint" data-lg-search-hint hidden>' +
      "Every article that uses an official term is listed on the term\'s entry in the " +
      '<a data-lg-glossary>glossary</a>.<span data-lg-search-zh hidden> The articles are English translations: ' +
      "Chinese finds the glossary\'s terms and the people and organizations whose Chinese names are known." +
      '</span></p>' +
      /* Under "No matching pages", which alone left a reader with a misspelt word ("saftey",
         "Zhenzhou") nowhere to go (a search review). */
      '<p class="lg-search-hint" data-lg-search-none hidden>Every official term, person, organization and ' +
      'dated event also has its list: <a data-lg-list="glossary/">the glossary</a>, <a data-lg-list="people/">people</a>, ' +
      '<a data-lg-list="organizations/">organizations</a> and <a data-lg-list="timeline/">the timeline</a>.</p>' +
      '</div></div></div></div>';
    box.querySelector("[data-lg-search-status]").textContent = MESSAGES.placeholder;
    box.querySelector("[data-lg-glossary]").href = new URL("glossary/", root).href;
    box.querySelectorAll("[data-lg-list]").forEach(function (a) {
      a.href = new URL(a.getAttribute("data-lg-list"), root).href;
    });
  }

  var PAGE_SIZE = 10;
  var LOOK_FURTHER = 60; /* results read, at most, for one that answers the query (see answering) */
  var HIGHLIGHT_PARAM = "h";
  var DEBOUNCE_MS = 150;

  var pagefind = null; /* Promise of the Pagefind module */
  var results = []; /* Pagefind results of the current query */
  var shown = 0; /* how many of them are rendered */
  var generation = 0; /* discards answers to queries that were overtaken */
  var timer = 0;

  function setStatus(text) {
    status.textContent = text;
  }

  function loadPagefind() {
    if (!pagefind && window.location.protocol === "file:") {
      pagefind = new Promise(function () {});  /* never answers: nothing is searched */
      setStatus(MESSAGES.file);
    }
    if (!pagefind) {
      setStatus(MESSAGES.loading);
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (module) {
        // pageLength 0.3 (default 0.75): short pages (an organization named after a
        // glossary term) no longer outrank the glossary entry that explains the term.
        return module.options({ baseUrl: root.pathname, excerptLength: EXCERPT_WORDS, ranking: { pageLength: 0.3, metaWeights: { aliases: 0 } } }).then(function () {
          module.init();
          return module;
        });
      });
      pagefind.then(function () {
        if (!input.value.trim()) setStatus(MESSAGES.placeholder);
      }, function () {
        setStatus(MESSAGES.failed);
      });
    }
    return pagefind;
  }

  /* Opens or closes the box through Material's toggle, telling Material's script (a change
     event, as a tap on the search button gives): on a phone it then makes the box a full
     screen panel and locks the page's scrolling while it is open, and unlocks it after.
     Setting the checkbox alone left a panel four screens wide when the search was opened
     from the keyboard, and a page that no longer scrolled after Escape. */
  function setOpen(state) {
    if (toggle && toggle.checked !== state) {
      toggle.checked = state;
      toggle.dispatchEvent(new Event("change"));
    }
  }

  function open() {
    setOpen(true);
    loadPagefind();
  }

  function close() {
    setOpen(false);
    if (box.contains(document.activeElement)) document.activeElement.blur();
  }

  /* The Chinese of a glossary entry or a name is indexed with its inner words as well
     (lgnews/render.py, zh_words), so that a search for part of it finds it; an excerpt that
     falls among those words would show them before the page's own Chinese ("人民至上
     人民至上、生命至上"). Of a run of Chinese words, one that another word of the run, or
     the word after it, holds is left out, and its match is marked in the word that holds it. */
  /* Chinese characters, as lgnews/chars.py's HAN names them (a test holds this copy and
     tooltips.js's alike). */
  var HAN_CLASS = "\\u3007\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{323af}";
  var HAN = new RegExp("[" + HAN_CLASS + "]", "u");
  /* Pagefind ends the indexed words with "." (inside a match's mark, too). */
  var HAN_WORD = new RegExp("^(?:</?mark>|[" + HAN_CLASS + "])+[.,;:]?(?:</mark>)?$", "u");
  function plain(word) {
    return word.replace(/<\/?mark>/g, "").replace(/[.,;:]$/, "");
  }
  function tidyExcerpt(html) {
    var out = [], run = [];
    function flush(next) {
      var words = next === undefined ? run.slice() : run.concat([next]);
      var texts = words.map(plain);
      /* A word is left out when another holds it (a longer one, or the same one later: the
         page's own, with its stop, comes after its inner words: "安全生产委员会, a committee"
         lost its comma); what holds it is kept or held in turn, so the longest ones are what
         is left. */
      function holds(j, i) {
        return j !== i && texts[j].indexOf(texts[i]) >= 0 && (texts[j].length > texts[i].length || j > i);
      }
      var kept = words.map(function (_, i) {
        return i >= run.length || !texts.some(function (_, j) { return holds(j, i); });
      });
      var shown = words.slice();
      run.forEach(function (word, i) {
        if (kept[i] || word.indexOf("<mark>") < 0) return;
        /* Its match goes to a word that is kept and holds it (there is one: holding is
           transitive), unless that word has a match of its own. */
        var j = texts.findIndex(function (_, k) { return kept[k] && holds(k, i); });
        if (j >= 0 && shown[j].indexOf("<") < 0) {
          var at = shown[j].indexOf(texts[i]);
          shown[j] = shown[j].slice(0, at) + "<mark>" + texts[i] + "</mark>" + shown[j].slice(at + texts[i].length);
        }
      });
      shown.forEach(function (word, i) { if (kept[i]) out.push(word); });
      run = [];
    }
    html.split(" ").forEach(function (word) {
      if (HAN_WORD.test(word) && HAN.test(word)) {
        run.push(word);
      } else {
        flush(word);
      }
    });
    flush();
    return closeUp(window_(out).join(" "));
  }

  /* An excerpt shows EXCERPT_WORDS words. Where the inner words of the Chinese are left out
     above, Pagefind's excerpt is taken again, wider, from the page's text (fullerExcerpt),
     and what is then longer is cut around its matches: as evenly from each end as they let,
     or, where they are further apart, from a few words before the first. Where a cut falls
     inside a sentence, "…" says so (a capital or a figure after the cut is no sentence's
     start: "17, Tian Junhua" of "On May 17,"). */
  var EXCERPT_WORDS = 24, BEFORE_THE_FIRST = 4;
  var ENDS_A_SENTENCE = /[.!?。！？…]["”’)）]?$/u;
  function window_(words) {
    var excess = words.length - EXCERPT_WORDS;
    if (excess <= 0) return words;
    var marked = words.map(function (w) { return w.indexOf("<mark>") >= 0; });
    var first = marked.indexOf(true), last = marked.lastIndexOf(true);
    if (first < 0) { first = 0; last = 0; }
    var head;
    if (last - first < EXCERPT_WORDS) {
      head = Math.min(first, Math.floor(excess / 2));
      head = Math.max(head, excess - (words.length - 1 - last));
      head = Math.min(head, first);
    } else {
      head = Math.max(0, first - BEFORE_THE_FIRST);
    }
    var kept = words.slice(head, head + EXCERPT_WORDS);
    function unmarked(word) { return word.replace(/<\/?mark>/g, ""); }
    if (head > 0 && !ENDS_A_SENTENCE.test(unmarked(words[head - 1]))) kept[0] = "…" + kept[0];
    if (head + EXCERPT_WORDS < words.length && !ENDS_A_SENTENCE.test(unmarked(kept[kept.length - 1]))) {
      kept[kept.length - 1] += "…";
    }
    return kept;
  }

  /* Pagefind's excerpt of a page (EXCERPT_WORDS of its words around the matches) where the
     inner words of its Chinese, left out, leave fewer to show: the same words and more on
     each side, from the page's text (Pagefind's raw_content, whose words its excerpt is
     made of), its matches (locations) marked, until as many are shown as in English. An
     excerpt in Chinese was two words long ("牢安全防线 守住安全底线…"). */
  function shownCount(html, title) {
    return tidyExcerpt(withoutTitle(html, title)).split(" ").filter(Boolean).length;
  }
  function fullerExcerpt(data, title) {
    var html = data.excerpt || "";
    if (!HAN.test(html) || typeof data.raw_content !== "string" || !data.locations || !data.locations.length) {
      return html;
    }
    var shown = shownCount(html, title);
    if (shown >= EXCERPT_WORDS) return html;
    var words = data.raw_content.split(/\s+/), given = html.split(" ");
    var givenPlain = given.map(function (w) { return w.replace(/<\/?mark>/g, ""); }).join(" ");
    var firstMark = given.findIndex(function (w) { return w.indexOf("<mark>") >= 0; });
    var from = -1;
    data.locations.some(function (at) {
      var start = at - Math.max(firstMark, 0);
      if (start >= 0 && words.slice(start, start + given.length).join(" ") === givenPlain) from = start;
      return from >= 0;
    });
    if (from < 0) return html;  /* not found as it is given: left as it is */
    /* Only the matches Pagefind's excerpt holds are marked: one further off, brought in by
       the wider text, drew the cut away from them (a review: "safety 安全" lost its 安全). */
    var to = from + given.length, marks = {}, found = {};
    data.locations.forEach(function (at) { found[at] = true; if (at >= from && at < to) marks[at] = true; });
    /* and the matches in the same run of Chinese words as one of these: the page's own word
       after its inner words ("娄星区融媒体中心" was marked in part, "娄星区融媒体"). */
    function han(at) { return at >= 0 && at < words.length && HAN_WORD.test(words[at]) && HAN.test(words[at]); }
    Object.keys(marks).forEach(function (key) {
      var at = Number(key);
      for (var k = at - 1; han(k) && at - k <= 60; k--) if (found[k]) marks[k] = true;
      for (k = at + 1; han(k) && k - at <= 60; k++) if (found[k]) marks[k] = true;
    });
    for (var round = 0; round < 8 && shown < EXCERPT_WORDS && (from > 0 || to < words.length); round++) {
      var more = Math.ceil((EXCERPT_WORDS - shown) / 2) + 2;
      from = Math.max(0, from - more);
      to = Math.min(words.length, to + more);
      /* Not inside a run of a Chinese word's inner words, whose own word comes after them:
         "安全生产委" was left of 安全生产委员会. */
      for (var n = 0; n < 40 && to < words.length && HAN_WORD.test(words[to]) && HAN.test(words[to]); n++) to++;
      html = words.slice(from, to).map(function (w, i) {
        return marks[from + i] ? "<mark>" + w + "</mark>" : w;
      }).join(" ");
      shown = shownCount(html, title);
    }
    return html;
  }

  /* Pagefind puts a space where a glossary term's link starts and ends: the quotation marks
     and brackets around a term are put back against it (“three principles”, not
     “ three principles ”). Not ’, which is also an apostrophe (“back in ’98”). */
  function closeUp(text) {
    return text.replace(/([“‘(（「]) (?=\S)/g, "$1").replace(/(\S) (?=[”)）」])/g, "$1");
  }

  /* Pagefind's excerpts are text with <mark> around the matches: keep exactly that, as
     nodes, never as markup taken on trust. */
  /* The page's title is the first text Pagefind indexes (its <h1>, then "."): an excerpt
     that starts in it repeats the end of the title shown just above ("Work safety retreat
     Meeting. On February 11…"). Those words are left out; the title marks the matches. */
  function withoutTitle(html, title) {
    var words = html.split(" ");
    var titleWords = title.split(/\s+/).filter(Boolean).map(function (w) { return w.toLowerCase(); });
    for (var k = Math.min(titleWords.length, words.length - 1); k > 0; k--) {
      var head = words.slice(0, k).map(function (w) { return w.replace(/<\/?mark>/g, "").toLowerCase(); });
      var last = head[k - 1];
      if (last.slice(-1) !== ".") continue;
      head[k - 1] = last.slice(0, -1);
      if (head.join(" ") === titleWords.slice(titleWords.length - k).join(" ")) return words.slice(k).join(" ");
    }
    return html;
  }

  /* Pagefind's excerpt is the page's text with "<" and ">" escaped, and <mark> around the
     matches: its "&" is the text's own, so that "&amp;" written in an article is shown as
     written, not as "&". (A "&lt;" written in an article cannot be told from Pagefind's own,
     and shows as "<".) */
  /* ``text`` into ``parent``, its Chinese in elements marked lang="zh" (tooltips.js's, which
     has run by the time anything is searched): a screen reader read 安委会 of an excerpt with
     an English voice. */
  function appendText(parent, text) {
    window.lgAppendText(parent, text);
  }

  function excerptNodes(html, title) {
    var tidy = tidyExcerpt(withoutTitle(html, title || "")).replace(/&(?!lt;|gt;)/g, "&amp;");
    var doc = new DOMParser().parseFromString("<p>" + tidy + "</p>", "text/html");
    var out = document.createDocumentFragment();
    (function walk(node, parent) {
      node.childNodes.forEach(function (child) {
        if (child.nodeType === Node.TEXT_NODE) {
          appendText(parent, child.textContent);
        } else if (child.nodeType === Node.ELEMENT_NODE) {
          if (child.nodeName === "MARK") {
            /* Pagefind marks a word with the stop after it ("安全,", "safety."): the stop is
               shown after the mark, as no part of what was found. */
            var cut = /^([\s\S]*?)([.,;:!?，。；：、！？]*)$/.exec(child.textContent);
            var mark = document.createElement("mark");
            appendText(mark, cut[1] || child.textContent);
            parent.appendChild(mark);
            if (cut[1] && cut[2]) appendText(parent, cut[2]);
          } else {
            walk(child, parent);
          }
        }
      });
    })(doc.body.firstChild || doc.body, out);
    return out;
  }

  /* Pagefind gives the words around a match (excerptLength): where they start or end inside
     a sentence ("Chinese: 娄星区安委会 Short names that stand"), an ellipsis says that the text
     goes on. A sentence starts with a capital (É too), a digit, a Chinese character or an
     opening mark (not "—" nor a lowercase word), and ends with a stop or a closing mark (not
     a colon: "… Category:" was cut). Pagefind cuts Chinese between its words ("Chinese:
     娄星区" of 娄星区安委会): an excerpt ending in a character is taken as cut. */
  var STARTS_SENTENCE = new RegExp("^[\\p{Lu}\\p{N}“\"‘'(（「『《【«" + HAN_CLASS + "]", "u"),
      ENDS_SENTENCE = /[.!?。！？”"’)）」』》】»…]$/u;
  function markCuts(node) {
    var text = node.textContent.trim();
    if (!text) return;
    if (!STARTS_SENTENCE.test(text) && text.charAt(0) !== "…") node.insertBefore(document.createTextNode("…"), node.firstChild);
    if (!ENDS_SENTENCE.test(text)) node.appendChild(document.createTextNode("…"));
  }

  /* The title, with the words that start with a query word marked (a word of a quoted
     phrase without its quotation marks: '"work' marked no "Work"), tones and accents aside
     ("Dǎng Jiànguó" marked nothing of "Dang Jianguo"). A query "word" with no letter or
     figure in it is no word: "fish & chips" marked the "&" of a title, "3 < 5" its "<b>". */
  function titleNodes(title, query) {
    var words = fold(query).split(/\s+/).map(function (w) {
      return w.replace(/^["'“”‘’]+|["'“”‘’]+$/g, "");
    }).filter(function (w) { return /[\p{L}\p{N}]/u.test(w); });
    var out = document.createDocumentFragment();
    title.split(/(\s+)/).forEach(function (part) {
      var lower = fold(part);
      var hit = part.trim() && words.some(function (w) {
        return lower.indexOf(w) === 0 || (w.length > 1 && lower.indexOf(w) >= 0 && /[^\x00-\x7f]/.test(w));
      });
      if (hit) {
        var mark = document.createElement("mark");
        appendText(mark, part);
        out.appendChild(mark);
      } else {
        appendText(out, part);
      }
    });
    return out;
  }

  /* Where a result leads: a page's top, but on the timeline (a page of many events) the
     event that matched best, the heading whose section answers the most of the query's
     words, then holds the most matches: the result is then that event, its heading and its
     excerpt (the page's excerpt, from another event, described one event and opened
     another; "April 2022" opened an event of April 2020, which matched "April" often). */
  function bestEvent(data, query) {
    if (!data.meta || data.meta.kind !== "Timeline") return null;
    var words = (data.content || "").split(/\s+/), asked = queryWords(query);
    function score(sub) {
      var found = [];
      wordsAt(words, sub.locations).forEach(function (text) { found = found.concat(wordsOf(text)); });
      var answered = asked.filter(function (w) { return found.some(function (f) { return answers(f, w); }); });
      return [answered.length, (sub.locations || []).length];
    }
    var best = null, bestScore = null;
    (data.sub_results || []).forEach(function (sub) {
      if (sub.url.indexOf("#") < 0) return;
      var s = score(sub);
      if (!best || s[0] > bestScore[0] || (s[0] === bestScore[0] && s[1] > bestScore[1])) {
        best = sub;
        bestScore = s;
      }
    });
    return best;
  }

  /* A result's address with the query (?h=, as Material's search.highlight): the page it
     opens marks the query's words (highlightPage, below). */
  function withHighlight(href, query) {
    var url = new URL(href, document.baseURI);
    url.searchParams.set(HIGHLIGHT_PARAM, query);
    return url.href;
  }

  function renderItem(data, query) {
    var item = document.createElement("li");
    item.className = "md-search-result__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    var event = bestEvent(data, query);
    link.href = withHighlight(event ? event.url : data.url, query);
    var article = document.createElement("div");
    article.className = "md-search-result__article md-search-result__article--document md-typeset";
    var icon = document.createElement("div");
    icon.className = "md-search-result__icon md-icon";
    icon.setAttribute("aria-hidden", "true");
    var kind = null;
    if (data.meta && data.meta.kind) {  /* Article, Glossary entry, Person... (overrides/main.html) */
      kind = document.createElement("div");
      kind.className = "lg-search-result__kind";
      kind.textContent = data.meta.kind;
    }
    var title = document.createElement("div");
    title.className = "lg-search-result__title";
    var heading = event ? event.title : (data.meta && data.meta.title) || data.url;
    /* "Tag: Hunan Province" under the kind "Tag" would say it twice. */
    if (kind && heading.indexOf(kind.textContent + ": ") === 0) heading = heading.slice(kind.textContent.length + 2);
    title.appendChild(titleNodes(heading, query));
    var excerpt = document.createElement("p");
    excerpt.className = "lg-search-result__excerpt";
    excerpt.appendChild(event ? excerptNodes(event.excerpt || "", event.title || "")
                              : excerptNodes(fullerExcerpt(data, (data.meta && data.meta.title) || ""),
                                             (data.meta && data.meta.title) || ""));
    markCuts(excerpt);
    article.append(icon);
    if (kind) article.append(kind);
    article.append(title, excerpt);
    link.appendChild(article);
    item.appendChild(link);
    return item;
  }

  /* A count as the pages write one: 1,160, not 1160. */
  function figure(n) {
    return String(n).replace(/\B(?=(\d{3})+$)/g, ",");
  }

  function renderMoreButton() {
    var item = document.createElement("li");
    item.className = "md-search-result__item lg-search-more";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "lg-search-more__button";
    var left = results.length - shown;
    button.textContent = left <= PAGE_SIZE ? (left === 1 ? "Show the last one" : "Show the last " + left)
      : "Show " + PAGE_SIZE + " more of " + figure(left) + " remaining";
    button.addEventListener("click", function () {
      item.remove();
      showMore(input.value.trim(), generation, true);
    });
    item.appendChild(button);
    return item;
  }

  /* A result's data, fetched once (those of the first page are read before they are shown). */
  function dataOf(result) {
    if (!result.lgData) result.lgData = result.data();
    return result.lgData;
  }

  function showMore(query, current, focusFirst) {
    var slice = results.slice(shown, shown + PAGE_SIZE);
    return Promise.all(slice.map(dataOf)).then(function (pages) {
      if (current !== generation) return;
      var first = null;
      pages.forEach(function (data) {
        var item = renderItem(data, query);
        first = first || item;
        list.appendChild(item);
      });
      shown += slice.length;
      if (shown < results.length) list.appendChild(renderMoreButton());
      if (focusFirst && first) first.querySelector("a").focus();
    });
  }

  /* When a query word is not in the index, Pagefind searches for the longest start of it
     that is (its "backtracking", which it cannot be told not to do: Pagefind issue 780), so
     "Beijing" gave every page with "be" in it, marked, under "3 matching pages". What a
     result matched is known: the words of its text at its locations. A matched word
     answers a query word when it starts with it (the same word, or one still being typed:
     "Louxin"), when the two are the same word but for an ending (a rough English stemmer:
     "working" and "work", "studied" and "study", "cities" and "city", "rectifying" and
     "rectification"), or when they share a long start; not when it is only a short start
     of the query word ("be" of "Beijing", "the" of "theory"). A matched phrase
     ("work-safety", "7·20") answers through any of its words, or all of them joined ("720",
     as Pagefind also indexes them). When a matched word answers no query word and a query
     word has no matched word that answers it, the result came from a word cut back; when
     every result of the first page did, the pages that answer the query, if there are any,
     are further down (Pagefind's English stemmer cuts given names: "Anli" to "an", the start
     of "and", so that the page of Cui Anli came 53rd, under pages of "and" and "Anhua"): the
     next results are read a page at a time, up to LOOK_FURTHER, and those that answer are the
     results; none, no page matches. Chinese is left to Pagefind, which splits a query in
     Chinese into words of its own. */
  var ENDINGS = [["ations", ""], ["ation", ""], ["ities", ""], ["ity", ""], ["ments", ""], ["ment", ""],
                 ["ness", ""], ["ances", ""], ["ance", ""], ["ences", ""], ["ence", ""], ["ings", ""],
                 ["ing", ""], ["ied", "i"], ["ies", "i"], ["ers", ""], ["er", ""], ["ed", ""], ["es", ""],
                 ["ly", ""], ["s", ""]];
  function fold(text) {
    return plain(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function wordsOf(text) {
    return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }
  function stem(word) {
    for (var i = 0; i < ENDINGS.length; i++) {
      var ending = ENDINGS[i][0];
      if (word.length - ending.length >= 3 && word.slice(-ending.length) === ending) {
        word = word.slice(0, -ending.length) + ENDINGS[i][1];
        break;
      }
    }
    word = word.replace(/y$/, "i").replace(/^(.{3,})e$/, "$1");
    return /([bdfgmnprt])\1$/.test(word) ? word.slice(0, -1) : word;
  }
  function sharedStart(a, b) {
    var n = 0;
    while (n < a.length && n < b.length && a[n] === b[n]) n++;
    return n;
  }
  function answers(found, word) {
    if (found.indexOf(word) === 0) return true;
    var a = stem(found), b = stem(word);
    if (a.indexOf(b) === 0) return true;
    var same = sharedStart(a, b);
    if (same >= 4 && same >= b.length - 2) return true;
    same = sharedStart(found, word);
    return same >= 5 && same >= 0.6 * word.length;
  }
  function answersQuery(matched, query) {
    if (HAN.test(query)) return true;
    var words = queryWords(query);
    var found = [];
    matched.forEach(function (text) {
      var parts = wordsOf(text);
      if (parts.length > 1) parts.push(parts.join(""));
      if (parts.length) found.push(parts);
    });
    function answered(parts, word) {
      return parts.some(function (part) { return answers(part, word); });
    }
    var stray = found.some(function (parts) { return !words.some(function (w) { return answered(parts, w); }); });
    var unanswered = words.some(function (w) { return !found.some(function (parts) { return answered(parts, w); }); });
    return !(stray && unanswered);
  }
  /* The results to show for ``query`` (a promise): all of them when one of the first page
     answers it, else those that answer it among the next ones, read a page at a time until
     a page's worth answer, and never past LOOK_FURTHER (each result read is a download: a
     query that nothing answers reads them all, 291 KB in all on 300 synthesized articles).
     Not once ``overtaken()``: a reader typing on has asked another question, and each start
     of a word the index does not hold ("Bei", "Beij") read up to 60 results for nothing. */
  function answering(found, query, overtaken) {
    function answer(data) { return answersQuery(matchedWords(data), query); }
    return Promise.all(found.slice(0, PAGE_SIZE).map(dataOf)).then(function (pages) {
      var exact = entryNamed(pages, query);
      if (exact > 0) {  /* moved to the top, the pages' data with it */
        found = [found[exact]].concat(found.slice(0, exact), found.slice(exact + 1));
        pages = [pages[exact]].concat(pages.slice(0, exact), pages.slice(exact + 1));
      }
      if (!pages.length || pages.some(answer)) return { results: found, pages: pages };
      var kept = [];
      function from(start) {
        var slice = found.slice(start, Math.min(start + PAGE_SIZE, LOOK_FURTHER));
        if (!slice.length || kept.length >= PAGE_SIZE || (overtaken && overtaken())) {
          return Promise.resolve({ results: kept, pages: [] });
        }
        return Promise.all(slice.map(dataOf)).then(function (more) {
          kept = kept.concat(slice.filter(function (_, i) { return answer(more[i]); }));
          return from(start + PAGE_SIZE);
        });
      }
      return from(PAGE_SIZE);
    });
  }

  /* The glossary entry among the first results whose Chinese, or whose pinyin (with or
     without its tones), is exactly the query: "ānquán shēngchǎn" is the pinyin of "work
     safety", and the start of a campaign's, whose page Pagefind ranked first (its page is
     shorter). -1 if none is. */
  function entryNamed(pages, query) {
    function spoken(text) { return fold(text).split(/\s+/).filter(Boolean).join(" "); }
    var typed = spoken(query);
    for (var i = 0; i < pages.length; i++) {
      var meta = pages[i].meta || {};
      if ((meta.zh && meta.zh.trim() === query.trim()) || (meta.pinyin && spoken(meta.pinyin) === typed)) return i;
    }
    return -1;
  }

  /* The words a result matched: Pagefind gives their places in the page's indexed text. */
  function matchedWords(data) {
    return wordsAt((data.content || "").split(/\s+/), data.locations);
  }
  function wordsAt(words, locations) {
    return (locations || []).map(function (at) { return words[at] || ""; });
  }
  /* The words of a query that a matched word must answer: not the s of "year's". */
  function queryWords(query) {
    return wordsOf(query).filter(function (w) { return w.length > 1; });
  }

  /* Search suggestions (Material's search.suggest): behind the typed text, in grey, the
     likeliest completion of the word being typed, from the words the first results matched
     (Pagefind finds a word by its start: "Zheng" finds Zhengzhou); the Right arrow key at
     the end of the text accepts it. Not for Chinese, which has no words to complete. */
  function suggest(query, pages) {
    suggestion.textContent = "";
    var typed = input.value;
    if (typed.trim() !== query || /\s$/.test(typed) || HAN.test(query)) return;
    var last = wordsOf(query.split(/\s+/).pop()).pop();
    if (!last || fold(typed).slice(-last.length) !== last) return;
    /* Not when the first result holds the word as typed: "Lu Tao" is a person, whose page
       came first, not the start of "Taoyuan", whose pages came after it. */
    if (pages.length && matchedWords(pages[0]).some(function (text) { return wordsOf(text).indexOf(last) >= 0; })) return;
    var before = wordsOf(query).slice(0, -1); /* "Tang Ta" is not completed to "Tang Tang" */
    var count = Object.create(null), best = null;
    pages.forEach(function (data, rank) {
      matchedWords(data).forEach(function (text) {
        wordsOf(text).forEach(function (word) {
          if (word.length < last.length || word.indexOf(last) !== 0 || before.indexOf(word) >= 0) return;
          count[word] = (count[word] || 0) + (rank === 0 ? 2 : 1);
          if (word !== last && (!best || count[word] > count[best])) best = word;
        });
      });
    });
    /* Not when the word as typed is a word the results hold as often: "Tang Tao" is a
       name, not the start of "Taoyuan". */
    if (best && count[best] > (count[last] || 0)) suggestion.textContent = typed + best.slice(last.length);
  }

  function acceptSuggestion() {
    var text = suggestion.textContent;
    if (!text || input.selectionStart !== input.value.length || text.indexOf(input.value) !== 0) return false;
    input.value = text;
    input.dispatchEvent(new Event("input"));
    return true;
  }

  /* Dates typed in figures are searched as the pages write them: "2022-04-30",
     "2022/4/30", "30.04.2022", "4/30/2022" and "2022年4月30日" as "30 April 2022", and
     "2022-04" or "2022年4月" as "April 2022". Pagefind read "2022-04-30" as three numbers,
     which found the data page's example, not the article of that day (a search review). A day
     and a month that could be either way round ("4/5/2022"), impossible dates, and figures
     that go on ("2022-04-30-louxing", an article's address) are searched as typed. */
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"];
  var NOT_WORD = "(^|[^\\p{L}\\p{N}])";
  var WORD_END = "(?![\\p{L}\\p{N}]|[-/.][\\p{L}\\p{N}])";
  var YEAR_FIRST = new RegExp(NOT_WORD + "(\\d{4})([-/.])(\\d{1,2})(?:\\3(\\d{1,2}))?" + WORD_END, "gu");
  var YEAR_LAST = new RegExp(NOT_WORD + "(\\d{1,2})([-/.])(\\d{1,2})\\3(\\d{4})" + WORD_END, "gu");
  /* "04/2021"; not the end of a day, a month and a year left as typed ("2/11/2022" was searched
     as "2/November 2022": a search review) */
  var MONTH_FIRST = new RegExp("(^|[^\\p{L}\\p{N}./-])(\\d{2})([-/])(\\d{4})" + WORD_END, "gu");
  var CHINESE_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?/g;

  function writtenDate(year, month, day) {
    var y = Number(year), m = Number(month), d = day === undefined ? 0 : Number(day);
    if (m < 1 || m > 12 || y < 1900 || y > 2099) return null;  /* "1000.5" is no date */
    if (day === undefined) return MONTHS[m - 1] + " " + y;
    if (d < 1 || new Date(Date.UTC(y, m - 1, d)).getUTCDate() !== d) return null;
    return d + " " + MONTHS[m - 1] + " " + y;
  }

  /* The two days a date in figures could be ("4/5/2022": 4 May 2022 or 5 April 2022), which
     is searched as typed and found nothing, without a word of why (a review). */
  function eitherWay(query) {
    var m = new RegExp(YEAR_LAST.source, "u").exec(query);  /* the first (not the global regex, which keeps a place) */
    if (!m || Number(m[2]) === Number(m[4])) return null;
    var first = writtenDate(m[5], m[4], m[2]), second = writtenDate(m[5], m[2], m[4]);
    return first && second ? { typed: m[0].slice(m[1].length), dates: [first, second] } : null;
  }

  /* Full-width figures and separators, as a Chinese keyboard may type them ("２０２２－０４－３０",
     "２０２２年４月３０日"), and the dashes a word processor puts in ("2022–04–30"), read
     as their ASCII forms: for dates only; a query with no date in it is searched as typed. */
  var WIDE = /[\uFF0D-\uFF19]/g;
  var DASHES = /[\u2010-\u2013\u2212]/g;

  function inFigures(typed) {
    return typed.replace(WIDE, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xFEE0); })
      .replace(DASHES, "-");
  }

  function datesAsWritten(typed) {
    var query = inFigures(typed);
    var text = query.replace(CHINESE_DATE, function (all, y, m, d) {
      var date = writtenDate(y, m, d);
      return date ? " " + date + " " : all;
    }).replace(YEAR_FIRST, function (all, before, y, separator, m, d) {
      /* A month without a day in two figures, and not after a point: "No. 2021-5" and
         "2021.5" are numbers, "2021-05" is May 2021. */
      var date = (d !== undefined || (m.length === 2 && separator !== ".")) && writtenDate(y, m, d);
      return date ? before + date : all;
    }).replace(YEAR_LAST, function (all, before, a, _, b, y) {
      a = Number(a);
      b = Number(b);
      var day = a > 12 || a === b ? a : b > 12 ? b : 0;
      var date = day && writtenDate(y, day === a ? b : a, day);
      return date ? before + date : all;
    }).replace(MONTH_FIRST, function (all, before, m, _, y) {
      var date = writtenDate(y, m);
      return date ? before + date : all;
    });
    /* (A year alone, "２０２２" or "２０２２年", is searched, and offered its page, as "2022".) */
    if (text === query) return /^\d{4}年?$/.test(query) ? query : typed;
    return text.replace(/\s+/g, " ").trim();
  }

  /* Pages that hold the words as typed, side by side, come first. Pagefind ranks each
     word alone and finds the last one by its start: "Tang Tao" put 58 pages of "Taoyuan"
     and of other Tangs between the person and the first article naming him, the 60th of 269
     (a review at 10,000 articles). The same words quoted find only such pages: searched
     too, from the index already loaded, they move up, in Pagefind's order, and the rest
     follow. Not for one word, a query with its own quotation marks, or Chinese, which
     Pagefind cuts into words its own way. */
  function asPhrase(query) {
    if (HAN.test(query) || /["\u201c\u201d]/.test(query)) return null;
    var words = query.split(/\s+/).filter(Boolean);
    return words.length > 1 ? '"' + words.join(" ") + '"' : null;
  }

  /* The pages are those of the quoted search's answer, whose places are where the words
     stand side by side: on the timeline, the event that holds them is the one the result
     opens and shows ("work safety meeting" showed, and opened, an event of April 2020 that
     held the three words apart, the page having moved up for another event's: a review).
     A date alone ("30 April 2022", "April 2022") finds only the pages that hold it: "2022-04-30"
     counted three pages, two of which held "April" and "2022" in other dates, and a day no
     page holds counted those of its month's name and its year. */
  function phraseFirst(results, exact, only) {
    var held = Object.create(null);
    exact.forEach(function (r) { held[r.id] = r; });
    var first = results.filter(function (r) { return held[r.id]; }).map(function (r) { return held[r.id]; });
    if (only) return first;  /* none, if no page holds it: not the pages of its words apart (a review) */
    if (!first.length) return results;
    var rest = results.filter(function (r) { return !held[r.id]; });
    return first.concat(rest);
  }

  /* A query with its own quotation marks ('"retreat meeting"'): Pagefind gives the pages
     that hold the phrase, all with the same score, in the order of its index, so that the
     glossary entry of the words came 103rd of 103 (a search review, at 1,000 articles). The
     same words without their quotation marks are searched too, and give the order: the pages
     that hold the phrase, ranked as the words are; any the words alone did not find follow.
     Null for a query without quotation marks, or in Chinese (see asPhrase). */
  function unquoted(query) {
    if (HAN.test(query) || !/["\u201c\u201d]/.test(query)) return null;
    var words = query.replace(/["\u201c\u201d]/g, " ").split(/\s+/).filter(Boolean);
    return words.length ? words.join(" ") : null;
  }

  function rankedAs(exact, ranked) {
    var place = Object.create(null);
    ranked.forEach(function (r, i) { place[r.id] = i; });
    function at(r) { return r.id in place ? place[r.id] : ranked.length; }
    return exact.map(function (r, i) { return { r: r, i: i }; }).sort(function (a, b) {
      return at(a.r) - at(b.r) || a.i - b.i;
    }).map(function (x) { return x.r; });
  }

  /* A glossary entry or an organization whose name, or one of whose other written forms,
     is the query comes first, whatever the steps above moved. Pagefind's phrase search does
     not find the words "Rong Media" side by side on the entry "Rong Media Center" (a guess:
     its pinyin, "róng", folds into the same word), which the phrase step then put 31st of
     31, though Pagefind ranks it first; and "safety production", the translation's
     words for "work safety" that nearly every article holds, found the entry 73rd (a search
     review, at 1,000 articles). Those pages carry a filter of their own (overrides/main.html)
     and their other forms as metadata (lgnews/templates): the same words, searched among
     them alone, give the few to look at, the first NAMED of them. */
  var NAMED = 3;

  function namedFirst(found, named, query) {
    var top = named.slice(0, NAMED);
    function spelt(text) { return wordsOf(text).join(" "); }
    var asked = spelt(query);
    return Promise.all(top.map(dataOf)).then(function (pages) {
      var hits = top.filter(function (r, i) {
        var meta = pages[i].meta || {};
        var names = [meta.title || ""].concat((meta.aliases || "").split(" \u00b7 "));
        return asked && names.some(function (name) { return spelt(name) === asked; });
      });
      if (!hits.length) return found;
      var ids = Object.create(null);
      hits.forEach(function (r) { ids[r.id] = true; });
      return hits.map(function (r) {
        return found.filter(function (f) { return f.id === r.id; })[0] || r;
      }).concat(found.filter(function (f) { return !ids[f.id]; }));
    });
  }

  var DATE_ONLY = new RegExp("^(?:\\d{1,2} )?(?:" + MONTHS.join("|") + ") \\d{4}$", "i");

  function dateOnly(query) {
    return DATE_ONLY.test(query);
  }

  /* A month or a year searched ("April 2021", "30 April 2022", "2021"): its page of the
     archive, every article of it in order of date, is offered above the results, which
     Pagefind gives in order of relevance (the archive's pages are not in its index). Only a
     month or a year that has articles has a page: articles/months.json, which the generator
     writes ("2016/01", ...), says which, read once, on the first such search. */
  var archiveMonths = null; /* Promise of that list */

  var MONTH_NAME = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|" +
    "sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
  var NAMED_MONTH = new RegExp("\\b" + MONTH_NAME + ",?\\s+(\\d{4})\\b|\\b(\\d{4})\\s+" + MONTH_NAME + "(?![\\p{L}])", "iu");

  function archivePage(query) {
    var month = NAMED_MONTH.exec(query);  /* "April 2021", "Sept. 2021", "Apr, 2021", "2021 April" */
    if (month) {
      var name = (month[1] || month[4]).toLowerCase().slice(0, 3), year = month[2] || month[3];
      var number = MONTHS.map(function (m) { return m.toLowerCase().slice(0, 3); }).indexOf(name) + 1;
      return { key: year + "/" + (number < 10 ? "0" : "") + number, label: MONTHS[number - 1] + " " + year };
    }
    var year = /^(\d{4})\s*年?$/.exec(query);  /* "2021", "2021年" */
    return year ? { key: year[1], label: year[1] } : null;
  }

  function offerArchivePage(query, current) {
    var page = archivePage(query);
    if (!page) return;
    if (!archiveMonths) {
      archiveMonths = fetch(new URL("articles/months.json", root).href).then(function (response) {
        return response.ok ? response.json() : [];
      }).catch(function () { return []; });
    }
    archiveMonths.then(function (months) {
      var held = months.some(function (m) { return m === page.key || m.slice(0, 5) === page.key + "/"; });
      if (!held || current !== generation) return;
      var link = browse.querySelector("a");
      link.href = new URL("articles/" + page.key + "/", root).href;
      link.textContent = MESSAGES.browse.replace("#", page.label);
      browse.hidden = false;
    });
  }

  /* Words joined by a hyphen, searched as the words: Pagefind read "work-safety" as one word,
     "worksafety", which only the pages that write the hyphen hold (24 of the 325 pages of
     "work safety", and not the tag's: a search review). Figures keep theirs ("7-20"). */
  function unhyphenated(query) {
    return query.replace(/(\p{L})[-\u2010\u2011](?=\p{L})/gu, "$1 ");
  }

  function search(typed) {
    var current = ++generation;
    var query = unhyphenated(datesAsWritten(typed));
    var ambiguous = eitherWay(inFigures(query));  /* "4/5/2022", or "４／５／２０２２" */
    var searchedAs = query !== typed
      ? MESSAGES.searchedAs.replace("#", query.replace(/["\u201c\u201d]/g, "").replace(/[\s.,;:]+$/, ""))
      : ambiguous ? MESSAGES.eitherWay.replace("#", ambiguous.typed).replace("%", ambiguous.dates[0])
        .replace("&", ambiguous.dates[1]) : "";
    if (hint) hint.hidden = true;  /* until the results show whether it is of use: see below */
    if (scope) scope.hidden = !query;
    browse.hidden = true;
    if (chineseHint) chineseHint.hidden = !HAN.test(query);
    noneHint.hidden = true;
    if (!query) {
      suggestion.textContent = "";
      results = [];
      shown = 0;
      list.textContent = "";
      setStatus(MESSAGES.placeholder);
      return Promise.resolve();
    }
    offerArchivePage(query, current);
    return loadPagefind().then(function (module) {
      var phrase = asPhrase(query), words = unquoted(query);
      var named = !HAN.test(query) && !dateOnly(query) && module.search(words || query, { filters: { entry: "named" } });
      return Promise.all([module.search(query), phrase && module.search(phrase), words && module.search(words), named]);
    }).then(function (answers) {
      var answer = answers[0];
      if (current !== generation || !answer) return;
      var found = answers[1] ? phraseFirst(answer.results, answers[1].results, dateOnly(query))
        : answers[2] ? rankedAs(answer.results, answers[2].results) : answer.results;
      return answers[3] ? namedFirst(found, answers[3].results, query) : found;
    }).then(function (found) {
      if (current !== generation || !found) return;
      /* The first page of results, which is shown anyway: were they all found by a word cut back? */
      return answering(found, query, function () { return current !== generation; }).then(function (kept) {
        if (current === generation) suggest(query, kept.pages);
        return kept.results;
      });
    }).then(function (found) {
      if (current !== generation || !found) return;
      results = found;
      shown = 0;
      list.textContent = "";
      var n = results.length;
      setStatus((n === 0 ? MESSAGES.none : n === 1 ? MESSAGES.one : MESSAGES.other.replace("#", figure(n))) + searchedAs);
      return showMore(query, current, false);
    }).then(function () {
      if (current !== generation) return;
      /* Where articles or glossary entries were found, or Chinese was typed: under a name's
         page alone, or no result, it read as an answer to another question (a reader's review). */
      if (hint) hint.hidden = !(HAN.test(query) || list.querySelector('a[href*="/articles/"], a[href*="/glossary/"]'));
      noneHint.hidden = results.length > 0 || HAN.test(query);  /* (Chinese has its own, above) */
      box.setAttribute("data-lg-search-done", typed);
    }, function (error) {
      if (current === generation) setStatus(MESSAGES.failed);
      throw error;
    });
  }

  function links() {  /* what the arrow keys step through: the month's page, if offered, then the results */
    return (browse.hidden ? [] : [browse.querySelector("a")]).concat(
      Array.prototype.slice.call(list.querySelectorAll(".md-search-result__link, .lg-search-more__button")));
  }

  input.addEventListener("focus", open);
  input.addEventListener("input", function () {
    forget();  /* another question: the one kept is no longer what the box holds */
    clearTimeout(timer);
    suggestion.textContent = "";
    box.removeAttribute("data-lg-search-done");
    var query = input.value.trim();
    timer = setTimeout(function () { search(query); }, DEBOUNCE_MS);
  });

  /* Back from a page opened from the results, the search is as it was left: the query, and as
     many results as were shown. The box was closed and empty, and a phone's reader typed the
     query again, and tapped "Show more" again (a phone review). Kept in the history's entry
     of the page the search was made on (the query, which the result's address carries too),
     and forgotten when the box is closed there. */
  function remember() {
    if (!input.value.trim()) return;
    var state = Object.assign({}, history.state || {});
    state.lgSearch = { query: input.value, shown: shown };
    try { history.replaceState(state, ""); } catch (e) { /* (a history that refuses: nothing kept) */ }
  }
  function forget() {
    if (!history.state || !history.state.lgSearch) return;
    var state = Object.assign({}, history.state);
    delete state.lgSearch;
    try { history.replaceState(state, ""); } catch (e) { /* as above */ }
  }
  box.addEventListener("click", function (ev) {
    /* (not a link opened in another tab or window: the reader stays here) */
    if (ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.altKey) return;
    if (ev.target.closest && ev.target.closest("a[href]")) remember();
  }, true);
  function cameBack() {
    var entry = window.performance && performance.getEntriesByType && performance.getEntriesByType("navigation")[0];
    return !entry || entry.type === "back_forward";
  }
  window.addEventListener("pageshow", function () {
    var kept = history.state && history.state.lgSearch;
    if (!kept || typeof kept.query !== "string" || !kept.query.trim() || results.length) return;
    if (!cameBack()) {  /* a reload, or the address typed again: the search is not brought back */
      forget();
      return;
    }
    var query = kept.query.trim(), wanted = Math.min(Number(kept.shown) || 0, 1000);
    input.value = kept.query;
    open();
    search(query).then(function more() {
      if (query !== input.value.trim() || shown >= Math.min(wanted, results.length)) return;
      var button = list.querySelector(".lg-search-more");
      if (button) button.remove();
      return showMore(query, generation, false).then(more);
    });
  });

  /* Enter opens the first result of what the box holds: pressed before its search had run (the
     typing pause, or the index still loading), it opened the first result of the query before
     (a search review), or did nothing. */
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var typed = input.value.trim();
    var searched = box.getAttribute("data-lg-search-done") === typed ? Promise.resolve() : (function () {
      clearTimeout(timer);
      return search(typed);
    })();
    searched.then(function () {
      var first = list.querySelector(".md-search-result__link");
      /* (not once the box is closed, Escape pressed while it searched: a review) */
      if (first && input.value.trim() === typed && box.getAttribute("data-lg-search-done") === typed &&
          (!toggle || toggle.checked)) {
        remember();
        window.location.href = first.href;
      }
    }).catch(function () { /* the index could not be loaded: the status says so */ });
  });
  form.addEventListener("reset", function () {
    forget();
    suggestion.textContent = "";  /* at once, not when the box is searched again */
    setTimeout(function () {
      search("");
      input.focus();
    });
  });

  /* The Material toggle opens and closes the box (header button, overlay, back arrow). */
  if (toggle) {
    toggle.addEventListener("change", function () {
      if (toggle.checked) {
        input.focus();
      } else {
        forget();
        if (box.contains(document.activeElement)) document.activeElement.blur();
      }
    });
  }

  /* Leaving the box with the keyboard closes it, as it does with the mouse. */
  box.addEventListener("focusout", function (ev) {
    if (ev.relatedTarget && !box.contains(ev.relatedTarget)) close();
  });

  /* Escape gives the keyboard's focus back where it was before the search (a dialog's
     manners): blurred, it fell to the page's start, and Tab went on from the header. */
  var returnTo = null;
  box.addEventListener("focusin", function (ev) {
    if (ev.relatedTarget && !box.contains(ev.relatedTarget)) returnTo = ev.relatedTarget;
  });

  function dismiss() {
    var back = returnTo;
    returnTo = null;
    close();
    /* (Not to the search button or the field when it was opened from nowhere in
       particular: the next Tab would go into the box again, and open it.) */
    if (back && back !== document.body && document.contains(back)) back.focus();
  }

  /* On a phone the search is a full-screen panel whose only way out on screen is the arrow
     left of the field: Material's label, which neither the Tab key nor a screen reader took
     for a button. There it is one, named, reached by Tab and worked by Enter or Space, and
     gives the focus back as Escape does. (On a wide screen the same label is the magnifier
     inside the header's field, not a way out: left alone.) */
  var closer = box.querySelector(".md-search__form label[for=__search]");
  var narrow = window.matchMedia("(max-width: 59.984em)");
  function fitCloser() {
    if (narrow.matches) {
      closer.setAttribute("role", "button");
      closer.setAttribute("tabindex", "0");
      closer.setAttribute("aria-label", "Close search");
    } else {
      closer.removeAttribute("role");
      closer.removeAttribute("tabindex");
      closer.removeAttribute("aria-label");
    }
  }
  fitCloser();
  if (narrow.addEventListener) narrow.addEventListener("change", fitCloser);
  closer.addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter" && ev.key !== " ") return;
    ev.preventDefault();
    ev.stopPropagation();
    dismiss();
  });

  box.addEventListener("keydown", function (ev) {
    var items = links();
    var index = items.indexOf(document.activeElement);
    if (ev.key === "Escape") {
      ev.preventDefault();
      dismiss();
    } else if (ev.key === "ArrowRight" && ev.target === input && acceptSuggestion()) {
      ev.preventDefault();
    } else if (ev.key === "ArrowDown" && items.length) {
      ev.preventDefault();
      items[Math.min(index + 1, items.length - 1)].focus();
    } else if (ev.key === "ArrowUp" && (index >= 0)) {
      ev.preventDefault();
      if (index === 0) input.focus();
      else items[index - 1].focus();
    }
  });

  /* The header's search button (a label, shown on narrow screens) with the keyboard. */
  var opener = document.querySelector("[data-lg-search-button]");
  if (opener) {
    opener.addEventListener("keydown", function (ev) {
      if (ev.key !== "Enter" && ev.key !== " ") return;
      ev.preventDefault();
      open();  /* (closed, the field is hidden: it cannot take the focus) */
      input.focus();
    });
  }

  /* Material moves to the previous or the next page on "p" or "," and "n" or "." pressed
     anywhere: letters a speech-control user's words could press (WCAG 2.1.4). They are
     left to the page, before Material's listener (on the window, not capturing) hears them. */
  window.addEventListener("keydown", function (ev) {
    if (ev.metaKey || ev.ctrlKey || ev.altKey || typeof ev.key !== "string" || ev.key.length !== 1) return;
    if ("pPnN,.".indexOf(ev.key) >= 0) ev.stopPropagation();
  }, true);

  /* "/" anywhere else opens the search. "s" did too, as in Material: a speech-control user
     saying a word that starts with s found the focus in the search box (WCAG 2.1.4), so the
     letter is left to the page. */
  document.addEventListener("keydown", function (ev) {
    if (ev.metaKey || ev.ctrlKey || ev.altKey || ev.defaultPrevented) return;
    if (ev.key !== "/") return;
    var el = document.activeElement;
    /* Not where "/" is typed: a field of text. A radio button or a checkbox types nothing ("/"
       on the light/dark toggle, where Escape leaves the focus, did nothing: a reader's review). */
    var typed = el && el.tagName === "INPUT" &&
      !/^(radio|checkbox|button|submit|reset|image|range|color|file)$/i.test(el.type);
    if (el && (el.isContentEditable || typed || /^(TEXTAREA|SELECT)$/.test(el.tagName))) return;
    ev.preventDefault();
    if (el && !box.contains(el)) returnTo = el;
    open();
    input.focus();
    input.select();
  });

  /* Search highlighting: a page opened from a result (its address carries the query, ?h=)
     marks where the query's words are in its text, as Material's search.highlight does: the
     last English word where a word of the page starts with it ("rain" marks "rainstorm"),
     the others as words, Chinese wherever it is. Only the text of the page's article is
     read, and only marks are added around it: the query, which anyone can put in a link, is
     never markup. */
  /* A word of the query as a pattern that finds it with or without pinyin's tone marks
     ("Dǎng Jiànguó" marked nothing on a page of "Dang Jianguo", "da fei zhi wei" nothing on
     one of "dǎ fēi zhì wéi"), and "7.20" as "7·20" (a search review). */
  function literally(text) {  /* ``text`` in a regular expression, as itself */
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  var TONED = {a: "aāáǎà", e: "eēéěèê", i: "iīíǐì", o: "oōóǒò", u: "uūúǔùüǖǘǚǜ", v: "vüǖǘǚǜ"};
  function toneless(word) {
    /* A vowel of pinyin, toned or not, is any of its tones; any other letter is itself
       ("España", "Göteborg", "Zoë" are marked as typed). */
    return Array.from(word.normalize("NFC")).map(function (c) {
      var lower = c.toLowerCase(), base = lower.normalize("NFD").charAt(0);
      if (TONED[base] && TONED[base].indexOf(lower) >= 0) return "[" + TONED[base] + "]";
      return literally(c);
    }).join("").replace(/(\d)(?:\\\.|\u00b7)(?=\d)/g, "$1[.\u00b7]");
  }

  /* The same word but for its ending: the same stem, or one the other's plural, which the
     rough stemmer cuts differently ("commit" of "committees", its doubled letter cut, and
     "committe" of "committee"). Not a stem the start of another: "commit" and "committee",
     "count" and "county", "Jiang" and "Jianguo" are other words (a review). */
  function pluralOf(plural, word) {
    return plural === word + "s" || plural === word + "es" || (/y$/.test(word) && plural === word.slice(0, -1) + "ies");
  }
  function sameWord(a, b) {
    return a === b || pluralOf(a, b) || pluralOf(b, a) || stem(a) === stem(b);
  }

  function highlightPage() {
    var query = new URLSearchParams(window.location.search).get(HIGHLIGHT_PARAM);
    var article = document.querySelector("article.md-content__inner");
    if (!query || !article) return;
    /* Only the last word typed, which may be typed in part, marks the words it starts; the
       others are whole words, with an ending of their own ("meeting" marks "meetings"):
       "Dang Jianguo" marked the "dang" of "hidden dangers". (The last word typed, even one
       too short to be marked itself: "Dang J" is a name being typed.) */
    var typed = unhyphenated(query.slice(0, 200).replace(/["\u201c\u201d]/g, " ")).split(/\s+/)
      .filter(function (w) { return w; });
    var words = typed.map(function (w, i) {
      return {word: w, last: i === typed.length - 1};
    }).filter(function (t) {
      return HAN.test(t.word) || /[\p{L}\p{N}]{2}/u.test(t.word);
    }).slice(0, 10).map(function (t) {
      if (HAN.test(t.word)) return literally(t.word);
      var literal = toneless(t.word);
      var rest = t.last ? "[\\p{L}\\p{N}]*" : "(?:s|es|d|ed|ing)?(?![\\p{L}\\p{N}])";
      return "(?<![\\p{L}\\p{N}])" + literal + rest;
    });
    if (!words.length) return;
    /* A word of six letters or more also marks the words that are the same but for their
       ending, as Pagefind's stemmer found them ("rectifications" marked no "rectification",
       "responsibilities" no "responsibility"): any word that is the same but for its
       ending (sameWord), but not a capitalised word of four letters or fewer, a name
       ("dangers" would mark "Dang"). */
    var long = typed.slice(0, 10).filter(function (w) {
      return !HAN.test(w) && /^[\p{L}\p{N}]{6,}$/u.test(w);
    }).map(fold);
    var typedAs = new RegExp("^(?:" + words.join("|") + ")$", "iu");
    if (long.length) words.push("(?<![\\p{L}\\p{N}])(?:(?![" + HAN_CLASS + "])[\\p{L}\\p{N}])+");
    var decided = new Map();  /* a page's words recur: each is decided once */
    function marked(found) {
      if (!long.length || typedAs.test(found)) return true;
      if (found.length <= 4 && found !== found.toLowerCase()) return false;
      var its = fold(found);
      if (!decided.has(its)) decided.set(its, long.some(function (w) { return sameWord(w, its); }));
      return decided.get(its);
    }
    var pattern = new RegExp(words.join("|"), "giu");
    var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        return node.parentElement.closest("script, style, svg, .headerlink, mark")
          ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach(function (node) {
      var text = node.nodeValue, at = 0, m, out = null;
      pattern.lastIndex = 0;
      while ((m = pattern.exec(text)) !== null) {
        if (!m[0]) { pattern.lastIndex++; continue; }
        if (!marked(m[0])) continue;
        out = out || document.createDocumentFragment();
        if (m.index > at) out.appendChild(document.createTextNode(text.slice(at, m.index)));
        var mark = document.createElement("mark");
        mark.setAttribute("data-md-highlight", "");
        mark.textContent = m[0];
        out.appendChild(mark);
        at = m.index + m[0].length;
      }
      if (!out) return;
      if (at < text.length) out.appendChild(document.createTextNode(text.slice(at)));
      node.parentNode.replaceChild(out, node);
    });
    /* Where none of the marks is on the screen (the words are further down the reading
       edition: a screen or more on a phone), the first is brought into view; not where the
       address names a place of the page (#p4), nor where the title or the first lines show
       one. */
    var marks = article.querySelectorAll("mark[data-md-highlight]");
    if (!marks.length || window.location.hash) return;
    var seen = Array.prototype.some.call(marks, function (m) {
      var r = m.getBoundingClientRect();
      return r.bottom > 0 && r.top < window.innerHeight;
    });
    if (!seen) marks[0].scrollIntoView({block: "center"});
  }
  try {
    highlightPage();
  } catch (e) {
    /* A browser without lookbehind in its regular expressions (Safari before 16.4): the page
       is shown unmarked, and the rest of the search still works. */
  }

  /* For the tests (tests/browser/test_browser_search.py): how an excerpt is tidied,
     whether the words a result matched answer the query, which event a timeline result opens,
     how a date typed in figures is searched, which queries are searched as a phrase too and
     how its pages move up. */
  box.lgTidyExcerpt = tidyExcerpt;
  box.lgSameWord = sameWord;
  box.lgExcerptText = function (html, title) { return excerptNodes(html, title).textContent; };
  box.lgExcerptMarks = function (html, title) {
    return Array.prototype.map.call(excerptNodes(html, title).querySelectorAll("mark"), function (m) {
      return m.textContent;
    });
  };
  box.lgExcerptShown = function (html, title) {
    var p = document.createElement("p");
    p.appendChild(excerptNodes(html, title));
    markCuts(p);
    return p.textContent;
  };
  box.lgAnswersQuery = answersQuery;
  box.lgAnswering = function (found, query, overtakenAfter) {
    var asked = 0;  /* overtaken once asked ``overtakenAfter`` times, if given */
    function overtaken() { asked += 1; return overtakenAfter !== undefined && asked > overtakenAfter; }
    return answering(found, query, overtaken).then(function (kept) { return kept.results.map(function (r) { return r.id; }); });
  };
  box.lgBestEvent = function (data, query) { var best = bestEvent(data, query); return best && best.url; };
  box.lgDatesAsWritten = datesAsWritten;
  box.lgUnhyphenated = unhyphenated;
  box.lgToneless = function (word, text) { return new RegExp(toneless(word), "iu").test(text); };
  box.lgPhraseFirst = function (ids, exact, only) {
    function result(id) { return { id: id }; }
    function quoted(id) { return { id: id, quoted: true }; }
    return phraseFirst(ids.map(result), exact.map(quoted), only).map(function (r) { return (r.quoted ? "quoted:" : "") + r.id; });
  };
  box.lgDateOnly = dateOnly;
  box.lgAsPhrase = asPhrase;
  box.lgUnquoted = unquoted;
  box.lgTitleMarks = function (title, query) {
    return Array.prototype.map.call(titleNodes(title, query).querySelectorAll("mark"), function (m) {
      return m.textContent;
    });
  };
  box.lgNamedFirst = function (found, named, query) {
    return namedFirst(found, named, query).then(function (rs) { return rs.map(function (r) { return r.id; }); });
  };
  box.lgRankedAs = function (exact, ranked) {
    function result(id) { return { id: id }; }
    return rankedAs(exact.map(result), ranked.map(result)).map(function (r) { return r.id; });
  };
})();
