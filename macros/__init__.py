"""mkdocs-macros entry point: the macros that the pages written by hand call, nothing else.

Each returns the output of a template under overrides/nc/ (or a partial), with the data
Python builds for it (macros/pages.py). Generated pages (days, tracks, exercises, scripts,
worksheets) do not come here: the generate step makes them (macros/generate.py).
"""
from .pages import (day_src, situations_with_exercises, start_data, today_data, today_grids, track_days, track_src,
                    workbook_links)
from .project import project_of


def define_env(env):
    project = project_of(env.conf)
    site = project.site
    env.variables["strings"] = site.strings
    env.variables["tracks"] = list(site.tracks)
    env.variables["track_days"] = track_days(site)

    def here():
        return env.page.file.src_uri

    def widget(name, *args):
        return str(project.macro("nc/widgets.html", name)(*args))

    def milestone_questions(at):
        found = next((m for m in site.milestones if m["at"] == at), None)
        return project.render("nc/milestone-questions.md", here(), questions=found["questions"] if found else [])

    macros = {
        "crisis_lines": lambda: str(project.macro("partials/nc-crisis-lines.html", "full")(site.settings, site.strings)),
        "emergency_numbers": lambda: str(project.macro("partials/nc-crisis-lines.html", "emergency_numbers")(site.settings)),
        "safety_warning": lambda: project.render("nc/safety-warning.md", here()),
        "self_harm_threat": lambda lead=False: project.render("nc/self-harm-threat.md", here(), lead=lead,
                                                            safety_plan=site.worksheets.get("safety-plan")),
        "track_list": lambda: project.render("nc/track-list.md", here(), tracks=[
            {"length": n, "overview": track_src(n), "first": day_src(n, 1)} for n in site.tracks]),
        "phase_list": lambda: project.render("nc/phase-list.md", here(), phases=site.phases),
        "milestone_questions": milestone_questions,
        "exercise_index": lambda: project.render("nc/exercise-index.md", here(), situations=site.situations,
                                               groups=situations_with_exercises(site)),
        "script_index": lambda: project.render("nc/script-index.md", here(), scripts=site.scripts),
        "worksheet_index": lambda: project.render("nc/worksheet-index.md", here(), worksheets=site.worksheets,
                                                   pdf=workbook_links(site, project.pdf)),
        "storage_controls": lambda: widget("storage_controls", site.strings),
        "sos_timer": lambda: widget("sos_timer", site.strings),
        "saved_reasons": lambda: widget("saved_reasons", site.strings),
        "path_finder": lambda: project.render("nc/start.md", here(), **start_data(site)),
        "exit_box": lambda: project.render("nc/exit-box.md", here()),
        "front_door": lambda: project.render("nc/front-door.md", here()),
        "today_app": lambda: widget("today_app", site.strings, list(site.tracks), today_data(site), today_grids(site)),
        # Between sessions (overrides/nc/between.html): the self-check, the notes page, the calendar file
        "self_check": lambda: str(project.macro("nc/between.html", "self_check")(site.strings)),
        "session_notes": lambda: str(project.macro("nc/between.html", "session_notes")(site.strings)),
        "trusted_calendar": lambda: str(project.macro("nc/between.html", "trusted_calendar")(site.strings)),
    }
    for name, fn in macros.items():
        env.macro(fn, name)
        env.variables.pop(name, None)  # a setting of the same name (crisis_lines) stays under `extra`


def on_pre_page_macros(env):
    """Every page, written by hand or made from a record: its `keywords` (front matter, or the
    record's field) are the words readers type for it. The theme's search indexes a page's
    `tags` with a strong boost and shows no tags on the page itself (no tags plugin), so the
    keywords go there: found in search, not printed on the page."""
    meta = env.page.meta
    words = meta.get("keywords")
    if words is None:
        return
    if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
        from .errors import ContentError, Problem, shown
        raise ContentError([Problem(shown(env.page.file.abs_src_path or env.page.file.src_uri),
                                    "keywords must be a list of words or short phrases", field="keywords",
                                    fix="write them as `keywords: [kids, custody]` in the front matter")])
    meta["tags"] = list(dict.fromkeys([*(meta.get("tags") or []), *(w.strip() for w in words)]))
