"""Clean-up of text typed or pasted by users."""

import re

# Control characters other than tab and newline never belong in a note, and neither do
# the bidirectional overrides and isolates, which can make text read differently on screen
# than it is stored ("Trojan Source").
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def clean_text(value):
    """Typed text without control or bidi-override characters, every line break a newline."""
    return CONTROL_CHARS.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
