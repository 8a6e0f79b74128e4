"""The one normalisation quotes are checked under (geo.evidence.quotes)."""

from __future__ import annotations

from geo.evidence.quotes import is_verbatim, missing_piece, normalise, pieces

EXCERPT = "The giant maker has “been found” supplying cameras,\n and  it’s  said so. Then more."


def test_only_quotes_apostrophes_and_whitespace_are_normalised() -> None:
    assert normalise(" a “b”  ‘c’\n\td ") == "a \"b\" 'c' d"
    assert normalise("A—b") == "A—b"  # dashes are not touched
    assert normalise("Case") != normalise("case")
    assert normalise("the day-to-\nday operations") == "the day-to-day operations"  # a line wrap after a hyphen
    assert normalise("well- known") == "well- known"  # a space after a hyphen on the same line stays


def test_a_quote_inside_its_excerpt_is_verbatim() -> None:
    assert is_verbatim('has "been found" supplying cameras, and it\'s said so.', EXCERPT)


def test_a_changed_word_or_an_added_full_stop_is_not() -> None:
    assert not is_verbatim("has been located supplying cameras", EXCERPT)
    assert not is_verbatim("supplying cameras.", EXCERPT)  # the source has a comma: the cut must show
    assert missing_piece("supplying cameras.", EXCERPT) == "supplying cameras."


def test_cuts_split_the_quote_into_pieces_that_must_come_in_order() -> None:
    assert pieces("…the maker … said so…") == ["the maker", "said so"]
    assert is_verbatim("The giant maker … it’s said so", EXCERPT)
    assert is_verbatim("The giant maker ... said so. Then", EXCERPT)
    assert not is_verbatim("said so … The giant maker", EXCERPT)  # out of order


def test_an_empty_quote_is_not_verbatim() -> None:
    assert not is_verbatim("", EXCERPT)
    assert not is_verbatim(" … ", EXCERPT)
