class RefdataError(Exception):
    """A reference file that could not be installed; the message says which and why."""
