/* The screen stack and reading a key for any screen or dialog. */
#include "kit/screen.h"

#include <curses.h>
#include <poll.h>
#include <unistd.h>

#include "view/unsaved.h"

enum { ESC_DIGIT_MS = 1000 };

const struct ui_screen *ui_below(const struct ui_app *app)
{
	return app->depth >= 2 ? app->stack[app->depth - 2] : NULL;
}

void ui_draw_below(struct ui_app *app)
{
	const struct ui_screen *s = ui_below(app);
	if (s)
		s->draw(app);
}

void ui_push(struct ui_app *app, const struct ui_screen *s)
{
	if (app->depth < UI_MAX_DEPTH)
		app->stack[app->depth++] = s;
}

int ui_key_char(int key)
{
	if (key & UI_WIDE)
		return key & ~UI_WIDE;
	if (key >= KEY_MIN && key <= KEY_MAX)
		return 0;
	return key;
}

/* One key through get_wch, so that a Cyrillic letter arrives whole. */
static int next_key(void)
{
	wint_t wc;
	int r = get_wch(&wc);
	if (r == ERR)
		return ERR;
	if (r == KEY_CODE_YES)
		return (int)wc;
	if (wc >= KEY_MIN && wc <= KEY_MAX)
		return (int)wc | UI_WIDE;
	return (int)wc;
}

/* A read that fails because the terminal itself has gone (its other end
 * closed, as when an ssh session or a terminal window dies without a signal
 * reaching us: the program started under another session, or through
 * runuser) is a hang-up; without this every read fails at once and the
 * loop would spin for ever.  A read cut short by a signal leaves the
 * terminal as it is and is not. */
static int screen_tty_gone(void)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
	if (poll(&p, 1, 0) < 0)
		return 0;
	if (p.revents & (POLLHUP | POLLERR | POLLNVAL))
		return 1;
	return !isatty(STDIN_FILENO);
}

/* Terminals that eat F-keys get Esc then a digit (mc's convention); a lone
 * Esc is passed on as Esc once the digit has not come.  Once the terminal
 * has gone (SIGHUP, SIGTERM, SIGINT) every read is Esc: each picker and
 * dialog open at that moment closes as if cancelled, and the loop beneath it
 * sees the flag and leaves — the form keeping what was typed as a draft. */
int ui_read_key(void)
{
	if (unsaved_signalled)
		return 27;
	int k = next_key();
	if (k == ERR && !unsaved_signalled && screen_tty_gone())
		unsaved_signalled = 1;
	if (k == ERR && unsaved_signalled)
		return 27;
	if (k != 27)
		return k;
	timeout(ESC_DIGIT_MS);
	int n = next_key();
	timeout(-1);
	if (n >= '0' && n <= '9')
		return KEY_F(n == '0' ? 10 : n - '0');
	if (n != ERR) {
		if (n & UI_WIDE || n > KEY_MAX)
			unget_wch((wchar_t)ui_key_char(n));
		else
			ungetch(n);
	}
	return 27;
}

