/* cli_progress — how far long work on the command line is (an import, an
 * export, a backup, verify): one line on standard error, rewritten in place
 * ("\r", the text, clear to the end of the line) at most ten times a
 * second, in the user's language, and taken off again before anything
 * else is written and at the end, so that what stays on the terminal is
 * what the command printed before.  Only when standard error is a
 * terminal: a script or a test that reads standard error sees exactly what
 * it saw before.  One command runs at a time, so there is one line.
 *
 *   cli_progress_begin();
 *   ... the core's callback: cli_progress_rows(_("Export of the register"), done, total);
 *   cli_progress_end();
 */
#ifndef TZ_CLI_PROGRESS_H
#define TZ_CLI_PROGRESS_H

/* From now on reports are shown, if standard error is a terminal. */
void cli_progress_begin(void);
/* what (translated): done of total rows, "Экспорт реестра: 45 000 из 100 000
 * строк (45%)"; total 0: not known yet ("...: 12 000 строк").  Returns 0,
 * so that it can be what a callback of the core returns (never stops). */
int cli_progress_rows(const char *what, long done, long total);
/* what: done of total in a part the user does not count (pages of a
 * copy, steps of a check): "Проверка базы данных: 45%". */
int cli_progress_part(const char *what, long done, long total);
/* Takes the line off the terminal before something else is written there;
 * the next report writes it again. */
void cli_progress_clear(void);
/* Takes the line off; reports are not shown until the next begin. */
void cli_progress_end(void);

#endif
