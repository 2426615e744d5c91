"""A malformed S3 endpoint URL is configuration (exit 2, a plain message), refused before
an output folder or a run exists: botocore's ValueError was an internal error (exit 1)
after the run had begun, left `interrupted`."""

from __future__ import annotations

import pytest

from tests.cli import run_cli


@pytest.mark.parametrize("endpoint", ["127.0.0.1:5015", "notaurl", "ftp://host:21",
                                      "http://:9000", "http://host:port",
                                      "http://[::1"])
def test_a_malformed_endpoint_option_is_a_configuration_error(endpoint, tmp_path):
    out = tmp_path / "out"
    result = run_cli("scan", "s3://any-bucket", "--out", str(out), "--endpoint-url", endpoint)

    assert result.returncode == 2, result.stderr
    assert "--endpoint-url / [s3] endpoint_url must be a URL" in " ".join(result.stderr.split())
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()  # no folder, no run to leave interrupted


def test_a_malformed_endpoint_in_the_config_file_is_a_configuration_error(tmp_path):
    config = tmp_path / "phiscan.toml"
    config.write_text('[s3]\nendpoint_url = "key:secret@127.0.0.1:5015"\n')
    out = tmp_path / "out"
    result = run_cli("scan", "s3://any-bucket", "--out", str(out), "--config", str(config))

    message = " ".join(result.stderr.split())
    assert result.returncode == 2, result.stderr
    assert "[s3] endpoint_url must be a URL" in message and "'127.0.0.1:5015'" in message
    assert "secret" not in message  # user info is never echoed
    assert not out.exists()


@pytest.mark.parametrize("config_file", [False, True])
def test_user_info_in_an_endpoint_is_refused_unechoed(config_file, tmp_path):
    endpoint = "http://AKIAEXAMPLE7:s3cr3tvalue@minio:9000"
    out = tmp_path / "out"
    if config_file:
        config = tmp_path / "phiscan.toml"
        config.write_text(f'[s3]\nendpoint_url = "{endpoint}"\n')
        config.chmod(0o600)
        options = ("--config", str(config))
    else:
        options = ("--endpoint-url", endpoint)
    result = run_cli("scan", "s3://any-bucket", "--out", str(out), *options)

    message = " ".join(result.stderr.split())
    assert result.returncode == 2, result.stderr
    assert "endpoint_url must not hold user info" in message and "'minio:9000'" in message
    assert "AKIAEXAMPLE7" not in message and "s3cr3tvalue" not in message
    assert not out.exists()  # never stored in runs.options.connections


def test_a_well_formed_endpoint_is_accepted(tmp_path):
    from phiscan.config import check_endpoint_url

    for endpoint in ("http://127.0.0.1:5015", "https://s3.example.org", "http://[::1]:9000/"):
        check_endpoint_url(endpoint, "--endpoint-url")
