"""Republic of China (民國) calendar dates for zh-Hant pages; data and exports stay ISO 8601."""

import datetime

ROC_EPOCH_OFFSET = 1911  # 民國元年 = 1912


def roc_year(year: int) -> int:
    """Return the 民國 year for a Gregorian year (1912 → 1)."""
    if year <= ROC_EPOCH_OFFSET:
        raise ValueError(f"{year} is before the Republic of China calendar (1912).")
    return year - ROC_EPOCH_OFFSET


def format_roc_date(value: datetime.date) -> str:
    """`2026-11-23` → `115年11月23日`, the form government pages use."""
    return f"{roc_year(value.year)}年{value.month}月{value.day}日"


def format_roc_date_numeric(value: datetime.date) -> str:
    """`2026-11-23` → `115/11/23`, the compact form used in tables."""
    return f"{roc_year(value.year)}/{value.month:02d}/{value.day:02d}"


def parse_roc_date(text: str) -> datetime.date:
    """Parse `115/11/23`, `115-11-23`, `1151123` or `115年11月23日` back to a date."""
    cleaned = text.strip().replace("年", "/").replace("月", "/").replace("日", "").replace("-", "/")
    if "/" in cleaned:
        parts = cleaned.split("/")
        if len(parts) != 3:
            raise ValueError(f"Not a 民國 date: {text!r}")
        year, month, day = (int(p) for p in parts)
    elif cleaned.isdigit() and len(cleaned) in (6, 7):
        year, month, day = int(cleaned[:-4]), int(cleaned[-4:-2]), int(cleaned[-2:])
    else:
        raise ValueError(f"Not a 民國 date: {text!r}")
    if year < 1:
        raise ValueError(f"Not a 民國 date: {text!r}")
    return datetime.date(year + ROC_EPOCH_OFFSET, month, day)
