"""The Dutch citizen service number (BSN) must never be used as a patient reference."""

import re


def looks_like_bsn(value):
    """Nine digits that pass the Dutch 11-proof (elfproef) for a BSN."""
    digits = re.sub(r"[\s.\-]", "", value or "")
    if not re.fullmatch(r"\d{9}", digits):
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1))) - int(digits[8])
    return total % 11 == 0 and digits != "000000000"
