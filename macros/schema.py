"""JSON Schemas for the settings (`extra:` in mkdocs.yml) and every content record.

Each property may carry a `fix` hint (shown to the clinic when that field is wrong) and a
`problem` text (said instead of the validator's own words).
"""
from .schedule import MAX_LENGTH, MIN_LENGTH

ID = {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
      "fix": "use lower-case words joined by hyphens, such as `urge-surfing`"}
TEXT = {"type": "string", "minLength": 1, "fix": "write some text here"}
IDS = {"type": "array", "items": ID, "uniqueItems": True,
       "fix": "write a list of ids, such as `[my-reasons, urge-log]`"}
# Words readers type into the site's search for this page (indexed, not shown on it).
KEYWORDS = {"type": "array", "minItems": 1, "uniqueItems": True,
            "items": {"type": "string", "pattern": r"^[^\n,]*\S[^\n,]*$",
                      "fix": "write one word or short phrase per item, such as `kids`"},
            "fix": "write a list of the words readers type into search, such as `[kids, custody]`"}
COLOR = {"type": "string", "pattern": "^#[0-9a-fA-F]{6}$",
         "fix": "write a colour as # and six hex digits, in quotes, such as \"#34577a\""}
PHONE = {"type": "string", "pattern": r"^(?=.*[0-9])[0-9A-Za-z +().\-]{2,40}$",
         "problem": "this is not a phone number",
         "fix": "write the number as text in quotes, digits with spaces or hyphens, such as \"116 123\""}
URL = {"type": "string", "pattern": "^https?://[^\\s]+$",
       "fix": "write a full address that starts with https://"}
DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$",
        "problem": "this is not a date written as YYYY-MM-DD",
        "fix": "write the date as YYYY-MM-DD in quotes, such as \"2026-11-01\""}

COUNTRY = {"type": "string", "pattern": "^([A-Z]{2}|any)$",
           "problem": "this is not a country code",
           "fix": "write the two-letter code of the country it serves, in capitals (ISO 3166-1, such as US, GB, "
                  "MX, ES; EU for a number that works across the European Union), or any for a service for every "
                  "country; every language's settings use the same codes"}

CRISIS_LINE = {
    "type": "object",
    "additionalProperties": False,
    "required": ["name", "region", "country", "source", "checked"],
    "anyOf": [{"required": [way]} for way in ("call", "text", "tty", "url")],
    "problem": "this line has no way to reach it",
    "fix": "add at least one of call, text, tty or url",
    "properties": {
        "name": TEXT,
        "region": TEXT,
        "country": COUNTRY,
        "call": PHONE,
        "text": {"type": "string", "pattern": "[0-9]", "problem": "this gives no number to text",
                 "fix": "write the number to text, or words with the number, such as \"Text START to 88788\""},
        "tty": PHONE,
        "hours": TEXT,
        "for": TEXT,
        "languages": TEXT,
        "url": URL,
        "source": dict(URL, fix="give the page where you checked this line, starting with https://"),
        "checked": DATE,
    },
}

# Every key Material or this project reads under `extra:`; anything else is a typo.
SETTINGS = {
    "type": "object",
    "additionalProperties": False,
    "required": ["clinic", "colors", "exit", "emergency", "crisis_lines", "program", "attribution"],
    "properties": {
        "clinic": {
            "type": "object", "additionalProperties": False, "required": ["name"],
            "properties": {"name": TEXT,
                           "email": {"type": "string", "pattern": r"^$|^[^@\s]+@[^@\s]+\.[^@\s]+$",
                                     "fix": "write an email address such as help@clinic.example, or \"\" to hide it"},
                           "phone": {"anyOf": [{"const": ""}, PHONE], "problem": PHONE["problem"],
                                     "fix": PHONE["fix"] + ", or \"\" to hide it"},
                           "address": {"type": "string"},
                           "url": {"anyOf": [{"const": ""}, URL], "fix": "write a full address that starts with https://, or \"\""}},
        },
        "colors": {"type": "object", "additionalProperties": False,
                   "required": ["primary", "accent"],
                   "properties": {"primary": COLOR, "accent": COLOR}},
        "exit": {"type": "object", "additionalProperties": False, "required": ["url"],
                 "properties": {"url": dict(URL, fix="give a neutral page such as a weather site, starting with https://")}},
        "emergency": {"type": "array", "minItems": 1,
                      "fix": "list at least one emergency number with its region",
                      "items": {"type": "object", "additionalProperties": False,
                                "required": ["region", "country", "number"],
                                "properties": {"region": TEXT, "country": COUNTRY, "number": PHONE}}},
        "crisis_lines": {"type": "array", "minItems": 1, "items": CRISIS_LINE,
                         "fix": "list at least one crisis line"},
        "program": {
            "type": "object", "additionalProperties": False, "required": ["tracks"],
            "properties": {
                "tracks": {"type": "array", "minItems": 1, "uniqueItems": True,
                           "items": {"type": "integer", "minimum": MIN_LENGTH, "maximum": MAX_LENGTH,
                                     "fix": f"each track is a whole number of days from {MIN_LENGTH} to {MAX_LENGTH}"},
                           "fix": "write the track lengths as a list, such as [30, 60]"},
                "milestones": {"type": "boolean", "fix": "write true or false"},
            },
        },
        "review": {
            "type": "object", "additionalProperties": False, "required": ["date"],
            "properties": {"date": DATE, "by": TEXT,
                           "renew_after_days": {"type": "integer", "minimum": 30, "maximum": 1100,
                                                "fix": "write a number of days, such as 365"}},
        },
        "workbook": {
            "type": "object", "additionalProperties": False,
            "properties": {"first": dict(IDS, fix="list worksheet ids, such as [crisis-plan, safety-plan, support-plan]")},
        },
        "calendar": {"type": "object", "additionalProperties": False,
                     "properties": {"discreet_title": TEXT}},
        "worksheets": {"type": "object", "additionalProperties": False,
                       "properties": {"default": {"enum": ["standard", "discreet"],
                                                  "fix": "write standard (the sheet's own title and the clinic's name) "
                                                         "or discreet (plain titles and file names, offered first)"}}},
        "languages": {"type": "array", "items": {
            "type": "object", "additionalProperties": False, "required": ["code", "name", "config"],
            "properties": {"code": {"type": "string", "pattern": "^[a-z]{2,3}(-[A-Za-z]{2,4})?$",
                                    "fix": "write a language code such as en, es or pt-BR"},
                           "name": TEXT,
                           "config": {"type": "string", "pattern": r"^[A-Za-z0-9_.-]+\.ya?ml$",
                                      "fix": "give the settings file of that language, such as mkdocs.es.yml"}}},
            "fix": "list the site's languages, the first one at the site's root, such as "
                   "[{code: en, name: English, config: mkdocs.yml}, {code: es, name: Español, config: mkdocs.es.yml}]"},
        "pdf": {"type": ["boolean", "string"], "fix": "write true or false"},
        "attribution": TEXT,
        # Read by the Material theme
        "generator": {"type": "boolean", "fix": "write true or false"},
        "polyfills": {"type": "array", "items": {"type": "string"}},
        "alternate": {"type": "array", "items": {"type": "object"}},
    },
}

PHASE = {
    "type": "object",
    "additionalProperties": False,
    "required": ["title", "stage", "summary", "share", "days"],
    "properties": {
        "title": TEXT,
        "stage": TEXT,
        "summary": TEXT,
        "share": {"type": "number", "exclusiveMinimum": 0, "maximum": 100,
                  "fix": "write the percent of a track this phase fills, such as 33"},
        "days": {"type": "array", "minItems": 1, "fix": "list the phase's days under `days:`",
                 "items": {
                     "type": "object",
                     "additionalProperties": False,
                     "required": ["id", "title", "priority", "reading", "action", "exercise", "prompt"],
                     "properties": {
                         "id": ID,
                         "title": TEXT,
                         "priority": {"type": "integer", "enum": [0, 1, 2, 3],
                                      "fix": "write 0 (even the shortest track), 1 (the core of a 30-day track), "
                                             "2 (longer tracks) or 3 (the longest tracks)"},
                         "reading": TEXT,
                         "read_more": {"type": "string", "pattern": r"^[a-z0-9/_-]+\.md(#[a-z0-9-]+)?$",
                                       "fix": "give a page path inside docs/, such as guide/the-rules.md"},
                         "action": TEXT,
                         "exercise": ID,
                         "prompt": TEXT,
                         "worksheets": IDS,
                         "scripts": IDS,
                         "keywords": KEYWORDS,
                     },
                 }},
    },
}

MILESTONES = {
    "type": "array",
    "items": {
        "type": "object", "additionalProperties": False,
        "required": ["at", "title", "text"],
        "properties": {
            "at": {"anyOf": [{"type": "integer", "minimum": 1}, {"enum": ["midpoint", "last", "weekly"]}],
                   "problem": "this is not a day number, `midpoint`, `last` or `weekly`",
                   "fix": "write a day number (such as 7), `midpoint`, `last` or `weekly`"},
            "title": TEXT,
            "text": TEXT,
            "questions": {"type": "array", "items": TEXT},
            "self_check": {"type": "boolean", "fix": "write true (the day page and the Today grid offer the "
                                                     "private self-check) or leave the line out"},
        },
    },
}

EXERCISE = {
    "type": "object",
    "additionalProperties": False,
    "required": ["title", "summary", "situations", "minutes", "when", "steps", "afterwards"],
    "properties": {
        "title": TEXT,
        "summary": TEXT,
        "situations": dict(IDS, minItems=1),
        "minutes": {"type": "integer", "minimum": 1, "maximum": 120,
                    "fix": "write a whole number of minutes, such as 10"},
        "when": TEXT,
        "steps": {"type": "array", "minItems": 1, "items": TEXT, "fix": "list the steps, one per line starting with `- `"},
        "afterwards": TEXT,
        "worksheet": ID,
        "keywords": KEYWORDS,
    },
}

SITUATIONS = {
    "type": "object",
    "minProperties": 1,
    "propertyNames": ID,
    "additionalProperties": {
        "type": "object", "additionalProperties": False, "required": ["label", "text"],
        "properties": {"label": TEXT, "text": TEXT},
    },
}

PLACEHOLDERS = {
    "type": "object",
    "propertyNames": {"pattern": "^[a-z][a-z0-9_]*$"},
    "additionalProperties": {
        "type": "object", "additionalProperties": False, "required": ["label", "default"],
        "properties": {"label": TEXT, "default": TEXT},
    },
}

SCRIPT = {
    "type": "object",
    "additionalProperties": False,
    "required": ["title", "summary", "to_person", "when", "variants", "after"],
    "properties": {
        "title": TEXT,
        "summary": TEXT,
        "to_person": {"type": "boolean", "fix": "write true if the message goes to the person you are cutting off, else false"},
        "when": TEXT,
        "before": TEXT,
        "variants": {"type": "array", "minItems": 1,
                     "items": {"type": "object", "additionalProperties": False,
                               "required": ["id", "label", "text"],
                               "properties": {"id": ID, "label": TEXT, "text": TEXT}}},
        "after": {"type": "array", "items": TEXT},
        "keywords": KEYWORDS,
    },
}

def _count(low, high, what, fix):
    return {"type": "integer", "minimum": low, "maximum": high,
            "fix": f"write a whole number of {what} from {low} to {high}; {fix}"}


_MORE = "for more, add a second block below it, or let the sheet take two pages (`pages: 2`)"
ITEMS = {"type": "array", "minItems": 1, "items": TEXT, "fix": "list the items, one per line starting with `- `"}
COLUMN = {"anyOf": [TEXT, {"type": "object", "additionalProperties": False, "required": ["label"],
                           "properties": {"label": TEXT, "width": {"type": "number", "minimum": 0.5, "maximum": 10}}}],
          "problem": "a column is a heading, or a heading with a width",
          "fix": "write the heading as text, or as {label: What happened, width: 3} (width 0.5 to 10, default 1)"}
BLOCK_TYPES = ["lines", "fields", "checklist", "table", "boxes", "scale", "crisis_lines", "note"]

BLOCK = {
    "type": "object",
    "required": ["type"],
    "properties": {"type": {"enum": BLOCK_TYPES, "fix": "use one of " + ", ".join(BLOCK_TYPES)}},
    "allOf": [
        {"if": {"properties": {"type": {"const": "lines"}}},
         "then": {"additionalProperties": False, "required": ["lines"],
                  "properties": {"type": True, "label": TEXT, "lines": _count(1, 40, "lines", _MORE)}}},
        {"if": {"properties": {"type": {"const": "fields"}}},
         "then": {"additionalProperties": False, "required": ["items"],
                  "properties": {"type": True, "label": TEXT, "items": ITEMS,
                                 "columns": {"enum": [1, 2], "fix": "write 1 (one field a line) or 2 (two side by side)"}}}},
        {"if": {"properties": {"type": {"const": "checklist"}}},
         "then": {"additionalProperties": False, "required": ["items"],
                  "properties": {"type": True, "label": TEXT, "items": ITEMS}}},
        {"if": {"properties": {"type": {"const": "table"}}},
         "then": {"additionalProperties": False, "required": ["columns", "rows"],
                  "properties": {"type": True, "label": TEXT,
                                 "columns": {"type": "array", "minItems": 1, "maxItems": 8, "items": COLUMN,
                                             "fix": "a table takes 1 to 8 columns; for more, make two tables"},
                                 "rows": _count(1, 30, "rows", _MORE)}}},
        {"if": {"properties": {"type": {"const": "boxes"}}},
         "then": {"additionalProperties": False, "required": ["items"],
                  "properties": {"type": True, "label": TEXT, "items": ITEMS,
                                 "lines": _count(1, 20, "lines in each box", _MORE)}}},
        {"if": {"properties": {"type": {"const": "scale"}}},
         "then": {"additionalProperties": False, "required": ["label", "from", "to"],
                  "properties": {"type": True, "label": TEXT,
                                 "from": _count(0, 100, "points", "such as 0"),
                                 "to": _count(1, 100, "points", "such as 10")}}},
        {"if": {"properties": {"type": {"const": "crisis_lines"}}},
         "then": {"additionalProperties": False,
                  "properties": {"type": True, "label": TEXT,
                                 "compact": {"type": "boolean",
                                             "fix": "write true (one line each: name and number) or false (every way to "
                                                    "reach each line, and its hours)"}}}},
        {"if": {"properties": {"type": {"const": "note"}}},
         "then": {"additionalProperties": False, "required": ["text"],
                  "properties": {"type": True, "label": TEXT, "text": TEXT}}},
    ],
}

WORKSHEET = {
    "type": "object",
    "additionalProperties": False,
    "required": ["title", "purpose", "instructions", "blocks"],
    "properties": {
        "title": TEXT,
        # Required: macros/content.py says so in its own words (what to write, and why)
        "discreet_title": dict(TEXT, fix="write a plain name that says nothing of the program, the clinic or "
                                         "what the sheet is for, such as `Week at a glance`"),
        "purpose": TEXT,
        "instructions": TEXT,
        "pages": _count(1, 4, "printed pages", "the PDF check says how many it takes"),
        "warning": TEXT,
        "clinician": {"type": "object", "additionalProperties": False,
                      "required": ["purpose", "when", "in_session"],
                      "properties": {"purpose": TEXT, "when": TEXT, "in_session": TEXT}},
        "blocks": {"type": "array", "minItems": 1, "items": BLOCK},
        "keywords": KEYWORDS,
    },
}

WORKBOOK = {
    "type": "object",
    "additionalProperties": False,
    "required": ["title", "how_to_use"],
    "properties": {
        "title": TEXT,
        "how_to_use": {"type": "array", "minItems": 1, "items": TEXT,
                       "fix": "list the paragraphs, one per line starting with `- `"},
    },
}

ANSWER = {"type": "object", "additionalProperties": False, "required": ["id", "label"],
          "properties": {"id": ID, "label": TEXT}}
START = {
    "type": "object",
    "additionalProperties": False,
    "required": ["questions", "paths"],
    "properties": {
        "questions": {"type": "array", "minItems": 1, "maxItems": 6, "items": {
            "type": "object", "additionalProperties": False, "required": ["id", "legend", "answers"],
            "properties": {"id": ID, "legend": TEXT, "hint": TEXT,
                           "answers": {"type": "array", "minItems": 2, "items": ANSWER}}},
            "fix": "list one to six questions (the last question, how long a program, is added from the tracks)"},
        "paths": {"type": "array", "minItems": 1, "items": {
            "type": "object", "additionalProperties": False, "required": ["id", "title", "steps"],
            "properties": {"id": ID, "title": TEXT,
                           "when": {"type": "object", "additionalProperties": {"type": "array", "items": ID, "minItems": 1},
                                    "fix": "write the answers a path needs, such as {danger: [yes, not-sure]}"},
                           "steps": {"type": "array", "minItems": 1, "items": TEXT}}}},
    },
}
