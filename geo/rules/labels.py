"""Human-readable labels for codes stored in the data, in the page's language, and place names in its script.

The tables hold English message ids (marked with :func:`~geo.language.i18n.N_` for extraction); the
accessor functions translate them when they are shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from geo.evidence.cache import per_dataset
from geo.evidence.record import NOT_FOUND
from geo.language.i18n import N_, _, current
from geo.rules.drawing import LEVELS

if TYPE_CHECKING:
    from geo.evidence.dataset import Dataset

#: Kinds of change after a release (``geo.rules.changes``), in the order a presenter reads them.
CHANGE_KINDS = {
    "retracted": N_("claims retracted"),
    "corrected": N_("claims corrected"),
    "restatused": N_("claims re-statused"),
    "claim_added": N_("claims added"),
    "source_added": N_("sources added"),
    "source_moved": N_("sources whose address changed"),
    "other": N_("other changes"),
}

MEASURE_STANDING = {
    "no_end_found": N_("in force: no end found in the pages read"),
    "withdrawn": N_("withdrawn"),
    "partly_remanded": N_("partly sent back by a court"),
    "challenged": N_("challenged in court"),
    "announced": N_("announced"),
    NOT_FOUND: N_("not found in the pages read"),
}
MEASURE_KIND = {
    "export_controls": N_("export controls"),
    "procurement_ban": N_("procurement ban"),
    "equipment_ban": N_("equipment ban"),
    "investment_ban": N_("investment ban"),
    "divestment": N_("divestment"),
    "site_removal": N_("removal from government sites"),
    "closure_order": N_("order to close"),
    "military_company_list": N_("list of Chinese military companies"),
    "sanctions_search": N_("search of a sanctions list"),
}
PRECISION = {
    "region_centroid": N_("region centroid: the point stands for the whole region"),
    "region_seat": N_("regional government seat: the point stands for the whole region"),
    "island_centroid": N_("island centroid: the point stands for the whole province"),
    "prefecture_seat": N_("prefecture seat: the point stands for the whole prefecture"),
    "county_seat": N_("county seat: the point stands for the whole county"),
    "city_centre": N_("city centre: the point stands for the city"),
    "district_point": N_("district point: the point stands for the whole district"),
}
PRECISION_SHORT = {
    "region_centroid": N_("region centroid"),
    "region_seat": N_("regional seat"),
    "island_centroid": N_("island centroid"),
    "prefecture_seat": N_("prefecture seat"),
    "county_seat": N_("county seat"),
    "city_centre": N_("city centre"),
    "district_point": N_("district point"),
}
STATUS = {
    "as_reported": N_("as reported"),
    "corroborated": N_("corroborated"),
    "partial": N_("partial"),
    "unverified": N_("unverified"),
    "corrected": N_("corrected"),
    "retracted": N_("retracted"),
}
CATEGORY = {
    "surveillance_deployment": N_("surveillance deployment"),
    "procurement_contract": N_("procurement contract"),
    "detention_camps": N_("detention camps"),
    "ethnicity_analytics_outside_xuar": N_("Uyghur analytics outside XUAR"),
    "minority_analytics_outside_xuar": N_("ethnic-minority analytics outside XUAR"),
    "company_ownership_and_state_ties": N_("ownership and state ties"),
    "sanctions_and_export_controls": N_("sanctions and export controls"),
    "organisation_location": N_("organisation location"),
    "company_statement": N_("company statement"),
    "human_rights_law": N_("human rights law"),
    "political_appointment": N_("political appointment"),
    "financing": N_("financing"),
}
VENDOR = {
    "yes": N_("Hikvision named by the source"),
    "no": N_("source says not Hikvision"),
    "not_stated": N_("vendor not stated"),
}
#: How a claim's quote was found in the passage read (``quote_audit.csv``'s ``quote``).
QUOTE_CHECK = {
    "verbatim": N_("The quote is verbatim in the passage read at the source."),
    "verbatim_in_copy": N_("The quote is verbatim in the passage read in a copy of the source's text."),
    "verbatim_in_relay": N_("The quote is verbatim only in another publication's text, which is named."),
    "not_found": N_("The quote was not found in any page read."),
    "no_quote": N_("No quote: the claim is a summary."),
}
#: The verdict of the search for evidence against a claim's status (``status_audit.csv``).
VERDICT = {
    "stands": N_("The status and correction stand against it."),
    "changed": N_("This check changed the status or the correction (see the corrections log)."),
}
#: What a source's page showed for each recorded field (``source_audit.csv``).
FIELD_CHECK = {
    "match": N_("matches"),
    "corrected": N_("corrected"),
    "not_shown": N_("not shown on the page"),
    "not_found": N_("page not found"),
    "not_applicable": N_("not applicable"),
}
#: Whether a source's page was found (``source_audit.csv``'s ``result``).
SOURCE_RESULT = {
    "found": N_("its own page was read"),
    "found_in_copy": N_("a copy of its text was read"),
    "not_found": N_("neither its page nor a copy was found"),
}
#: Fields of the published tables as a reader would name them (the corrections log shows them).
FIELD = {
    "quote_via": N_("quote attribution"),
    "reported_date": N_("reported date"),
    "event_date": N_("event date"),
    "event_date_end": N_("end date"),
    "date_note": N_("date note"),
    "archive_url": N_("archive link"),
    "url": N_("link"),
    "named_in_article": N_("named in the article"),
    "vendor_hikvision": N_("vendor"),
    "*": N_("row added"),
    "status": N_("status"),
    "quote": N_("quote"),
    "summary": N_("summary"),
    "correction": N_("correction"),
    "notes": N_("notes"),
    "locator": N_("locator"),
    "title": N_("title"),
    "author": N_("author"),
    "published": N_("published"),
    "caption": N_("caption"),
    "claims": N_("claims"),
}
#: Admin levels of places, largest first (the admin-level filter's choices), from :data:`geo.rules.drawing.LEVELS`.
LEVEL = {code: level.label for code, level in LEVELS.items()}


def _label(table: Mapping[str, str], code: str) -> str:
    return _(table[code]) if code in table else code


def precision(code: str, *, short: bool = False) -> str:
    """What a point's precision means, in the page's language."""
    return _label(PRECISION_SHORT if short else PRECISION, code)


def status(code: str) -> str:
    """A claim status, in the page's language."""
    return _label(STATUS, code)


def quote_check(code: str) -> str:
    """How the quote was found, in the page's language."""
    return _label(QUOTE_CHECK, code)


def verdict(code: str) -> str:
    """The verdict of a contrary-evidence search, in the page's language."""
    return _label(VERDICT, code)


def field_check(code: str) -> str:
    """What a source's page showed for one field, in the page's language."""
    return _label(FIELD_CHECK, code)


def source_result(code: str) -> str:
    """Whether a source's page was found, in the page's language."""
    return _label(SOURCE_RESULT, code)


def vendor(code: str) -> str:
    """What a source says of the vendor, in the page's language."""
    return _label(VENDOR, code)


def measure_standing(code: str) -> str:
    """Where a government measure stands (``measures.csv``), in the page's language."""
    return _label(MEASURE_STANDING, code)


def measure_kind(code: str) -> str:
    """What a government measure does (``measures.csv``), in the page's language."""
    return _label(MEASURE_KIND, code)


def level(code: str) -> str:
    """An admin level, in the page's language."""
    return _label(LEVEL, code)


def field_label(field: str) -> str:
    """A field's name for readers (``reported_date`` -> ``reported date``), in the page's language."""
    return _(FIELD[field]) if field in FIELD else field.replace("_", " ")


def choices(table: Mapping[str, str]) -> dict[str, str]:
    """Code -> label in the page's language, in the table's order (filter choices)."""
    return {code: _(label) for code, label in table.items()}


#: Which name column a place is shown by, per language, most preferred first (the data's own columns).
NAME_COLUMNS = {
    "en": ("name_en",),
    "zh": ("name_zh", "name_en"),
    "ug": ("name_ug_arabic", "name_en"),  # places outside the Uyghur region have no Uyghur name in the data
}


def place_name(place: Mapping, *, short: bool = False) -> str:
    """A place's name in the page's language and script, from the data's own name columns.

    ``short`` drops a parenthesis (``Fuzhou, Fujian (Minjiang University)`` -> ``Fuzhou, Fujian``)
    for map labels.
    """
    name = next((str(place[c]) for c in NAME_COLUMNS.get(current(), ("name_en",)) if place.get(c)), "")
    if short and name.endswith(")") and " (" in name:
        name = name[: name.rindex(" (")]
    return name


@per_dataset
def place_names(data: Dataset) -> dict[str, str]:
    """Place id -> name in the page's language (:func:`place_name`), once per dataset and language."""
    return {place["id"]: place_name(place) for place in data.places.drop(columns="geometry").to_dict("records")}


def source_label(source: Mapping, *, max_title: int = 70) -> str:
    """Short label ``Publisher, "Title" (date)`` for links, avoiding unreadable raw URLs."""
    title = source.get("title", "")
    if len(title) > max_title:
        title = title[: max_title - 1].rstrip() + "…"
    date = source.get("published") or _("n.d.")
    return f"{source.get('publisher', '')}, “{title}” ({date})"
