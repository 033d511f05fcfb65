"""The petition module's refusal, raised by its services and caught by any interface that calls
them (including other apps'): the one place to import it from."""


class CaseError(ValueError):
    """A request that the rules refuse; the message is shown to the person who made it."""
