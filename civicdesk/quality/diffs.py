"""How two versions of a plan differ (pure rules on their snapshots)."""

from dataclasses import dataclass, field
from typing import Any


@dataclass
class PlanDiff:
    plan_fields: list[str] = field(default_factory=list)
    added: list[dict[str, Any]] = field(default_factory=list)
    removed: list[dict[str, Any]] = field(default_factory=list)
    # (the item as it now stands, the names of the fields that changed)
    changed: list[tuple[dict[str, Any], list[str]]] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.plan_fields or self.added or self.removed or self.changed)


def snapshot_diff(old: dict[str, Any] | None, new: dict[str, Any]) -> PlanDiff:
    """What changed from `old` to `new`; against nothing, every item is added."""
    old = old or {"plan": {}, "items": []}
    diff = PlanDiff()
    diff.plan_fields = (
        [name for name, value in new["plan"].items() if old["plan"].get(name) != value]
        if old["plan"]
        else []
    )
    before = {item["code"]: item for item in old["items"]}
    after = {item["code"]: item for item in new["items"]}
    diff.added = [after[code] for code in after if code not in before]
    diff.removed = [before[code] for code in before if code not in after]
    for code, item in after.items():
        if code in before:
            fields = [k for k, v in item.items() if before[code].get(k) != v]
            if fields:
                diff.changed.append((item, fields))
    return diff
