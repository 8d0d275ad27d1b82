"""Search words (`keywords`): a record's list reaches its page, a page's list reaches the
search index as the theme's `tags` (indexed with a strong boost, not shown on the page), and a
list written wrong stops the build with the file, the field and the fix. The search itself is
tested in the browser (tests/browser/test_search.py)."""
from types import SimpleNamespace

import pytest

import macros
from macros.errors import ContentError
from macros.pages import day_src, page_table, record_src


def test_every_records_keywords_reach_its_page(langs):
    for lang in langs.values():
        nc = lang.nc
        pages = {p.src: p for p in page_table(nc, pdf=False)}
        records = [(record_src(kind, rid), r) for kind in ("exercises", "scripts", "worksheets")
                   for rid, r in getattr(nc, kind).items()]
        with_words = [(src, r["keywords"]) for src, r in records if r.get("keywords")]
        assert with_words, f"{lang.code}: no record has keywords"
        for src, words in with_words:
            assert list(pages[src].keywords) == words, f"{lang.code} {src}"
        for src, r in records:
            if not r.get("keywords"):
                assert pages[src].keywords == (), src
        longest = max(nc.tracks)
        days = [d for d in nc.tracks[longest] if d.get("keywords")]
        assert days, f"{lang.code}: no day has keywords"
        for d in days:
            assert list(pages[day_src(longest, d["n"])].keywords) == d["keywords"], f"{lang.code} day {d['id']}"


def page_with(meta):
    return SimpleNamespace(page=SimpleNamespace(meta=meta, file=SimpleNamespace(abs_src_path="docs/help.md",
                                                                                src_uri="help.md")))


def test_a_pages_keywords_become_its_search_tags():
    env = page_with({"title": "Help", "keywords": ["hotline", " crisis line "]})
    macros.on_pre_page_macros(env)
    assert env.page.meta["tags"] == ["hotline", "crisis line"]
    env = page_with({"title": "Help"})
    macros.on_pre_page_macros(env)
    assert "tags" not in env.page.meta


@pytest.mark.parametrize("words", ["kids, custody", [], ["kids", ""], ["kids", 3]])
def test_keywords_written_wrong_name_the_field_and_the_fix(words):
    with pytest.raises(ContentError, match=r"help\.md.*keywords.*Fix: write them as"):
        macros.on_pre_page_macros(page_with({"keywords": words}))
