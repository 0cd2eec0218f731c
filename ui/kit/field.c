#include "kit/field.h"

#include <string.h>

#include "kit/draw.h"
#include "kit/screen.h"

enum field_result field_key(struct textedit *t, int key)
{
	switch (key) {
	case KEY_LEFT: return te_left(t) ? FIELD_MOVED : FIELD_PASS;
	case KEY_RIGHT: return te_right(t) ? FIELD_MOVED : FIELD_PASS;
	case KEY_HOME: te_home(t); return FIELD_MOVED;
	case KEY_END: te_end(t); return FIELD_MOVED;
	/* Terminals send DEL or ^H for Backspace, or the key code. */
	case KEY_BACKSPACE: case 127: case 8:
		return te_backspace(t) ? FIELD_CHANGED : FIELD_MOVED;
	case KEY_DC: return te_delete(t) ? FIELD_CHANGED : FIELD_MOVED;
	default: break;
	}
	int c = ui_key_char(key);
	if (c >= 0x20 && c != 127 && te_insert(t, (unsigned)c) > 0)
		return FIELD_CHANGED;
	return FIELD_PASS;
}

enum field_result field_key_end(char *buf, size_t len, int key)
{
	int c = ui_key_char(key);
	int back = key == KEY_BACKSPACE || key == 127 || key == 8;
	if (back ? !*buf : c < 0x20 || c == 127)
		return FIELD_PASS;
	struct textedit t;
	if (te_init(&t, buf))
		return FIELD_MOVED;
	int changed = back ? te_backspace(&t) : te_insert(&t, (unsigned)c) > 0;
	if (changed && t.len < len)
		memcpy(buf, te_text(&t), t.len + 1);
	else
		changed = 0;
	te_free(&t);
	return changed ? FIELD_CHANGED : FIELD_MOVED;
}

void field_draw(struct textedit *t, int y, int x, int w, attr_t a, int focus)
{
	if (w <= 0)
		return;
	int col = te_view(t, w);
	draw_cell(y, x, w, te_text(t) + t->scroll, a, 0);
	if (focus)
		move(y, x + (col < w ? col : w - 1));
}
