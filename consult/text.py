"""Clean-up of text typed or pasted by users."""

import re

# Control characters other than tab and newline never belong in a note, and neither do
# the bidirectional overrides and isolates, which can make text read differently on screen
# than it is stored ("Trojan Source").
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def clean_text(value):
    """Typed text without control or bidi-override characters, every line break a newline."""
    return CONTROL_CHARS.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


def looks_like_bsn(value):
    """Nine digits that pass the Dutch 11-proof (elfproef) for a BSN."""
    digits = re.sub(r"[\s.\-]", "", value or "")
    if not re.fullmatch(r"\d{9}", digits):
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1))) - int(digits[8])
    return total % 11 == 0 and digits != "000000000"
