"""House rules the code itself must keep (ARCHITECTURE.md): interfaces never write to the ORM
(services do), and no product module grows past 400 lines."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APPS = ROOT / "civicdesk"
MAX_LINES = 400

# Interface modules: they parse input, check permission, call one service or selector, render.
INTERFACE_NAMES = {
    "views.py",
    "viewsets.py",
    "wagtail_hooks.py",
    "case_hooks.py",
    "forms.py",
    "urls.py",
    "tasks.py",
}
# Every module of an app's staff side (staff/: views, urls, forms, viewsets, documents, …).
INTERFACE_DIRS = ("staff", "management/commands", "templatetags")
ALWAYS_WRITES = {"save", "delete", "create", "bulk_create", "bulk_update", "get_or_create"}
ALWAYS_WRITES |= {"update_or_create"}
QUERYSET_WRITES = {"update", "delete"}
# Receivers that are not the ORM: the cache, the session, file storages.
NOT_ORM = ("cache", "caches", "request.session", "self.request.session", "storage")


def _receiver(node: ast.AST) -> str:
    return ast.unparse(node)


def orm_writes(source: str) -> list[str]:
    """The ORM writes in a module's source: `x.save()`, `M.objects.create()`, `qs.update()`…"""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        name, receiver = node.func.attr, _receiver(node.func.value)
        if receiver.startswith(NOT_ORM) or receiver.endswith("storage"):
            continue
        is_queryset = ".objects" in receiver or "filter(" in receiver or "exclude(" in receiver
        if name in ALWAYS_WRITES or (name in QUERYSET_WRITES and is_queryset):
            found.append(f"line {node.lineno}: {receiver}.{name}()")
    return found


def is_interface(path: Path) -> bool:
    relative = path.relative_to(APPS).as_posix()
    if "/tests/" in f"/{relative}" or "/migrations/" in relative:
        return False
    return (
        path.name in INTERFACE_NAMES
        or any(f"/{d}/" in f"/{relative}" for d in INTERFACE_DIRS)
        or (relative.startswith("api/") and path.name != "selectors.py")
    )


def product_modules() -> list[Path]:
    return [
        p
        for p in sorted(APPS.rglob("*.py"))
        if "/tests/" not in p.as_posix() and "/migrations/" not in p.as_posix()
    ]


def test_the_write_detector_finds_what_it_must():
    assert orm_writes("Case.objects.create(subject='x')") == ["line 1: Case.objects.create()"]
    assert orm_writes("case.save(update_fields=['state'])")
    assert orm_writes("Case.objects.filter(pk=1).update(state='closed')")
    assert orm_writes("form.save()")
    assert orm_writes("cache.set('k', 1); request.session.save(); context.update(x=1)") == []


@pytest.mark.parametrize(
    "path",
    [p for p in product_modules() if is_interface(p)],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_interfaces_leave_writes_to_services(path):
    assert orm_writes(path.read_text(encoding="utf-8")) == [], (
        f"{path.relative_to(ROOT)} writes to the ORM; call the owning app's service instead"
    )


def test_no_product_module_is_over_400_lines():
    long = {
        str(p.relative_to(ROOT)): n
        for p in product_modules()
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}, f"split these by concept: {long}"
