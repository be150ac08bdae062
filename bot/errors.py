"""Errors a user can cause. The CLI prints them as one line and exits with code 2."""


class BarazaError(Exception):
    """A problem the user can fix (bad file, bad config, unknown event...)."""


class InputError(BarazaError):
    """An input file is missing, unreadable or malformed."""


class ConfigError(BarazaError):
    """The configuration file is invalid; the message names the bad key."""
