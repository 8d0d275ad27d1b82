"""A clinic's typo must stop the build with a message that names the file, the field and the
fix, and must leave no half-written site behind."""
import re

import pytest

from conftest import build, copy_project


def edit(path, old, new, count=1):
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count))


def drop_day(p):
    phase = p / "docs/_data/program/phases/3-rebuilding.yml"
    text = phase.read_text()
    starts = [m.start() for m in re.finditer(r"^  - id: ", text, re.M)]
    phase.write_text(text[:starts[3]] + text[starts[4]:])
    edit(p / "mkdocs.yml", "tracks: [30, 60]", "tracks: [30, 90]")


CASES = {
    "wrong type": (lambda p: edit(p / "docs/_data/exercises/grounding.yml", "minutes: 5", "minutes: five"),
                   ["docs/_data/exercises/grounding.yml", "record 'grounding'", "field 'minutes'", "Fix: write a whole number"]),
    "unknown key": (lambda p: edit(p / "docs/_data/exercises/grounding.yml", "minutes: 5", "minutes: 5\ncolour: red"),
                    ["exercises/grounding.yml", "field 'colour'", "correct its spelling"]),
    "missing required value": (lambda p: edit(p / "mkdocs.yml", "      source: https://findahelpline.com/\n", ""),
                               ["mkdocs.yml", "field 'extra.crisis_lines.4.source'", "Fix: add this field"]),
    "bad phone entry": (lambda p: edit(p / "mkdocs.yml", 'call: "116 123"', 'call: "116 123!!"'),
                        ["mkdocs.yml", "field 'extra.crisis_lines.2.call'", "digits with spaces"]),
    "bad colour": (lambda p: edit(p / "mkdocs.yml", 'primary: "#34577a"', "primary: blue"),
                   ["field 'extra.colors.primary'", "six hex digits"]),
    "colour too light to read": (lambda p: edit(p / "mkdocs.yml", 'primary: "#34577a"', 'primary: "#9ec5f0"'),
                                 ["field 'extra.colors.primary'", "contrast of", "pick a darker colour"]),
    "track too long for the content": (drop_day, ["extra.program.tracks", "needs 90 days", "hold only 89"]),
    "dangling reference": (lambda p: (p / "docs/_data/worksheets/urge-log.yml").unlink(),
                           ["docs/_data/", "no worksheet has the id 'urge-log'", "field 'worksheet"]),
    "malformed YAML": (lambda p: edit(p / "docs/_data/exercises/grounding.yml", "minutes: 5", "minutes: 5\n  - oops: [unclosed"),
                       ["docs/_data/exercises/grounding.yml", "not valid YAML", "indentation"]),
    "duplicate id": (lambda p: edit(p / "docs/_data/program/phases/2-missing-and-grieving.yml", "- id: missing-them", "- id: first-day"),
                     ["2-missing-and-grieving.yml", "record 'first-day'", "field 'id'", "also used in"]),
    "unknown strings key": (lambda p: edit(p / "docs/_data/strings.yml", "exit_label:", "exit_lable:"),
                            ["docs/_data/strings.yml", "field 'exit_lable'", "unknown key"]),
    "lost slot in a string": (lambda p: edit(p / "docs/_data/strings.yml", 'day_of: "Day {n} of {length}"', 'day_of: "Day {n} of 30"'),
                              ["strings.yml", "field 'day_of'", "{length}"]),
    "placeholder that does not exist": (lambda p: edit(p / "docs/_data/scripts/tell-friend.yml", "{their_name}", "{pet_name}"),
                                        ["scripts/tell-friend.yml", "record 'tell-friend'", "{pet_name} does not exist", "placeholders.yml"]),
    "unknown exercise id in a day": (lambda p: edit(p / "docs/_data/program/phases/1-first-days.yml", "exercise: urge-surfing", "exercise: urge-surf"),
                                     ["1-first-days.yml", "field 'exercise'", "no exercise has the id 'urge-surf'"]),
    "link in a record to a missing page": (lambda p: edit(p / "docs/_data/scripts/decline-to-discuss.yml", "exercises/slow-breathing.md", "exercises/deep-breathing.md"),
                                           ["docs/_data/scripts/decline-to-discuss.yml", "exercises/deep-breathing.md, which does not exist"]),
    "a page calls a macro that does not exist": (lambda p: edit(p / "docs/help.md", "# Help", "{{ no_such_macro() }}\n\n# Help"),
                                                 ["help.md", "'no_such_macro' is undefined"]),
    "old check date format": (lambda p: edit(p / "mkdocs.yml", "checked: 2026-11-01", "checked: 1 Nov 2026"),
                              ["field 'extra.crisis_lines.0.checked'", "YYYY-MM-DD"]),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_stops_the_build_and_names_the_fix(tmp_path, case):
    mutate, expected = CASES[case]
    project = copy_project(tmp_path / "p")
    mutate(project)
    out = tmp_path / "site"
    proc = build(project, out, pdf=False)
    assert proc.returncode != 0, f"{case}: the build went on"
    message = proc.stderr
    for bit in expected:
        assert bit in message, f"{case}: {bit!r} not in:\n{message[-1500:]}"
    assert not out.exists() or not any(out.rglob("*.html")), "no half-written site"
    if "Content check failed:" in message:
        assert str(tmp_path) not in message.split("Content check failed:")[-1][:200], "paths are shown as the clinic sees them"
