"""User-facing errors: one line, actionable, no traceback."""


class BulletinError(Exception):
    """An error the user can act on; the CLI prints it on one line and exits 1."""
