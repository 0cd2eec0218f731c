#!/usr/bin/python3
"""An independent reader (openpyxl) for tests/cli/xlsx.sh.

  form FILE LANG STATE   check the Appendix sheet cell by cell; STATE draft|other
  pack FILE LANG         check the review pack; prints "added removed changed"
  nkz FILE ROWS          write a classifier workbook of ROWS rows (codes of
                         levels 1-4 as numbers), in a second sheet "NKZ"
  bomb FILE MIB          a workbook whose sheet unpacks to MIB MiB of zeros
  nowb FILE              a zip with a sheet but no xl/workbook.xml
  sheet FILE XML         a minimal workbook whose one sheet is XML
Prints a line per failed check and exits 1 if any failed."""
import sys
import zipfile

fails = []


def check(cond, what):
    if not cond:
        fails.append(what)
        print("FAIL xlsx_check:", what)


HEAD = {
    "kk": ("Р/с", "ҰКС сәйкес кәсіптің атауы", "ҰКС сәйкес код"),
    "ru": ("№ п/п", "Наименование профессии согласно НКЗ", "Код согласно НКЗ"),
}
TITLE = {"kk": "Кәсіптер тізілімі", "ru": "Реестр профессий"}
DRAFT = {"kk": "ЖОБА", "ru": "ПРОЕКТ"}
SECTIONS = {
    "kk": ("Міндетті негізде жүзеге асырылатын кәсіптік біліктілікті тану",
           "Ерікті негізде жүзеге асырылатын кәсіптік біліктілікті тану"),
    "ru": ("Признание профессиональной квалификации, осуществляемое на обязательной основе",
           "Признание профессиональной квалификации, осуществляемое на добровольной основе"),
}


def merged(ws):
    return {str(r) for r in ws.merged_cells.ranges}


def form(path, lang, state):
    import openpyxl
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    title = ws["A1"].value or ""
    check(title.startswith(TITLE[lang]), "title %r" % title)
    check((DRAFT[lang] in title) == (state == "draft"), "draft mark in title %r" % title)
    check((DRAFT[lang] in (ws.oddHeader.right.text or "")) == (state == "draft"),
          "draft mark in the page header")
    m = merged(ws)
    check("A1:H1" in m, "title merged across A:H")
    for c, want in zip("ABC", HEAD[lang]):
        check(ws[c + "2"].value == want, "heading %s2 %r" % (c, ws[c + "2"].value))
    check(all(ws[c + "2"].alignment.wrap_text for c in "ABCDEFGH"), "headings wrapped")
    check([ws.cell(3, c).value for c in range(1, 9)] == list(range(1, 9)), "column numbers 1-8")
    check(ws.freeze_panes == "A4", "frozen below the numbers: %r" % ws.freeze_panes)
    check(ws.page_setup.orientation == "landscape", "landscape")
    check(str(ws.page_setup.paperSize) == "9", "A4: paperSize %r" % ws.page_setup.paperSize)
    check(ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth in (1, None)
          and ws.page_setup.fitToHeight == 0, "fit to the page width")
    check((ws.print_title_rows or "").replace("$", "") in ("2:3",),
          "headings repeated on each page: %r" % ws.print_title_rows)
    check(all(ws.column_dimensions[c].width and ws.column_dimensions[c].width >= 5
              for c in "ABCDEFGH"), "column widths set")
    check(ws.column_dimensions["D"].width > ws.column_dimensions["A"].width * 3,
          "wide text columns")
    # Sections, numbering and levels.
    seen, number, last, repeated = [], 0, None, 0
    for r in range(4, ws.max_row + 1):
        a = ws.cell(r, 1).value
        if a in SECTIONS[lang]:
            seen.append(a)
            check("A%d:H%d" % (r, r) in m, "section row %d merged across A:H" % r)
            number, last = 0, None
            continue
        number += 1
        check(a == "%d." % number, "row %d numbered %r, want %d." % (r, a, number))
        check(ws.cell(r, 2).alignment.wrap_text, "row %d wrapped" % r)
        check(ws.cell(r, 2).border.left.style == "thin", "row %d bordered" % r)
        row = [ws.cell(r, c).value for c in range(1, 9)]
        check(all(v not in (None, "") for v in row), "row %d has every column: %r" % (r, row))
        if last and last[2] == row[2]:
            repeated += 1
            check(last[4] != row[4], "row %d repeats a level" % r)
        last = row
    check(seen == list(SECTIONS[lang]), "both sections in order: %r" % seen)
    check(repeated > 0, "a profession with several levels on consecutive rows")


def pack(path, lang):
    import openpyxl
    wb = openpyxl.load_workbook(path)
    names = wb.sheetnames
    want = {"kk": ["Жиынтық", "Қосылғандар", "Алынып тасталғандар", "Өзгертілгендер"],
            "ru": ["Сводка", "Добавлены", "Исключены", "Изменены"]}[lang]
    check(names == want, "pack sheets %r" % names)
    counts = []
    for ws in wb.worksheets[1:]:
        check(ws.freeze_panes == "A4", "%s frozen" % ws.title)
        check(ws.page_setup.orientation == "landscape", "%s landscape" % ws.title)
        n = sum(1 for r in range(4, ws.max_row + 1) if ws.cell(r, 3).value)
        counts.append(n)
    # The summary first: all changes, then each section and body, counted
    # as the sheets after it count them.
    sm = wb.worksheets[0]
    check(sm.page_setup.orientation == "landscape", "summary landscape")
    check(sm.cell(3, 1).value == {"kk": "Барлық өзгерістер", "ru": "Все изменения"}[lang],
          "summary: all changes first: %r" % sm.cell(3, 1).value)
    check([sm.cell(3, c).value for c in (2, 3, 4)] == counts,
          "summary: all agree with the sheets: %r" % [sm.cell(3, c).value for c in (2, 3, 4)])
    sections = [[sm.cell(r, c).value for c in (2, 3, 4)] for r in (4, 5)]
    check([sum(x) for x in zip(*sections)] == counts, "summary: the sections add up: %r" % sections)
    ch = wb.worksheets[3]
    marked = 0
    for r in range(4, ch.max_row + 1):
        for c in range(1, 9):
            cell = ch.cell(r, c)
            filled = cell.fill.fgColor.rgb not in (None, "00000000")
            check(filled == (cell.comment is not None),
                  "changed cell %s: fill and note go together" % cell.coordinate)
            if cell.comment:
                marked += 1
                check(cell.comment.text.startswith(
                    {"kk": "Бұрынғы мәні: ", "ru": "Прежнее значение: "}[lang]),
                    "note of the old value %r" % cell.comment.text)
    check(counts[2] == 0 or marked > 0, "changed rows have marked cells")
    print(*counts)


def nkz(path, rows):
    import openpyxl
    wb = openpyxl.Workbook(write_only=True)
    readme = wb.create_sheet("Readme")
    readme.append(["Test classifier"])
    ws = wb.create_sheet("NKZ")
    ws.append(["code", "level", "parent_code", "name_ru", "name_kz"])
    out = []
    for m in range(1, 10):
        out.append((m, 1, None))
        for s in range(1, 4):
            out.append((m * 10 + s, 2, m))
            for n in range(1, 4):
                out.append((m * 100 + s * 10 + n, 3, m * 10 + s))
                for u in range(1, 6):
                    out.append((m * 1000 + s * 100 + n * 10 + u, 4, m * 100 + s * 10 + n))
    groups = [(u, g) for (u, lv, _) in list(out) if lv == 4 for g in range(1, 5)]
    for u, g in groups:
        out.append(("%d-%d" % (u, g), 5, u))
    left = rows - len(out)
    i = 0
    while left > 0:
        u, g = groups[i % len(groups)]
        out.append(("%d-%d-%03d" % (u, g, i // len(groups) + 1), 6, "%d-%d" % (u, g)))
        i += 1
        left -= 1
    for code, lv, parent in out:
        ws.append([code, lv, parent, "Профессия %s" % code, "Кәсіп %s" % code])
    wb.save(path)


def sheet(path, xml):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml",
                   '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
                   'relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets>'
                   '</workbook>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/>'
                   '</Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", xml)


def bomb(path, mib):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml",
                   '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
                   'relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets>'
                   '</workbook>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/>'
                   '</Relationships>')
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            chunk = b"0" * (1 << 20)
            for _ in range(mib):
                f.write(chunk)


def deep(path, n):
    """A sheet whose elements nest n deep: small packed, heavy to parse."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml",
                   '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
                   'relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets>'
                   '</workbook>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/>'
                   '</Relationships>')
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            f.write(b"<worksheet><sheetData>")
            for _ in range(n // 100000):
                f.write(b"<a>" * 100000)
            for _ in range(n // 100000):
                f.write(b"</a>" * 100000)
            f.write(b"</sheetData></worksheet>")


def nowb(path):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", "<worksheet><sheetData/></worksheet>")


cmd = sys.argv[1]
if cmd == "form":
    form(sys.argv[2], sys.argv[3], sys.argv[4])
elif cmd == "pack":
    pack(sys.argv[2], sys.argv[3])
elif cmd == "nkz":
    nkz(sys.argv[2], int(sys.argv[3]))
elif cmd == "bomb":
    bomb(sys.argv[2], int(sys.argv[3]))
elif cmd == "deep":
    deep(sys.argv[2], int(sys.argv[3]))
elif cmd == "nowb":
    nowb(sys.argv[2])
elif cmd == "sheet":
    sheet(sys.argv[2], sys.argv[3])
else:
    sys.exit("unknown command " + cmd)
sys.exit(1 if fails else 0)
