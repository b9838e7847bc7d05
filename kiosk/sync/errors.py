"""Why a hub cannot be used, each as one clear line; the kiosk keeps working offline."""

from __future__ import annotations


class HubError(Exception):
    """The hub cannot be used right now; the message is for people, on one line."""


class HubUnreachable(HubError):
    """No answer: host down, network cut, folder not mounted. Retried on the next sync."""


class HubRefused(HubError):
    """The hub answered but will not let us in or do this (credentials, privileges)."""


class HubNotReady(HubError):
    """Not a kiosk hub yet (never initialised) or no event published to it."""


class HubMismatch(HubError):
    """The hub serves another event than this kiosk."""


class CorruptBundle(HubError):
    """A sync file is half-written or damaged; it is reported and skipped, never used in part."""
