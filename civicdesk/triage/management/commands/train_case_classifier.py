"""Train the category model from handled cases (weekly; see README, Scheduled jobs)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from civicdesk.triage.services import TriageError, category_model_train


class Command(BaseCommand):
    help = "Learn petition categories from handled cases and make the new model current."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            model = category_model_train()
        except TriageError as exc:
            raise CommandError(str(exc)) from exc
        metrics = model.metrics
        threshold = (
            f"{model.auto_route_threshold:.2f}"
            if model.auto_route_threshold is not None
            else "none"
        )
        self.stdout.write(
            f"model #{model.pk}: {model.case_count} cases, {len(model.labels)} categories, "
            f"{metrics['folds']}-fold accuracy {metrics['accuracy']:.3f}, "
            f"macro-F1 {metrics['macro_f1']:.3f}, auto-routing threshold {threshold}"
        )
