"""Background tasks of triage (django-tasks)."""

from django_tasks import task

from civicdesk.triage.services import TriageError, case_category_suggest, category_model_train


@task()
def case_triage_task(case_id: int) -> str:
    suggestion = case_category_suggest(case_id=case_id)
    return suggestion.category.code if suggestion else ""


@task()
def category_model_train_task() -> int | None:
    """Weekly (see README, Scheduled jobs), and when a coordinator asks for it."""
    try:
        return category_model_train().pk
    except TriageError:
        return None
