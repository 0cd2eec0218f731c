/* The text field's editing: insert, move and delete by character on Kazakh
 * and Russian text, never splitting a letter, and the horizontal scroll that
 * keeps the cursor in a narrow field. */
#include <locale.h>
#include <string.h>

#include "harness.h"
#include "base/text.h"
#include "base/textedit.h"

static void type(struct textedit *t, const char *s)
{
	unsigned cp;
	for (int k; (k = text_next(s, &cp)) > 0; s += k)
		te_insert(t, cp);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	struct textedit t;
	te_init(&t, NULL);
	CHECK_STR(te_text(&t), "");
	type(&t, "Қазақ");
	CHECK_STR(te_text(&t), "Қазақ");
	CHECK_INT(t.cur, strlen("Қазақ"));
	/* Left Left Backspace: the cursor stands before "ақ", the з goes. */
	te_left(&t);
	te_left(&t);
	CHECK_INT(te_backspace(&t), 1);
	CHECK_STR(te_text(&t), "Қаақ");
	CHECK_INT(t.cur, strlen("Қа"));
	/* Delete takes the letter after the cursor, whole. */
	CHECK_INT(te_delete(&t), 1);
	CHECK_STR(te_text(&t), "Қақ");
	/* Every Kazakh letter, both cases, goes in and comes out as typed. */
	te_set(&t, NULL);
	const char *kk = "ӘІҢҒҮҰҚӨҺәіңғүұқөһ";
	type(&t, kk);
	CHECK_STR(te_text(&t), kk);
	te_home(&t);
	CHECK_INT(t.cur, 0);
	CHECK_INT(te_left(&t), 0);
	CHECK_INT(te_backspace(&t), 0);
	te_right(&t);
	CHECK_INT(t.cur, 2);   /* one two-byte letter */
	te_insert(&t, 'x');
	CHECK(!strncmp(te_text(&t), "Әx", strlen("Әx")), "inserted after the first letter: %s", te_text(&t));
	te_end(&t);
	CHECK_INT(te_delete(&t), 0);
	CHECK_INT(te_right(&t), 0);
	/* Controls are not typed into a field. */
	CHECK_INT(te_insert(&t, '\t'), 0);
	CHECK_INT(te_insert(&t, 0x7F), 0);
	CHECK_INT(te_insert(&t, 0xD800), 0);
	/* Three- and four-byte characters step as one. */
	te_set(&t, "a€𝄞b");
	te_left(&t);
	te_left(&t);
	CHECK_INT(t.cur, 1 + 3);
	te_backspace(&t);
	CHECK_STR(te_text(&t), "a𝄞b");
	/* A bad byte is replaced on the way in, so steps stay on characters. */
	te_set(&t, "a\xff" "b");
	CHECK_STR(te_text(&t), "a\xEF\xBF\xBD" "b");
	te_left(&t);
	te_backspace(&t);
	CHECK_STR(te_text(&t), "ab");

	/* Scrolling: 20 letters in a 10-column field; the cursor stays in view
	 * and the text before it fills the field. */
	te_set(&t, "абвгдеёжзийклмнопрст");
	int col = te_view(&t, 10);
	CHECK_INT(col, 9);
	CHECK_INT(te_span_width(te_text(&t), t.scroll, t.cur), 9);
	te_home(&t);
	CHECK_INT(te_view(&t, 10), 0);
	CHECK_INT(t.scroll, 0);
	/* Moving right past the edge scrolls by whole letters. */
	for (int i = 0; i < 12; i++)
		te_right(&t);
	col = te_view(&t, 10);
	CHECK_INT(col, 9);
	CHECK_STR(te_text(&t) + t.scroll, "гдеёжзийклмнопрст");
	/* Wide characters count two columns. */
	te_set(&t, "漢字漢字漢字");
	CHECK_INT(te_view(&t, 5), 4);
	CHECK_INT(te_span_width(te_text(&t), 0, strlen(te_text(&t))), 12);
	te_free(&t);
	return tz_test_done();
}
