#include "kit/list.h"

void list_fit(struct ui_list *l)
{
	int h = l->h < 1 ? 1 : l->h;
	if (l->cur >= l->n)
		l->cur = l->n - 1;
	if (l->cur < 0)
		l->cur = 0;
	if (l->top > l->cur)
		l->top = l->cur;
	if (l->top < l->cur - h + 1)
		l->top = l->cur - h + 1;
	if (l->top > l->n - h)
		l->top = l->n - h;
	if (l->top < 0)
		l->top = 0;
}

/* A page is the window less one line, so that one line stays in sight. */
static int list_page(const struct ui_list *l)
{
	return l->h > 1 ? l->h - 1 : 1;
}

int list_move(struct ui_list *l, int key)
{
	int page = list_page(l);
	switch (key) {
	case KEY_UP: l->cur--; break;
	case KEY_DOWN: l->cur++; break;
	case KEY_PPAGE: l->cur -= page; l->top -= page; break;
	case KEY_NPAGE: l->cur += page; l->top += page; break;
	case KEY_HOME: l->cur = 0; break;
	case KEY_END: l->cur = l->n - 1; break;
	default: return 0;
	}
	return 1;
}

int list_key(struct ui_list *l, int key)
{
	if (!list_move(l, key))
		return 0;
	list_fit(l);
	return 1;
}

int list_scroll(struct ui_list *l, int key)
{
	int page = list_page(l), moved = 1;
	switch (key) {
	case KEY_UP: l->top--; break;
	case KEY_DOWN: l->top++; break;
	case KEY_PPAGE: l->top -= page; break;
	case KEY_NPAGE: l->top += page; break;
	case KEY_HOME: l->top = 0; break;
	case KEY_END: l->top = l->n; break;
	default: moved = 0; break;
	}
	if (l->top > l->n - l->h)
		l->top = l->n - l->h;
	if (l->top < 0)
		l->top = 0;
	return moved;
}
