"""The worksheet PDFs and the workbook a clinician hands out: the right paper, pages that are
used, crisis numbers on paper, form fields a client can fill in, a booklet with contents and
page numbers, in each language, and a discreet copy of each that names nothing of the program,
the clinic or the topic. Read with pypdf, rendered to images and text runs with pypdfium2."""
import re
import unicodedata

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from macros.content import avoided_words, says
from macros.pages import EDITIONS, pdf_name
from macros.pdf import workbook_order

SIZES = {"a4": (595, 842), "letter": (612, 792)}
MM = 72 / 25.4
MARGIN = 12 * MM   # the PDFs' page margin (macros/pdf.py, overrides/nc/pdf.html)


def sheet_pdf(site, w, size, edition="standard"):
    return site / "worksheets/pdf" / pdf_name(w["files"][edition], size)


def workbook_pdf(site, nc, size, edition="standard"):
    return site / "worksheets/pdf" / pdf_name(nc.workbook_files[edition], size)


def runs(pdf_path, page=0):
    """The text runs of a page, top to bottom: (left, bottom, right, top, text), in points."""
    tp = pdfium.PdfDocument(str(pdf_path))[page].get_textpage()
    out = []
    for i in range(tp.count_rects()):
        box = tp.get_rect(i)
        out.append((*box, tp.get_text_bounded(*box)))
    return sorted(out, key=lambda r: (-r[3], r[0]))


def lines(pdf_path, page=0):
    """The page's text as lines (runs whose middles are within half a line), top to bottom."""
    out = []
    for r in sorted(runs(pdf_path, page), key=lambda r: -(r[1] + r[3])):
        middle, height = (r[1] + r[3]) / 2, r[3] - r[1]
        if out and abs(out[-1][0] - middle) < 0.5 * max(out[-1][1], height):
            out[-1][2].append(r)
            out[-1][1] = max(out[-1][1], height)
        else:
            out.append([middle, height, [r]])
    return [sorted(line) for _, _, line in out]


def line_text(line):
    return re.sub(r"\s+", " ", "".join(r[4] for r in line)).strip()


def sheets_with(nc, kind):
    return [rid for rid, w in nc.worksheets.items() if any(b["type"] == kind for b in w["blocks"])]


def fields_by_page(reader):
    """{page index: [(name, accessible name, type)]} of a PDF's form fields."""
    out = {}
    for i, page in enumerate(reader.pages):
        for annot in page.get("/Annots") or []:
            a = annot.get_object()
            if a.get("/Subtype") != "/Widget":
                continue
            out.setdefault(i, []).append((str(a.get("/T", "")), str(a.get("/TU", "")), str(a.get("/FT", ""))))
    return out


def ink_rows(pdf_path, page=0, scale=2.0):
    """The rows of a rendered page that hold ink, and the page height in pixels."""
    image = pdfium.PdfDocument(str(pdf_path))[page].render(scale=scale).to_pil().convert("L")
    w, h = image.size
    px = image.load()
    return [y for y in range(h) if any(px[x, y] < 200 for x in range(0, w, 2))], h


@pytest.mark.parametrize("size", list(SIZES))
def test_every_sheet_has_its_pdf_on_the_right_paper_with_title_and_clinic(site, lang, size):
    site, nc = lang.at(site), lang.nc
    for rid, w in nc.worksheets.items():
        reader = PdfReader(sheet_pdf(site, w, size))
        assert len(reader.pages) == w["pages"], f"{rid}-{size}"
        box = reader.pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == SIZES[size]
        text = reader.pages[0].extract_text()
        assert w["title"].split()[0] in text
        assert nc.settings["clinic"]["name"] in reader.pages[-1].extract_text(), "clinic name in the footer"
        assert f'href="pdf/{pdf_name(w["files"]["standard"], size)}"' in (site / f"worksheets/{rid}.html").read_text(), \
            "the page links its PDF"


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("size", list(SIZES))
def test_one_page_sheets_use_the_whole_page(site, lang, size, edition):
    """No blank band taller than 12% of the page, and the sheet reaches the bottom margin: the
    discreet copy too (its title and footer are other words), and every sheet stays within its
    page count."""
    site, nc = lang.at(site), lang.nc
    for rid, w in nc.worksheets.items():
        assert len(PdfReader(sheet_pdf(site, w, size, edition)).pages) == w["pages"], f"{rid}-{size} ({edition})"
        if w["pages"] != 1:
            continue
        rows, height = ink_rows(sheet_pdf(site, w, size, edition))
        gaps = [(b - a) / height for a, b in zip(rows, rows[1:])]
        assert max(gaps) <= 0.12, f"{rid}-{size}: a blank band of {max(gaps):.0%} of the page"
        margin = 12 / (297 if size == "a4" else 279.4)
        assert rows[-1] / height >= 1 - margin - 0.02, f"{rid}-{size}: the sheet stops at {rows[-1] / height:.0%} of the page"


def test_fillable_fields_named_from_their_labels_on_the_right_page(site, lang):
    site, nc = lang.at(site), lang.nc
    for rid, w in nc.worksheets.items():
        reader = PdfReader(sheet_pdf(site, w, "a4"))
        fields = fields_by_page(reader)
        assert fields, f"{rid}: no form fields"
        assert set(fields) <= set(range(w["pages"]))
        flat = [f for page in fields.values() for f in page]
        assert all(tu.strip() for _, tu, _ in flat), f"{rid}: a field without an accessible name"
        assert len({name for name, _, _ in flat}) == len(flat), f"{rid}: two fields share a name"
        for b in w["blocks"]:
            if b["type"] == "lines" and b.get("label"):
                assert any(" ".join(tu.split()) == " ".join(b["label"].split()) for _, tu, _ in flat), \
                    f"{rid}: no field named '{b['label']}'"
            if b["type"] == "checklist":
                boxes = [tu for _, tu, ft in flat if ft == "/Btn"]
                assert all(" ".join(item.split()) in boxes for item in b["items"]), f"{rid}: the checklist's boxes"
            if b["type"] == "table":
                label = b["columns"][0] if isinstance(b["columns"][0], str) else b["columns"][0]["label"]
                assert any(tu == nc.strings.fill("sheet_cell", column=label, row=1) for _, tu, _ in flat), rid


def test_crisis_numbers_are_printed_on_the_sheets_that_need_them(site, lang):
    site, nc = lang.at(site), lang.nc
    numbers = [e["number"] for e in nc.settings["emergency"]] + [l["call"] for l in nc.settings["crisis_lines"] if l["call"]]
    wanted = sheets_with(nc, "crisis_lines")
    assert set(wanted) >= {r for r in ("crisis-plan", "safety-plan", "support-plan") if r in nc.worksheets}
    for rid in wanted:
        for edition in EDITIONS:
            text = " ".join(p.extract_text() for p in PdfReader(sheet_pdf(site, nc.worksheets[rid], "a4", edition)).pages)
            for n in numbers:
                assert n in text, f"{rid} ({edition}): {n} is not on paper"
    for edition in EDITIONS:
        cover = PdfReader(workbook_pdf(site, nc, "a4", edition)).pages[0].extract_text()
        for n in numbers:
            assert n in cover, f"workbook cover ({edition}): {n}"
        assert re.search(r"\d{4}-\d{2}-\d{2}", cover), "build date"
    cover = PdfReader(workbook_pdf(site, nc, "a4")).pages[0].extract_text()
    assert nc.settings["clinic"]["name"] in cover, "the clinic on the standard copy's cover"


@pytest.mark.parametrize("size", list(SIZES))
def test_the_workbook_is_a_booklet(site, lang, size):
    site, nc = lang.at(site), lang.nc
    reader = PdfReader(workbook_pdf(site, nc, size))
    pages = [unicodedata.normalize("NFKC", p.extract_text()) for p in reader.pages]  # ligatures: "ﬁ" is "fi"
    total = len(pages)
    order = workbook_order(nc)
    assert [w["id"] for w in order[:len(nc.settings["workbook"]["first"])]] == \
        [r for r in nc.settings["workbook"]["first"] if r in nc.worksheets], "safety first, as the settings say"
    assert {w["id"] for w in order} == set(nc.worksheets), "every sheet, once"
    for i, text in enumerate(pages[1:], start=2):
        assert f"{i} / {total}" in text, f"page {i} has its number"
    contents = pages[1]
    numbers = []
    for w in order:
        m = re.search(re.escape(w["title"]) + r"[\s.]*(\d+)", contents)
        assert m, f"{w['title']} is in the contents"
        page = int(m.group(1))
        numbers.append(page)
        assert pages[page - 1].lstrip().startswith(w["title"]), f"{w['title']}: the contents say page {page}"
    assert numbers == sorted(numbers), "the sheets come in the workbook's order"
    assert nc.workbook["title"] in " ".join(pages[:4]), "a page on how to use the workbook"
    fields = fields_by_page(reader)
    names = [n for page in fields.values() for n, _, _ in page]
    assert len(names) == len(set(names)), "fields of different sheets never share a name"


# ---------------------------------------------------------------------------
# The discreet edition, the contents list, the check-ins' safety line
# ---------------------------------------------------------------------------

def giveaways(lang):
    """What a discreet copy must never say: the topic words of this language
    (strings.discreet_avoid), the clinic's name and details, and the program's (site) name."""
    nc = lang.nc
    clinic = nc.settings["clinic"]
    words = avoided_words(nc) + [lang.config.get("site_name") or ""]
    words += [clinic[k] for k in ("email", "phone", "url") if clinic.get(k)]
    return [w for w in words if w.strip()]


def discreet_files(site, nc, size):
    """(what, path) of every discreet PDF of a language in one size: each sheet's and the workbook."""
    return [(rid, sheet_pdf(site, w, size, "discreet")) for rid, w in nc.worksheets.items()] + \
        [("workbook", workbook_pdf(site, nc, size, "discreet"))]


def metadata_texts(reader):
    """Everything a PDF says about itself: its information, outline, anchors and field names."""
    out = [str(v) for v in (reader.metadata or {}).values()]

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                out.append(str(item.title))
    walk(reader.outline)
    out += list(reader.named_destinations)
    out += list((reader.get_fields() or {}).keys())
    return [re.sub(r"[-_]+", " ", t) for t in out]


@pytest.mark.parametrize("size", list(SIZES))
def test_discreet_copies_name_nothing_of_the_program_the_clinic_or_the_topic(site, lang, size):
    """File names, PDF titles and metadata, outline, anchors, field names, each page's heading and
    footer: none says the clinic's or the program's name or a topic word of the language, so a copy
    someone finds (or a download list) does not tell what it is for. The crisis numbers stay."""
    site, nc = lang.at(site), lang.nc
    avoid = giveaways(lang)
    assert avoid, "nothing to look for"
    numbers = [e["number"] for e in nc.settings["emergency"]] + [l["call"] for l in nc.settings["crisis_lines"] if l["call"]]
    for what, path in discreet_files(site, nc, size):
        assert not says(path.name.replace(".pdf", ""), avoid), f"{path.name}: {says(path.name, avoid)}"
        reader = PdfReader(path)
        for text in metadata_texts(reader):
            assert not says(text, avoid), f"{path.name}: its metadata says {says(text, avoid)} ({text!r})"
        for i in range(len(reader.pages)):
            page = lines(path, i)
            # The heading: the first line when it is a title (a page that goes on with a sheet has none)
            heading = [line_text(page[0])] if max(r[3] - r[1] for r in page[0]) >= 12 else []
            # The footer (a sheet's last page), or a workbook page's number and the footer above it
            footer = [line_text(page[-1])] if what == "workbook" or i == len(reader.pages) - 1 else []
            if what == "workbook":
                footer += [line_text(line) for line in page[-3:-1] if nc.strings.footer_licence in line_text(line)]
            for text in heading + footer:
                assert not says(text, avoid), f"{path.name}, page {i + 1}: '{text}' says {says(text, avoid)}"
            if what != "workbook" and i == 0:
                assert " ".join(line_text(line) for line in page[:2]).startswith(nc.worksheets[what]["discreet_title"]), \
                    f"{path.name}: its title on top"
            if what != "workbook" and i == len(reader.pages) - 1:
                assert footer[-1] == nc.strings.footer_licence, f"{path.name}: the footer is the licence alone"
        if what == "workbook" or any(b["type"] == "crisis_lines" for b in nc.worksheets[what]["blocks"]):
            text = reader.pages[0].extract_text()
            for n in numbers:
                assert n in text, f"{path.name}: the crisis number {n} stays"


def test_the_standard_copy_still_says_whose_it_is(site, lang):
    """The test above would pass on an empty footer: the standard copy keeps the clinic's name
    in its footer and title, so the two editions do differ."""
    site, nc = lang.at(site), lang.nc
    name = nc.settings["clinic"]["name"]
    for rid, w in nc.worksheets.items():
        last = len(PdfReader(sheet_pdf(site, w, "a4")).pages) - 1
        footer = " ".join(line_text(l) for l in lines(sheet_pdf(site, w, "a4"), last)[-2:])  # it may take two lines
        assert name in footer, f"{rid}: the clinic in the standard footer"
    assert name in PdfReader(workbook_pdf(site, nc, "a4")).metadata["/Title"]


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("size", list(SIZES))
def test_the_contents_list_has_leaders_and_page_numbers_at_the_right_edge(site, lang, size, edition):
    """Each entry: its title, a dotted leader, and its page number ending at the right margin
    (all numbers on one edge), and the number is the page the title starts."""
    site, nc = lang.at(site), lang.nc
    path = workbook_pdf(site, nc, size, edition)
    reader = PdfReader(path)
    width = SIZES[size][0]
    title = "discreet_title" if edition == "discreet" else "title"
    entries = {}
    for line in lines(path, 1)[1:]:
        text = line_text(line)
        m = re.fullmatch(r"(.+?)\s*\.{5,}\s*(\d+)", text)
        if not m:
            continue
        right = line[-1][2]
        assert abs(right - (width - MARGIN)) <= 1.5 * MM, f"{text}: its number ends {(width - MARGIN - right) / MM:.1f} mm from the margin"
        entries[m.group(1)] = int(m.group(2))
    order = workbook_order(nc)
    assert [w[title] for w in order] == [t for t in entries if t in {w[title] for w in order}], \
        f"every sheet in the contents, in order, with a leader and its number: {list(entries)}"
    for name, page in entries.items():
        top = unicodedata.normalize("NFKC", reader.pages[page - 1].extract_text()).lstrip()
        assert top.startswith(unicodedata.normalize("NFKC", name)), f"{name}: the contents say page {page}"


@pytest.mark.parametrize("rid", ["daily-check-in", "weekly-check-in"])
def test_the_check_ins_carry_a_safety_question_and_the_crisis_lines_under_the_mood_scale(site, lang, rid):
    """Under the mood scale (a scale, or the week's table), a question on safety and then the
    crisis lines, on the sheet in both editions and sizes, with the numbers of the settings."""
    site, nc = lang.at(site), lang.nc
    if rid not in nc.worksheets:
        pytest.skip(f"this checkout has no {rid}")
    w = nc.worksheets[rid]
    kinds = [b["type"] for b in w["blocks"]]
    mood = next(i for i, k in enumerate(kinds) if k in ("scale", "table"))
    assert "crisis_lines" in kinds[mood:], f"{rid}: the crisis lines under the mood scale"
    crisis = kinds.index("crisis_lines", mood)
    assert kinds[crisis - 1] in ("checklist", "lines", "note") and crisis - 1 > mood, f"{rid}: a safety question before them"
    question = w["blocks"][crisis - 1].get("label") or w["blocks"][crisis - 1].get("text")
    numbers = [e["number"] for e in nc.settings["emergency"]] + [l["call"] for l in nc.settings["crisis_lines"] if l["call"]]
    mood_words = w["blocks"][mood].get("label") or w["blocks"][mood]["columns"][0]["label"]
    for edition in EDITIONS:
        for size in SIZES:
            text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(sheet_pdf(site, w, size, edition)).pages)
            start = text.index(" ".join(mood_words.split()[:3]))
            assert " ".join(question.split()[:4]) in text[start:], f"{rid} ({edition}, {size}): the safety question"
            for n in numbers:
                assert n in text[start:], f"{rid} ({edition}, {size}): {n} under the mood scale"


def test_pages_offer_both_copies_with_the_languages_own_file_names(site, langs):
    """Each worksheet page and the worksheet index link the standard and the discreet copy in
    both sizes (the clinic's default edition first) with a line on the discreet one; every link
    works; a page in another language offers its own file names, never the first language's."""
    first = next(iter(langs.values())).nc
    theirs = {pdf_name(f[e], s) for f in [w["files"] for w in first.worksheets.values()] + [first.workbook_files]
              for e in EDITIONS for s in SIZES}
    for lang in langs.values():
        nc, at = lang.nc, lang.at(site)
        default = nc.settings["worksheets"]["default"]
        note = " ".join(nc.strings.pdf_discreet_note.split()[:6])
        pages = [(f"worksheets/{rid}.html", w["files"], w["title"] == first.worksheets.get(rid, {}).get("title"))
                 for rid, w in nc.worksheets.items()]
        pages.append(("worksheets/index.html", nc.workbook_files, nc.strings.workbook_file == first.strings.workbook_file))
        for page, files, same_words in pages:
            html = (at / page).read_text()
            hrefs = re.findall(r'href="pdf/([^"]+\.pdf)"', html)
            assert hrefs[:2] == [pdf_name(files[default], s) for s in SIZES], f"{page}: the {default} copy first"
            assert set(hrefs) == {pdf_name(files[e], s) for e in EDITIONS for s in SIZES}, f"{page}: {hrefs}"
            assert note in " ".join(re.sub(r"<[^>]+>", " ", html).split()), f"{page}: the line on the discreet copy"
            for href in hrefs:
                assert (at / "worksheets/pdf" / href).is_file(), f"{page}: {href} is missing"
            if nc is not first and not same_words:
                assert not set(hrefs) & theirs, f"{lang.code} {page}: another language's file names {set(hrefs) & theirs}"


def test_the_calendar_files_are_named_in_each_languages_words(site, langs):
    """The Today page hands its script the calendar file's names (strings.calendar_file and
    calendar_file_discreet): a Spanish page never offers an English file name."""
    import json
    from macros.content import slug
    named = {}
    for lang in langs.values():
        nc = lang.nc
        html = lang.at(site, "today.html").read_text()
        data = json.loads(re.search(r'<script type="application/json" id="nc-tracks">(.*?)</script>', html, re.S).group(1))
        assert data["discreet_file"] == nc.strings.calendar_file_discreet
        for length, track in data["tracks"].items():
            assert track["file"] == nc.strings.fill("calendar_file", product=slug(nc.settings["clinic"]["name"]),
                                                    length=length), f"{lang.code}: {track['file']}"
        named[lang.code] = {data["discreet_file"], *(t["file"] for t in data["tracks"].values())}
    first, *others = named
    for code in others:
        assert not named[code] & named[first], f"{code}: another language's calendar file names"
    script = (site / "assets/js/nc-today.js").read_text()
    assert "data.discreet_file" in script and "track.file" in script, "the script names the file from the data"
