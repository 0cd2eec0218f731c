/* xlsxin: workbooks as Excel and LibreOffice write them, and the broken or
 * hostile ones that must be refused with the file and the reason named. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "harness.h"
#include "exchange/xlsxin.h"

static char dir[] = "/tmp/tz-xlsxin-XXXXXX";

struct part {
	const char *name, *text;
};

static const char WB[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
	"xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
	"<sheets><sheet name=\"Notes\" sheetId=\"1\" r:id=\"rId2\"/>"
	"<sheet name=\"ҰКС\" sheetId=\"2\" r:id=\"rId1\"/></sheets></workbook>";
static const char RELS[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
	"relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
	"relationships/worksheet\" Target=\"/xl/worksheets/notes.xml\"/>"
	"<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
	"relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>";
/* A rich-text string in runs, with a phonetic guide that is not its text. */
static const char SST[] =
	"<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"3\" "
	"uniqueCount=\"3\"><si><t>code</t></si><si><t>name_ru</t></si>"
	"<si><r><rPr><b/></rPr><t xml:space=\"preserve\">Дəне</t></r><r><t>кер</t></r>"
	"<rPh sb=\"0\" eb=\"1\"><t>PHONETIC</t></rPh></si></sst>";
static const char SHEET[] =
	"<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
	"<sheetData>"
	"<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"C1\" t=\"s\"><v>1</v></c></row>"
	"<row r=\"3\"><c r=\"A3\"><v>1210</v></c><c r=\"B3\" s=\"4\"/><c r=\"C3\" t=\"s\"><v>2</v></c></row>"
	"<row r=\"4\"><c r=\"A4\"><v>4.2</v></c><c r=\"B4\" t=\"inlineStr\"><is><r><t>қа</t></r>"
	"<r><t>зақ</t></r></is></c><c t=\"b\"><v>1</v></c><c r=\"E4\" t=\"str\"><f>A4</f>"
	"<v>x</v></c></row>"
	"<row r=\"5\"><c r=\"A5\"><v>1.5E3</v></c></row>"
	"<row r=\"6\"></row>"
	"</sheetData></worksheet>";
/* Prefixed names, as some writers save. */
static const char NOTES[] =
	"<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
	"<x:sheetData><x:row r=\"2\"><x:c r=\"B2\" t=\"inlineStr\"><x:is><x:t>note</x:t></x:is>"
	"</x:c></x:row></x:sheetData></x:worksheet>";

static char *path_of(const char *name)
{
	static char buf[8][256];
	static int k;
	char *p = buf[k++ % 8];
	snprintf(p, 256, "%s/%s", dir, name);
	return p;
}

static const char *book(const char *name, const struct part *parts, int n)
{
	const char *path = path_of(name);
	zipFile z = zipOpen64(path, 0);
	for (int i = 0; z && i < n; i++) {
		zipOpenNewFileInZip(z, parts[i].name, NULL, NULL, 0, NULL, 0, NULL, Z_DEFLATED, 6);
		zipWriteInFileInZip(z, parts[i].text, (unsigned)strlen(parts[i].text));
		zipCloseFileInZip(z);
	}
	if (z)
		zipClose(z, NULL);
	return path;
}

/* A workbook whose first-ordered sheet (Notes) or the given sheet XML. */
static const char *book_with(const char *name, const char *sheet_xml)
{
	struct part p[] = {
		{"[Content_Types].xml", "<Types/>"}, {"xl/workbook.xml", WB},
		{"xl/_rels/workbook.xml.rels", RELS}, {"xl/sharedStrings.xml", SST},
		{"xl/worksheets/sheet1.xml", SHEET}, {"xl/worksheets/notes.xml", sheet_xml},
	};
	return book(name, p, 6);
}

struct got {
	char text[4096];
	int stop_at;   /* stop at this row with 7 */
};

static int collect(void *ctx, const struct csv_field *f, int n, long line)
{
	struct got *g = ctx;
	size_t u = strlen(g->text);
	u += (size_t)snprintf(g->text + u, sizeof g->text - u, "%ld:", line);
	for (int i = 0; i < n; i++)
		u += (size_t)snprintf(g->text + u, sizeof g->text - u, "%s%s", i ? "|" : "", f[i].text);
	snprintf(g->text + u, sizeof g->text - u, "\n");
	return line == g->stop_at ? 7 : 0;
}

/* Each field's first and last letter, and the bytes of all: for texts too
 * long to compare whole. */
struct wide {
	char ends[64];
	size_t bytes;
};

static int wide_row(void *ctx, const struct csv_field *f, int n, long line)
{
	struct wide *w = ctx;
	(void)line;
	for (int i = 0; i < n; i++) {
		size_t len = strlen(f[i].text), u = strlen(w->ends);
		if (len)
			snprintf(w->ends + u, sizeof w->ends - u, "%c%c ", f[i].text[0], f[i].text[len - 1]);
		w->bytes += len;
	}
	return 0;
}

static int refused(const char *path, const char *sheet, const char *want, const char *why)
{
	struct got g = {"", 0};
	char err[512] = "";
	int rc = xlsxin_read(path, sheet, collect, &g, err, sizeof err);
	CHECK(rc == -1, "%s: rc %d", why, rc);
	CHECK(strstr(err, path) != NULL, "%s: file not named in [%s]", why, err);
	CHECK(strstr(err, want) != NULL, "%s: [%s] lacks [%s]", why, err, want);
	return rc;
}

int main(void)
{
	if (!mkdtemp(dir))
		return 1;
	struct got g = {"", 0};
	char err[512] = "";
	const char *ok = book_with("ok.xlsx", NOTES);

	CHECK_INT(xlsxin_read(ok, "ҰКС", collect, &g, err, sizeof err), 0);
	CHECK_STR(g.text, "1:code||name_ru\n"
	                  "3:1210||Дəнекер\n"
	                  "4:4.2|қазақ|1||x\n"
	                  "5:1500||||\n");

	/* The first sheet is the workbook's first, whatever its part is called. */
	memset(&g, 0, sizeof g);
	CHECK_INT(xlsxin_read(ok, NULL, collect, &g, err, sizeof err), 0);
	CHECK_STR(g.text, "2:|note\n");

	/* The callback's own value stops the reading. */
	memset(&g, 0, sizeof g);
	g.stop_at = 3;
	CHECK_INT(xlsxin_read(ok, "ҰКС", collect, &g, err, sizeof err), 7);
	CHECK_STR(g.text, "1:code||name_ru\n3:1210||Дəнекер\n");

	refused(ok, "Sheet1", "\"Notes\", \"ҰКС\"", "unknown sheet lists the sheets");
	CHECK_INT(xlsxin_is_xlsx(ok), 1);

	/* CSV goes to csvin; a sheet asked of it is refused. */
	const char *csv = path_of("a.csv");
	FILE *f = fopen(csv, "w");
	fputs("code,name\n1,x\n", f);
	fclose(f);
	CHECK_INT(xlsxin_is_xlsx(csv), 0);
	memset(&g, 0, sizeof g);
	const char *chosen = NULL;
	CHECK_INT(xlsxin_read_any(csv, "auto", NULL, collect, &g, &chosen, err, sizeof err), 0);
	CHECK_STR(g.text, "1:code|name\n2:1|x\n");
	CHECK_INT(xlsxin_read_any(csv, "auto", "S", collect, &g, &chosen, err, sizeof err), -1);
	chosen = NULL;
	memset(&g, 0, sizeof g);
	CHECK_INT(xlsxin_read_any(ok, "auto", NULL, collect, &g, &chosen, err, sizeof err), 0);
	CHECK_STR(chosen, "XLSX");

	/* --- refused ---------------------------------------------------------- */
	const char *notzip = path_of("notzip.xlsx");
	f = fopen(notzip, "w");
	fputs("code,name\n", f);
	fclose(f);
	refused(notzip, NULL, "not a zip", "not a zip");

	/* Truncated: the zip directory at the end is gone. */
	const char *cut = path_of("cut.xlsx");
	FILE *in = fopen(ok, "rb"), *out = fopen(cut, "wb");
	char buf[400];
	size_t n = fread(buf, 1, sizeof buf, in);
	fwrite(buf, 1, n, out);
	fclose(in);
	fclose(out);
	refused(cut, NULL, "truncated", "truncated");

	struct part nowb[] = {{"xl/worksheets/sheet1.xml", SHEET}};
	refused(book("nowb.xlsx", nowb, 1), NULL, "xl/workbook.xml", "no workbook.xml");
	struct part nosheet[] = {{"xl/workbook.xml", WB}, {"xl/_rels/workbook.xml.rels", RELS},
	                         {"xl/sharedStrings.xml", SST}};
	refused(book("nosheet.xlsx", nosheet, 3), NULL, "xl/worksheets/notes.xml", "no sheet part");

	refused(book_with("rows.xlsx", "<worksheet><sheetData><row r=\"9999999\"><c r=\"A9999999\">"
	                               "<v>1</v></c></row></sheetData></worksheet>"),
	        NULL, "9999999", "row beyond 1048576");
	refused(book_with("cols.xlsx", "<worksheet><sheetData><row r=\"1\"><c r=\"XFE1\"><v>1</v>"
	                               "</c></row></sheetData></worksheet>"),
	        NULL, "XFE1", "column beyond XFD");
	refused(book_with("sst.xlsx", "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\">"
	                              "<v>99</v></c></row></sheetData></worksheet>"),
	        NULL, "99", "shared string out of range");
	refused(book_with("laughs.xlsx",
	                  "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a \"aaaaaaaaaa\">"
	                  "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
	                  "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&b;</t>"
	                  "</is></c></row></sheetData></worksheet>"),
	        NULL, "DOCTYPE", "entities");
	refused(book_with("bad.xlsx", "<worksheet><sheetData><row></sheetData>"), NULL,
	        "not well-formed", "broken XML");

	/* XML keeps most C0 characters out, but not C1 (here a one-character
	 * CSI), a right-to-left override or a bare carriage return; a line
	 * break and a tab in a cell are text. */
	refused(book_with("c1.xlsx", "<worksheet><sheetData><row r=\"7\"><c r=\"A7\"><v>1</v></c>"
	                             "<c r=\"C7\" t=\"inlineStr\"><is><t>\xC2\x9B" "2J</t></is></c>"
	                             "</row></sheetData></worksheet>"),
	        NULL, "sheet \"Notes\", row 7, column 3: the text holds the control character \\u009b",
	        "C1 control");
	refused(book_with("bidi.xlsx", "<worksheet><sheetData><row r=\"2\"><c r=\"B2\" t=\"inlineStr\">"
	                               "<is><t>ab&#x202E;cd</t></is></c></row></sheetData></worksheet>"),
	        NULL, "row 2, column 2: the text holds the control character \\u202e", "bidi override");
	refused(book_with("cr.xlsx", "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\">"
	                             "<is><t>secret&#13;public</t></is></c></row></sheetData></worksheet>"),
	        NULL, "\\r", "bare carriage return");
	memset(&g, 0, sizeof g);
	CHECK_INT(xlsxin_read(book_with("lines.xlsx", "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" "
	                                               "t=\"inlineStr\"><is><t>a&#10;b\tc</t></is></c>"
	                                               "</row></sheetData></worksheet>"),
	                      NULL, collect, &g, err, sizeof err), 0);
	CHECK_STR(g.text, "1:a\nb\tc\n");

	/* Shared strings past the memory kept for them are read back from a
	 * temporary file: the rows are the same, whatever the limit. */
	struct xlsxin_limits saved = xlsxin_limits;
	char whole[4096];
	memset(&g, 0, sizeof g);
	CHECK_INT(xlsxin_read(ok, "ҰКС", collect, &g, err, sizeof err), 0);
	snprintf(whole, sizeof whole, "%s", g.text);
	for (size_t lim = 0; lim <= 16; lim += 4) {
		xlsxin_limits.sst_memory = lim;
		memset(&g, 0, sizeof g);
		CHECK_INT(xlsxin_read(ok, "ҰКС", collect, &g, err, sizeof err), 0);
		CHECK_STR(g.text, whole);
	}
	/* Strings longer than the file's window together, used out of order. */
	size_t each = 60000;
	char *sst = malloc(3 * each + 512), *o = sst;
	o += sprintf(o, "<sst count=\"3\" uniqueCount=\"3\">");
	for (int i = 0; i < 3; i++) {
		o += sprintf(o, "<si><t>%c", 'a' + i);
		memset(o, 'x', each - 2);
		o += each - 2;
		o += sprintf(o, "%c</t></si>", 'A' + i);
	}
	sprintf(o, "</sst>");
	struct part wide[] = {
		{"xl/workbook.xml", WB}, {"xl/_rels/workbook.xml.rels", RELS},
		{"xl/sharedStrings.xml", sst},
		{"xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r=\"1\">"
		 "<c r=\"A1\" t=\"s\"><v>2</v></c><c r=\"B1\" t=\"s\"><v>0</v></c>"
		 "<c r=\"C1\" t=\"s\"><v>1</v></c><c r=\"D1\" t=\"s\"><v>2</v></c>"
		 "</row></sheetData></worksheet>"},
	};
	const char *widebook = book("wide.xlsx", wide, 4);
	/* All on the file, the first in memory, all in memory. */
	size_t kept[] = {0, each + 1, saved.sst_memory};
	for (int pass = 0; pass < 3; pass++) {
		xlsxin_limits.sst_memory = kept[pass];
		struct wide w = {0};
		CHECK_INT(xlsxin_read(widebook, "ҰКС", wide_row, &w, err, sizeof err), 0);
		CHECK_STR(w.ends, "cC aA bB cC ");
		CHECK_INT((long)w.bytes, (long)(4 * each));
	}
	free(sst);
	xlsxin_limits = saved;

	/* Limits, lowered so that the test stays small. */
	xlsxin_limits.text_bytes = 8;
	refused(book_with("long.xlsx", "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" "
	                               "t=\"inlineStr\"><is><t>0123456789</t></is></c></row>"
	                               "</sheetData></worksheet>"),
	        NULL, "longer than", "long text");
	xlsxin_limits = saved;
	xlsxin_limits.strings = 2;
	refused(ok, "ҰКС", "strings", "too many shared strings");
	xlsxin_limits = saved;
	xlsxin_limits.part_bytes = 500;
	refused(ok, "ҰКС", "zip bomb", "a part over the cap");
	xlsxin_limits = saved;
	/* Zeros pack a thousand to one: refused by the ratio before unpacking. */
	size_t big = 3u << 20;
	char *zeros = malloc(big + 1);
	memset(zeros, '0', big);
	zeros[big] = 0;
	refused(book_with("ratio.xlsx", zeros), NULL, "zip bomb", "ratio");
	free(zeros);

	const char *files[] = {"ok.xlsx", "a.csv", "notzip.xlsx", "cut.xlsx", "nowb.xlsx",
	                       "nosheet.xlsx", "rows.xlsx", "cols.xlsx", "sst.xlsx", "laughs.xlsx",
	                       "bad.xlsx", "long.xlsx", "ratio.xlsx", "c1.xlsx", "bidi.xlsx", "cr.xlsx",
	                       "lines.xlsx", "wide.xlsx"};
	for (size_t i = 0; i < sizeof files / sizeof *files; i++)
		unlink(path_of(files[i]));
	rmdir(dir);
	return tz_test_done();
}
