"""Writes to the work plan, its progress and evidence, and award applications."""

from civicdesk.quality.services.awards import (
    award_document_add,
    award_document_remove,
    award_save,
)
from civicdesk.quality.services.lifecycle import workplan_adopt, workplan_copy
from civicdesk.quality.services.plan import (
    ALL_UNITS,
    WorkPlanError,
    workplan_delete,
    workplan_import,
    workplan_import_file,
    workplan_item_delete,
    workplan_item_save,
    workplan_save,
)
from civicdesk.quality.services.progress import (
    evidence_file_add,
    evidence_file_remove,
    evidence_link_add,
    evidence_link_remove,
    progress_reopen,
    progress_save,
    progress_submit,
)
from civicdesk.quality.services.reminders import award_remind, progress_remind
from civicdesk.quality.services.revisions import revision_record

__all__ = [
    "ALL_UNITS",
    "WorkPlanError",
    "award_document_add",
    "award_document_remove",
    "award_remind",
    "award_save",
    "evidence_file_add",
    "evidence_file_remove",
    "evidence_link_add",
    "evidence_link_remove",
    "progress_remind",
    "progress_reopen",
    "progress_save",
    "progress_submit",
    "revision_record",
    "workplan_adopt",
    "workplan_copy",
    "workplan_delete",
    "workplan_import",
    "workplan_import_file",
    "workplan_item_delete",
    "workplan_item_save",
    "workplan_save",
]
