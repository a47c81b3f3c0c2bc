#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes the document fixtures of tests/data from one three-language report
# (written for these tests): report-LANG.txt (the plain text every other
# version must align like), news-LANG.html (a saved news page: navigation,
# cookie banner, share bar, related links, footer and scripts around the
# article), report-LANG.docx and report-LANG.odt (headings, a list, a table,
# a footnote and a tracked change: an insertion kept, a deletion dropped)
# and report-LANG.pdf (two columns, a running header and footer with page
# numbers, words hyphenated at line ends); scan.pdf (no text layer) and
# locked.pdf (encrypted).
#
# Needs python3 and python3-cairo (Debian 12), only to make the files:
#   apt-get install python3-cairo && /usr/bin/python3 tests/data/make-fixtures.py
# The DOCX and ODT are written as XML and zipped with the standard library.

import os
import zipfile
from xml.sax.saxutils import escape

import cairo

HERE = os.path.dirname(os.path.abspath(__file__))

# Each report: headline, standfirst, sections of (heading, blocks); a block
# is ("p", text), ("list", [items]) or ("table", [[cells]]). The footnote
# and the tracked change are in the paragraphs marked FOOT and CHANGE.
REPORTS = {
    "en": {
        "site": "Northern Ledger",
        "headline": "Ministers agree on a new grain corridor",
        "standfirst": "The deal reopens three ports for exports until the end of the year.",
        "sections": [
            ("Talks in Istanbul", [
                ("p", "Delegations from both countries met in Istanbul on 14 March. The talks lasted nine hours and ended late in the evening."),
                ("foot", "The foreign minister said the parties exchanged detailed proposals on shipping and inspections.", "Statement of 14 March."),
                ("list", ["Odesa will reopen first.", "Chornomorsk follows a week later.", "Pivdennyi opens in April."]),
            ]),
            ("What happens next", [
                ("change", "Inspections will take place in neutral waters under ", "joint ", "temporary ", "international supervision."),
                ("table", [["Port", "Opening"], ["Odesa", "March"]]),
                ("p", "The next round of negotiations is planned for Friday. European partners expressed their support for the agreement."),
            ]),
        ],
        "nav": ["World", "Business", "Opinion", "Sport"],
        "cookie": "We use cookies to improve your experience. Accept all cookies?",
        "related": ["Grain prices fall after the announcement", "Shipping insurers return to the Black Sea", "Farmers count the cost of the blockade"],
        "related_title": "Related stories",
        "share": ["Share on Facebook", "Share on X", "Copy link"],
        "footer": "© 2026 Northern Ledger. All rights reserved. Contact us. Privacy policy.",
        "subscribe": "Subscribe to our newsletter for the morning briefing.",
        "page": "Page",
    },
    "ru": {
        "site": "Северный вестник",
        "headline": "Министры договорились о новом зерновом коридоре",
        "standfirst": "Соглашение открывает три порта для экспорта до конца года.",
        "sections": [
            ("Переговоры в Стамбуле", [
                ("p", "Делегации двух стран встретились в Стамбуле 14 марта. Переговоры продолжались девять часов и завершились поздно вечером."),
                ("foot", "Министр иностранных дел заявил, что стороны обменялись подробными предложениями о судоходстве и инспекциях.", "Заявление от 14 марта."),
                ("list", ["Первым откроется порт Одесса.", "Черноморск последует через неделю.", "Южный откроется в апреле."]),
            ]),
            ("Что будет дальше", [
                ("change", "Инспекции будут проходить в нейтральных водах под ", "совместным ", "временным ", "международным контролем."),
                ("table", [["Порт", "Открытие"], ["Одесса", "Март"]]),
                ("p", "Следующий раунд переговоров запланирован на пятницу. Европейские партнёры выразили поддержку соглашению."),
            ]),
        ],
        "nav": ["Мир", "Экономика", "Мнения", "Спорт"],
        "cookie": "Мы используем файлы cookie, чтобы сайт работал лучше. Принять все?",
        "related": ["Цены на зерно упали после заявления", "Страховщики возвращаются в Чёрное море", "Фермеры подсчитывают убытки от блокады"],
        "related_title": "Читайте также",
        "share": ["Поделиться в Facebook", "Поделиться в X", "Скопировать ссылку"],
        "footer": "© 2026 Северный вестник. Все права защищены. Контакты. Политика конфиденциальности.",
        "subscribe": "Подпишитесь на нашу рассылку с утренним обзором.",
        "page": "Страница",
    },
    "uk": {
        "site": "Північний вісник",
        "headline": "Міністри домовилися про новий зерновий коридор",
        "standfirst": "Угода відкриває три порти для експорту до кінця року.",
        "sections": [
            ("Переговори в Стамбулі", [
                ("p", "Делегації двох країн зустрілися в Стамбулі 14 березня. Переговори тривали дев’ять годин і завершилися пізно ввечері."),
                ("foot", "Міністр закордонних справ заявив, що сторони обмінялися детальними пропозиціями щодо судноплавства та інспекцій.", "Заява від 14 березня."),
                ("list", ["Першим відкриється порт Одеса.", "Чорноморськ відкриється через тиждень.", "Південний відкриється у квітні."]),
            ]),
            ("Що буде далі", [
                ("change", "Інспекції відбуватимуться в нейтральних водах під ", "спільним ", "тимчасовим ", "міжнародним наглядом."),
                ("table", [["Порт", "Відкриття"], ["Одеса", "Березень"]]),
                ("p", "Наступний раунд переговорів заплановано на п’ятницю. Європейські партнери висловили підтримку угоді."),
            ]),
        ],
        "nav": ["Світ", "Економіка", "Думки", "Спорт"],
        "cookie": "Ми використовуємо файли cookie, щоб сайт працював краще. Прийняти всі?",
        "related": ["Ціни на зерно впали після заяви", "Страховики повертаються в Чорне море", "Фермери рахують збитки від блокади"],
        "related_title": "Читайте також",
        "share": ["Поширити у Facebook", "Поширити в X", "Скопіювати посилання"],
        "footer": "© 2026 Північний вісник. Усі права захищено. Контакти. Політика конфіденційності.",
        "subscribe": "Підпишіться на нашу розсилку з ранковим оглядом.",
        "page": "Сторінка",
    },
}


def accepted(b):
    """The changed paragraph as it reads with the change accepted: the
    insertion in, the deletion out."""
    return b[1] + b[2] + b[4]


def paragraphs(r):
    """The report as plain paragraphs: what every format must give."""
    out = [r["headline"], r["standfirst"]]
    for heading, blocks in r["sections"]:
        out.append(heading)
        for b in blocks:
            if b[0] == "p" or b[0] == "foot":
                out.append(b[1])
            elif b[0] == "change":
                out.append(accepted(b))
            elif b[0] == "list":
                out.extend(b[1])
            elif b[0] == "table":
                for row in b[1]:
                    out.extend(row)
    return out


def write_txt(lang, r):
    with open(os.path.join(HERE, f"report-{lang}.txt"), "w", encoding="utf-8") as f:
        f.write("\n\n".join(paragraphs(r)) + "\n")


def write_html(lang, r):
    e = escape
    body = []
    for heading, blocks in r["sections"]:
        body.append(f"<h2>{e(heading)}</h2>")
        for b in blocks:
            if b[0] == "p":
                body.append(f"<p>{e(b[1])}</p>")
            elif b[0] == "foot":
                body.append(f"<p>{e(b[1])}</p>")
                body.append('<div class="share-bar">' + " ".join(
                    f'<a href="#s{i}">{e(s)}</a>' for i, s in enumerate(r["share"])) + "</div>")
            elif b[0] == "change":
                body.append(f"<p>{e(accepted(b))}</p>")
                body.append(f'<div class="newsletter-signup"><p>{e(r["subscribe"])}</p>'
                            '<form><input type="email"><button>OK</button></form></div>')
            elif b[0] == "list":
                body.append("<ul>" + "".join(f"<li>{e(i)}</li>" for i in b[1]) + "</ul>")
            elif b[0] == "table":
                body.append("<table>" + "".join(
                    "<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in b[1]) + "</table>")
    nav = "".join(f'<li><a href="/{i}">{e(n)}</a></li>' for i, n in enumerate(r["nav"]))
    related = "".join(f'<li><a href="/r{i}">{e(t)}</a></li>' for i, t in enumerate(r["related"]))
    # Windows-1251 for the Russian page, declared the old way, to test the charset.
    charset = "windows-1251" if lang == "ru" else "utf-8"
    meta = (f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
            if lang == "ru" else f'<meta charset="{charset}">')
    page = f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
{meta}
<title>{e(r["headline"])} | {e(r["site"])}</title>
<style>body {{ font-family: serif; }} .cookie-banner {{ position: fixed; }}</style>
<script>window.dataLayer = window.dataLayer || []; function gtag() {{ dataLayer.push(arguments); }}</script>
</head>
<body>
<div class="cookie-banner" id="cookie-consent"><p>{e(r["cookie"])}</p><button>OK</button></div>
<header class="site-header">
  <div class="logo"><a href="/">{e(r["site"])}</a></div>
  <nav><ul>{nav}</ul></nav>
</header>
<main>
<article lang="{lang}">
  <header>
    <h1>{e(r["headline"])}</h1>
    <p class="standfirst">{e(r["standfirst"])}</p>
  </header>
  {chr(10).join("  " + x for x in body)}
</article>
<aside class="related"><h3>{e(r["related_title"])}</h3><ul>{related}</ul></aside>
</main>
<footer class="site-footer"><p>{e(r["footer"])}</p></footer>
<script src="/static/app.js"></script>
<script>gtag('config', 'G-123');</script>
</body>
</html>
"""
    with open(os.path.join(HERE, f"news-{lang}.html"), "wb") as f:
        f.write(page.encode(charset))


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_run(text):
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def docx_p(text, style=None, extra=""):
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{ppr}{docx_run(text)}{extra}</w:p>"


def write_docx(lang, r):
    parts = [docx_p(r["headline"], "Title"), docx_p(r["standfirst"], "Subtitle")]
    for heading, blocks in r["sections"]:
        parts.append(docx_p(heading, "Heading1"))
        for b in blocks:
            if b[0] == "p":
                parts.append(docx_p(b[1]))
            elif b[0] == "foot":
                parts.append("<w:p>" + docx_run(b[1]) +
                             '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                             '<w:footnoteReference w:id="1"/></w:r></w:p>')
            elif b[0] == "change":
                parts.append("<w:p>" + docx_run(b[1]) +
                             '<w:ins w:id="10" w:author="Editor" w:date="2026-03-15T10:00:00Z">' +
                             docx_run(b[2]) + "</w:ins>" +
                             '<w:del w:id="11" w:author="Editor" w:date="2026-03-15T10:00:00Z">'
                             f'<w:r><w:delText xml:space="preserve">{escape(b[3])}</w:delText></w:r></w:del>' +
                             docx_run(b[4]) + "</w:p>")
            elif b[0] == "list":
                for item in b[1]:
                    parts.append('<w:p><w:pPr><w:pStyle w:val="ListBullet"/><w:numPr><w:ilvl w:val="0"/>'
                                 '<w:numId w:val="1"/></w:numPr></w:pPr>' + docx_run(item) + "</w:p>")
            elif b[0] == "table":
                rows = "".join("<w:tr>" + "".join(f"<w:tc>{docx_p(c)}</w:tc>" for c in row) + "</w:tr>"
                               for row in b[1])
                parts.append(f"<w:tbl><w:tblPr/>{rows}</w:tbl>")
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<w:document xmlns:w="{W_NS}" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                f'<w:body>{"".join(parts)}<w:sectPr/></w:body></w:document>')
    foot = next(b for _, bl in r["sections"] for b in bl if b[0] == "foot")
    footnotes = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{W_NS}">'
                 f'<w:footnote w:id="1">{docx_p(foot[2])}</w:footnote></w:footnotes>')
    content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                     '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                     '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
                     '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>')
    doc_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
                '</Relationships>')
    with zipfile.ZipFile(os.path.join(HERE, f"report-{lang}.docx"), "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in [("[Content_Types].xml", content_types), ("_rels/.rels", rels),
                           ("word/document.xml", document), ("word/_rels/document.xml.rels", doc_rels),
                           ("word/footnotes.xml", footnotes)]:
            z.writestr(zipfile.ZipInfo(name, (2026, 3, 15, 10, 0, 0)), data, zipfile.ZIP_DEFLATED)


def write_odt(lang, r):
    e = escape
    parts = [f'<text:h text:outline-level="1" text:style-name="Title">{e(r["headline"])}</text:h>',
             f'<text:p text:style-name="Subtitle">{e(r["standfirst"])}</text:p>']
    changes = []
    for heading, blocks in r["sections"]:
        parts.append(f'<text:h text:outline-level="2">{e(heading)}</text:h>')
        for b in blocks:
            if b[0] == "p":
                parts.append(f"<text:p>{e(b[1])}</text:p>")
            elif b[0] == "foot":
                parts.append(f'<text:p>{e(b[1])}<text:note text:id="ftn1" text:note-class="footnote">'
                             f'<text:note-citation>1</text:note-citation><text:note-body>'
                             f'<text:p>{e(b[2])}</text:p></text:note-body></text:note></text:p>')
            elif b[0] == "change":
                changes.append('<text:changed-region text:id="ct1"><text:insertion><office:change-info>'
                               '<dc:creator>Editor</dc:creator><dc:date>2026-03-15T10:00:00</dc:date>'
                               '</office:change-info></text:insertion></text:changed-region>')
                changes.append('<text:changed-region text:id="ct2"><text:deletion><office:change-info>'
                               '<dc:creator>Editor</dc:creator><dc:date>2026-03-15T10:00:00</dc:date>'
                               f'</office:change-info><text:p>{e(b[3])}</text:p></text:deletion></text:changed-region>')
                parts.append(f'<text:p>{e(b[1])}<text:change-start text:change-id="ct1"/>{e(b[2])}'
                             f'<text:change-end text:change-id="ct1"/><text:change text:change-id="ct2"/>{e(b[4])}</text:p>')
            elif b[0] == "list":
                parts.append("<text:list>" + "".join(
                    f"<text:list-item><text:p>{e(i)}</text:p></text:list-item>" for i in b[1]) + "</text:list>")
            elif b[0] == "table":
                rows = "".join("<table:table-row>" + "".join(
                    f'<table:table-cell office:value-type="string"><text:p>{e(c)}</text:p></table:table-cell>'
                    for c in row) + "</table:table-row>" for row in b[1])
                parts.append(f'<table:table table:name="Table1"><table:table-column table:number-columns-repeated="2"/>{rows}</table:table>')
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n'
               '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3">'
               '<office:body><office:text>'
               f'<text:tracked-changes>{"".join(changes)}</text:tracked-changes>'
               f'{"".join(parts)}</office:text></office:body></office:document-content>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    with zipfile.ZipFile(os.path.join(HERE, f"report-{lang}.odt"), "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype", (2026, 3, 15, 10, 0, 0)),
                   "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        for name, data in [("content.xml", content), ("META-INF/manifest.xml", manifest)]:
            z.writestr(zipfile.ZipInfo(name, (2026, 3, 15, 10, 0, 0)), data, zipfile.ZIP_DEFLATED)


# The PDF: A5 pages, two columns, body 9.5 pt DejaVu Serif, headings larger.
PAGE_W, PAGE_H = 420, 280
MARGIN, GUTTER = 40, 20
COL_W = (PAGE_W - 2 * MARGIN - GUTTER) / 2
BODY, LEAD = 9.5, 12.5


def hyphen_split(word, ctx, room):
    """Splits a long word so that its head and a hyphen fit in room."""
    letters = word.rstrip(".,;:")
    for cut in range(len(letters) - 3, 3, -1):
        head = word[:cut] + "-"
        if ctx.text_extents(head).x_advance <= room and word[cut].islower():
            return head, word[cut:]
    return None


def write_pdf(lang, r):
    path = os.path.join(HERE, f"report-{lang}.pdf")
    surface = cairo.PDFSurface(path, PAGE_W, PAGE_H)
    surface.set_metadata(cairo.PDF_METADATA_CREATE_DATE, "2026-03-15T10:00:00")
    ctx = cairo.Context(surface)
    state = {"page": 1, "col": 0, "y": 0, "top": 60}

    def furniture():
        ctx.save()
        ctx.select_font_face("DejaVu Sans", cairo.FONT_SLANT_NORMAL, cairo.FONT_WEIGHT_NORMAL)
        ctx.set_font_size(7.5)
        ctx.move_to(MARGIN, 25)
        ctx.show_text(f'{r["site"]} · {r["headline"]}')
        ctx.move_to(PAGE_W / 2 - 20, PAGE_H - 20)
        ctx.show_text(f'{r["page"]} {state["page"]}')
        ctx.restore()

    def new_column():
        if state["col"] == 1:
            ctx.show_page()
            state["page"] += 1
            state["col"] = 0
            furniture()
            state["top"] = 60
        else:
            state["col"] = 1
        state["y"] = state["top"]

    def place(lines, size, face, weight, gap_after, full_width=False):
        ctx.select_font_face(face, cairo.FONT_SLANT_NORMAL, weight)
        ctx.set_font_size(size)
        lead = size * 1.3
        for line in lines:
            if state["y"] + lead > PAGE_H - 45:
                new_column()
            x = MARGIN + (0 if full_width else state["col"] * (COL_W + GUTTER))
            ctx.move_to(x, state["y"] + size)
            ctx.show_text(line)
            state["y"] += lead
        state["y"] += gap_after

    def wrap(text, size, face, weight, width, hyphenate=True):
        ctx.select_font_face(face, cairo.FONT_SLANT_NORMAL, weight)
        ctx.set_font_size(size)
        lines, line = [], ""
        words = text.split(" ")
        i = 0
        while i < len(words):
            w = words[i]
            trial = (line + " " + w) if line else w
            if ctx.text_extents(trial).x_advance <= width:
                line = trial
                i += 1
                continue
            room = width - ctx.text_extents(line + " ").x_advance if line else width
            split = hyphen_split(w, ctx, room) if hyphenate and len(w) >= 7 else None
            if split:
                lines.append((line + " " + split[0]) if line else split[0])
                words[i] = split[1]
            else:
                lines.append(line)
            line = ""
        if line:
            lines.append(line)
        return lines

    furniture()
    # The headline and standfirst across both columns, then the columns.
    state["y"] = 50
    place(wrap(r["headline"], 16, "DejaVu Sans", cairo.FONT_WEIGHT_BOLD, PAGE_W - 2 * MARGIN, False),
          16, "DejaVu Sans", cairo.FONT_WEIGHT_BOLD, 6, full_width=True)
    place(wrap(r["standfirst"], 11, "DejaVu Sans", cairo.FONT_WEIGHT_NORMAL, PAGE_W - 2 * MARGIN, False),
          11, "DejaVu Sans", cairo.FONT_WEIGHT_NORMAL, 12, full_width=True)
    state["col"] = 0
    state["top"] = state["y"]

    def body(text):
        place(wrap(text, BODY, "DejaVu Serif", cairo.FONT_WEIGHT_NORMAL, COL_W), BODY,
              "DejaVu Serif", cairo.FONT_WEIGHT_NORMAL, 6)

    for heading, blocks in r["sections"]:
        place(wrap(heading, 12, "DejaVu Sans", cairo.FONT_WEIGHT_BOLD, COL_W, False), 12,
              "DejaVu Sans", cairo.FONT_WEIGHT_BOLD, 4)
        for b in blocks:
            if b[0] in ("p", "foot"):
                body(b[1])
            elif b[0] == "change":
                body(accepted(b))
            elif b[0] == "list":
                for item in b[1]:
                    body(item)
            elif b[0] == "table":
                for row in b[1]:
                    for c in row:
                        body(c)
    surface.finish()


def write_scan():
    """A PDF with a picture of text and no text layer, as a scanner makes."""
    surface = cairo.PDFSurface(os.path.join(HERE, "scan.pdf"), PAGE_W, PAGE_H)
    ctx = cairo.Context(surface)
    for i in range(12):
        ctx.rectangle(MARGIN, 50 + i * 14, PAGE_W - 2 * MARGIN - (i % 3) * 30, 8)
    ctx.fill()
    surface.finish()


def write_locked():
    """A PDF that needs a password (the standard security handler, RC4
    40-bit; the keys are made up, so no password opens it)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <" + b"6e" * 32 + b"> /U <" + b"a5" * 32 + b"> /P -44 >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += (b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef> "
            b"<0123456789abcdef0123456789abcdef>] >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    with open(os.path.join(HERE, "locked.pdf"), "wb") as f:
        f.write(out)


def main():
    write_scan()
    write_locked()
    for lang, r in REPORTS.items():
        write_txt(lang, r)
        write_html(lang, r)
        write_docx(lang, r)
        write_odt(lang, r)
        write_pdf(lang, r)


if __name__ == "__main__":
    main()
