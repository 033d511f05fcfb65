"""Every write of the courtesy test, one module per concept."""

from civicdesk.courtesy.services.calls import call_record, call_update, item_field
from civicdesk.courtesy.services.improvement import improvement_file, improvement_remind
from civicdesk.courtesy.services.rounds import round_complete, round_save, round_start
from civicdesk.courtesy.services.rubrics import (
    rubric_default_ensure,
    rubric_delete,
    rubric_is_locked,
    rubric_item_delete,
    rubric_item_save,
    rubric_load,
    rubric_revise,
    rubric_save,
    rubric_section_delete,
    rubric_section_save,
)

__all__ = [
    "call_record",
    "call_update",
    "improvement_file",
    "improvement_remind",
    "item_field",
    "round_complete",
    "round_save",
    "round_start",
    "rubric_default_ensure",
    "rubric_delete",
    "rubric_is_locked",
    "rubric_item_delete",
    "rubric_item_save",
    "rubric_load",
    "rubric_revise",
    "rubric_save",
    "rubric_section_delete",
    "rubric_section_save",
]
