"""The templates and the data builders, without a build: links, escaping, the one fill rule,
the one tel: rule, strict undefined values and unknown strings."""
import copy

import jinja2
import pytest
from markupsafe import Markup

from conftest import ROOT
from macros.content import placeholders_in
from macros.pages import page_table, render_page
from macros.settings import contrast
from macros.project import Project
from macros.strings import Strings, UnknownString, fill
from macros.templates import environment, md, rel, tel


@pytest.fixture(scope="module")
def build(nc):
    return Project(nc, environment())


def nasty(nc):
    """The settings with markup in every text a clinic types."""
    s = copy.deepcopy(nc.settings)
    s["crisis_lines"][0]["name"] = "Samaritans <UK> & Co"
    s["crisis_lines"][0]["for"] = "<script>alert(1)</script>"
    s["clinic"]["name"] = "Clinic <b>bold</b>"
    s["clinic"]["address"] = "1 <Main> St & Co"
    s["attribution"] = "Adapted <i>by</i> us"
    return s


def test_links_between_pages_are_relative():
    assert rel("program/30-days/day-07.md", "sos.md") == "../../sos.md"
    assert rel("program/30-days/day-07.md", "program/30-days/day-08.md") == "day-08.md"
    assert rel("index.md", "guide/the-rules.md#rule-4") == "guide/the-rules.md#rule-4"


def test_record_links_written_from_docs_root_are_rewritten_for_the_page():
    text = "See [help](help.md), [rules](guide/the-rules.md#x), [web](https://example.org/a.md) and [up](../sos.md)."
    out = md(text, "scripts/tell-partner.md")
    assert "(../help.md)" in out and "(../guide/the-rules.md#x)" in out
    assert "(https://example.org/a.md)" in out and "(../sos.md)" in out


def test_one_tel_rule_for_every_number():
    assert tel("1-800-799-7233") == "tel:18007997233"
    assert tel("116 123") == "tel:116123"
    assert tel("+44 (0)808 2000 247") == "tel:+4408082000247"


def test_one_fill_rule_keeps_unknown_slots():
    assert fill("Day {n} of {length}", n=3, length=30) == "Day 3 of 30"
    assert fill("Hi {their_name}, from {clinic_name}", clinic_name="Riverside") == "Hi {their_name}, from Riverside"


def test_placeholders_in_order_without_reserved_ones():
    script = {"variants": [{"text": "Hi {their_name}, from {your_name}. Call {clinic_phone}."},
                           {"text": "{your_name} and {relationship}"}]}
    assert placeholders_in(script) == ["their_name", "your_name", "relationship"]


def test_contrast_ratio_matches_wcag():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#767676", "#ffffff"), 1) == 4.5
    assert contrast("#ffffff", "#ffffff") == 1.0


def test_settings_are_escaped_in_the_footer_the_safety_bar_and_the_help_page(build, nc):
    """A clinic's `<` or `&` shows as text everywhere, with one escaping rule."""
    settings = nasty(nc)
    out = []
    for name in ("partials/nc-footer.html", "partials/nc-safety-bar.html"):
        out.append(build.env.get_template(name).render(settings=settings, strings=nc.strings, base=".."))
    out.append(str(build.macro("partials/nc-crisis-lines.html", "full")(settings, nc.strings)))
    html = "\n".join(out)
    assert "Samaritans &lt;UK&gt; &amp; Co" in html and "Samaritans <UK>" not in html
    assert "&lt;script&gt;" in html and "<script>" not in html
    assert "Clinic &lt;b&gt;bold&lt;/b&gt;" in html and "1 &lt;Main&gt; St &amp; Co" in html
    assert "Adapted &lt;i&gt;by&lt;/i&gt; us" in html


def test_phone_numbers_become_tel_links_and_words_stay_words(build, nc):
    settings = copy.deepcopy(nc.settings)
    settings["emergency"] = [{"region": "Here", "number": "999"}]
    settings["crisis_lines"] = [{"name": "Line", "region": "Here", "call": "0800 123 456", "text": "Text HELLO to 85258",
                                 "tty": None, "hours": None, "for": None, "languages": None, "url": None,
                                 "checked": "2026-11-01"}]
    html = str(build.macro("partials/nc-crisis-lines.html", "full")(settings, nc.strings))
    assert '<a href="tel:999">999</a> (Here)' in html
    assert '<a href="tel:0800123456">0800 123 456</a>' in html
    assert "Text HELLO to 85258" in html and "tel:85258" not in html


def test_a_misspelt_variable_stops_the_template():
    env = environment()
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ settings.clinic.nmae }}").render(settings={"clinic": {"name": "x"}})


def test_an_unknown_string_names_the_key():
    strings = Strings(exit_label="Exit")
    assert environment().from_string("{{ strings.exit_label }}").render(strings=strings) == "Exit"
    with pytest.raises(UnknownString, match="exit_lable"):
        environment().from_string("{{ strings.exit_lable }}").render(strings=strings)


def test_fill_with_markup_escapes_the_words_around_it():
    env = environment()
    out = env.from_string("{{ text | fill(numbers=link) }}", ).render(text="A & B: {numbers}.", link=Markup('<a href="tel:1">1</a>'))
    assert out == 'A &amp; B: <a href="tel:1">1</a>.'
    assert isinstance(out, str) and env.from_string("{{ text | fill(n=1) }}").render(text="A & B: {n}.") == "A & B: 1.", \
        "without markup the string is left as it is (escaped later where the template escapes)"


def test_every_generated_page_renders_with_front_matter(build, nc):
    table = page_table(nc, pdf=False)
    assert len({p.src for p in table}) == len(table), "each page declared once"
    longest = max(nc.tracks)
    for page in table:
        text = render_page(build.env, nc, page)
        assert text.startswith("---\ntitle: ") and "render_macros: false" in text, page.src
        if page.src.startswith("program/") and f"/{longest}-days/" not in page.src and "index.md" not in page.src:
            assert "exclude: true" in text, f"{page.src}: a shorter track's day is not indexed twice"


def test_no_markup_is_typed_into_python():
    """Markup lives in the templates under overrides/. The only tags left in macros/ are the
    patterns postprocess.py matches in the theme's own HTML (architecture-read §5.3: a ratchet
    of 25 let a dozen more in unnoticed)."""
    import re
    tags = re.compile(r"</?(div|p|span|ul|li|a|strong|section|table|tr|td|th|form|input|label|button|pre|h[1-6]"
                      r"|fieldset|legend|br|nav|script)\b[^>]*>")
    found = {p.name: len(tags.findall(p.read_text())) for p in (ROOT / "macros").glob("*.py")}
    assert {name for name, n in found.items() if n} <= {"postprocess.py"}, f"HTML tags in macros/: {found}"


def test_the_template_cache_never_serves_an_old_template(tmp_path, monkeypatch):
    """Compiled templates are kept between builds (macros/templates.py), keyed by their text:
    an edited template shows at the next build; NC_TEMPLATE_CACHE=off turns the cache off."""
    import macros.templates as templates
    cache = jinja2.FileSystemBytecodeCache(str(tmp_path / "cache"))
    (tmp_path / "cache").mkdir()
    monkeypatch.setattr(templates, "_BYTECODE", cache)
    (tmp_path / "t.html").write_text("first {{ x }}")
    assert templates.environment(tmp_path).get_template("t.html").render(x=1) == "first 1"
    assert list((tmp_path / "cache").iterdir()), "the compiled template was not kept"
    (tmp_path / "t.html").write_text("second {{ x }}")
    assert templates.environment(tmp_path).get_template("t.html").render(x=2) == "second 2"
    monkeypatch.setattr(templates, "_BYTECODE", None)
    monkeypatch.setenv("NC_TEMPLATE_CACHE", "off")
    assert templates.environment(tmp_path).bytecode_cache is None


def test_the_template_cache_is_keyed_by_the_environment_options_too(tmp_path, monkeypatch):
    """An unchanged template compiled under other options (an edit to environment(), or the
    theme's environment reading the same file) is compiled afresh, not served from the cache."""
    import macros.templates as templates
    (tmp_path / "cache").mkdir()
    monkeypatch.setattr(templates, "_BYTECODE", jinja2.FileSystemBytecodeCache(str(tmp_path / "cache")))
    (tmp_path / "a.html").write_text("{% if true %}\nx\n{% endif %}<b>{{ v }}</b>")
    plain = templates.environment(tmp_path)
    plain.trim_blocks, plain.autoescape = False, False
    assert plain.get_template("a.html").render(v="<i>") == "\nx\n<b><i></b>"
    project = templates.environment(tmp_path)  # trim_blocks, and .html escaped
    assert project.get_template("a.html").render(v="<i>") == "x\n<b>&lt;i&gt;</b>"
    theme = jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path)), bytecode_cache=templates.bytecode_cache())
    assert theme.get_template("a.html").render(v="<i>") == "\nx\n<b><i></b>"


def test_sitemaps_name_each_page_in_the_languages_that_have_it():
    from macros.postprocess import sitemap_with_alternates
    en, es = "https://x.example/", "https://x.example/es/"
    xml = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
           f"<url><loc>{en}help.html</loc></url><url><loc>{en}only-here.html</loc></url></urlset>")
    out = sitemap_with_alternates(xml, en, [("en", en, {"help.html", "only-here.html"}), ("es", es, {"help.html"})])
    assert 'xmlns:xhtml="http://www.w3.org/1999/xhtml"' in out
    assert (f'<loc>{en}help.html</loc><xhtml:link rel="alternate" hreflang="en" href="{en}help.html"/>'
            f'<xhtml:link rel="alternate" hreflang="es" href="{es}help.html"/>') in out
    assert f"<loc>{en}only-here.html</loc></url>" in out  # one language only: nothing to name
    assert sitemap_with_alternates(xml, en, [("en", en, {"help.html"})]) == xml
