"""Clinical safety of the wording (issue 26): one wording for a threat of self-harm used to
force a reply, first where it appears; one gate on the written "stop contacting me" notice; the
crisis plan offered safely in a crisis; check-ins that ask about safety; a track arc with the
safety days in place. Each check reads this checkout's own records and settings, once for each
language (`lang`); a record or page a fork has removed is skipped, not failed."""
import re

import pytest

from macros.pages import day_src, page_table, render_page
from macros.project import Project
from macros.templates import environment


def squash(text: str) -> str:
    """Text without Markdown emphasis and with single spaces, to compare wordings."""
    return " ".join(re.sub(r"[*_]", "", text).split())


def day(nc, rid):
    return next((d for p in nc.phases for d in p["days"] if d["id"] == rid), None)


def section_of(text: str, needle: str) -> str:
    """The heading section of a page that holds `needle`, from its heading to the next one."""
    at = text.index(needle)
    start = text.rfind("\n#", 0, at)
    end = text.find("\n#", at)
    return text[start + 1:end if end != -1 else len(text)]


# ---------------------------------------------------------------------------
# 1. A threat of self-harm used to force a reply: one wording, first
# ---------------------------------------------------------------------------
SELF_HARM_PAGES = ["guide/safety.md", "guide/what-to-expect.md", "help.md", "program/slipped.md"]
# What most crisis lines cannot do: the wording that promised it, per language.
CHECK_ON_THEM = {"en": r"(?:trained people|crisis line)[^.]*\bcheck on\b",
                 "es": r"ir a ver cómo está|ver si está a salvo"}


@pytest.mark.parametrize("rel", SELF_HARM_PAGES)
def test_the_self_harm_wording_comes_first_on_the_pages_that_cover_it(lang, rel):
    path = lang.docs / rel
    if not path.exists():
        pytest.skip(f"{rel} is not in this checkout")
    text = path.read_text()
    assert "self_harm_threat(" in text, f"{lang.code}/{rel}: the shared wording (self_harm_threat()) is missing"
    line = next(l for l in text.splitlines() if "self_harm_threat(" in l)
    if line.startswith("- "):  # in a list item: first in it, after a bold lead-in
        assert re.match(r"^- \*\*[^*]+\*\* \{\{ self_harm_threat\(", line), f"{lang.code}/{rel}: {line[:80]}"
    else:  # first in its section
        section = section_of(text, "self_harm_threat(")
        body = [l for l in section.splitlines()[1:] if l.strip()]
        assert body[0].startswith("{{ self_harm_threat("), \
            f"{lang.code}/{rel}: the shared wording is not the first thing in '{section.splitlines()[0]}'"


def test_the_records_take_the_self_harm_wording_from_the_one_string(lang):
    """The contact-attempt exercise (its first step) and the angry-message day write
    {self_harm_threat}; their pages show the string's words there."""
    nc = lang.nc
    wording = squash(nc.strings.self_harm_threat)
    env = Project(nc, environment()).env
    pages = {p.src: p for p in page_table(nc, pdf=False)}
    ex = nc.exercises.get("contact-attempt")
    if ex:
        assert "{self_harm_threat}" in ex["steps"][0], f"{lang.code}: the contact-attempt exercise's first step"
        text = render_page(env, nc, pages["exercises/contact-attempt.md"])
        steps = text[text.index("\n1. "):]
        assert wording in squash(steps.split("\n2. ")[0]), f"{lang.code}: the exercise page shows the wording first"
    angry = day(nc, "an-angry-message")
    if angry:
        assert "{self_harm_threat}" in angry["reading"], f"{lang.code}: the angry-message day"
        length = max(nc.tracks)
        n = next(d["n"] for d in nc.tracks[length] if d["id"] == "an-angry-message")
        assert wording in squash(render_page(env, nc, pages[day_src(length, n)])), f"{lang.code}: the day page shows it"


def test_no_page_says_a_crisis_line_will_check_on_them(lang):
    pattern = CHECK_ON_THEM.get(lang.code)
    if not pattern:
        pytest.skip(f"no wording to look for in {lang.code}")
    from conftest import own_files
    for path in own_files(lang.docs):
        text = " ".join(path.read_text().split())
        assert not re.search(pattern, text, re.I), f"{path}: most crisis lines can't send anyone to check on a person"


def test_every_message_to_the_person_says_what_to_do_about_a_threat_of_self_harm(lang):
    for sid, script in lang.nc.scripts.items():
        if script["to_person"]:
            after = " ".join(script["after"])
            assert "#if-they-threaten-to-hurt-themselves" in after, f"{lang.code}/{sid}: nothing on a threat of self-harm after sending"


def test_the_scripts_safety_check_asks_about_threats_of_self_harm(lang):
    assert lang.nc.strings.safety_check_questions.count("?") >= 2, \
        f"{lang.code}: safety_check_questions asks about threats to hurt themselves too"


# ---------------------------------------------------------------------------
# 2. Privacy: the caution before the steps; the privacy day in the 30-day track
# ---------------------------------------------------------------------------
# (a word of the caution, a word of the first step, the mark on steps to plan with an advocate)
PRIVACY_WORDS = {"en": ("advocate", r"change (?:your )?passwords", "with an advocate first"),
                 "es": ("defensor", r"cambia (?:las|tus) contraseñas", "con una defensora o defensor de víctimas primero")}


def test_the_privacy_day_is_in_every_track_of_30_days_or_more(nc):
    if not day(nc, "privacy-check"):
        pytest.skip("no privacy day in this checkout")
    for length, days in nc.tracks.items():
        if length >= 30:
            assert "privacy-check" in [d["id"] for d in days], f"the privacy day is missing from the {length}-day track"


def test_the_privacy_caution_comes_before_the_steps(lang):
    if lang.code not in PRIVACY_WORDS:
        pytest.skip(f"no words to look for in {lang.code}")
    caution, step, mark = PRIVACY_WORDS[lang.code]
    texts = {}
    privacy = day(lang.nc, "privacy-check")
    if privacy:
        texts["privacy day"] = privacy["reading"]
    rules = lang.docs / "guide" / "the-rules.md"
    if rules.exists():
        text = rules.read_text()
        texts["rule 6"] = text[text.index("\n## 6."):text.index("\n## 7.")]
    for where, text in texts.items():
        text = " ".join(text.lower().split())
        first_step = re.search(step, text)
        assert caution in text and first_step, f"{lang.code}, {where}: no caution or no steps"
        assert text.index(caution) < first_step.start(), f"{lang.code}, {where}: the steps come before the caution"
        assert text.count(mark) >= 3, f"{lang.code}, {where}: the steps a watching person could notice are marked '{mark}'"


# ---------------------------------------------------------------------------
# 3. The written "stop contacting me" notice: calm planning, one gate everywhere
# ---------------------------------------------------------------------------
NOTICE = {
    "en": {"marker": r"short,? written notice",
           "must": ["If they have ever hurt, threatened or controlled you, ask an advocate first.",
                    "calm day", "co-parents", "that counts"]},
    "es": {"marker": r"aviso corto",
           "must": ["Si alguna vez te hizo daño, te amenazó o te controló, habla primero con una defensora o defensor de víctimas.",
                    "día tranquilo", "hijos en común", "eso cuenta"]},
}


def test_every_place_that_offers_the_written_notice_gates_it_the_same_way(lang):
    if lang.code not in NOTICE:
        pytest.skip(f"no words to look for in {lang.code}")
    from conftest import own_files
    found = 0
    for path in own_files(lang.docs):
        text = squash(path.read_text())
        for m in re.finditer(NOTICE[lang.code]["marker"], text):
            found += 1
            around = text[m.start():m.start() + 700]
            for words in NOTICE[lang.code]["must"]:
                assert words in around, f"{path}: the written notice without '{words}'"
    assert found, f"{lang.code}: the written notice is described nowhere"


def test_the_exercise_for_the_moment_a_message_arrives_does_not_offer_the_notice(lang):
    ex = lang.nc.exercises.get("contact-attempt")
    if not ex or lang.code not in NOTICE:
        pytest.skip("no contact-attempt exercise or no words to look for")
    for step in ex["steps"]:
        assert not re.search(NOTICE[lang.code]["marker"], squash(step)), \
            f"{lang.code}: a step offers the notice in the moment: {step[:80]}"


# ---------------------------------------------------------------------------
# 4. The crisis plan in a crisis, and on the sheet
# ---------------------------------------------------------------------------
OPEN_YOUR_PLAN = {"en": ("If you already made a crisis plan, open it now", "If not, call or text"),
                  "es": ("Si ya hiciste un plan de crisis, ábrelo ahora", "Si no, llama o escribe")}
PLAN_SHEET = {"en": {"not_listed": "Don't list the person you are stepping away from",
                     "fields": ["ER or urgent care", "worth living for"],
                     "means": ["medicines", "gun", "advocate"]},
              "es": {"not_listed": "No pongas a la persona de la que te alejas",
                     "fields": ["Urgencias más cercana", "vale la pena vivir"],
                     "means": ["medicinas", "arma", "defensor"]}}


def unlink(text: str) -> str:
    return squash(re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text))


@pytest.mark.parametrize("rel", ["sos.md", "help.md"])
def test_a_reader_in_crisis_opens_the_plan_they_made_or_calls(lang, rel):
    path = lang.docs / rel
    if not path.exists() or lang.code not in OPEN_YOUR_PLAN:
        pytest.skip(f"no {rel} or no words to look for in {lang.code}")
    text = path.read_text()
    if "worksheets/crisis-plan.md" not in text:
        pytest.skip(f"{rel} does not offer the crisis plan")
    first, then = OPEN_YOUR_PLAN[lang.code]
    first, then, plain = first.lower(), then.lower(), unlink(text).lower()
    assert first in plain, f"{lang.code}/{rel}: the crisis plan is offered without 'if you already made one, open it'"
    assert plain.index(first) < plain.index(then, plain.index(first)), f"{lang.code}/{rel}: 'if not, call now' follows"
    # Every sentence that links the crisis plan says "if you already made one".
    for line in text.splitlines():
        if "worksheets/crisis-plan.md" in line:
            assert first in unlink(line).lower(), f"{lang.code}/{rel}: {line[:90]}"


def test_the_crisis_plan_sheet_says_who_not_to_list_and_has_the_missing_parts(lang):
    sheet = lang.nc.worksheets.get("crisis-plan")
    if not sheet or lang.code not in PLAN_SHEET:
        pytest.skip("no crisis plan, or no words to look for")
    want = PLAN_SHEET[lang.code]
    printed = squash(" ".join([sheet["instructions"], sheet.get("warning") or ""]
                              + [b.get("label") or "" for b in sheet["blocks"]]
                              + [str(i) for b in sheet["blocks"] for i in b.get("items", [])]))
    assert want["not_listed"] in printed, f"{lang.code}: the sheet does not say who not to list (only the clinician note did)"
    for words in want["fields"] + want["means"]:
        assert words in printed, f"{lang.code}: the crisis plan has no '{words}'"


# ---------------------------------------------------------------------------
# 5. Friends and family: pass on threats, don't confront, asking about suicide is okay
# ---------------------------------------------------------------------------
FRIENDS = {"en": ["One exception: threats", "Confronting the other person", "Are you thinking about suicide?"],
           "es": ["Una excepción: las amenazas", "Enfrentar a la otra persona", "¿Estás pensando en el suicidio?"]}


def test_the_friends_and_family_page_passes_on_threats_and_does_not_confront(lang):
    path = lang.docs / "friends-and-family.md"
    if not path.exists() or lang.code not in FRIENDS:
        pytest.skip("no friends-and-family page, or no words to look for")
    text = squash(path.read_text())
    for words in FRIENDS[lang.code]:
        assert squash(words) in text, f"{lang.code}: friends-and-family.md has no '{words}'"
    exception = text[text.index(squash(FRIENDS[lang.code][0])):][:400]
    assert "emergenc" in exception.lower(), f"{lang.code}: the threat exception names the emergency number"


# ---------------------------------------------------------------------------
# 6. The decisional balance: the re-contact plan's warning, for looking, not deciding
# ---------------------------------------------------------------------------
FOR_LOOKING = {"en": "for looking, not deciding", "es": "para mirar, no para decidir"}


def test_the_decisional_balance_warns_like_the_re_contact_plan_and_leaves_the_choice_to_the_review(lang):
    sheets = lang.nc.worksheets
    if "decisional-balance" not in sheets or "re-contact-plan" not in sheets:
        pytest.skip("no decisional balance or no re-contact plan")
    balance, plan = sheets["decisional-balance"], sheets["re-contact-plan"]
    assert plan.get("warning") and squash(balance.get("warning") or "") == squash(plan["warning"]), \
        f"{lang.code}: the decisional balance prints the re-contact plan's violence warning"
    words = FOR_LOOKING.get(lang.code)
    if words:
        assert words in squash(balance["instructions"]), f"{lang.code}: the sheet says it is {words}"
        doubt = next((d for p in lang.nc.phases for d in p["days"] if "decisional-balance" in d.get("worksheets", [])), None)
        if doubt:
            assert words in squash(doubt["reading"] + " " + doubt["action"]), f"{lang.code}/{doubt['id']}: {words}"


# ---------------------------------------------------------------------------
# 7. Every check-in asks about safety; the help line names suicide and the crisis plan
# ---------------------------------------------------------------------------
def test_every_check_in_asks_about_safety_and_links_help_and_the_crisis_plan(lang):
    nc = lang.nc
    env = Project(nc, environment()).env
    pages = {p.src: p for p in page_table(nc, pdf=False)}
    seen = 0
    for length in nc.tracks:
        for n, milestone in nc.milestones_of(length).items():
            text = render_page(env, nc, pages[day_src(length, n)])
            box = text[text.index("!!! success"):text.index("\n## ")]
            assert squash(nc.strings.checkin_safety) in squash(box), f"{lang.code}: day {n} of {length}: no safety question"
            assert "help.md)" in box and "worksheets/crisis-plan.md)" in box, \
                f"{lang.code}: day {n} of {length}: the safety question links help and the crisis plan"
            seen += 1
    assert seen, "no check-in in any track"


def test_the_check_in_help_line_opens_the_crisis_plan(lang):
    nc = lang.nc
    env = Project(nc, environment()).env
    page = next(p for p in page_table(nc, pdf=False) if p.src == day_src(min(nc.tracks), 2))
    text = render_page(env, nc, page)
    line = next(l for l in text.splitlines() if squash(nc.strings.checkin_help) in squash(l))
    assert "worksheets/crisis-plan.md)" in line and "help.md)" in line
    assert line.index("help.md)") < line.index("sos.md)"), "help first, then 'I want to reach out'"


# ---------------------------------------------------------------------------
# 9. The track arc: professional help before the last week, the guilt day with the thought
#    record, the kind-message day in the 30-day track
# ---------------------------------------------------------------------------
def all_lengths(nc):
    """Every length a clinic may set (14 to 90), built from this checkout's records."""
    from macros.schedule import MAX_LENGTH, MIN_LENGTH, build_track
    written = sum(len(p["days"]) for p in nc.phases)
    return {n: build_track(nc.phases, n) for n in range(MIN_LENGTH, min(MAX_LENGTH, written) + 1)}


def test_professional_help_comes_before_the_last_week_of_every_track(nc):
    if not day(nc, "finding-professional-support"):
        pytest.skip("no professional-help day")
    for length, days in all_lengths(nc).items():
        n = next(d["n"] for d in days if d["id"] == "finding-professional-support")
        assert n <= length - 7, f"professional help is day {n} of {length}: in the last week"


def test_the_guilt_day_goes_with_the_thought_record_not_the_slip_exercise(nc):
    guilt = day(nc, "carrying-guilt")
    if not guilt:
        pytest.skip("no guilt day")
    exercise = nc.exercises[guilt["exercise"]]
    assert "slipped" not in exercise["situations"], f"the guilt day uses the slip exercise '{guilt['exercise']}'"
    assert exercise.get("worksheet") == "thought-record", "the guilt day's exercise works with the thought record"


def test_the_kind_message_day_is_in_every_track_of_30_days_or_more(nc):
    if not day(nc, "a-kind-or-sorry-message"):
        pytest.skip("no kind-message day")
    for length, days in nc.tracks.items():
        if length >= 30:
            assert "a-kind-or-sorry-message" in [d["id"] for d in days], f"missing from the {length}-day track"


# ---------------------------------------------------------------------------
# 8. The younger-self letter: grounding and a way to stop first, an age not a scene, later
# ---------------------------------------------------------------------------
LETTER = {"en": {"age": "Choose an age", "picture": "Picture yourself", "later": "Not in your first weeks"},
          "es": {"age": "Elige una edad", "picture": "Imagínate en ese entonces", "later": "No en tus primeras semanas"}}


def test_the_younger_self_letter_grounds_first_asks_for_an_age_and_waits(lang):
    nc = lang.nc
    ex = nc.exercises.get("younger-self-letter")
    if not ex:
        pytest.skip("no younger-self letter")
    # Grounding and the way to stop come before any step that asks for memories or writing.
    assert any("exercises/grounding.md" in s for s in ex["steps"][:2]), f"{lang.code}: a stop line to grounding in the first two steps"
    words = LETTER.get(lang.code)
    if words:
        steps = squash(" ".join(ex["steps"]))
        assert words["age"] in steps and words["picture"] not in steps, f"{lang.code}: choose an age, don't picture what happened"
        assert words["later"] in squash(ex["when"]), f"{lang.code}: the letter says not in your first weeks"
    for length, days in all_lengths(nc).items():
        for d in days:
            if d["exercise"] == "younger-self-letter":
                assert d["n"] > 21, f"the letter falls on day {d['n']} of {length}, in the first three weeks"


# ---------------------------------------------------------------------------
# 10. Writing exercises say what the evidence says; slips don't lean on the habit study
# ---------------------------------------------------------------------------
def test_the_writing_exercises_carry_the_evidence_and_start_with_a_short_question(lang):
    nc = lang.nc
    for rid in ("journal-prompts", "younger-self-letter"):
        ex = nc.exercises.get(rid)
        if ex:
            assert "(Sbarra et al., 2013)" in ex["when"], f"{lang.code}/{rid}: the caution on deep writing, before the steps"
    journal = nc.exercises.get("journal-prompts")
    if journal:
        unsent = next((i for i, s in enumerate(journal["steps"]) if "Lepore" in s), None)
        assert unsent is not None and unsent >= 3, f"{lang.code}: short questions come before the unsent message"


def test_slips_are_not_explained_with_the_habit_study(lang):
    texts = {}
    for rel in ("program/slipped.md", "program/index.md"):
        if (lang.docs / rel).exists():
            texts[rel] = (lang.docs / rel).read_text()
    ex = lang.nc.exercises.get("self-compassion")
    if ex:
        texts["self-compassion"] = " ".join(ex["steps"])
    slip = day(lang.nc, "if-you-slip")
    if slip:
        texts["if-you-slip"] = slip["reading"]
    assert texts
    for where, text in texts.items():
        assert "Lally" not in text, f"{lang.code}/{where}: a study of new habits used to reassure about slips"


# ---------------------------------------------------------------------------
# 11. Next in line: silence can alert a controlling person too
# ---------------------------------------------------------------------------
ADVOCATE = {"en": "advocate", "es": "defensor"}


def test_the_path_of_not_telling_them_plans_the_silence_with_an_advocate_too(lang):
    path = next((p for p in lang.nc.start.get("paths", []) if p["id"] == "not-telling"), None) \
        if isinstance(getattr(lang.nc, "start", None), dict) else None
    word = ADVOCATE.get(lang.code)
    if not path or not word:
        pytest.skip("no not-telling path, or no word to look for")
    assert word in " ".join(path["steps"]).lower(), f"{lang.code}: 'just stop replying' without planning it with an advocate"


def test_no_exercise_offers_the_slip_exercise_for_guilt(nc):
    """Choosing yourself is not a slip: the exercise index does not list a slip exercise under guilt."""
    both = [rid for rid, ex in nc.exercises.items() if {"slipped", "guilt"} <= set(ex["situations"])]
    assert not both, f"listed for guilt and for slips: {both}"
