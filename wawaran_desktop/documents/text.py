"""Text helpers shared by the Word and Excel writers.

:func:`xml_safe` makes any stored text writable: Word (``.docx``) and Excel (``.xlsx``) files
are XML, which cannot hold most control characters. An older database may still hold one
(a vertical tab pasted from Word into a stop note, say); the export must not fail on it.
"""

from __future__ import annotations

import re

#: Characters XML 1.0 cannot hold: C0 controls other than tab, line feed and carriage return,
#: lone surrogates (unencodable as UTF-8), and the non-characters U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SMALL_WORDS = {"dan", "di", "ke", "dari", "untuk", "atau", "pada"}


def xml_safe(text: str) -> str:
    """``text`` without the characters an XML document cannot hold (everything else kept)."""
    return _NOT_XML.sub("", text) if _NOT_XML.search(text) else text


def xml_safe_value(value):
    """:func:`xml_safe` for strings; any other value (number, date, None) as it is."""
    return xml_safe(value) if isinstance(value, str) else value


def plain_title(text: str) -> str:
    """``DINAS KOMUNIKASI DAN INFORMATIKA`` -> ``Dinas Komunikasi dan Informatika``."""
    words = text.split()
    return " ".join(w.lower() if i and w.lower() in _SMALL_WORDS else w.capitalize() for i, w in enumerate(words))


def office_name(government: str, office: str, city: str = "") -> str:
    """The office as an author: ``Dinas Komunikasi dan Informatika Kota Tangerang``.

    The region comes from the kop's government line ("PEMERINTAH KOTA TANGERANG"), else
    from the city of the profile.
    """
    region = re.sub(r"^\s*pemerintah(an)?\s+", "", government or "", flags=re.IGNORECASE).strip()
    region = plain_title(region) if region else plain_title(city or "")
    return " ".join(part for part in (plain_title(office or ""), region) if part)


def paragraphs_of(text: str) -> list[str]:
    """Paragraphs of a typed text: blank lines separate them, single line breaks stay lines."""
    blocks = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n")]
    return [block for block in blocks if block]
