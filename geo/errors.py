"""Every exception this package raises, in one module."""

from __future__ import annotations


class GeoError(Exception):
    """Base class for errors raised by ``geo``."""


class DataValidationError(GeoError):
    """The dataset in ``data/`` failed validation; ``problems`` lists every fault."""

    def __init__(self, problems: list) -> None:  # list[Problem]; avoids an import cycle
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in the dataset")


class BoundaryBuildError(GeoError):
    """A boundary input did not match its pinned hash, or the build failed."""


class UploadError(GeoError):
    """An uploaded file cannot be used at all (unreadable, too large, no coordinates)."""


class ServerBusyError(UploadError):
    """An upload does not fit in the server's memory budget for visitors' layers now (``geo.upload.budget``)."""


class BriefingFileError(GeoError):
    """A presenter's briefing file (or link) cannot be used; ``problems`` names each file, row and field at fault."""

    def __init__(self, problems: list) -> None:  # list[geo.evidence.validate.Problem]
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))
