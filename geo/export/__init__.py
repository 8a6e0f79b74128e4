"""Exports of what is shown: the format registry, GIS files, bibliography, offline HTML, figures, the PowerPoint deck."""
