"""Text of the About / method tab, who translated the page, and the "12 provinces" panel."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from geo import settings
from geo.html.escape import esc
from geo.language import i18n
from geo.language.i18n import N_, _, number
from geo.rules import labels
from geo.rules.provinces import province_summary

if TYPE_CHECKING:
    import pandas as pd

    from geo.evidence.dataset import Dataset

#: The method, one Markdown paragraph per message (translators see one paragraph at a time).
METHOD = (
    N_(
        "**What this is.** Every place named in one article — Global Human Rights Defence, *“Tech Company, "
        "Hikvision Has Been Accused of Selling Uyghur-Tracking Surveillance Cameras…”* (Putro, 2023) — with each "
        "claim the article makes and the sources that corroborate, qualify or correct it. A claim records who says "
        "it, where in the source (quote and locator), when, and its status."
    ),
    N_(
        "**Status.** *as reported*: stated by that source, not cross-checked; *corroborated*: an independent source "
        "supports it; *partial*: a source supports part of it; *unverified*: no source found supports it; "
        "*corrected*: the article is wrong and the correction is shown; *retracted*: the claim no longer stands "
        "(it stays, with the reason, in the corrections log)."
    ),
    N_(
        "**How each claim was checked.** Every quote was read again at its source's address and is kept with the "
        "passage it was read in, where and when; every claim whose status is not *as reported* was also tested "
        "against the strongest evidence against it that searches of stored public pages found. Open “How we checked "
        "this” under a claim in a place's detail view, or a source's check in the “Sources and citation chain” tab."
    ),
    N_(
        "**Precision.** Every point stands for an area — a county seat, a city centre, a region centroid — never a "
        "facility, and is drawn as a dashed ring, not a pin. No source here locates a camera, camp or building. "
        "Coordinates are WGS84; Chinese web-map coordinates (GCJ-02) were converted before use."
    ),
    N_(
        "**Map data and privacy.** The basemap is Natural Earth (public domain) drawn by this app. Leaflet and jQuery "
        "are served by this app from installed packages. With web tiles off (the default) your browser contacts no "
        "other host. If you switch on the “Web tiles” layer, your browser requests map images from "
        "tile.openstreetmap.org, which then sees your IP address and the area you view."
    ),
    N_("**Licences.** Code MIT; data tables CC BY 4.0; boundaries Natural Earth (public domain); fonts SIL OFL 1.1."),
    N_(
        "**Corrections.** Open an issue naming the claim id (shown in the detail view and the claims table), or edit "
        "`data/claims.csv` in a pull request; `python -m geo validate` checks the change."
    ),
)

#: Who translated each interface language, and how far the translation has been checked.
TRANSLATORS = {
    "en": N_("English is the language the interface is written in."),
    "zh": N_(
        "Simplified Chinese: a machine-assisted draft made with an AI model by the project's developers, not yet "
        "reviewed by a native speaker."
    ),
    "ug": N_(
        "Uyghur (Arabic script): a machine-assisted draft made with an AI model by the project's developers, not yet "
        "reviewed by a native speaker. Places outside the Uyghur region have no Uyghur name in the data and are "
        "shown by their English name."
    ),
}
#: What the About tab says of a language not in :data:`TRANSLATORS` yet (a new one arrives as a draft).
UNDESCRIBED_TRANSLATION = N_("A draft translation, not yet reviewed by a native speaker.")
TRANSLATION_SCOPE = N_(
    "What is translated: the interface (menus, labels, headings, legends, messages, figure text), and the "
    "evidence's own text: claims' summaries and corrections and the briefing's titles and captions, each a "
    "machine-assisted draft not yet reviewed by a native speaker, with its English original one click away "
    "(`data/translations.csv` keeps each with a back-translation for reviewers; a changed English text shows in "
    "English until translated again). What is not: claims' quotes stay in their original language, because a "
    "quote is evidence; source titles, notes and the corrections log stay in English. The terms used are in "
    "`geo/locales/glossary.csv`. Corrections to any translation are welcome: open an issue, or edit the catalog "
    "(`geo/locales/<language>/LC_MESSAGES/messages.po`) or `data/translations.csv` in a pull request."
)


def method_markdown() -> str:
    """The method in the page's language, as Markdown."""
    return _method_markdown(i18n.current())


@functools.lru_cache(maxsize=len(i18n.LANGUAGES))
def _method_markdown(code: str) -> str:
    return "\n\n".join(_(paragraph) for paragraph in METHOD)


def translations_markdown() -> str:
    """Who translated what, what stays in English, and how to correct a translation, as Markdown."""
    return _translations_markdown(i18n.current())


@functools.lru_cache(maxsize=len(i18n.LANGUAGES))
def _translations_markdown(code: str) -> str:
    lines = ["- **" + i18n.language_name(code) + "** — " + _(TRANSLATORS.get(code, UNDESCRIBED_TRANSLATION))
             for code in i18n.LANGUAGES]  # fmt: skip
    return "\n".join(lines) + "\n\n" + _(TRANSLATION_SCOPE)


def known_errors_html(claims: pd.DataFrame) -> str:
    """Bullet list of the article's claims that carry a correction (the article's words, then the correction)."""
    article = claims[(claims["source"] == "ghrd-putro-2023") & (claims["correction"] != "")]
    items = "".join(
        f"<li><b>{esc(row['article_ref'])}</b> “{esc(row['quote'][:160])}” → {esc(row['correction'])}</li>"
        for row in article.drop_duplicates("article_ref").to_dict("records")
    )
    return f"<ul lang='en' dir='ltr'>{items}</ul>"


def twelve_provinces_panel(data: Dataset) -> str:
    """Reported versus named: what the article says, what sources name, what stays unnamed."""
    provinces = data.provinces.set_index("iso_3166_2", drop=False)
    named = province_summary(data.claims)
    codes = list(named.index)

    def qualifiers(code: str) -> str:
        notes = [_("Hikvision named")] if named.loc[code, "hikvision_named"] else []
        if not named.loc[code, "uyghur_specific"]:
            notes.append(_("ethnic-minority people, not Uyghurs specifically"))
        return f" ({'; '.join(notes)})" if notes else ""

    listed = _(", ").join(f"{labels.place_name(provinces.loc[c])}{qualifiers(c)}" for c in codes)
    reported = settings.REPORTED_PROVINCE_COUNT
    tied = int(named["tied_to_12"].sum())
    lines = [
        (
            _("Reported:"),
            _(
                "Hikvision products used in {count} Chinese provinces outside XUAR (IPVM, as relayed by the GHRD "
                "article; unverified — no province is named)."
            ).format(count=number(reported)),
        ),
        (
            _("Named by sources:"),
            _(
                "{count} province(s) as sites of surveillance targeting Uyghurs or other minorities outside XUAR: "
                "{provinces}. Any vendor; different dates."
            ).format(count=number(len(codes)), provinces=listed)
            if codes
            else _("no province outside XUAR."),
        ),
        (_("Tied to the “12” by a source:"), number(tied)),
        (_("Unnamed:"), _("{unnamed} of the {count}.").format(unnamed=number(reported - tied), count=number(reported))),
    ]
    body = "<br>".join(f"<b>{esc(head)}</b> {esc(text)}" for head, text in lines)
    return (
        "<div class='twelve'>"
        f"{body}</div>"
    )
