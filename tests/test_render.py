"""Pure functions that turn records into pages: links, placeholders, escaping."""
from macros.content import contrast, placeholders_in
from macros.render import esc, md, rel


def test_links_between_pages_are_relative():
    assert rel("program/30-days/day-07.md", "sos.md") == "../../sos.md"
    assert rel("program/30-days/day-07.md", "program/30-days/day-08.md") == "day-08.md"
    assert rel("index.md", "guide/the-rules.md#rule-4") == "guide/the-rules.md#rule-4"


def test_record_links_written_from_docs_root_are_rewritten_for_the_page():
    text = "See [help](help.md), [rules](guide/the-rules.md#x), [web](https://example.org/a.md) and [up](../sos.md)."
    out = md(text, "scripts/tell-partner.md")
    assert "(../help.md)" in out and "(../guide/the-rules.md#x)" in out
    assert "(https://example.org/a.md)" in out and "(../sos.md)" in out


def test_placeholders_in_order_without_reserved_ones():
    script = {"variants": [{"text": "Hi {their_name}, from {your_name}. Call {clinic_phone}."},
                           {"text": "{your_name} and {relationship}"}]}
    assert placeholders_in(script) == ["their_name", "your_name", "relationship"]


def test_escaping_keeps_markup_as_text():
    assert esc('<img src=x onerror="alert(1)">') == "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"


def test_contrast_ratio_matches_wcag():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#767676", "#ffffff"), 1) == 4.5
    assert contrast("#ffffff", "#ffffff") == 1.0
