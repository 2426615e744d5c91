"""E-mail headers parsed once per message (`ReadOncePolicy`): the e-mail extractor gives
exactly what it gives with the standard library's default policy, on messages of
every shape it meets (the breach corpus's, raw 8-bit and encoded headers, attached
messages, odd and missing MIME headers, damaged structure)."""

from __future__ import annotations

from email import policy
from email.message import EmailMessage

import pytest

from bench.corpus import breach_corpus
from phiscan.config import LimitsConfig
from phiscan.extract import ExtractContext, ExtractionError, mail, run_extractor
from tests.share_builder import eml_bytes
from tests.test_unicode_input import raw_body_email, raw_header_email


def attached_message() -> bytes:
    inner = EmailMessage()
    inner["From"] = "Nurse Jane Smith <jane@example.org>"
    inner["Subject"] = "=?utf-8?q?Visite_=C3=A0_domicile?="
    inner.set_content("Key safe code 4821 for Mrs Ada Lovelace.")
    inner.add_alternative("<p>Key safe <b>4821</b></p>", subtype="html")
    outer = EmailMessage()
    outer["From"] = '"Smith, John" <john@example.org>; Mary Jones <mary@example.org>'
    outer["To"] = "=?iso-8859-1?q?Zo=EB_Bront=EB?= <zoe@example.org>"
    outer["Cc"] = "undisclosed-recipients:;"
    outer.set_content("see attached")
    outer.add_attachment(b"id,name\n1,Ada\n", maintype="text", subtype="csv",
                         filename="caseload.csv")
    outer.add_attachment(b"\x00\x01", maintype="application", subtype="octet-stream",
                         filename="=?utf-8?b?w6kuYmlu?=")
    outer.add_attachment(inner)
    return outer.as_bytes()


RAW = [
    # MIME headers written by hand: comments, odd case and spacing, folded parameters,
    # RFC 2231 file names, a part with a name but no disposition, a bad boundary.
    b"From: a@example.org\r\nMIME-Version: 1.0\r\nContent-Type: MULTIPART/Mixed (x);\r\n"
    b" boundary = \"b1\"\r\n\r\npreamble\r\n--b1\r\n"
    b"Content-Type: text/plain; charset=\"latin-1\"\r\n"
    b"\r\nCaf\xe9 visit, NHS 943 476 5919\r\n--b1\r\nContent-Type: application/pdf;"
    b" name=\"scan.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0x\r\n--b1\r\n"
    b"Content-Type: text/csv\r\nContent-Disposition: attachment;\r\n"
    b" filename*=utf-8''%C3%A9t%C3%A9.csv"
    b"\r\n\r\na,b\r\n--b1--\r\n",
    b"From: a@example.org\r\nContent-Type: multipart/mixed; boundary=\"never\"\r\n\r\nno parts\r\n",
    b"From: a@example.org\r\nContent-Type: text/html; charset=unknown-8bit\r\n\r\n<p>Jane</p>\r\n",
    b"Subject: only a subject\r\nContent-Type: ; ;\r\nContent-Disposition: inline; filename=x.txt"
    b"\r\n\r\nbody\r\n",
    b"To: \xff\xfe <x@example.org>\r\nContent-Type: message/rfc822\r\n\r\nFrom: b@example.org\r\n"
    b"\r\ninner body\r\n",
    b"this line is not a header\nnor is this one\n",
]


def messages() -> list[bytes]:
    corpus = [corpus_file.data for corpus_file in breach_corpus("breach")(seed=5, files=200)
              if corpus_file.path.endswith(".eml")]
    assert len(corpus) > 10
    return [*corpus, eml_bytes(), raw_header_email(), raw_body_email(), attached_message(),
            *RAW]


def pieces(data: bytes, depth: int = 0) -> list:
    ctx = ExtractContext.for_file("message.eml", LimitsConfig())
    ctx.depth = depth
    try:
        return list(run_extractor("eml", data, ctx))
    except ExtractionError as exc:
        return [("error", str(exc))]


@pytest.mark.parametrize("depth", [0, 3])
def test_read_once_policy_gives_what_the_default_policy_gives(monkeypatch, depth):
    data = messages()
    read_once = [pieces(message, depth) for message in data]
    monkeypatch.setattr(mail, "ReadOncePolicy", lambda: policy.default)
    assert read_once == [pieces(message, depth) for message in data]
    assert sum(len(found) for found in read_once) > 2 * len(data)


def test_each_message_parses_its_headers_once():
    parsed: list[tuple[str, str]] = []
    read_once = mail.ReadOncePolicy()
    original = policy.default.header_factory

    class Counting:
        def __call__(self, name, value):
            parsed.append((name, value))
            return original(name, value)

    object.__setattr__(read_once, "header_factory", Counting())
    message = mail.email.message_from_bytes(attached_message(), policy=read_once)
    for _ in range(3):
        list(mail.walk_parts(message))
        [mail.is_attachment(part) for part in mail.walk_parts(message)]
    assert len(parsed) == len(set(parsed))
    assert mail.ReadOncePolicy()._parsed == {}  # a new message starts with nothing
