"""The annual service-quality work plan (提升服務品質工作計畫): items, versions, progress and
its evidence, and award applications."""

from civicdesk.quality.models.awards import AwardApplication, AwardDocument
from civicdesk.quality.models.plan import WorkPlan, WorkPlanItem
from civicdesk.quality.models.progress import EvidenceFile, EvidenceLink, ProgressReport
from civicdesk.quality.models.revisions import PlanEvent, PlanRevision

__all__ = [
    "AwardApplication",
    "AwardDocument",
    "EvidenceFile",
    "EvidenceLink",
    "PlanEvent",
    "PlanRevision",
    "ProgressReport",
    "WorkPlan",
    "WorkPlanItem",
]
