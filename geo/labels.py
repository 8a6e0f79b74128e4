"""Human-readable labels for codes stored in the data (precision, status, category, vendor, level)."""

from __future__ import annotations

PRECISION = {
    "region_centroid": "region centroid: the point stands for the whole region",
    "region_seat": "regional government seat: the point stands for the whole region",
    "island_centroid": "island centroid: the point stands for the whole province",
    "prefecture_seat": "prefecture seat: the point stands for the whole prefecture",
    "county_seat": "county seat: the point stands for the whole county",
    "city_centre": "city centre: the point stands for the city",
    "district_point": "district point: the point stands for the whole district",
}
PRECISION_SHORT = {
    "region_centroid": "region centroid",
    "region_seat": "regional seat",
    "island_centroid": "island centroid",
    "prefecture_seat": "prefecture seat",
    "county_seat": "county seat",
    "city_centre": "city centre",
    "district_point": "district point",
}
STATUS = {
    "as_reported": "as reported",
    "corroborated": "corroborated",
    "partial": "partial",
    "unverified": "unverified",
    "corrected": "corrected",
    "retracted": "retracted",
}
CATEGORY = {
    "surveillance_deployment": "surveillance deployment",
    "procurement_contract": "procurement contract",
    "detention_camps": "detention camps",
    "ethnicity_analytics_outside_xuar": "Uyghur analytics outside XUAR",
    "minority_analytics_outside_xuar": "ethnic-minority analytics outside XUAR",
    "company_ownership_and_state_ties": "ownership and state ties",
    "sanctions_and_export_controls": "sanctions and export controls",
    "organisation_location": "organisation location",
    "company_statement": "company statement",
    "human_rights_law": "human rights law",
    "political_appointment": "political appointment",
    "financing": "financing",
}
VENDOR = {"yes": "Hikvision named by the source", "no": "source says not Hikvision", "not_stated": "vendor not stated"}

#: Fields of the published tables as a reader would name them (the corrections log shows them).
FIELD = {
    "quote_via": "quote attribution",
    "reported_date": "reported date",
    "event_date": "event date",
    "event_date_end": "end date",
    "date_note": "date note",
    "archive_url": "archive link",
    "url": "link",
    "named_in_article": "named in the article",
    "vendor_hikvision": "vendor",
    "*": "row added",
}


def field_label(field: str) -> str:
    """A field's name for readers (``reported_date`` -> ``reported date``)."""
    return FIELD.get(field, field.replace("_", " "))


#: Admin levels of places, largest first (the admin-level filter's choices).
LEVEL = {
    "region": "region",
    "province": "province",
    "prefecture": "prefecture",
    "county": "county",
    "city": "city",
    "district": "district",
}


def source_label(source: dict, *, max_title: int = 70) -> str:
    """Short label ``Publisher, "Title" (date)`` for links, avoiding unreadable raw URLs."""
    title = source.get("title", "")
    if len(title) > max_title:
        title = title[: max_title - 1].rstrip() + "…"
    date = source.get("published") or "n.d."
    return f"{source.get('publisher', '')}, “{title}” ({date})"
