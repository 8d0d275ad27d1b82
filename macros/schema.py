"""JSON Schemas for the settings (`extra:` in mkdocs.yml) and every content record.

Each property may carry a `fix` hint: it is shown to the clinic when that field is wrong.
"""

ID = {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
      "fix": "use lower-case words joined by hyphens, such as `urge-surfing`"}
TEXT = {"type": "string", "minLength": 1, "fix": "write some text here"}
IDS = {"type": "array", "items": ID, "uniqueItems": True,
       "fix": "write a list of ids, such as `[my-reasons, urge-log]`"}
COLOR = {"type": "string", "pattern": "^#[0-9a-fA-F]{6}$",
         "fix": "write a colour as # and six hex digits, in quotes, such as \"#34577a\""}
PHONE = {"type": "string", "pattern": r"^[0-9A-Za-z +().\-]{2,40}$",
         "fix": "write the number as text in quotes, digits with spaces or hyphens, such as \"116 123\""}
URL = {"type": "string", "pattern": "^https?://[^\\s]+$",
       "fix": "write a full address that starts with https://"}
DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$",
        "fix": "write the date as YYYY-MM-DD, such as 2026-11-01"}

CRISIS_LINE = {
    "type": "object",
    "additionalProperties": False,
    "required": ["name", "region", "source", "checked"],
    "properties": {
        "name": TEXT,
        "region": TEXT,
        "call": PHONE,
        "text": {"type": "string", "minLength": 1, "fix": "write the number to text, or words such as \"Text START to 88788\""},
        "tty": PHONE,
        "hours": TEXT,
        "for": TEXT,
        "url": URL,
        "source": dict(URL, fix="give the page where you checked this line, starting with https://"),
        "checked": DATE,
    },
}

SETTINGS = {
    "type": "object",
    "additionalProperties": True,
    "required": ["clinic", "colors", "exit", "emergency", "crisis_lines", "program", "attribution"],
    "properties": {
        "clinic": {
            "type": "object", "additionalProperties": False, "required": ["name"],
            "properties": {"name": TEXT,
                           "email": {"type": "string", "pattern": r"^$|^[^@\s]+@[^@\s]+\.[^@\s]+$",
                                     "fix": "write an email address such as help@clinic.example, or \"\" to hide it"},
                           "phone": {"anyOf": [{"const": ""}, PHONE], "fix": PHONE["fix"] + ", or \"\" to hide it"},
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
                                "required": ["region", "number"],
                                "properties": {"region": TEXT, "number": PHONE}}},
        "crisis_lines": {"type": "array", "minItems": 1, "items": CRISIS_LINE,
                         "fix": "list at least one crisis line"},
        "program": {
            "type": "object", "additionalProperties": False, "required": ["tracks"],
            "properties": {
                "tracks": {"type": "array", "minItems": 1, "uniqueItems": True,
                           "items": {"type": "integer", "minimum": 14, "maximum": 90,
                                     "fix": "each track is a whole number of days from 14 to 90"},
                           "fix": "write the track lengths as a list, such as [30, 60]"},
                "milestones": {"type": "boolean", "fix": "write true or false"},
            },
        },
        "calendar": {"type": "object", "additionalProperties": False,
                     "properties": {"discreet_title": TEXT}},
        "pdf": {"type": ["boolean", "string"], "fix": "write true or false"},
        "attribution": TEXT,
        "polyfills": {"type": "array"},
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
                         "priority": {"type": "integer", "enum": [1, 2, 3],
                                      "fix": "write 1 (every track), 2 (45+ days) or 3 (long tracks)"},
                         "reading": TEXT,
                         "read_more": {"type": "string", "pattern": r"^[a-z0-9/_-]+\.md(#[a-z0-9-]+)?$",
                                       "fix": "give a page path inside docs/, such as guide/the-rules.md"},
                         "action": TEXT,
                         "exercise": ID,
                         "prompt": TEXT,
                         "worksheets": IDS,
                         "scripts": IDS,
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
            "at": {"anyOf": [{"type": "integer", "minimum": 1}, {"enum": ["midpoint", "last"]}],
                   "fix": "write a day number, `midpoint` or `last`"},
            "title": TEXT,
            "text": TEXT,
            "questions": {"type": "array", "items": TEXT},
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
    },
}

BLOCK = {
    "type": "object",
    "required": ["type"],
    "properties": {"type": {"enum": ["lines", "fields", "checklist", "table", "boxes", "scale"],
                            "fix": "use one of lines, fields, checklist, table, boxes, scale"}},
    "allOf": [
        {"if": {"properties": {"type": {"const": "lines"}}},
         "then": {"additionalProperties": False, "required": ["lines"],
                  "properties": {"type": True, "label": TEXT,
                                 "lines": {"type": "integer", "minimum": 1, "maximum": 40}}}},
        {"if": {"properties": {"type": {"const": "fields"}}},
         "then": {"additionalProperties": False, "required": ["items"],
                  "properties": {"type": True, "label": TEXT, "items": {"type": "array", "minItems": 1, "items": TEXT}}}},
        {"if": {"properties": {"type": {"const": "checklist"}}},
         "then": {"additionalProperties": False, "required": ["items"],
                  "properties": {"type": True, "label": TEXT, "items": {"type": "array", "minItems": 1, "items": TEXT}}}},
        {"if": {"properties": {"type": {"const": "table"}}},
         "then": {"additionalProperties": False, "required": ["columns", "rows"],
                  "properties": {"type": True, "label": TEXT,
                                 "columns": {"type": "array", "minItems": 1, "maxItems": 7, "items": TEXT},
                                 "rows": {"type": "integer", "minimum": 1, "maximum": 30}}}},
        {"if": {"properties": {"type": {"const": "boxes"}}},
         "then": {"additionalProperties": False, "required": ["items"],
                  "properties": {"type": True, "label": TEXT, "items": {"type": "array", "minItems": 1, "items": TEXT},
                                 "lines": {"type": "integer", "minimum": 1, "maximum": 20}}}},
        {"if": {"properties": {"type": {"const": "scale"}}},
         "then": {"additionalProperties": False, "required": ["label", "from", "to"],
                  "properties": {"type": True, "label": TEXT,
                                 "from": {"type": "integer"}, "to": {"type": "integer"}}}},
    ],
}

WORKSHEET = {
    "type": "object",
    "additionalProperties": False,
    "required": ["title", "purpose", "instructions", "blocks"],
    "properties": {
        "title": TEXT,
        "purpose": TEXT,
        "instructions": TEXT,
        "pages": {"type": "integer", "minimum": 1, "maximum": 4,
                  "fix": "write how many printed pages the sheet takes, such as 1"},
        "warning": TEXT,
        "blocks": {"type": "array", "minItems": 1, "items": BLOCK},
    },
}
