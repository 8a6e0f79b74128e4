"""The names of what a browser session keeps (``st.session_state``), in one place.

Widget keys are session keys too: Streamlit stores a widget's value under its key, and the
app's logic reads and sets some of them (the picker is cleared after a pick; the upload is
read from its widgets in a callback). Tests name them the same way.
"""

from __future__ import annotations

from collections.abc import Mapping


class Key:
    """Session keys: each attribute's value is the key string."""

    # Kept by the app
    UPLOADED = "uploaded"  # the handle of the visitor's layer, held by the server's budget (geo.upload.budget)
    UPLOAD_ERROR = "upload_error"  # a refused file's message, shown once by the upload panel
    GOING = "going"  # where the visitor asked to go: the next whole-page run shows it (sections/address.py)
    ARRIVING = "arriving"  # that run's state until its address is written
    SEEN = "address_seen"  # the query this session last saw or sent: a different one came from outside (Back, a link)
    OPENED_WITH = "opened_with"  # how the session opened: filters, place, map view (geo.page.state.Opening)
    EXPLORER = "explorer"  # where the visitor was in the explorer when a briefing started ("Exit briefing" goes back)
    MY_STEPS = "my_steps"  # the presenter's own briefing: rows in the schema of data/briefing.csv (geo.page.own_steps)
    DOWNLOADS = "prepared_files"  # the download shelf (geo.page.downloads)
    #: Picks made with the place picker. Each pick gives the picker a new key (``place_picker_<n>``), so it
    #: starts empty and a late copy of an old picker's value (sent with a click on "Close" before the page
    #: caught up) matches no widget and cannot reopen the place.
    PLACE_PICKS = "place_picks"
    # Widgets
    LANGUAGE = "language"
    PLACE_PICKER = "place_picker"  # a prefix: the picker's key is place_picker_<picks>
    TAB = "tab"
    OPEN_TAB = "open_tab"  # the position of the tab last open: a briefing does not draw the tabs, and Exit finds it again
    MAP = "map"
    CHANNEL = "geo_channel"  # the page's channel to the server (sections/address.py, geo/frontend/channel.js)
    VIEW_REPORT = "view_report"  # the map's last view, with the address it was seen at (geo.page.state.reported_view)
    CORRECTIONS_PLACE = "corrections_place"
    CHANGES_SINCE = "changes_since"
    CHANGES_SINCE_PICKED = "changes_since_picked"
    TIMELINE = "timeline"  # the timeline chart (its brush sets the year filter)
    SET_YEARS = "set_years"  # years brushed on the timeline, for the slider to take at the next whole-page run
    SOURCE_AUDIT = "source_audit"  # the Sources tab's "How a source was checked" picker
    CLOSE_DETAIL = "close_detail"
    UPLOAD_FILE = "upload_file"
    UPLOAD_NAME = "upload_name"
    UPLOAD_SOURCE = "upload_source"
    UPLOAD_LAT = "upload_lat"
    UPLOAD_LON = "upload_lon"
    UPLOAD_CRS = "upload_crs"
    UPLOAD_CHOROPLETH = "upload_choropleth"
    UPLOAD_ADD = "upload_add"
    UPLOAD_REMOVE = "upload_remove"
    PREVIOUS, NEXT, EXIT, FIRST, LAST = "previous", "next", "exit", "first_step", "last_step"
    MY_UID = "my_step_uid"  # the last id given to an own step
    MY_UPLOAD = "my_briefing_file"
    MY_ERROR = "my_briefing_error"  # a refused file's problems (by row and field), shown until a good one opens
    MY_DECK, MY_MAKE_DECK, MY_DOWNLOAD_DECK = "my_deck", "my_make_deck", "my_download_deck"
    MY_DOWNLOAD = "my_download"
    MY_PRESENT, MY_SHIPPED = "my_present", "my_shipped"
    ADD_STEP = "add_step"
    BRIEFING_TEXT = "briefing_text"  # the step's text beside the map (the stylesheet tightens it)
    BRIEFING_MAP = "briefing_map"  # the briefing's map container (the stylesheet sizes its map to the window)


def holds_work(session: Mapping) -> bool:
    """Whether the visitor has work in hand that leaving the page would lose: an uploaded layer, own briefing steps."""
    return session.get(Key.UPLOADED) is not None or bool(session.get(Key.MY_STEPS))
