"""mkdocs-macros entry point: registration only. The work is done in content.py (load and
check), schedule.py (tracks of any length) and render.py (records -> Markdown/HTML)."""
from . import render
from .site import site_for


def define_env(env):
    site = site_for(env.conf)
    pdf = pdf_enabled(env.conf)
    env.variables["strings"] = site.strings
    env.variables["tracks"] = list(site.tracks)

    def here():
        return env.page.file.src_uri

    macros = {
        "crisis_lines": lambda: render.crisis_lines_html(site),
        "emergency_numbers": lambda: render.emergency_text(site.settings),
        "safety_warning": lambda: render.with_help_link(render.safety_warning_md(site), here()),
        "day_page": lambda length, n: render.day_md(site, length, n),
        "track_overview": lambda length: render.track_overview_md(site, length),
        "track_list": lambda: render.track_list_md(site, here()),
        "phase_list": lambda: render.phase_list_md(site, here()),
        "milestone_questions": lambda at: render.milestone_questions_md(site, at, here()),
        "exercise_page": lambda rid: render.exercise_md(site, rid),
        "exercise_index": lambda: render.exercise_index_md(site),
        "script_page": lambda rid: render.script_md(site, rid),
        "script_index": lambda: render.script_index_md(site),
        "worksheet_page": lambda rid: render.worksheet_md(site, rid, pdf),
        "worksheet_index": lambda: render.worksheet_index_md(site, pdf),
        "storage_controls": lambda: render.storage_controls_html(site),
        "sos_timer": lambda: render.sos_timer_html(site),
        "saved_reasons": lambda: render.saved_reasons_html(site),
        "today_app": lambda: render.today_html(site),
    }
    for name, fn in macros.items():
        env.macro(fn, name)
        env.variables.pop(name, None)  # a setting of the same name (crisis_lines) stays under `extra`


def pdf_enabled(config) -> bool:
    value = config["extra"].get("pdf", True)
    return value if isinstance(value, bool) else str(value).strip().lower() not in {"false", "0", "no", "off", ""}
