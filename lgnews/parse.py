"""Parse stage: raw scraped bytes -> a ParsedArticle.

Everything here is a pure function of its input. The raw file is never changed: the
reading edition (sentences separated, paragraphs rebuilt, credits and blog footer removed,
full-width punctuation normalized) is derived from it, and so are the credits, the people
and the dates it mentions. See ``docs/editors.md`` for the article family this handles.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from .errors import ParseError

MAX_SOURCE_BYTES = 1_000_000
"""Refuse raw files larger than this: no article of the family comes near it."""

MONTHS = {name: i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name: i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["Sept"] = 9
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))

# Common romanised Chinese surnames. Used only where a name must be told apart from an
# ordinary capitalised phrase ("Head of the District" is not a person).
SURNAMES = frozenset(
    """
    Ai An Bai Ban Bao Bei Bi Bian Bo Cai Cao Cen Chai Chang Chao Chen Cheng Chi Chu Cong Cui
    Dai Dang Deng Di Diao Ding Dong Dou Du Duan Fan Fang Fei Feng Fu Gan Gao Ge Geng Gong Gou
    Gu Guan Guo Han Hao He Hong Hou Hu Hua Huang Huo Ji Jia Jian Jiang Jiao Jin Jing Ju Kang
    Ke Kong Kuang Lai Lan Lang Lei Li Lian Liang Liao Lin Ling Liu Long Lou Lu Luo Lv Lyu Ma
    Mai Mao Mei Meng Mi Miao Min Ming Mo Mou Mu Nie Ning Niu Ou Ouyang Pan Pang Pei Peng Pu
    Qi Qian Qiao Qin Qiu Qu Quan Ran Rao Ren Rong Ruan Sang Shan Shang Shangguan Shao She Shen
    Sheng Shi Shu Si Sima Situ Song Su Sun Tan Tang Tao Teng Tian Tong Tu Wan Wang Wei Wen Weng
    Wu Xi Xia Xian Xiang Xiao Xie Xin Xiong Xu Xue Yan Yang Yao Ye Yi Yin Ying Yong You Yu Yuan
    Yue Yun Zang Zeng Zha Zhai Zhan Zhang Zhao Zhen Zheng Zhong Zhou Zhu Zhuang Zhuge Zhuo Zou
    Zuo
    """.split()
)

FULL_WIDTH = {
    "，": ", ", "。": ". ", "：": ": ", "；": "; ", "！": "! ", "？": "? ",
    "（": " (", "）": ") ", "、": ", ", "【": " [", "】": "] ", "《": "“", "》": "”",
    "「": "“", "」": "”", "　": " ",
}
_FULL_WIDTH_RE = re.compile("|".join(map(re.escape, FULL_WIDTH)))

HEADER_RE = re.compile(
    r"^(?P<date>\d{4}-\d{1,2}-\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?\s+(?P<comments>\d+)\s+By\b\s*(?P<author>.*)$"
)

FOOTER_RE = re.compile(
    r"Leave a Reply|Leave a Comment|Your email address will not be published|"
    r"Required fields are marked|Cancel reply|Post Comment|Save my name, email",
    re.IGNORECASE,
)

CREDIT_LABELS = [
    # (pattern, role); longest first so "Editor in Chief" wins over "Editor".
    (r"Editor[- ]in[- ]Chief|Chief Editor|Editor[- ]in[- ]charge", "editor_in_chief"),
    (r"Reviewed by|Reviewers?|Audit(?:ed by)?|audit(?:ed by)?", "reviewer"),
    (r"Supervised by|Supervisors?", "supervisor"),
    (r"Responsible Editor|Edited by|Editors?|editor", "editor"),
    (r"Reported by|Reporters?|reporters?", "reporter"),
    (r"Correspondents?|correspondents?", "correspondent"),
    (r"Source|source", "source"),
]
_LABEL_RE = re.compile(
    "|".join(f"(?P<g{i}>\\b(?:{pat}))\\s*[:：]" for i, (pat, _) in enumerate(CREDIT_LABELS))
)
_PAREN_ROLE_RE = re.compile(
    r"^(?:(?P<role>Reporters?|reporters?|Correspondents?|correspondents?|Text|Photo(?:graphy)?)\s*[:：]?\s*)?(?P<names>.*)$"
)
NAME_TOKEN_RE = re.compile(r"[A-Z][a-z]+|[a-z]+")
ROLE_ORDER = ["reporter", "correspondent", "editor_in_chief", "reviewer", "editor", "supervisor"]

SENTENCE_END_RE = re.compile(r"[.!?。！？](?:[”\"’')\]]*)")
GLUED_RE = re.compile(r"(?<=[a-z0-9%)\]”’\"])([.!?])(?=[“\"‘(]?[A-Z])")
ABBREVIATIONS = frozenset(
    "Mr Mrs Ms Dr No Nos St Co Ltd Inc Jr Sr vs etc Gov Dept Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
)
PARAGRAPH_MARKER_RE = re.compile(
    r"^(?:At (?:the|this) (?:meeting|conference|symposium|event)|During the (?:meeting|conference)|"
    r"The (?:meeting|conference) (?:pointed out|stressed|emphasized|emphasised|required|noted|called|demanded|held|heard|studied|deployed|requested)|"
    r"[A-Z][a-z]+ [A-Z][a-z]+ (?:pointed out|stressed|emphasized|emphasised|said|noted|required|demanded|asked|added|called|urged|stated|put forward|requested|concluded)|"
    r"(?:First|Second|Third|Fourth|Fifth)(?:ly)?,|Finally,|Lastly,|In addition,|Meanwhile,|It is (?:reported|understood|learned))"
)
WEAK_MARKER_RE = re.compile(r"^(?:We|You|All|Each|Every) (?:should|must|need|will|have to)\b|^(?:To|It is necessary to) ")
MAX_PARAGRAPH_CHARS = 700

NAME = r"[A-Z][a-z]{0,7}(?:yang|ma|tu|ge|guan)? [A-Za-z][a-z]{1,12}"
_ATTEND_VERB = r"(?:attended|were present|was present|participated|attended the (?:meeting|conference|event))"
ATTENDEES_RE = re.compile(
    rf"(?P<list>{NAME}(?:\s*[,，、]\s*{NAME})*(?:,?\s+and\s+{NAME})?)\s+"
    rf"(?:and (?:other|some|relevant) [a-z ]{{0,40}}?\s*)?{_ATTEND_VERB}"
)
ROLE_WORDS = re.compile(
    r"\b(?:secretary|head|director|mayor|chairman|chairwoman|chair|member|deputy|chief|minister|leader|"
    r"governor|president|commissioner|captain|manager|principal|commander|inspector|representative|"
    r"magistrate|officer|chairperson)\b",
    re.IGNORECASE,
)
_ACTIONS = {
    "presiding": r"presided over|presided|chaired|hosted",
    "attending": r"attended|was present|participated in",
    "speaking": r"delivered a speech|made a speech|spoke|gave a speech|addressed",
    "inspecting": r"inspected|visited|investigated|went to|led a team",
}
_ACTION_RE = "|".join(f"(?P<{k}>{v})" for k, v in _ACTIONS.items())
PERSON_WITH_ROLES_RE = re.compile(
    rf"(?:^|(?<=[,:;] )|(?<=\. ))(?P<name>{NAME}),\s+(?P<roles>[^.;:()]{{3,300}}?),?\s+(?:{_ACTION_RE})\b"
)
SPEAKER_RE = re.compile(
    rf"(?:^|(?<=[,:;] )|(?<=\. ))(?P<name>{NAME})\s+(?:pointed out|stressed|emphasized|emphasised|said|noted|"
    r"required|demanded|called for|urged|put forward|asked|requested|concluded)\b"
)
ROLE_SPLIT_RE = re.compile(
    r",\s*|\s+and\s+(?=(?:the\s+)?(?:[Dd]eputy|[Dd]irector|[Hh]ead|[Ss]ecretary|[Mm]ayor|[Cc]hairman|[Mm]ember|[Cc]hief|"
    r"[Vv]ice|[Ee]xecutive|[Ss]tanding|[Gg]overnor|[Pp]resident|[Cc]ommissioner|[Ll]eader|[Pp]arty|[Mm]inister))"
)
EVENT_DATE_RE = re.compile(
    rf"\b[Oo]n\s+(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?(?P<month>{_MONTH_RE})\.?\s+"
    rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
)
DAY_MENTION_RE = re.compile(
    rf"\b(?P<month>{_MONTH_RE})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
)
MONTH_MENTION_RE = re.compile(rf"\b(?P<month>{_MONTH_RE})\s+(?P<year>(?:19|20)\d\d)\b")
QUOTED_RE = re.compile(r"[“\"]([^“”\"\n]{2,80}?)[”\"]")


@dataclass(frozen=True)
class Person:
    """A person as the article names them: the name as written, the titles the text gives
    them, and how they take part (presiding, attending, speaking, ...)."""

    name: str
    roles: tuple[str, ...] = ()
    involvement: tuple[str, ...] = ()


@dataclass(frozen=True)
class DateMention:
    date: str  # YYYY-MM-DD or YYYY-MM
    text: str


@dataclass(frozen=True)
class ParsedArticle:
    title: str
    published: date
    event_date: date | None
    source: str | None
    credits: dict[str, list[str]]
    people: list[Person]
    paragraphs: list[str]
    dates: list[DateMention] = field(default_factory=list)
    quoted: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- decoding


def decode_source(data: bytes) -> tuple[str, str]:
    """Decode raw bytes into text with ``\\n`` line endings; return (text, encoding).

    UTF-8 (with or without BOM) first; otherwise a legacy Chinese encoding detected by
    charset-normalizer. Raises ParseError for what is not text."""
    if not data.strip():
        raise ParseError("empty file")
    if len(data) > MAX_SOURCE_BYTES:
        raise ParseError(f"file is {len(data):,} bytes; the limit for one article is {MAX_SOURCE_BYTES:,}")
    if b"\x00" in data:
        raise ParseError("binary file (contains NUL bytes), not a text article")
    encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        text, encoding = _decode_legacy(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\t")
    if controls > max(2, len(text) // 200):
        raise ParseError("binary file (control characters), not a text article")
    return text, "utf-8" if encoding == "utf-8-sig" else encoding


_MULTIBYTE_UTF8_RE = re.compile(rb"[\xe0-\xef][\x80-\xbf]{2}")


def _decode_legacy(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    if len(_MULTIBYTE_UTF8_RE.findall(data)) >= 3:
        raise ParseError("mixed encodings: part of the file is UTF-8 and part is not; save it in one encoding")
    best = from_bytes(data, cp_isolation=["gb18030", "big5", "utf_16", "cp1252", "latin_1"]).best()
    if best is None:
        raise ParseError("cannot detect the text encoding (expected UTF-8 or GB18030)")
    encoding = best.encoding.replace("_", "-")
    if encoding in {"gbk", "gb2312"}:
        encoding = "gb18030"  # GB18030 is the superset: decode with it.
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        raise ParseError(f"cannot decode the file as {encoding}") from None


# --------------------------------------------------------------------------- parsing


def parse_article(text: str) -> ParsedArticle:
    """Parse one decoded article of the family. Raises ParseError with a reason."""
    lines = text.split("\n")
    non_empty = [(i, line.strip()) for i, line in enumerate(lines) if line.strip()]
    if not non_empty:
        raise ParseError("empty file")
    title_index, title = non_empty[0]
    title = re.sub(r"\s+", " ", title.lstrip("\ufeff")).strip()
    if HEADER_RE.match(title):
        raise ParseError("no title: the first line is the date header")
    if len(non_empty) < 2:
        raise ParseError("no date header: expected a line like '2022-04-30 0 By' after the title")
    _, header = non_empty[1]
    match = HEADER_RE.match(header)
    if not match:
        raise ParseError(
            f"no date header: the line after the title should look like '2022-04-30 0 By', not {header[:60]!r}"
        )
    published = _to_date(match["date"])
    if published is None:
        raise ParseError(f"the header date {match['date']!r} is not a real date")
    if len(title) > 300:
        raise ParseError("the title line is longer than 300 characters: is the first line really a title?")
    body_lines = lines[non_empty[1][0] + 1 :]
    body = "\n".join(body_lines)
    footer = FOOTER_RE.search(body)
    if footer:
        body = body[: footer.start()]
    body = normalize_punctuation(body)
    body, credits, source = split_credits(body)
    author = match["author"].strip()
    if author and not credits.get("reporter"):
        credits["reporter"] = split_names(author)
    sentences_text = " ".join(p for p in _raw_paragraphs(body))
    paragraphs = rebuild_paragraphs(body)
    flat = " ".join(paragraphs)
    return ParsedArticle(
        title=title,
        published=published,
        event_date=find_event_date(flat, published),
        source=source,
        credits={role: credits[role] for role in ROLE_ORDER if credits.get(role)},
        people=extract_people(flat),
        paragraphs=paragraphs,
        dates=find_dates(flat, published),
        quoted=find_quoted(sentences_text),
    )


def _to_date(value: str) -> date | None:
    try:
        y, m, d = (int(x) for x in value.split("-"))
        return date(y, m, d)
    except ValueError:
        return None


def normalize_punctuation(text: str) -> str:
    """Full-width punctuation to its ASCII form (reading edition only)."""
    text = _FULL_WIDTH_RE.sub(lambda m: FULL_WIDTH[m.group()], text)
    return re.sub(r"[ \t]+", " ", text)


def _raw_paragraphs(body: str) -> list[str]:
    return [re.sub(r"\s+", " ", line).strip() for line in body.split("\n") if line.strip()]


# --------------------------------------------------------------------------- credits


def split_credits(body: str) -> tuple[str, dict[str, list[str]], str | None]:
    """Remove the credit line(s) from the end of the body; return (body, credits, source)."""
    credits: dict[str, list[str]] = {}
    source = None
    text = body.rstrip()
    while True:
        start = _credit_start(text)
        if start is None:
            break
        found, found_source = parse_credit_block(text[start:])
        if not found and found_source is None:
            break
        for role, names in found.items():
            credits.setdefault(role, [])
            credits[role] = names + [n for n in credits[role] if n not in names]
        source = source or found_source
        text = text[:start].rstrip()
    return text, credits, source


def _credit_start(text: str) -> int | None:
    """Where the credit block at the end of ``text`` starts, if there is one."""
    tail_from = 0
    for m in SENTENCE_END_RE.finditer(text):
        if m.end() < len(text):
            tail_from = m.end()
    # A sentence end inside a parenthesised credit such as "(Li Yi.)" is not one.
    tail = text[tail_from:]
    if len(tail) > 500 or not tail.strip():
        return None
    stripped = tail.lstrip()
    offset = tail_from + (len(tail) - len(stripped))
    if stripped.startswith("(") or _LABEL_RE.match(stripped):
        return offset
    # The credit may follow the last sentence on the same line without punctuation.
    label = _LABEL_RE.search(stripped)
    if label and label.start() > 0 and stripped[: label.start()].strip().endswith(")"):
        paren = stripped.rfind("(", 0, label.start())
        if paren >= 0:
            return offset + paren
    return None


def parse_credit_block(block: str) -> tuple[dict[str, list[str]], str | None]:
    credits: dict[str, list[str]] = {}
    source = None
    block = block.strip()
    if block.startswith("("):
        close = block.find(")")
        if close < 0:
            return {}, None
        inner, block = block[1:close], block[close + 1 :].strip()
        for part in re.split(r"[,，;；]", inner):
            m = _PAREN_ROLE_RE.match(part.strip())
            role = (m["role"] or "reporter").lower().rstrip("s")
            role = {"text": "reporter", "photo": "reporter", "photography": "reporter"}.get(role, role)
            names = split_names(m["names"])
            if not names:
                return {}, None
            credits.setdefault(role, []).extend(names)
    labels = list(_LABEL_RE.finditer(block))
    if labels and labels[0].start() != 0:
        return {}, None
    if not labels and block:
        return {}, None
    for i, m in enumerate(labels):
        role = CREDIT_LABELS[int(next(k for k, v in m.groupdict().items() if v)[1:])][1]
        end = labels[i + 1].start() if i + 1 < len(labels) else len(block)
        value = block[m.end() : end].strip().rstrip(".;,")
        if role == "source":
            source = value or None
            continue
        names = split_names(value)
        if names:
            credits.setdefault(role, []).extend(n for n in names if n not in credits.get(role, []))
    return credits, source


def split_names(value: str) -> list[str]:
    """Split "Huang Miao Zeng Zhenhua" or "Huang Miao, Zeng Zhenhua" into names.

    Romanised Chinese names are a surname followed by a given name written as one word,
    so a run of capitalised words is read two at a time; a known surname starts a name
    where the count is odd."""
    names: list[str] = []
    for group in re.split(r"\s*(?:[,，、;；/&]|\band\b)\s*", value.strip()):
        tokens = NAME_TOKEN_RE.findall(group)
        if not tokens:
            continue
        if len(tokens) % 2 == 0 and all(t[0].isupper() for t in tokens[::2]):
            names += [f"{tokens[i]} {tokens[i + 1]}" for i in range(0, len(tokens), 2)]
            continue
        current: list[str] = []
        for token in tokens:
            if token in SURNAMES and current and len(current) >= 2:
                names.append(" ".join(current))
                current = []
            current.append(token)
        if current:
            names.append(" ".join(current))
    return names


# --------------------------------------------------------------------------- reading edition


def split_sentences(paragraph: str) -> list[str]:
    paragraph = GLUED_RE.sub(r"\1 ", paragraph)
    pieces = re.split(r"(?<=[.!?])([”\"’')]*)\s+(?=[“\"‘(]?[A-Z0-9])", paragraph)
    # re.split with a group returns [text, closer, text, closer, ...]
    sentences: list[str] = []
    for i in range(0, len(pieces), 2):
        piece = pieces[i] + (pieces[i + 1] if i + 1 < len(pieces) else "")
        piece = piece.strip()
        if not piece:
            continue
        last_word = re.search(r"(\b\w+)\.\W*$", sentences[-1]) if sentences else None
        if last_word and (last_word.group(1) in ABBREVIATIONS or len(last_word.group(1)) == 1):
            sentences[-1] += " " + piece
        else:
            sentences.append(piece)
    return sentences


def rebuild_paragraphs(body: str) -> list[str]:
    """Separate glued sentences and regroup them into readable paragraphs."""
    paragraphs: list[str] = []
    for raw in _raw_paragraphs(body):
        current: list[str] = []
        for sentence in split_sentences(raw):
            length = sum(len(s) + 1 for s in current)
            strong = PARAGRAPH_MARKER_RE.match(sentence)
            weak = WEAK_MARKER_RE.match(sentence)
            if current and (
                strong
                or (weak and (len(current) >= 2 or length > 400))
                or length + len(sentence) > MAX_PARAGRAPH_CHARS
            ):
                paragraphs.append(" ".join(current))
                current = []
            current.append(sentence)
        if current:
            paragraphs.append(" ".join(current))
    return paragraphs


# --------------------------------------------------------------------------- dates


def resolve_day(month: int, day: int, published: date, year: int | None = None) -> date | None:
    """The latest date with this month and day not after ``published`` (or in ``year``)."""
    if year is not None:
        try:
            return date(year, month, day)
        except ValueError:
            return None
    for y in range(published.year, published.year - 8, -1):
        try:
            candidate = date(y, month, day)
        except ValueError:
            continue  # 29 February in a common year
        if candidate <= published:
            return candidate
    return None


def find_event_date(text: str, published: date) -> date | None:
    for m in EVENT_DATE_RE.finditer(text):
        year = int(m["year"]) if m["year"] else None
        resolved = resolve_day(MONTHS[m["month"]], int(m["day"]), published, year)
        if resolved:
            return resolved
    return None


def find_dates(text: str, published: date) -> list[DateMention]:
    found: dict[str, DateMention] = {}
    for m in DAY_MENTION_RE.finditer(text):
        resolved = resolve_day(MONTHS[m["month"]], int(m["day"]), published, int(m["year"]) if m["year"] else None)
        if resolved:
            found.setdefault(resolved.isoformat(), DateMention(resolved.isoformat(), m.group().strip()))
    for m in MONTH_MENTION_RE.finditer(text):
        key = f"{int(m['year']):04d}-{MONTHS[m['month']]:02d}"
        if not any(k.startswith(key) for k in found):
            found.setdefault(key, DateMention(key, m.group()))
    return sorted(found.values(), key=lambda d: d.date)


# --------------------------------------------------------------------------- people


def extract_people(text: str) -> list[Person]:
    """People named in the text, with the titles and the part the text gives them."""
    people: dict[str, Person] = {}

    def add(name: str, roles: list[str] = (), how: list[str] = ()) -> None:
        name = re.sub(r"\s+", " ", name).strip()
        old = people.get(name, Person(name))
        people[name] = Person(
            name,
            tuple(dict.fromkeys([*old.roles, *roles])),
            tuple(dict.fromkeys([*old.involvement, *how])),
        )

    for m in PERSON_WITH_ROLES_RE.finditer(text):
        surname = m["name"].split()[0]
        if surname not in SURNAMES or not ROLE_WORDS.search(m["roles"]):
            continue
        roles = [r.strip(" ,") for r in ROLE_SPLIT_RE.split(m["roles"]) if r and r.strip(" ,")]
        how = [k for k in _ACTIONS if m.group(k)]
        add(m["name"], roles, how)
    for m in ATTENDEES_RE.finditer(text):
        names = [n.strip() for n in re.split(r"\s*[,，、]\s*|,?\s+and\s+", m["list"]) if n.strip()]
        # The list must be names only: its first word may not be a sentence word like "The".
        if not names or names[0].split()[0] not in SURNAMES:
            names = [n for n in names if n.split()[0] in SURNAMES or n.split()[1][0].islower()]
        for name in names:
            if len(name.split()) == 2:
                add(name, how=["attending"])
    for m in SPEAKER_RE.finditer(text):
        if m["name"].split()[0] in SURNAMES:
            add(m["name"], how=["speaking"])
    return list(people.values())


def find_quoted(text: str) -> list[str]:
    """Phrases the article puts in quotation marks, in order, without repeats."""
    return list(dict.fromkeys(q.strip() for q in QUOTED_RE.findall(text) if q.strip()))
