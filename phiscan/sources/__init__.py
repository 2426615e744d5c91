"""Sources by URI scheme. A new source is one module plus one line here."""

from __future__ import annotations

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


def open_source(uri: str, config: Config) -> Source:
    scheme = uri.split("://", 1)[0].lower() if "://" in uri else ""
    factory = SOURCES_BY_SCHEME.get(scheme)
    if factory is None:
        raise ConfigError(f"unsupported source scheme: {scheme}://")
    return factory(uri, config)


__all__ = ["Source", "SourceReadError", "matches_globs", "open_source", "SOURCES_BY_SCHEME"]
