"""Sources by URI scheme. A new source is one module plus one line here."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from phiscan.config import Config, ConfigError
from phiscan.sources.base import Source, SourceReadError, matches_globs

SourceFactory = Callable[[str, Config], Source]


def _local(uri: str, config: Config) -> Source:
    from phiscan.sources.local import LocalSource

    return LocalSource(uri, config)


def _s3(uri: str, config: Config) -> Source:
    from phiscan.sources.s3 import S3Source

    return S3Source(uri, config)


def _smb(uri: str, config: Config) -> Source:
    from phiscan.sources.smb import SmbSource

    return SmbSource(uri, config)


SOURCES_BY_SCHEME: dict[str, SourceFactory] = {
    "": _local,
    "file": _local,
    "s3": _s3,
    "smb": _smb,
}


def _check_s3(uri: str) -> None:
    from phiscan.sources.s3 import parse_s3_uri

    parse_s3_uri(uri)


def _check_smb(uri: str) -> None:
    from phiscan.sources.smb import parse_smb_uri

    parse_smb_uri(uri)


# What can be refused from the URI alone, before an output folder or a run exists.
URI_CHECKS: dict[str, Callable[[str], None]] = {"s3": _check_s3, "smb": _check_smb}


def scheme_of(uri: str) -> str:
    return uri.split("://", 1)[0].lower() if "://" in uri else ""


def check_source_uri(uri: str) -> None:
    """Raise ConfigError for a URI no source can take (unknown scheme, an S3 URI without
    a bucket, an SMB URI with a password), so nothing is created or stored for it."""
    scheme = scheme_of(uri)
    if scheme not in SOURCES_BY_SCHEME:
        raise ConfigError(f"unsupported source scheme: {scheme}://")
    check = URI_CHECKS.get(scheme)
    if check is not None:
        check(uri)


# The settings a remote source connects with that are no secret (never a user, password
# or key): recorded with each run, so a later `individuals --reveal` re-opens the source
# where the scan read it, not at a default endpoint or port.
CONNECTION_SETTINGS: dict[str, tuple[str, ...]] = {
    "s3": ("endpoint_url", "region"),
    "smb": ("port", "require_signing", "encrypt"),
}


def connection_settings(uri: str, config: Config) -> dict:
    """The source's recorded connection settings, as `config` gives them ({} for local)."""
    scheme = scheme_of(uri)
    names = CONNECTION_SETTINGS.get(scheme, ())
    return {name: getattr(getattr(config, scheme), name) for name in names}


def with_connection_settings(config: Config, uri: str, settings: dict) -> Config:
    """`config` with a run's recorded settings for `uri` in place of its own."""
    scheme = scheme_of(uri)
    known = {name: value for name, value in settings.items()
             if name in CONNECTION_SETTINGS.get(scheme, ())}
    if not known:
        return config
    section = dataclasses.replace(getattr(config, scheme), **known)
    return dataclasses.replace(config, **{scheme: section})


def open_source(uri: str, config: Config) -> Source:
    check_source_uri(uri)
    return SOURCES_BY_SCHEME[scheme_of(uri)](uri, config)


__all__ = ["Source", "SourceReadError", "check_source_uri", "connection_settings",
           "matches_globs", "open_source", "with_connection_settings", "SOURCES_BY_SCHEME"]
