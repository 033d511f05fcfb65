"""Every user-facing string of ours reaches the citizen in Chinese: each msgid marked in the code
and templates has a Traditional Chinese translation, in our catalogue or Django's and Wagtail's.

`makemessages` needs GNU gettext and writes files; this reads the same marks (Python calls with a
literal first argument; templates through Django's own `templatize`) and checks them in place.
"""

import ast
import io
import tokenize
from pathlib import Path

import polib
from django.utils import translation
from django.utils.translation.template import templatize

ROOT = Path(__file__).resolve().parents[1]
APPS = ROOT / "civicdesk"
CATALOGUE = ROOT / "locale" / "zh_Hant" / "LC_MESSAGES" / "django.po"
SINGULAR = {"_", "gettext", "gettext_lazy", "gettext_noop"}
CONTEXT = {"pgettext", "pgettext_lazy"}
PLURAL = {"ngettext", "ngettext_lazy"}
CONTEXT_PLURAL = {"npgettext", "npgettext_lazy"}
Mark = tuple[str, str, str]  # (context, msgid, where)


def _product_files(pattern: str) -> list[Path]:
    return [
        path
        for path in sorted(APPS.rglob(pattern))
        if "/tests/" not in path.as_posix() and "/migrations/" not in path.as_posix()
    ]


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def python_marks(source: str, where: str) -> list[Mark]:
    marks = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        first = _literal(node.args[0])
        if name in SINGULAR | PLURAL and first is not None:
            marks.append(("", first, f"{where}:{node.lineno}"))
        elif name in CONTEXT | CONTEXT_PLURAL and len(node.args) >= 2:
            msgid = _literal(node.args[1])
            if first is not None and msgid is not None:
                marks.append((first, msgid, f"{where}:{node.lineno}"))
    return marks


def template_marks(source: str, where: str) -> list[Mark]:
    """The msgids `makemessages` would take from a template, from Django's own `templatize`."""
    # Indentation means nothing in templatize's output; left in, it trips the tokenizer.
    flat = "\n".join(line.lstrip() for line in templatize(source).splitlines())
    tokens = list(tokenize.generate_tokens(io.StringIO(flat).readline))
    marks = []
    for i, token in enumerate(tokens):
        if token.type != tokenize.NAME or token.string not in SINGULAR | CONTEXT | PLURAL:
            continue
        strings = []
        for follower in tokens[i + 2 : i + 8]:
            if follower.type == tokenize.STRING:
                strings.append(ast.literal_eval(follower.string))
            elif follower.string == ")":
                break
        if not strings:
            continue
        if token.string in CONTEXT:
            marks.append((strings[0], strings[1], f"{where}:{token.start[0]}"))
        else:
            marks.append(("", strings[0], f"{where}:{token.start[0]}"))
    return marks


def all_marks() -> list[Mark]:
    marks: list[Mark] = []
    for path in _product_files("*.py"):
        marks += python_marks(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    for path in _product_files("*.html") + _product_files("*.txt"):
        if "/templates/" in path.as_posix():
            text = path.read_text(encoding="utf-8")
            marks += template_marks(text, str(path.relative_to(ROOT)))
    return marks


def test_the_extractor_finds_python_and_template_marks():
    source = 'from x import _\nA = _("Search")\nB = pgettext_lazy("verb", "Open")\nC = f(1)\n'
    assert [m[:2] for m in python_marks(source, "m.py")] == [("", "Search"), ("verb", "Open")]
    template = (
        '{% load i18n %}<p>{% translate "Track a petition" %}</p>'
        "{% blocktranslate with number=n %}Case {{ number }}{% endblocktranslate %}"
    )
    assert [m[1] for m in template_marks(template, "t.html")] == [
        "Track a petition",
        "Case %(number)s",
    ]


def test_every_marked_string_has_a_chinese_translation():
    ours = {(entry.msgctxt or "", entry.msgid) for entry in polib.pofile(str(CATALOGUE))}
    missing = []
    with translation.override("zh-hant"):
        for context, msgid, where in all_marks():
            if (context, msgid) in ours or not msgid.strip():
                continue
            translated = (
                translation.pgettext(context, msgid) if context else translation.gettext(msgid)
            )
            if translated == msgid:
                missing.append(f"{where}: {msgid!r}")
    assert missing == [], f"{len(missing)} strings without a zh_Hant translation:\n" + "\n".join(
        missing[:80]
    )
