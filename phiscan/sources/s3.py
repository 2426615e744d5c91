"""S3 buckets and S3-compatible stores: `s3://bucket/prefix`.

Read-only: the only calls are ListObjectsV2, ListObjectVersions (on a bucket that
has had versioning), GetObject, the optional bucket-posture reads and GetObjectAcl
(one per object, for its exposure, unless the bucket is public already). Objects are
streamed into memory up to the size limit; nothing is written to disk. Every failure
on one object becomes that object's `error` row; a bucket that cannot be listed makes
the source unavailable.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

import boto3
import botocore.config
import botocore.exceptions

from phiscan.config import Config, ConfigError, S3Config
from phiscan.model import Exposure, ExposureLevel, SourceItem
from phiscan.sources.base import (
    PathFilter,
    SourceReadError,
    SourceReadUnavailable,
    SourceUnavailable,
    read_bounded,
    too_large_reason,
)
from phiscan.sources.posture import SourcePosture

# Objects in these classes must be restored before a GET succeeds.
ARCHIVED_STORAGE_CLASSES = frozenset({"GLACIER", "DEEP_ARCHIVE"})
ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers"
AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"
PUBLIC_GRANTEES = frozenset({ALL_USERS, AUTHENTICATED_USERS})
# An object ACL grant to these is the object's exposure, unless IgnorePublicAcls.
LEVEL_BY_GRANTEE = {ALL_USERS: ExposureLevel.PUBLIC, AUTHENTICATED_USERS: ExposureLevel.BROAD}
PUBLIC_READ_PERMISSIONS = frozenset({"READ", "FULL_CONTROL"})
REASON_BY_CODE = {
    "NoSuchKey": "object deleted since listing",
    "404": "object deleted since listing",
    "PreconditionFailed": "object changed since listing",
    "412": "object changed since listing",
    "AccessDenied": "access denied",
    "403": "access denied",
    "SlowDown": "throttled (503 SlowDown) after retries",
    "503": "service unavailable (503) after retries",
    "InvalidObjectState": "archived object: restore needed",
    "NoSuchBucket": "no such bucket",
}
_SAFE_CODE = re.compile(r"[^A-Za-z0-9.]")
# A noncurrent version's location is its key's with this query; its handle keeps the
# version apart after a NUL, which no key holds (S3 lists keys in XML 1.0).
VERSION_QUERY = "?versionId="
VERSION_SEP = "\x00"


def parse_s3_uri(uri: str) -> tuple[str, str]:
    """(bucket, key prefix) of `s3://bucket/prefix`."""
    rest = uri[len("s3://"):] if uri.lower().startswith("s3://") else uri
    bucket, _, prefix = rest.partition("/")
    if not bucket:
        raise ConfigError("an S3 source needs a bucket: s3://bucket[/prefix]")
    return bucket, prefix


def error_code(exc: botocore.exceptions.ClientError) -> str:
    """The S3 error code, reduced to characters that cannot carry content."""
    error = exc.response.get("Error", {})
    code = str(error.get("Code") or exc.response.get("ResponseMetadata", {}).get(
        "HTTPStatusCode", "unknown"))
    return _SAFE_CODE.sub("", code)[:64]


def safe_reason(exc: Exception) -> str:
    """Our own words for an S3 failure; never the server's message (it may quote a key)."""
    if isinstance(exc, botocore.exceptions.ClientError):
        code = error_code(exc)
        return REASON_BY_CODE.get(code, f"S3 error {code}")
    if isinstance(exc, botocore.exceptions.NoCredentialsError):
        return "no AWS credentials found"
    if isinstance(exc, botocore.exceptions.ConnectionError | botocore.exceptions.HTTPClientError):
        return f"connection failed: {type(exc).__name__}"
    return f"S3 failure: {type(exc).__name__}"


def make_client(s3_config: S3Config, per_file_timeout: float = 0.0) -> Any:
    """A client from the standard credential chain. Retries are botocore's adaptive
    mode; the attempt count comes from AWS_MAX_ATTEMPTS or the profile (default 3).
    A socket wait never outlasts the per-file deadline, which also bounds the whole
    read (retries included) on a worker's main thread."""
    endpoint = s3_config.endpoint_url or None
    read_timeout = s3_config.read_timeout_seconds
    if per_file_timeout > 0:
        read_timeout = min(read_timeout, per_file_timeout)
    client_config = botocore.config.Config(
        retries={"mode": "adaptive"},
        connect_timeout=s3_config.connect_timeout_seconds,
        read_timeout=read_timeout,
        s3={"addressing_style": "path"} if endpoint else None,
        user_agent_extra="phiscan",
    )
    try:
        session = boto3.session.Session(
            profile_name=s3_config.profile or None, region_name=s3_config.region or None,
        )
    except botocore.exceptions.ProfileNotFound:
        raise ConfigError(f"AWS profile not found: {s3_config.profile}") from None
    return session.client("s3", endpoint_url=endpoint, config=client_config)


class S3Source:
    def __init__(self, uri: str, config: Config) -> None:
        self.uri = uri
        self.bucket, self.prefix = parse_s3_uri(uri)
        self.root = f"s3://{self.bucket}/{self.prefix}"
        self.scan_config = config.scan
        self.globs = PathFilter(config.scan.include, config.scan.exclude)
        self.s3_config = config.s3
        self.per_file_timeout = config.limits.per_file_timeout_seconds
        self._client: Any = None
        self._posture: SourcePosture | None = None

    @property
    def client(self) -> Any:
        if self._client is None:
            self._client = make_client(self.s3_config, self.per_file_timeout)
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    @property
    def directory_prefix(self) -> str:
        return self.prefix if not self.prefix or self.prefix.endswith("/") \
            else self.prefix + "/"

    def walk(self) -> Iterator[SourceItem]:
        pages = self.client.get_paginator("list_objects_v2").paginate(
            Bucket=self.bucket, Prefix=self.prefix,
        )
        try:
            for page in pages:
                for entry in page.get("Contents", []):
                    item = self._item(entry)
                    if item is not None:
                        yield item
            if self.s3_config.versions:
                yield from self._older_versions()
        except (botocore.exceptions.BotoCoreError, botocore.exceptions.ClientError) as exc:
            raise SourceUnavailable(f"cannot list {self.root}: {safe_reason(exc)}") from None

    def _older_versions(self) -> Iterator[SourceItem]:
        """Each noncurrent version as its own location, `s3://bucket/key?versionId=V`:
        an overwritten or deleted object's earlier bytes, still readable by anyone who
        may read versions."""
        for kind, entry in self._version_entries():
            if kind == "Versions" and not entry.get("IsLatest"):
                item = self._item(entry, entry.get("VersionId"))
                if item is not None:
                    yield item

    def _version_entries(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """ListObjectVersions' entries under the prefix: (`Versions` or `DeleteMarkers`,
        entry)."""
        pages = self.client.get_paginator("list_object_versions").paginate(
            Bucket=self.bucket, Prefix=self.prefix)
        for page in pages:
            for kind in ("Versions", "DeleteMarkers"):
                for entry in page.get(kind, []):
                    if self._admits(entry["Key"], int(entry.get("Size", 0))):
                        yield kind, entry

    def _admits(self, key: str, size: int) -> bool:
        directory_prefix = self.directory_prefix
        if key != self.prefix and not key.startswith(directory_prefix):
            return False  # `s3://b/exports` must not take in `exports-old/...`
        if key.endswith("/") and size == 0:
            return False  # a console "folder" marker, not a file
        relative = key[len(directory_prefix):] if key.startswith(directory_prefix) else ""
        relative = relative or posixpath.basename(key)
        return self.globs.admits(relative, f"s3://{self.bucket}/{key}")

    def _item(self, entry: dict[str, Any], version: str | None = None) -> SourceItem | None:
        key: str = entry["Key"]
        size = int(entry.get("Size", 0))
        if not self._admits(key, size):
            return None
        storage_class = entry.get("StorageClass", "STANDARD")
        reason = None
        if storage_class in ARCHIVED_STORAGE_CLASSES:
            reason = f"archived storage class {storage_class}: restore needed"
        elif size > self.scan_config.max_file_bytes:
            reason = too_large_reason(size)
        last_modified = entry.get("LastModified")
        location = f"s3://{self.bucket}/{key}"
        return SourceItem(
            location=f"{location}{VERSION_QUERY}{version}" if version else location,
            size=size,
            modified=last_modified.timestamp() if last_modified else 0.0,
            etag=str(entry.get("ETag", "")).strip('"') or None,
            skip_reason=reason,
            root=self.root,
            # The version apart from the key: a key may itself hold `?versionId=`.
            ref=f"{location}{VERSION_SEP}{version}" if version else "",
            exposure=self.exposure(key, version),
        )

    def exposure(self, key: str, version: str | None = None) -> Exposure:
        """Public when the bucket is (its policy or ACL, as the posture reads them) or
        the object's ACL grants AllUsers read; broad when it grants AuthenticatedUsers
        (any AWS account); else the bucket posture's level: `restricted` for a bucket
        that is not public (IAM policies are not read), `unknown` when the posture
        could not be read. An ACL that cannot be read is `unknown` with the reason."""
        posture = self._posture or self.posture()
        if posture.publicly_readable:
            return Exposure(ExposureLevel.PUBLIC, posture_principals(posture.facts))
        try:
            acl = self.client.get_object_acl(Bucket=self.bucket, Key=key,
                                             **({"VersionId": version} if version else {}))
        except (botocore.exceptions.BotoCoreError, botocore.exceptions.ClientError) as exc:
            return Exposure(ExposureLevel.UNKNOWN, (),
                            f"object ACL not readable: {safe_reason(exc)}")
        return object_exposure(acl, posture)

    def read(self, item: SourceItem, max_bytes: int) -> bytes:
        location, _, version = item.handle.partition(VERSION_SEP)
        key = location[len(f"s3://{self.bucket}/"):]
        request: dict[str, Any] = {"Bucket": self.bucket, "Key": key}
        if version:
            request["VersionId"] = version
        if item.etag:
            # The bytes scanned are the bytes listed: a rewrite in between is an error row.
            request["IfMatch"] = f'"{item.etag}"'
        try:
            body = self.client.get_object(**request)["Body"]
            try:
                return read_bounded(body.read, max_bytes + 1)
            finally:
                body.close()
        except botocore.exceptions.ClientError as exc:
            if safe_reason(exc) == "access denied" and not self._bucket_still_listable():
                raise SourceReadUnavailable("bucket access revoked") from None
            raise SourceReadError(safe_reason(exc)) from None
        except botocore.exceptions.BotoCoreError as exc:
            raise SourceReadError(safe_reason(exc)) from None
        except OSError as exc:  # a reset while streaming the body, below botocore
            raise SourceReadError(f"connection failed: {type(exc).__name__}") from None

    def _bucket_still_listable(self) -> bool:
        """One object denied is that object's ACL; the listing the walk used denied too
        means access to the bucket was revoked mid-scan (the run is then incomplete)."""
        try:
            self.client.list_objects_v2(Bucket=self.bucket, MaxKeys=1)
        except (botocore.exceptions.BotoCoreError, botocore.exceptions.ClientError):
            return False
        return True

    def posture(self) -> SourcePosture:
        """Public access block, policy status, ACL, default encryption, versioning.
        Each read the caller may not make becomes a note, never a failure."""
        facts: dict[str, object] = {}
        notes: list[str] = []
        reads = {
            "public_access_block": self._public_access_block,
            "policy_is_public": self._policy_is_public,
            "acl_grants_public_read": self._acl_grants_public_read,
            "default_encryption": self._default_encryption,
            "versioning": self._versioning,
            "object_versions": self._object_versions,
        }
        for name, read in reads.items():
            try:
                facts[name] = read(facts) if name == "object_versions" else read()
            except (botocore.exceptions.BotoCoreError, botocore.exceptions.ClientError) as exc:
                facts[name] = None
                notes.append(f"{name}: not known ({safe_reason(exc)})")
        self._posture = SourcePosture(self.root, publicly_readable(facts), facts, notes)
        return self._posture

    def _public_access_block(self) -> dict[str, bool]:
        try:
            response = self.client.get_public_access_block(Bucket=self.bucket)
        except botocore.exceptions.ClientError as exc:
            if error_code(exc) == "NoSuchPublicAccessBlockConfiguration":
                return {}
            raise
        return {name: bool(value) for name, value in
                response.get("PublicAccessBlockConfiguration", {}).items()}

    def _policy_is_public(self) -> bool:
        try:
            response = self.client.get_bucket_policy_status(Bucket=self.bucket)
        except botocore.exceptions.ClientError as exc:
            if error_code(exc) == "NoSuchBucketPolicy":
                return False
            raise
        return bool(response.get("PolicyStatus", {}).get("IsPublic"))

    def _acl_grants_public_read(self) -> bool:
        grants = self.client.get_bucket_acl(Bucket=self.bucket).get("Grants", [])
        return any(grant.get("Grantee", {}).get("URI") in PUBLIC_GRANTEES
                   and grant.get("Permission") in PUBLIC_READ_PERMISSIONS for grant in grants)

    def _default_encryption(self) -> str:
        try:
            response = self.client.get_bucket_encryption(Bucket=self.bucket)
        except botocore.exceptions.ClientError as exc:
            if error_code(exc) == "ServerSideEncryptionConfigurationNotFoundError":
                return "none"
            raise
        rules = response.get("ServerSideEncryptionConfiguration", {}).get("Rules", [])
        algorithms = sorted({
            rule.get("ApplyServerSideEncryptionByDefault", {}).get("SSEAlgorithm", "")
            for rule in rules
        } - {""})
        return ",".join(algorithms) or "none"

    def _versioning(self) -> str:
        status = self.client.get_bucket_versioning(Bucket=self.bucket).get("Status")
        return str(status) if status else "never enabled"

    def _object_versions(self, facts: dict[str, object]) -> dict[str, object]:
        """Under the prefix, the noncurrent versions (an overwritten or deleted object's
        earlier bytes) and delete markers, and whether this scan reads the versions
        ([s3] versions). A bucket never versioned has none and is not listed again."""
        if facts.get("versioning") == "never enabled":
            older, markers = 0, 0
        else:
            kinds = Counter(kind if kind == "DeleteMarkers" or not entry.get("IsLatest")
                            else "current" for kind, entry in self._version_entries())
            older, markers = kinds["Versions"], kinds["DeleteMarkers"]
        return {"noncurrent": older, "delete_markers": markers,
                "read": self.s3_config.versions}


def publicly_readable(facts: dict[str, object]) -> bool | None:
    """Public through the policy or the ACL, unless the public access block cancels it."""
    block = facts.get("public_access_block")
    block = block if isinstance(block, dict) else {}
    exposures = (
        (facts.get("policy_is_public"), block.get("RestrictPublicBuckets", False)),
        (facts.get("acl_grants_public_read"), block.get("IgnorePublicAcls", False)),
    )
    if any(public and not blocked for public, blocked in exposures):
        return True
    if any(public is None and not blocked for public, blocked in exposures):
        return None
    return False


def posture_principals(facts: dict[str, object]) -> tuple[str, ...]:
    """What makes a bucket public, as exposure principals."""
    block = facts.get("public_access_block")
    block = block if isinstance(block, dict) else {}
    principals = []
    if facts.get("policy_is_public") and not block.get("RestrictPublicBuckets", False):
        principals.append("bucket policy: public")
    if facts.get("acl_grants_public_read") and not block.get("IgnorePublicAcls", False):
        principals.append("bucket ACL: public read")
    return tuple(principals)


def object_exposure(acl: dict[str, Any], posture: SourcePosture) -> Exposure:
    """The exposure an object's ACL gives in a bucket that is not public itself."""
    block = posture.facts.get("public_access_block")
    ignore_public = isinstance(block, dict) and block.get("IgnorePublicAcls", False)
    owner = acl.get("Owner", {})
    owner_id = owner.get("ID")
    levels: list[ExposureLevel] = []
    principals: list[str] = []
    for grant in acl.get("Grants", []):
        if grant.get("Permission") not in PUBLIC_READ_PERMISSIONS:
            continue
        grantee = grant.get("Grantee", {})
        uri = grantee.get("URI")
        if uri in LEVEL_BY_GRANTEE:
            if not ignore_public:
                levels.append(LEVEL_BY_GRANTEE[uri])
                principals.append(uri.rsplit("/", 1)[-1])
        elif uri:
            levels.append(ExposureLevel.GROUP)
            principals.append(f"group:{uri.rsplit('/', 1)[-1]}")
        else:
            account = grantee.get("DisplayName") or grantee.get("ID") or \
                grantee.get("EmailAddress") or "unknown"
            owned = grantee.get("ID") == owner_id
            levels.append(ExposureLevel.RESTRICTED if owned else ExposureLevel.GROUP)
            principals.append(f"{'owner' if owned else 'account'}:{account}")
    for level in (ExposureLevel.PUBLIC, ExposureLevel.BROAD, ExposureLevel.GROUP):
        if level in levels:
            return Exposure(level, tuple(principals))
    if posture.publicly_readable is None:
        return Exposure(ExposureLevel.UNKNOWN, tuple(principals),
                        "bucket posture not known: " + "; ".join(posture.notes))
    return Exposure(ExposureLevel.RESTRICTED, tuple(principals))
