"""Taiwanese telephone numbers as people type them: checked and put in one written form (pure).

The numbering follows the NCC's plan (電信號碼): mobile 09 + 8 digits, toll-free 0800 + 6,
landlines an area code (02 … 089, 0826, 0836) and a local number whose length the area fixes.
"""

import re
import unicodedata

# Area code → lengths of the local number. A longer code is tried before its prefix (049
# before 04); local numbers never start with 0.
AREA_CODES: dict[str, tuple[int, ...]] = {
    "02": (8,),  # Taipei, New Taipei, Keelung
    "03": (7,),  # Taoyuan, Hsinchu, Yilan, Hualien
    "037": (6,),  # Miaoli
    "04": (7, 8),  # Changhua (7), Taichung (8)
    "049": (7,),  # Nantou
    "05": (7,),  # Chiayi, Yunlin
    "06": (7,),  # Tainan, Penghu
    "07": (7,),  # Kaohsiung
    "08": (7,),  # Pingtung
    "082": (6,),  # Kinmen
    "0826": (5,),  # Wuqiu
    "0836": (5,),  # Matsu
    "089": (6,),  # Taitung
}
_AREAS_LONGEST_FIRST = sorted(AREA_CODES, key=len, reverse=True)

_DASHES = "‐‑‒–—―−ー"
_EXTENSION_RE = re.compile(r"(?:#|分機|轉|ext\.?|extension|x)\s*:?\s*([0-9]{1,6})$", re.IGNORECASE)
_LONGEST = 60  # far beyond any number with an extension; keeps the matching cheap
_NUMBER_RE = re.compile(r"\+?[0-9\s().-]+")


class InvalidPhone(ValueError):
    """Not a Taiwanese phone number."""


def normalise_phone(text: str) -> str:
    """The number written one way: 0912-345-678, 07-123-4567, 02-2345-6789, 0800-123-456,
    with an extension as #123. Full-width digits and punctuation, +886 and any separators are
    accepted; anything else raises `InvalidPhone`."""
    text = unicodedata.normalize("NFKC", text).strip()
    if len(text) > _LONGEST:
        raise InvalidPhone(text[:_LONGEST])
    for dash in _DASHES:
        text = text.replace(dash, "-")
    extension = ""
    match = _EXTENSION_RE.search(text)
    if match:
        extension, text = match.group(1), text[: match.start()].rstrip(" ,;")
    if not _NUMBER_RE.fullmatch(text):
        raise InvalidPhone(text)
    digits = "".join(c for c in text if c in "0123456789")
    if text.startswith("+") or digits.startswith("886"):
        if not digits.startswith("886"):
            raise InvalidPhone(text)
        digits = "0" + digits[3:].removeprefix("0")
    written = _written(digits)
    return f"{written}#{extension}" if extension else written


def is_phone(text: str) -> bool:
    try:
        normalise_phone(text)
    except InvalidPhone:
        return False
    return True


def _written(digits: str) -> str:
    if re.fullmatch(r"09\d{8}", digits):
        return f"{digits[:4]}-{digits[4:7]}-{digits[7:]}"
    if re.fullmatch(r"0800\d{6}", digits):
        return f"{digits[:4]}-{digits[4:7]}-{digits[7:]}"
    for area in _AREAS_LONGEST_FIRST:
        local = digits.removeprefix(area)
        if digits.startswith(area) and len(local) in AREA_CODES[area] and local[0] != "0":
            return f"{area}-{_grouped(local)}"
    raise InvalidPhone(digits)


def _grouped(local: str) -> str:
    """2345-6789, 123-4567, 312-345; five digits stay together."""
    if len(local) == 5:
        return local
    return f"{local[:-4]}-{local[-4:]}" if len(local) > 6 else f"{local[:3]}-{local[3:]}"
