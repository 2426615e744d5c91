"""Health language on real public text, through `phiscan scan` (issue 14).

    .venv/bin/python bench/health_language.py --clinical DIR --news DIR --part heldout

Two corpora nobody on the project wrote:
- clinical: medical transcription samples (mtsamples.com, as packed by
  CogStack/CogStack-Pipeline `examples/rawdata/mtsamples-txt-small.tgz`, 259 notes);
  each note's text after the website's header (`-----`);
- news: BBC News articles (ZitRos/news-articles-dataset `news/*/*.txt`, 2,095
  articles in five sections), the non-health decoys.

Each corpus is split in two by a hash of the file name: `tune` (looked at while
choosing vocabulary filters and the context rules) and `heldout` (only ever
measured). The files of the part are copied into a share, scanned by the CLI
(`phiscan scan`, default configuration), and the inventory is read back:

- clinical notes with a health finding (HEALTH_CONDITION, MEDICATION or
  CLINICAL_CODE): target at least 95%; and the same for each section of a note
  (blocks between blank lines, 200 characters or more) read as a file of its own;
- news articles flagged special category: target at most 1%; articles with a
  health finding at all are reported too.

`--show` lists, for the `tune` part only, the notes without a health finding and
the news articles flagged (with the matched health words, for tuning).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEALTH = ("HEALTH_CONDITION", "MEDICATION", "CLINICAL_CODE")
HEADER_END = "\n-----\n"
SECTION_CHARS = 200


def part_of(path: Path) -> str:
    """`tune` or `heldout`, fixed by the file name alone."""
    return "tune" if hashlib.sha256(path.name.encode()).digest()[0] % 2 == 0 else "heldout"


def clinical_text(path: Path) -> str:
    text = path.read_text(encoding="utf-8", errors="replace")
    return text.split(HEADER_END, 1)[1] if HEADER_END in text else text


def news_text(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


def documents(folder: Path, part: str, reader) -> dict[str, str]:
    return {f"{path.parent.name}-{path.name}": reader(path)
            for path in sorted(folder.rglob("*.txt")) if part_of(path) == part}


def sections(notes: dict[str, str]) -> dict[str, str]:
    """Each note's sections (blocks between blank lines) of `SECTION_CHARS` or more,
    as documents of their own: a harder test than whole notes, which nearly always
    hold some health word somewhere."""
    found = {}
    for name, text in notes.items():
        blocks = [block.strip() for block in text.split("\n\n")]
        for index, block in enumerate(b for b in blocks if len(b) >= SECTION_CHARS):
            found[f"{Path(name).stem}-s{index:02d}.txt"] = block + "\n"
    return found


def scan(texts: dict[str, str], workdir: Path) -> dict[str, dict]:
    """Per document: the entity types found and whether it is special category."""
    share, out = workdir / "share", workdir / "out"
    share.mkdir(parents=True)
    for name, text in texts.items():
        (share / name).write_text(text, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "phiscan", "scan", str(share), "--out",
                             str(out)], capture_output=True, text=True, cwd=workdir)
    if result.returncode != 0:
        raise SystemExit(result.stderr[-2000:])
    found: dict[str, dict] = {name: {"types": set(), "special": False} for name in texts}
    with sqlite3.connect(out / "inventory.sqlite") as db:
        for location, special in db.execute("SELECT location, special_category FROM locations"):
            found[Path(location).name]["special"] = bool(special)
        for location, entity in db.execute(
                "SELECT l.location, f.entity_type FROM findings f JOIN locations l"
                " ON l.id = f.location_id"):
            found[Path(location).name]["types"].add(entity)
    return found


def rate(count: int, total: int) -> float:
    return round(count / total, 4) if total else 0.0


def measure(clinical: Path, news: Path, part: str, show: bool) -> dict:
    notes = documents(clinical, part, clinical_text)
    articles = documents(news, part, news_text)
    note_sections = sections(notes)
    with tempfile.TemporaryDirectory() as work:
        started = time.perf_counter()
        notes_found = scan(notes, Path(work) / "clinical")
        sections_found = scan(note_sections, Path(work) / "sections")
        news_found = scan(articles, Path(work) / "news")
        seconds = time.perf_counter() - started
    health_notes = [n for n, f in notes_found.items() if f["types"] & set(HEALTH)]
    health_sections = [n for n, f in sections_found.items() if f["types"] & set(HEALTH)]
    special_news = [n for n, f in news_found.items() if f["special"]]
    health_news = [n for n, f in news_found.items() if f["types"] & set(HEALTH)]
    report = {
        "part": part,
        "clinical_notes": len(notes),
        "notes_with_health_finding": len(health_notes),
        "notes_with_health_finding_rate": rate(len(health_notes), len(notes)),
        "note_sections": len(note_sections),
        "sections_with_health_finding": len(health_sections),
        "sections_with_health_finding_rate": rate(len(health_sections), len(note_sections)),
        "news_articles": len(articles),
        "news_special_category": len(special_news),
        "news_special_category_rate": rate(len(special_news), len(articles)),
        "news_with_health_finding": len(health_news),
        "news_with_health_finding_rate": rate(len(health_news), len(articles)),
        "scan_seconds": round(seconds, 1),
    }
    if show and part == "tune":
        report["notes_missed"] = sorted(set(notes) - set(health_notes))
        report["sections_missed"] = {name: note_sections[name][:300]
                                     for name in sorted(set(note_sections) - set(health_sections))}
        report["news_flagged"] = {name: health_words(articles[name])
                                  for name in sorted(special_news)}
    return report


def health_words(text: str) -> list[str]:
    sys.path.insert(0, str(ROOT))
    from recognizers.health_vocabulary import health_vocabulary

    return [f"{m.entity}:{text[m.start:m.end][:60]}" for m in
            health_vocabulary().mentions(text)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clinical", type=Path, required=True)
    parser.add_argument("--news", type=Path, required=True)
    parser.add_argument("--part", choices=("tune", "heldout"), default="heldout")
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--sample", type=Path,
                        help="copy the first N (--sample-size) documents of the part here")
    parser.add_argument("--sample-size", type=int, default=20)
    args = parser.parse_args()
    if args.sample:
        write_sample(args)
        return
    print(json.dumps(measure(args.clinical, args.news, args.part, args.show), indent=2))


def write_sample(args: argparse.Namespace) -> None:
    """A small fixed sample of the part (first by file name hash) for tests/data."""
    for kind, folder, reader in (("clinical", args.clinical, clinical_text),
                                 ("news", args.news, news_text)):
        texts = documents(folder, args.part, reader)
        chosen = sorted(texts, key=lambda name: hashlib.sha256(name.encode()).hexdigest())
        target = args.sample / kind
        if target.exists():
            shutil.rmtree(target)
        target.mkdir(parents=True)
        for name in chosen[:args.sample_size]:
            (target / name).write_text(texts[name], encoding="utf-8")


if __name__ == "__main__":
    main()
