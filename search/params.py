"""The one strict reader for numeric request parameters: ASCII digits only.

Python's `str.isdigit()`, `int()` and `float()` accept far more than a visitor types into a
form: superscripts (`²` passes isdigit() but not int() – that was a 500), Arabic-Indic and
other Unicode digits, `1_0`, `1e3`, `inf`, surrounding whitespace. Every numeric parameter of
the API, suggest and the search page goes through these two functions, so all of them accept
and refuse exactly the same spellings.
"""

import re

_INTEGER = re.compile(r"[0-9]{1,7}")
# A decimal as Germans and machines write it: 12, 12.5 or 12,5 (at most 7 + 6 digits).
_DECIMAL = re.compile(r"([0-9]{1,7})(?:[.,]([0-9]{1,6}))?")


def parse_int(text):
    """The value of `text` as a non-negative int, or None when it is not 1-7 ASCII digits."""
    if not isinstance(text, str) or not _INTEGER.fullmatch(text):
        return None
    return int(text)


def parse_decimal(text):
    """The value of `text` ("12", "12.5", "12,5") as a float, or None when it is anything else."""
    if not isinstance(text, str):
        return None
    match = _DECIMAL.fullmatch(text)
    if not match:
        return None
    whole, fraction = match.groups()
    return float(f"{whole}.{fraction or '0'}")
