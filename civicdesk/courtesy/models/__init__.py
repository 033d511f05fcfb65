"""Telephone courtesy tests (電話服務品質及禮貌測試, seed plan 一(三)4): rubrics, rounds, calls."""

from civicdesk.courtesy.models.calls import CallScore, TestCall
from civicdesk.courtesy.models.rounds import CourtesyEvent, ImprovementReport, RoundUnit, TestRound
from civicdesk.courtesy.models.rubric import Rubric, RubricItem, RubricSection

__all__ = [
    "CallScore",
    "CourtesyEvent",
    "ImprovementReport",
    "RoundUnit",
    "Rubric",
    "RubricItem",
    "RubricSection",
    "TestCall",
    "TestRound",
]
