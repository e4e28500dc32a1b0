"""The invisible characters scraped text and editors' pastes bring, as classes for regular
expressions (the part between the brackets), shared by what drops them (the parsed text,
what editors write), what shows them (the verbatim source) and what escapes them (messages)."""

CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
"""Control characters (Unicode category Cc) but tab and line ends (LF, CR)."""

BIDI = "\u202a-\u202e\u2066-\u2069"
"""The controls of the direction of text: embeddings, overrides, isolates. One left open in a
title turned the date and source printed after it right to left, on every list."""

ZERO_WIDTH = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
"""The soft hyphen (``&shy;``, which scraped pages carry inside words), zero-width space,
non-joiner, joiner, word joiner, and the byte-order mark inside a text:
nothing to see, but two names or titles that differ by one look the same and are not (a
zero-width space after "Louxing" made a second Louxing District), and a title of them alone
shows nothing. What is derived from a text, and what editors write, drops them."""

FORMAT_BMP = "\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200e\u200f\u2061-\u2064\u206a-\u206f\ufff9-\ufffb"
FORMAT_ASTRAL = ("\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
                 "\U000e0001\U000e0020-\U000e007f")
FORMAT = FORMAT_BMP + FORMAT_ASTRAL
"""Every other format character (Unicode category Cf): the marks of direction (LRM, RLM,
ALM), invisible operators, the tag characters, the format controls of other scripts. As
invisible as the zero-width ones, and as dropped: a right-to-left mark after "Louxing Rong
Media Center" made a second body of that name, which looked the same (a fuzzing review).
tests/test_invisible.py checks that BIDI, ZERO_WIDTH and FORMAT hold all of category Cf. (Those
beyond U+FFFF apart: see parse._DROPPED_RE.)"""

NONCHARACTERS = "\ufffe\uffff"
"""Not characters at all, and not allowed in XML (the feeds)."""

HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U000323af"
"""Chinese characters: 〇, the CJK unified ideographs and their extensions A to I, and the
compatibility ideographs and their supplement (what tells a text or a name as Chinese)."""
