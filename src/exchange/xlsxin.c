#include "exchange/xlsxin.h"

#include <errno.h>
#include <expat.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <unzip.h>

#include "base/i18n.h"
#include "base/debuglog.h"
#include "base/privs.h"
#include "base/safefile.h"
#include "base/text.h"

struct xlsxin_limits xlsxin_limits = {
	200u << 20, 512u << 20, 250, 2000000, 64 * 1024, 4u << 20,
};

/* What Excel itself allows: the last row and column XFD. */
#define MAX_ROW 1048576L
#define MAX_COL 16384
#define MAX_ENTRIES 10000
#define MAX_SHEETS 4096
#define CHUNK 65536
/* SpreadsheetML nests a dozen elements deep at most (a rich text run in a
 * cell); expat keeps every open element, so a part nested millions deep
 * would take gigabytes before it ended. */
#define MAX_DEPTH 64
/* The shared strings past xlsxin_limits.sst_memory wait on a temporary
 * file, read back through a window of SST_WINDOW bytes, so that a workbook
 * of any size is read in the same memory.  A real classifier's strings (4
 * to 5 MiB) mostly fit; a sheet's rows use them in the order they were
 * stored, so one read of the file serves many rows. */
#define SST_WINDOW (128u << 10)

struct book {
	const char *path;
	unzFile zf;
	char *err;
	size_t errlen;
	int failed;             /* err holds our message */
	int cbrc;               /* the row callback stopped us with this */
	const char *part;       /* the part being parsed, for messages */
	XML_Parser p;
	XML_StartElementHandler start;   /* the part's own handlers, under depth_* */
	XML_EndElementHandler end;
	int depth;

	char **sheet_name, **sheet_rid;
	int nsheets;
	char **rel_id, **rel_target, **rel_type;
	int nrels;
	/* The shared strings, one after another, each ended by its NUL;
	 * sstoff[i] is where string i starts, sstend where the last ends.  A
	 * workbook's strings are most of its text: one block holds the first
	 * sst_memory bytes of them without an allocation (and its overhead) each;
	 * from sstlen on they are on sstfile (at offset - sstlen), read back
	 * through the window of win_len bytes from win_at of the file. */
	char *sstbuf;
	size_t sstlen, sstcap;
	uint32_t *sstoff;
	uint64_t sstend;
	long nsst, capsst;
	FILE *sstfile;
	char *win;
	size_t win_at, win_len, win_cap;

	/* parsing state */
	int rph, in_si, in_is, in_t, in_v, in_data;
	char *text;
	size_t ntext, captext;

	const char *sheet;      /* the chosen sheet's name */
	long row;
	int col, maxcol, widest, any;
	enum { CELL_NUMBER, CELL_SHARED, CELL_TEXT } ctype;
	/* The row's cells by column: 0 none, k > 0 the text at rowbuf + k - 1,
	 * k < 0 shared string -k - 1 (used in place, not copied). */
	long *cells;
	int capcells;
	char *rowbuf;
	size_t rowlen, rowcap;
	struct csv_field *fields;
	int capfields;
	csvin_fn fn;
	void *ctx;
};

static void fail(struct book *b, const char *fmt, ...) TZ_PRINTF(2, 3);
static void fail(struct book *b, const char *fmt, ...)
{
	if (!b->failed) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(b->err, b->errlen, fmt, ap);
		va_end(ap);
		b->failed = 1;
	}
	if (b->p)
		XML_StopParser(b->p, XML_FALSE);
}

/* Element and attribute names come as written: files written with
 * prefixes (x:row, r:id) and without mean the same.  The parser does not
 * resolve namespaces: SpreadsheetML's names are unique within a part, so
 * the work of expanding every name to its namespace bought nothing. */
static const char *local(const char *name)
{
	const char *s = strrchr(name, ':');
	return s ? s + 1 : name;
}

static const char *attr(const char **a, const char *name)
{
	for (; *a; a += 2)
		if (strncmp(a[0], "xmlns", 5) && !strcmp(local(a[0]), name))
			return a[1];
	return NULL;
}

static int push(struct book *b, char ***arr, int n, const char *s)
{
	char **na = realloc(*arr, (size_t)(n + 1) * sizeof *na);
	if (na)
		*arr = na;
	if (!na || !(na[n] = strdup(s ? s : ""))) {
		fail(b, "%s: %s", b->path, _("out of memory"));
		return -1;
	}
	return 0;
}

static void on_text(void *u, const XML_Char *s, int len)
{
	struct book *b = u;
	if (!b->in_t && !b->in_v)
		return;
	if (b->ntext + (size_t)len > xlsxin_limits.text_bytes) {
		fail(b, _("%s: a text in %s is longer than %zu KiB; refused"), b->path, b->part,
		     xlsxin_limits.text_bytes / 1024);
		return;
	}
	if (b->ntext + (size_t)len + 1 > b->captext) {
		size_t cap = (b->ntext + (size_t)len + 1) * 2;
		char *nt = realloc(b->text, cap);
		if (!nt) {
			fail(b, "%s: %s", b->path, _("out of memory"));
			return;
		}
		b->text = nt;
		b->captext = cap;
	}
	memcpy(b->text + b->ntext, s, (size_t)len);
	b->ntext += (size_t)len;
	b->text[b->ntext] = 0;
}

static void clear_text(struct book *b)
{
	b->ntext = 0;
	if (b->text)
		b->text[0] = 0;
}

/* A workbook never declares a DOCTYPE; one that does may be trying entity
 * expansion (billion laughs), so it is refused outright. */
static void on_doctype(void *u, const XML_Char *name, const XML_Char *sys, const XML_Char *pub,
                       int internal)
{
	(void)name, (void)sys, (void)pub, (void)internal;
	struct book *b = u;
	fail(b, _("%s: %s declares a DOCTYPE or entities, which workbooks never do; refused"),
	     b->path, b->part);
}

static void on_entity(void *u, const XML_Char *name, int pe, const XML_Char *value, int vlen,
                      const XML_Char *base, const XML_Char *sys, const XML_Char *pub,
                      const XML_Char *notation)
{
	(void)name, (void)pe, (void)value, (void)vlen, (void)base, (void)sys, (void)pub,
		(void)notation;
	on_doctype(u, NULL, NULL, NULL, 0);
}

/* ---- parts ---------------------------------------------------------------- */

static void no_end(void *u, const XML_Char *name)
{
	(void)u, (void)name;
}

static void depth_start(void *u, const XML_Char *name, const XML_Char **a)
{
	struct book *b = u;
	if (++b->depth > MAX_DEPTH) {
		fail(b, _("%s: %s nests its elements more than %d deep (line %lu); refused as no "
		          "workbook does"), b->path, b->part, MAX_DEPTH,
		     (unsigned long)XML_GetCurrentLineNumber(b->p));
		return;
	}
	b->start(u, name, a);
}

static void depth_end(void *u, const XML_Char *name)
{
	struct book *b = u;
	b->depth--;
	b->end(u, name);
}

/* Streams one part through expat.  1 if the zip has no such part. */
static int parse_part(struct book *b, const char *name, XML_StartElementHandler start,
                      XML_EndElementHandler end)
{
	if (unzLocateFile(b->zf, name, 2) != UNZ_OK)
		return 1;
	if (unzOpenCurrentFile(b->zf) != UNZ_OK) {
		fail(b, _("%s: the workbook is damaged: cannot unpack %s"), b->path, name);
		return -1;
	}
	XML_Parser p = XML_ParserCreate(NULL);
	char *chunk = malloc(CHUNK);
	if (!p || !chunk) {
		fail(b, "%s: %s", b->path, _("out of memory"));
		if (p)
			XML_ParserFree(p);
		free(chunk);
		unzCloseCurrentFile(b->zf);
		return -1;
	}
	XML_SetUserData(p, b);
	b->start = start;
	b->end = end;
	b->depth = 0;
	XML_SetElementHandler(p, depth_start, depth_end);
	XML_SetCharacterDataHandler(p, on_text);
	XML_SetStartDoctypeDeclHandler(p, on_doctype);
	XML_SetEntityDeclHandler(p, on_entity);
#ifdef XML_DTD
	XML_SetBillionLaughsAttackProtectionMaximumAmplification(p, 20.0f);
#endif
	b->p = p;
	b->part = name;
	b->rph = b->in_si = b->in_is = b->in_t = b->in_v = b->in_data = 0;
	clear_text(b);
	/* Counted while inflating too: the sizes in the directory are the
	 * file's own claim. */
	uint64_t total = 0;
	for (;;) {
		int n = unzReadCurrentFile(b->zf, chunk, CHUNK);
		if (n < 0) {
			fail(b, _("%s: the workbook is damaged or truncated: cannot unpack %s"), b->path,
			     name);
			break;
		}
		total += (uint64_t)n;
		if (total > xlsxin_limits.part_bytes) {
			fail(b, _("%s: %s unpacks to more than %llu MiB; refused as a possible zip bomb"),
			     b->path, name, (unsigned long long)(xlsxin_limits.part_bytes >> 20));
			break;
		}
		if (XML_Parse(p, chunk, n, n == 0) != XML_STATUS_OK) {
			if (!b->failed && !b->cbrc)
				fail(b, _("%s: %s is not well-formed XML (line %lu: %s)"), b->path, name,
				     (unsigned long)XML_GetCurrentLineNumber(p),
				     XML_ErrorString(XML_GetErrorCode(p)));
			break;
		}
		if (n == 0)
			break;
	}
	if (unzCloseCurrentFile(b->zf) == UNZ_CRCERROR && !b->failed && !b->cbrc)
		fail(b, _("%s: the workbook is damaged: %s fails its checksum"), b->path, name);
	b->p = NULL;
	XML_ParserFree(p);
	free(chunk);
	return b->failed || b->cbrc ? -1 : 0;
}

static void wb_start(void *u, const XML_Char *name, const XML_Char **a)
{
	struct book *b = u;
	if (strcmp(local(name), "sheet"))
		return;
	if (b->nsheets >= MAX_SHEETS) {
		fail(b, _("%s: more than %d sheets; refused"), b->path, MAX_SHEETS);
		return;
	}
	if (!push(b, &b->sheet_name, b->nsheets, attr(a, "name")) &&
	    !push(b, &b->sheet_rid, b->nsheets, attr(a, "id")))
		b->nsheets++;
}

static void rels_start(void *u, const XML_Char *name, const XML_Char **a)
{
	struct book *b = u;
	if (strcmp(local(name), "Relationship"))
		return;
	if (b->nrels >= MAX_SHEETS * 2) {
		fail(b, _("%s: more than %d relationships in %s; refused"), b->path, MAX_SHEETS * 2,
		     b->part);
		return;
	}
	if (!push(b, &b->rel_id, b->nrels, attr(a, "Id")) &&
	    !push(b, &b->rel_target, b->nrels, attr(a, "Target")) &&
	    !push(b, &b->rel_type, b->nrels, attr(a, "Type")))
		b->nrels++;
}

static void sst_start(void *u, const XML_Char *name, const XML_Char **a)
{
	struct book *b = u;
	const char *n = local(name);
	if (!strcmp(n, "sst")) {
		const char *c = attr(a, "uniqueCount");
		if (c && strtol(c, NULL, 10) > xlsxin_limits.strings)
			fail(b, _("%s: %s declares %s strings, more than %ld; refused"), b->path, b->part, c,
			     xlsxin_limits.strings);
	} else if (!strcmp(n, "si")) {
		b->in_si = 1;
		clear_text(b);
	} else if (!strcmp(n, "rPh")) {
		b->rph++;   /* phonetic guides are not the cell's text */
	} else if (!strcmp(n, "t") && b->in_si && !b->rph) {
		b->in_t = 1;
	}
}

static void sst_end(void *u, const XML_Char *name)
{
	struct book *b = u;
	const char *n = local(name);
	if (!strcmp(n, "t")) {
		b->in_t = 0;
	} else if (!strcmp(n, "rPh")) {
		b->rph--;
	} else if (!strcmp(n, "si")) {
		b->in_si = 0;
		if (b->nsst >= xlsxin_limits.strings) {
			fail(b, _("%s: %s holds more than %ld strings; refused"), b->path, b->part,
			     xlsxin_limits.strings);
			return;
		}
		if (b->nsst == b->capsst) {
			long cap = b->capsst ? b->capsst * 2 : 1024;
			uint32_t *no = realloc(b->sstoff, (size_t)cap * sizeof *no);
			if (!no) {
				fail(b, "%s: %s", b->path, _("out of memory"));
				return;
			}
			b->sstoff = no;
			b->capsst = cap;
		}
		size_t need = b->ntext + 1;
		if (b->sstend + need > UINT32_MAX) {
			fail(b, _("%s: %s unpacks to more than %llu MiB; refused as a possible zip bomb"),
			     b->path, b->part, (unsigned long long)(UINT32_MAX >> 20));
			return;
		}
		b->sstoff[b->nsst++] = (uint32_t)b->sstend;
		b->sstend += need;
		if (b->sstfile || b->sstlen + need > xlsxin_limits.sst_memory) {
			if (!b->sstfile && !(b->sstfile = tmpfile())) {
				fail(b, _("cannot read %s: %s"), b->path, strerror(errno));
				return;
			}
			if (fwrite(b->text ? b->text : "", 1, b->ntext, b->sstfile) != b->ntext ||
			    putc(0, b->sstfile) == EOF)
				fail(b, _("cannot read %s: %s"), b->path, strerror(errno));
			return;
		}
		if (b->sstlen + need > b->sstcap) {
			size_t cap = b->sstcap ? b->sstcap : 1u << 16;
			while (cap < b->sstlen + need)
				cap *= 2;
			char *nb = realloc(b->sstbuf, cap);
			if (!nb) {
				fail(b, "%s: %s", b->path, _("out of memory"));
				return;
			}
			b->sstbuf = nb;
			b->sstcap = cap;
		}
		if (b->ntext)
			memcpy(b->sstbuf + b->sstlen, b->text, b->ntext);
		b->sstbuf[b->sstlen + b->ntext] = 0;
		b->sstlen += need;
	}
}

/* Shared string i from the file, through the window: NULL with the
 * failure told when it cannot be read. */
static const char *sst_from_file(struct book *b, long i, size_t *len)
{
	uint64_t at = b->sstoff[i] - b->sstlen;
	uint64_t end = (i + 1 < b->nsst ? b->sstoff[i + 1] : b->sstend) - b->sstlen;
	*len = (size_t)(end - at) - 1;
	if (at < b->win_at || end > b->win_at + b->win_len) {
		size_t want = end - at > SST_WINDOW ? (size_t)(end - at) : SST_WINDOW;
		if (want > b->win_cap) {
			char *nw = realloc(b->win, want);
			if (!nw) {
				fail(b, "%s: %s", b->path, _("out of memory"));
				return NULL;
			}
			b->win = nw;
			b->win_cap = want;
		}
		ssize_t got = pread(fileno(b->sstfile), b->win, want, (off_t)at);
		if (got < (ssize_t)(end - at)) {
			fail(b, _("cannot read %s: %s"), b->path, strerror(got < 0 ? errno : EIO));
			b->win_len = 0;
			return NULL;
		}
		b->win_at = (size_t)at;
		b->win_len = (size_t)got;
	}
	return b->win + (at - b->win_at);
}

/* ---- the sheet ------------------------------------------------------------ */

/* Whether v is an integer as format_number writes it back: an optional
 * minus, then up to 15 digits without a leading zero (or 0 alone). */
static int plain_integer(const char *v)
{
	const char *p = v + (*v == '-');
	size_t n = strspn(p, "0123456789");
	return n >= 1 && n <= 15 && !p[n] && (p[0] != '0' || (n == 1 && p == v));
}

static void format_number(const char *v, char *out, size_t len)
{
	if (plain_integer(v)) {
		snprintf(out, len, "%s", v);
		return;
	}
	char *end;
	double d = strtod(v, &end);
	if (end == v || *end) {
		snprintf(out, len, "%s", v);
		return;
	}
	/* Codes such as 1210 arrive as numbers: written back without ".0".  A
	 * leading zero (0110) would already be lost in the file; the classifier
	 * has no such codes. */
	if (d > -1e15 && d < 1e15 && (double)(long long)d == d) {
		snprintf(out, len, "%lld", (long long)d);
		return;
	}
	snprintf(out, len, "%.15g", d);
	if (strtod(out, NULL) != d)
		snprintf(out, len, "%.17g", d);
}

/* The current cell's value: shared string sst (>= 0), else value, copied
 * into the row's buffer. */
static void set_cell(struct book *b, long sst, const char *value, size_t n)
{
	if (b->col > b->capcells) {
		int cap = b->col * 2 > MAX_COL ? MAX_COL : b->col * 2;
		long *nc = realloc(b->cells, (size_t)cap * sizeof *nc);
		if (!nc) {
			fail(b, "%s: %s", b->path, _("out of memory"));
			return;
		}
		memset(nc + b->capcells, 0, (size_t)(cap - b->capcells) * sizeof *nc);
		b->cells = nc;
		b->capcells = cap;
	}
	if (sst >= 0) {
		b->cells[b->col - 1] = -sst - 1;
		return;
	}
	if (b->rowlen + n + 1 > b->rowcap) {
		size_t cap = (b->rowlen + n + 1) * 2;
		char *nr = realloc(b->rowbuf, cap);
		if (!nr) {
			fail(b, "%s: %s", b->path, _("out of memory"));
			return;
		}
		b->rowbuf = nr;
		b->rowcap = cap;
	}
	memcpy(b->rowbuf + b->rowlen, value, n);
	b->rowbuf[b->rowlen + n] = 0;
	b->cells[b->col - 1] = (long)b->rowlen + 1;
	b->rowlen += n + 1;
}

/* Whether s holds only printable ASCII and two-byte characters from U+00C0
 * on (Latin, Greek, Cyrillic: Kazakh letters included), none of them a
 * control character; what else it holds text_find_control looks at. */
static int plain_text(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p >= 0x20 && *p < 0x7F)
			continue;
		if (*p >= 0xC3 && *p <= 0xDF && (p[1] & 0xC0) == 0x80) {
			p++;
			continue;
		}
		return 0;
	}
	return 1;
}

/* "C5" -> column 3; 0 if there are no letters, -1 past XFD. */
static int ref_col(const char *r, long *row)
{
	long c = 0;
	for (; *r >= 'A' && *r <= 'Z'; r++)
		if ((c = c * 26 + (*r - 'A' + 1)) > MAX_COL)
			return -1;
	*row = strtol(r, NULL, 10);
	return (int)c;
}

static void emit_row(struct book *b)
{
	if (!b->any)
		return;
	int n = b->maxcol > b->widest ? b->maxcol : b->widest;
	b->widest = n;
	if (n > b->capfields) {
		struct csv_field *nf = realloc(b->fields, (size_t)n * sizeof *nf);
		if (!nf) {
			fail(b, "%s: %s", b->path, _("out of memory"));
			return;
		}
		b->fields = nf;
		b->capfields = n;
	}
	for (int i = 0; i < n; i++) {
		long k = i < b->capcells ? b->cells[i] : 0;
		b->fields[i].text = k > 0 ? b->rowbuf + k - 1 : k < 0 ? b->sstbuf + b->sstoff[-k - 1] : "";
		b->fields[i].line = b->row;
		b->fields[i].column = i + 1;
		/* XML keeps out most C0 characters, but not C1, the bidirectional
		 * ones or a bare carriage return. */
		if (plain_text(b->fields[i].text))
			continue;
		long bad = text_find_control(b->fields[i].text, TEXT_LINES);
		if (bad >= 0) {
			char shown[16], what[256];
			text_escape_char(b->fields[i].text + bad, shown);
			snprintf(what, sizeof what, _("the text holds the control character %s, which could "
			                              "change what a screen shows; remove it"), shown);
			fail(b, _("%s: sheet \"%s\", row %ld, column %d: %s"), b->path, b->sheet, b->row, i + 1,
			     what);
			return;
		}
	}
	int rc = b->fn(b->ctx, b->fields, n, b->row);
	if (rc) {
		b->cbrc = rc;
		XML_StopParser(b->p, XML_FALSE);
	}
}

static void clear_row(struct book *b)
{
	int n = b->maxcol < b->capcells ? b->maxcol : b->capcells;
	if (n > 0)
		memset(b->cells, 0, (size_t)n * sizeof *b->cells);
	b->rowlen = 0;
	b->any = b->maxcol = b->col = 0;
}

static void sheet_start(void *u, const XML_Char *name, const XML_Char **a)
{
	struct book *b = u;
	const char *n = local(name);
	if (!strcmp(n, "sheetData")) {
		b->in_data = 1;
	} else if (!b->in_data) {
		return;
	} else if (!strcmp(n, "row")) {
		const char *r = attr(a, "r");
		long rn = r ? strtol(r, NULL, 10) : b->row + 1;
		if (rn < 1 || rn > MAX_ROW) {
			fail(b, _("%s: sheet \"%s\": row number %s is beyond the last row a sheet can "
			          "have (%ld); refused"), b->path, b->sheet, r ? r : "?", MAX_ROW);
			return;
		}
		clear_row(b);
		b->row = rn;
	} else if (!strcmp(n, "c")) {
		const char *r = attr(a, "r"), *t = attr(a, "t");
		long rn = b->row;
		int c = r ? ref_col(r, &rn) : b->col + 1;
		if (c < 0 || c > MAX_COL || rn > MAX_ROW) {
			fail(b, _("%s: sheet \"%s\", row %ld: cell \"%s\" is beyond the last row or "
			          "column (XFD%ld) a sheet can have; refused"),
			     b->path, b->sheet, b->row, r, MAX_ROW);
			return;
		}
		b->col = c ? c : b->col + 1;
		if (b->col > MAX_COL) {
			fail(b, _("%s: sheet \"%s\", row %ld: more than %d columns; refused"), b->path,
			     b->sheet, b->row, MAX_COL);
			return;
		}
		b->ctype = !t || !strcmp(t, "n") ? CELL_NUMBER : !strcmp(t, "s") ? CELL_SHARED : CELL_TEXT;
		clear_text(b);
		b->any = 1;
		if (b->col > b->maxcol)
			b->maxcol = b->col;
	} else if (!strcmp(n, "v")) {
		b->in_v = 1;
	} else if (!strcmp(n, "is")) {
		b->in_is = 1;
	} else if (!strcmp(n, "rPh")) {
		b->rph++;
	} else if (!strcmp(n, "t") && b->in_is && !b->rph) {
		b->in_t = 1;
	}
}

static void sheet_end(void *u, const XML_Char *name)
{
	struct book *b = u;
	const char *n = local(name);
	if (!b->in_data)
		return;
	if (!strcmp(n, "v")) {
		b->in_v = 0;
	} else if (!strcmp(n, "t")) {
		b->in_t = 0;
	} else if (!strcmp(n, "is")) {
		b->in_is = 0;
	} else if (!strcmp(n, "rPh")) {
		b->rph--;
	} else if (!strcmp(n, "c")) {
		const char *text = b->text ? b->text : "";
		if (b->ctype == CELL_SHARED && *text) {
			char *end;
			long i = strtol(text, &end, 10);
			if (*end || i < 0 || i >= b->nsst) {
				fail(b, _("%s: sheet \"%s\", row %ld, column %d: refers to shared string %s, "
				          "which the workbook lacks"), b->path, b->sheet, b->row, b->col, text);
				return;
			}
			if (b->sstoff[i] < b->sstlen) {
				set_cell(b, i, NULL, 0);
			} else {
				/* Copied: the window moves before the row is handed out. */
				size_t vlen;
				const char *v = sst_from_file(b, i, &vlen);
				if (v)
					set_cell(b, -1, v, vlen);
			}
		} else if (b->ctype == CELL_NUMBER && *text) {
			char num[64];
			format_number(text, num, sizeof num);
			set_cell(b, -1, num, strlen(num));
		} else {
			set_cell(b, -1, text, b->ntext);   /* inlineStr, str, b, e, d, or empty */
		}
	} else if (!strcmp(n, "row")) {
		emit_row(b);
		clear_row(b);
	} else if (!strcmp(n, "sheetData")) {
		b->in_data = 0;
	}
}

/* ---- the workbook --------------------------------------------------------- */

static int open_zip(struct book *b)
{
	FILE *f = userfile_read(b->path, "rb");
	if (!f) {
		fail(b, _("cannot open %s: %s"), b->path, strerror(errno));
		return -1;
	}
	unsigned char magic[4] = {0};
	size_t got = fread(magic, 1, 4, f);
	fclose(f);
	if (got < 4 || magic[0] != 'P' || magic[1] != 'K') {
		fail(b, _("%s: not an XLSX workbook: the file is not a zip archive"), b->path);
		return -1;
	}
	privs_user();
	b->zf = unzOpen64(b->path);
	privs_program();
	if (!b->zf) {
		fail(b, _("%s: the workbook is damaged or truncated: its zip directory cannot be read"),
		     b->path);
		return -1;
	}
	unz_global_info64 gi;
	if (unzGetGlobalInfo64(b->zf, &gi) != UNZ_OK || gi.number_entry > MAX_ENTRIES) {
		fail(b, _("%s: the workbook is damaged or has more than %d parts; refused"), b->path,
		     MAX_ENTRIES);
		return -1;
	}
	uint64_t total = 0;
	int rc;
	for (rc = unzGoToFirstFile(b->zf); rc == UNZ_OK; rc = unzGoToNextFile(b->zf)) {
		char name[256];
		unz_file_info64 fi;
		/* minizip ends the name with a NUL only when it is shorter than
		 * the buffer; a longer one (a hostile file) is cut and ended here. */
		if (unzGetCurrentFileInfo64(b->zf, &fi, name, sizeof name - 1, NULL, 0, NULL, 0) != UNZ_OK)
			break;
		name[sizeof name - 1] = '\0';
		uint64_t u = fi.uncompressed_size, c = fi.compressed_size ? fi.compressed_size : 1;
		total += u;
		if (u > xlsxin_limits.part_bytes || (u > (1u << 20) && u / c > xlsxin_limits.ratio)) {
			fail(b, _("%s: %s would unpack to %llu MiB from %llu KiB; refused as a possible "
			          "zip bomb"), b->path, name, (unsigned long long)(u >> 20),
			     (unsigned long long)(fi.compressed_size >> 10));
			return -1;
		}
		if (total > xlsxin_limits.total_bytes) {
			fail(b, _("%s: the workbook would unpack to more than %llu MiB; refused"), b->path,
			     (unsigned long long)(xlsxin_limits.total_bytes >> 20));
			return -1;
		}
	}
	if (rc != UNZ_END_OF_LIST_OF_FILE) {
		fail(b, _("%s: the workbook is damaged or truncated: its zip directory cannot be read"),
		     b->path);
		return -1;
	}
	return 0;
}

/* A relationship's target as a part name: relative to xl/ unless absolute. */
static char *target_part(const char *target)
{
	size_t n = strlen(target) + 4;
	char *s = malloc(n);
	if (s)
		snprintf(s, n, "%s%s", target[0] == '/' ? "" : "xl/", target + (target[0] == '/'));
	return s;
}

static const char *rel_target_of(struct book *b, const char *id, const char *type_end)
{
	for (int i = 0; i < b->nrels; i++) {
		if (id && !strcmp(b->rel_id[i], id))
			return b->rel_target[i];
		size_t lt = strlen(b->rel_type[i]), le = type_end ? strlen(type_end) : 0;
		if (type_end && lt >= le && !strcmp(b->rel_type[i] + lt - le, type_end))
			return b->rel_target[i];
	}
	return NULL;
}

static void missing(struct book *b, const char *part)
{
	fail(b, _("%s: not an XLSX workbook: the part %s is missing"), b->path, part);
}

static int read_book(struct book *b, const char *sheet)
{
	if (open_zip(b))
		return -1;
	int r = parse_part(b, "xl/workbook.xml", wb_start, no_end);
	if (r)
		return r > 0 ? (missing(b, "xl/workbook.xml"), -1) : -1;
	if (!b->nsheets) {
		fail(b, _("%s: the workbook has no sheet"), b->path);
		return -1;
	}
	int which = 0;
	if (sheet) {
		which = -1;
		for (int i = 0; i < b->nsheets && which < 0; i++)
			if (!strcmp(b->sheet_name[i], sheet))
				which = i;
		if (which < 0) {
			char names[512] = "";
			size_t used = 0;
			for (int i = 0; i < b->nsheets && used < sizeof names - 1; i++) {
				int k = snprintf(names + used, sizeof names - used, "%s\"%s\"", i ? ", " : "",
				                 b->sheet_name[i]);
				used += k > 0 ? (size_t)k : 0;
			}
			fail(b, _("%s: no sheet is called \"%s\"; the workbook has %s"), b->path, sheet,
			     names);
			return -1;
		}
	}
	b->sheet = b->sheet_name[which];
	r = parse_part(b, "xl/_rels/workbook.xml.rels", rels_start, no_end);
	if (r)
		return r > 0 ? (missing(b, "xl/_rels/workbook.xml.rels"), -1) : -1;
	const char *t = rel_target_of(b, b->sheet_rid[which], NULL);
	if (!t) {
		fail(b, _("%s: the workbook names no part for sheet \"%s\""), b->path, b->sheet);
		return -1;
	}
	char *sheet_part = target_part(t);
	const char *st = rel_target_of(b, NULL, "/sharedStrings");
	char *sst_part = target_part(st ? st : "sharedStrings.xml");
	if (!sheet_part || !sst_part) {
		free(sheet_part);
		free(sst_part);
		fail(b, "%s: %s", b->path, _("out of memory"));
		return -1;
	}
	/* A workbook of numbers only has no shared strings. */
	r = parse_part(b, sst_part, sst_start, sst_end);
	if (b->sstfile && !b->failed && fflush(b->sstfile))
		fail(b, _("cannot read %s: %s"), b->path, strerror(errno));
	if (r > 0 && st)
		missing(b, sst_part);
	if (r <= 0 || !st) {
		r = b->failed ? -1 : parse_part(b, sheet_part, sheet_start, sheet_end);
		if (r > 0)
			missing(b, sheet_part);
	}
	free(sheet_part);
	free(sst_part);
	return b->failed ? -1 : b->cbrc;
}

static void free_list(char **l, int n)
{
	for (int i = 0; i < n; i++)
		free(l[i]);
	free(l);
}

int xlsxin_read(const char *path, const char *sheet, csvin_fn fn, void *ctx, char *err,
                size_t errlen)
{
	struct book b = {.path = path, .err = err, .errlen = errlen, .fn = fn, .ctx = ctx};
	if (errlen)
		err[0] = 0;
	read_book(&b, sheet);
	if (b.zf)
		unzClose(b.zf);
	free_list(b.sheet_name, b.nsheets);
	free_list(b.sheet_rid, b.nsheets);
	free_list(b.rel_id, b.nrels);
	free_list(b.rel_target, b.nrels);
	free_list(b.rel_type, b.nrels);
	free(b.sstbuf);
	free(b.sstoff);
	free(b.win);
	if (b.sstfile)
		fclose(b.sstfile);
	free(b.cells);
	free(b.rowbuf);
	free(b.fields);
	free(b.text);
	if (b.failed)
		tz_log("xlsx %s: %s", path, err);
	return b.failed ? -1 : b.cbrc;
}

int xlsxin_is_xlsx(const char *path)
{
	size_t n = strlen(path);
	if (n > 5 && (!strcasecmp(path + n - 5, ".xlsx") || !strcasecmp(path + n - 5, ".xlsm")))
		return 1;
	FILE *f = userfile_read(path, "rb");
	if (!f)
		return 0;
	unsigned char m[4] = {0};
	size_t got = fread(m, 1, 4, f);
	fclose(f);
	return got == 4 && !memcmp(m, "PK\3\4", 4);
}

int xlsxin_read_any(const char *path, const char *encoding, const char *sheet, csvin_fn fn,
                    void *ctx, const char **chosen, char *err, size_t errlen)
{
	if (xlsxin_is_xlsx(path)) {
		if (chosen)
			*chosen = "XLSX";
		return xlsxin_read(path, sheet, fn, ctx, err, errlen);
	}
	if (sheet) {
		snprintf(err, errlen, _("%s: not an XLSX workbook, so it has no sheet \"%s\" to choose"),
		         path, sheet);
		return -1;
	}
	return csvin_read(path, encoding, fn, ctx, chosen, err, errlen);
}
