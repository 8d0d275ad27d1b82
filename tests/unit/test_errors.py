"""A clinic's mistake gets a message that names the file, the record, the field and the fix,
and every mistake is named at once. Each case goes through the loader in milliseconds (the
site tests build a few for real). The mistakes are made in whatever this checkout has, so the
tests hold on any fork."""
import copy
import datetime as dt
import shutil

import pytest
import yaml

from conftest import ROOT, settings_of
from macros import yamlio
from macros.content import ContentError, load_site
from macros.errors import Problems
from macros.settings import check_settings


# ---------------------------------------------------------------------------
# A throw-away copy of the content, and ways to spoil it
# ---------------------------------------------------------------------------


@pytest.fixture
def project(tmp_path):
    dest = tmp_path / "p"
    shutil.copytree(ROOT / "docs", dest / "docs")
    shutil.copytree(ROOT / "overrides", dest / "overrides")
    for config in ROOT.glob("mkdocs*.yml"):
        shutil.copy2(config, dest / config.name)
    return dest


def records(project, kind):
    return sorted((project / "docs/_data" / kind).glob("*.yml"))


def rewrite(path, change):
    data = yamlio.load(path)
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def problems_of(project, extra=None) -> str:
    with pytest.raises(ContentError) as info:
        load_site(project, extra if extra is not None else settings_of(project))
    return str(info.value)


def settings_problems(change) -> str:
    extra = copy.deepcopy(settings_of())
    change(extra)
    problems = Problems()
    check_settings(extra, problems)
    assert problems, "the mistake went unnoticed"
    return str(ContentError(problems.items))


def used_exercise(project):
    """An exercise that days use, and the phase file of the first such day."""
    for phase in sorted((project / "docs/_data/program/phases").glob("*.yml")):
        for day in yamlio.load(phase)["days"]:
            return day["exercise"], phase, day["id"]


# ---------------------------------------------------------------------------
# Records
# ---------------------------------------------------------------------------


def test_the_checkout_itself_has_no_mistakes():
    load_site(ROOT, settings_of())


def test_wrong_type(project):
    path = records(project, "exercises")[0]
    rewrite(path, lambda d: d.update(minutes="five"))
    msg = problems_of(project)
    assert f"{path.relative_to(project).as_posix()}" in msg.replace(str(project) + "/", "")
    assert f"record '{path.stem}'" in msg and "field 'minutes'" in msg and "Fix: write a whole number" in msg


def test_unknown_field(project):
    path = records(project, "exercises")[0]
    rewrite(path, lambda d: d.update(colour="red"))
    msg = problems_of(project)
    assert "field 'colour'" in msg and "correct its spelling" in msg


def test_malformed_yaml(project):
    path = records(project, "exercises")[0]
    path.write_text(path.read_text() + "\nminutes: 5\n  - oops: [unclosed\n")
    msg = problems_of(project)
    assert path.name in msg and "not valid YAML" in msg and "indentation" in msg


def test_duplicate_day_id(project):
    phases = sorted((project / "docs/_data/program/phases").glob("*.yml"))
    first = yamlio.load(phases[0])["days"][0]["id"]
    rewrite(phases[-1], lambda d: d["days"][-1].update(id=first))
    msg = problems_of(project)
    assert phases[-1].name in msg and f"record '{first}'" in msg and "field 'id'" in msg and "also used in" in msg


def test_unknown_exercise_id_in_a_day(project):
    _, phase, day = used_exercise(project)
    rewrite(phase, lambda d: d["days"][0].update(exercise="no-such-exercise"))
    msg = problems_of(project)
    assert phase.name in msg and f"record '{day}'" in msg and "field 'exercise'" in msg
    assert "no exercise has the id 'no-such-exercise'" in msg


def test_placeholder_that_does_not_exist(project):
    path = records(project, "scripts")[0]
    rewrite(path, lambda d: d["variants"][0].update(text=d["variants"][0]["text"] + " {pet_name}"))
    msg = problems_of(project)
    assert f"record '{path.stem}'" in msg and "{pet_name} does not exist" in msg and "placeholders.yml" in msg


def test_link_in_a_record_to_a_missing_page(project):
    path = records(project, "scripts")[0]
    rewrite(path, lambda d: d.update(when=d["when"] + " See [this](exercises/no-such-page.md)."))
    msg = problems_of(project)
    assert path.name in msg and "exercises/no-such-page.md, which does not exist" in msg


def test_worksheet_table_limits_say_how_to_fix(project):
    path = next(p for p in records(project, "worksheets")
                if any(b["type"] == "table" for b in yamlio.load(p)["blocks"]))
    rewrite(path, lambda d: next(b for b in d["blocks"] if b["type"] == "table").update(rows=80))
    msg = problems_of(project)
    assert "rows" in msg and "from 1 to 30" in msg and "pages: 2" in msg


def test_track_too_long_for_the_content(project):
    """Leave 89 days written and ask for a 90-day track."""
    phases = sorted((project / "docs/_data/program/phases").glob("*.yml"))
    written = sum(len(yamlio.load(p)["days"]) for p in phases)
    extra = copy.deepcopy(settings_of(project))
    if written > 89:
        rewrite(phases[-1], lambda d: d.update(days=d["days"][:len(d["days"]) - (written - 89)]))
        written = 89
    extra["program"]["tracks"] = [written + 1]
    msg = problems_of(project, extra)
    assert "extra.program.tracks" in msg and f"needs {written + 1} days" in msg and f"hold only {written}" in msg


def test_removing_a_record_names_every_place_that_uses_it_at_once(project):
    """One build names the days, the other records and the Markdown pages that use it."""
    exercise, phase, _ = used_exercise(project)
    (project / f"docs/_data/exercises/{exercise}.yml").unlink()
    page = project / "docs/help.md"
    page.write_text(page.read_text() + f"\n\nTry [this exercise](exercises/{exercise}.md).\n")
    msg = problems_of(project)
    assert f"no exercise has the id '{exercise}'" in msg and phase.name in msg
    assert f"docs/help.md: line" in msg.replace(str(project) + "/", "") and f"exercises/{exercise}.md" in msg
    assert msg.startswith(tuple(f"{n} problems" for n in range(2, 500))), "every place, in one report"


def test_a_broken_record_is_reported_once_not_at_every_use(project):
    exercise, _, _ = used_exercise(project)
    rewrite(project / f"docs/_data/exercises/{exercise}.yml", lambda d: d.update(minutes="five"))
    msg = problems_of(project)
    assert f"no exercise has the id '{exercise}'" not in msg and "field 'minutes'" in msg


def test_unknown_strings_key_in_a_page_and_in_a_template(project):
    page = project / "docs/help.md"
    page.write_text(page.read_text() + "\n\n{{ strings.no_such_key }}\n")
    template = project / "overrides/partials/nc-footer.html"
    template.write_text(template.read_text() + "\n{{ strings.another_missing_key }}\n")
    msg = problems_of(project)
    assert "docs/help.md" in msg and "'no_such_key'" in msg
    assert "overrides/partials/nc-footer.html" in msg and "'another_missing_key'" in msg


def test_strings_file_keys_and_slots(project):
    path = project / "docs/_data/strings.yml"
    text = path.read_text()
    key = "day_of"
    data = yamlio.loads(text)
    text = text.replace("exit_label:", "exit_lable:", 1)
    text = text.replace(data[key], data[key].replace("{length}", "30"), 1)
    path.write_text(text)
    msg = problems_of(project)
    assert "field 'exit_lable'" in msg and "unknown key" in msg
    assert "field 'exit_label'" in msg and "missing" in msg
    assert "field 'day_of'" in msg and "{length}" in msg


# ---------------------------------------------------------------------------
# Settings (extra: in mkdocs.yml)
# ---------------------------------------------------------------------------


def test_missing_required_value():
    msg = settings_problems(lambda e: e["crisis_lines"][-1].pop("source"))
    n = len(settings_of()["crisis_lines"]) - 1
    assert f"field 'extra.crisis_lines.{n}.source'" in msg and "Fix: add this field" in msg


def test_a_phone_number_needs_digits():
    msg = settings_problems(lambda e: e["crisis_lines"][0].update(call="call me maybe"))
    assert "field 'extra.crisis_lines.0.call'" in msg and "not a phone number" in msg and "digits" in msg
    msg = settings_problems(lambda e: e["emergency"][0].update(number="nine-one-one"))
    assert "field 'extra.emergency.0.number'" in msg


def test_a_crisis_line_needs_a_way_to_reach_it():
    def strip(e):
        for way in ("call", "text", "tty", "url"):
            e["crisis_lines"][0].pop(way, None)
    msg = settings_problems(strip)
    assert "extra.crisis_lines.0" in msg and "no way to reach it" in msg and "call, text, tty or url" in msg


@pytest.mark.parametrize("date, words", [("2026-13-01", "not a real date"), ("1 Nov 2026", "YYYY-MM-DD")])
def test_a_date_that_is_not_a_date(date, words):
    msg = settings_problems(lambda e: e["crisis_lines"][0].update(checked=date))
    assert "field 'extra.crisis_lines.0.checked'" in msg and words in msg and "Fix:" in msg


def test_an_impossible_date_in_mkdocs_yml_is_text_not_a_traceback():
    assert yamlio.loads("checked: 2026-13-01") == {"checked": "2026-13-01"}
    assert yamlio.loads("items: [What?, Why]") == {"items": ["What?", "Why"]}, "the same parser everywhere"


def test_a_check_date_in_the_future():
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    msg = settings_problems(lambda e: e["crisis_lines"][0].update(checked=tomorrow))
    assert "in the future" in msg and "the day you checked it" in msg


def test_a_check_due_within_a_month_is_a_reminder_not_an_error():
    extra = copy.deepcopy(settings_of())
    extra["crisis_lines"][0]["checked"] = (dt.date.today() - dt.timedelta(days=350)).isoformat()
    problems = Problems()
    _, notices = check_settings(extra, problems)
    assert not problems and any(extra["crisis_lines"][0]["name"] in n for n in notices)


def test_unknown_keys_under_extra_list_the_known_ones():
    msg = settings_problems(lambda e: e.update(language="es"))
    assert "field 'extra.language'" in msg and "known fields:" in msg and "crisis_lines" in msg


def test_colours():
    assert "six hex digits" in settings_problems(lambda e: e["colors"].update(primary="blue"))
    msg = settings_problems(lambda e: e["colors"].update(primary="#9ec5f0"))
    assert "field 'extra.colors.primary'" in msg and "contrast of" in msg and "pick a darker colour" in msg
    msg = settings_problems(lambda e: e["colors"].update(accent="#f0c0e0"))
    assert "field 'extra.colors.accent'" in msg and "pick a darker colour" in msg


@pytest.mark.parametrize("value, expected", [(True, True), ("false", False), ("0", False), ("yes", True)])
def test_pdf_is_a_real_boolean(value, expected):
    extra = copy.deepcopy(settings_of())
    extra["pdf"] = value
    settings, _ = check_settings(extra, Problems())
    assert settings["pdf"] is expected


def test_pdf_that_is_not_a_boolean():
    assert "field 'extra.pdf'" in settings_problems(lambda e: e.update(pdf="maybe"))


def test_track_lengths_come_from_the_scheduler_limits():
    from macros.schedule import MAX_LENGTH, MIN_LENGTH
    msg = settings_problems(lambda e: e["program"].update(tracks=[MIN_LENGTH - 1]))
    assert f"from {MIN_LENGTH} to {MAX_LENGTH}" in msg


def test_many_settings_mistakes_at_once():
    def spoil(e):
        e["colors"]["primary"] = "blue"
        e["crisis_lines"][0]["call"] = "call me maybe"
        e["clinic"]["nmae"] = "x"
    msg = settings_problems(spoil)
    assert "3 problems" in msg and "extra.colors.primary" in msg and "extra.clinic.nmae" in msg


def test_a_schema_mistake_does_not_hide_the_contrast_and_date_checks():
    """One run names every mistake: a misspelt key beside a pale colour and a future date."""
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()

    def spoil(e):
        e["clinic"]["nmae"] = "x"
        e["colors"]["primary"] = "#9ec5f0"
        e["crisis_lines"][0]["checked"] = tomorrow
    msg = settings_problems(spoil)
    assert "extra.clinic.nmae" in msg
    assert "field 'extra.colors.primary'" in msg and "contrast of" in msg
    assert "field 'extra.crisis_lines.0.checked'" in msg and "in the future" in msg
    assert "3 problems" in msg


def test_make_check_reports_an_impossible_date_written_without_quotes(project, capsys):
    """MkDocs' own loader stops on `checked: 2026-13-01` with a traceback; `make build` and
    `make serve` check first with the project's loader, which names file, field and fix."""
    from macros import check
    cfg = project / "mkdocs.yml"
    text = cfg.read_text()
    first = settings_of(project)["crisis_lines"][0]["checked"]
    assert f'checked: "{first}"' in text or f"checked: {first}" in text
    cfg.write_text(text.replace(f'checked: "{first}"', "checked: 2026-13-01", 1).replace(f"checked: {first}", "checked: 2026-13-01", 1))
    assert check.main([str(cfg)]) == 1
    err = capsys.readouterr().err
    assert "mkdocs.yml" in err and "field 'extra.crisis_lines.0.checked'" in err and "not a real date" in err


def test_make_check_passes_on_this_checkout(capsys):
    from macros import check
    assert check.main([str(ROOT / "mkdocs.yml")]) == 0
    assert "no problems" in capsys.readouterr().out


def test_a_language_without_its_settings_file_is_named(project):
    extra = settings_of(project)
    extra["languages"] = [{"code": "en", "name": "English", "config": "mkdocs.yml"},
                          {"code": "fr", "name": "Français", "config": "mkdocs.fr.yml"}]
    text = problems_of(project, extra)
    assert "mkdocs.fr.yml" in text and "extra.languages[1].config" in text and "Fix:" in text
