"""Masking personal data for lists and redacted views (個資法: collect little, show less)."""

REDACTED = "＊＊＊"


def mask_name(name: str) -> str:
    """王小明 → 王○明; 王明 → 王○; John Smith → J*** S***."""
    name = name.strip()
    if not name:
        return ""
    if name.isascii():
        return " ".join(part[0] + "***" for part in name.split())
    if len(name) <= 2:
        return name[0] + "○"
    return name[0] + "○" * (len(name) - 2) + name[-1]


def mask_phone(phone: str) -> str:
    digits = [c for c in phone if c.isdigit()]
    if len(digits) < 6:
        return "***" if phone else ""
    return "".join(digits[:4]) + "***" + "".join(digits[-3:])


def mask_email(email: str) -> str:
    local, at, domain = email.partition("@")
    if not at:
        return "***" if email else ""
    return f"{local[:1]}***@{domain}"
