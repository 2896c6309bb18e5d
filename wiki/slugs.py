from django.utils.text import slugify

_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})


def german_slug(text):
    """Slug as Germans spell umlauts in URLs (Lüdenscheid → luedenscheid, not ludenscheid)."""
    return slugify(text.translate(_GERMAN))
