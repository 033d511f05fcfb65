"""Private file storage: records with personal data (petition attachments) live outside every
public path, and are served only by a view that checks permission and logs the access."""

from django.core.files.storage import FileSystemStorage, Storage, storages

PRIVATE = "private"


class PrivateFileSystemStorage(FileSystemStorage):
    """Files on disk with no public URL: nothing can link to them by accident."""

    def url(self, name: str | None) -> str:
        raise ValueError("Private files have no public URL; serve them through a checked view.")


def private_storage() -> Storage:
    """The storage for files no front server may serve (`STORAGES["private"]`)."""
    return storages[PRIVATE]
