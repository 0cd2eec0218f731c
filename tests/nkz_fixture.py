#!/usr/bin/python3
"""A classifier file laid out as the ministry exports it, for the tests.

    nkz_fixture.py SAMPLE OUT.csv [OUT.xlsx] [ROW...]

SAMPLE is ../shared/data/nkz-sample.csv (code,level,parent_code,name_ru,name_kz);
OUT.csv gets its rows under the ministry's headings (ID, PARENT_ID, CODE,
NAME_RU, NAME_KZ, IS_ACTUAL), every row active.  Each ROW is
"CODE|NAME_RU|NAME_KZ|IS_ACTUAL": a row of the sample with that code is
replaced by it, another is added at the end.  OUT.xlsx, when given, holds the
same rows in a workbook's first sheet (inline strings, no library needed).
The sample stays where it is: nothing of it is kept in the project."""

import csv
import sys
import zipfile
from xml.sax.saxutils import escape


def col(i):
    s = ''
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def xlsx(rows, dst):
    out = []
    for r, row in enumerate(rows, 1):
        cells = ''.join('<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>'
                        % (col(c), r, escape(str(v))) for c, v in enumerate(row) if v != '')
        out.append('<row r="%d">%s</row>' % (r, cells))
    ns = 'http://schemas.openxmlformats.org/'
    z = zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED)
    z.writestr('[Content_Types].xml',
               '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="%spackage/2006/content-types">'
               '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
               '<Default Extension="xml" ContentType="application/xml"/>'
               '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
               '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
               '</Types>' % ns)
    z.writestr('_rels/.rels',
               '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="%spackage/2006/relationships">'
               '<Relationship Id="rId1" Type="%sofficeDocument/2006/relationships/officeDocument" '
               'Target="xl/workbook.xml"/></Relationships>' % (ns, ns))
    z.writestr('xl/workbook.xml',
               '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="%sspreadsheetml/2006/main" '
               'xmlns:r="%sofficeDocument/2006/relationships"><sheets>'
               '<sheet name="NKZ" sheetId="1" r:id="rId1"/></sheets></workbook>' % (ns, ns))
    z.writestr('xl/_rels/workbook.xml.rels',
               '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="%spackage/2006/relationships">'
               '<Relationship Id="rId1" Type="%sofficeDocument/2006/relationships/worksheet" '
               'Target="worksheets/sheet1.xml"/></Relationships>' % (ns, ns))
    z.writestr('xl/worksheets/sheet1.xml',
               '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
               '<worksheet xmlns="%sspreadsheetml/2006/main"><sheetData>%s</sheetData></worksheet>'
               % (ns, ''.join(out)))
    z.close()


def main():
    src, dst = sys.argv[1], sys.argv[2]
    rest = sys.argv[3:]
    book = rest.pop(0) if rest and rest[0].endswith('.xlsx') else None
    extra = [e.split('|') for e in rest]
    repl = {e[0]: e for e in extra}
    rows = [['ID', 'PARENT_ID', 'CODE', 'NAME_RU', 'NAME_KZ', 'IS_ACTUAL']]
    with open(src, encoding='utf-8', newline='') as f:
        for i, r in enumerate(list(csv.reader(f))[1:], 1):
            e = repl.pop(r[0], None)
            rows.append([i, '', r[0], r[3], r[4], 1] if e is None else [i, ''] + e)
    for i, e in enumerate(x for x in extra if x[0] in repl):
        rows.append([5000 + i, ''] + e)
    with open(dst, 'w', encoding='utf-8', newline='') as f:
        csv.writer(f, lineterminator='\n').writerows(rows)
    if book:
        xlsx(rows, book)


main()
