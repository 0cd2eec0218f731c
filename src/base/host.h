/* host — who is at the terminal, on which machine, and when: the login of
 * the real user id (never $USER or $LOGNAME: roles hang on it), the host's
 * name, and the clock as the change log writes it. */
#ifndef TZ_HOST_H
#define TZ_HOST_H

/* The real uid's login name ("?" when the password database has none). */
const char *host_login(void);
/* Now, UTC, as "YYYY-MM-DDTHH:MM:SSZ", into buf (21 bytes); returns buf. */
char *host_now(char *buf);
/* The machine's name ("" when it has none). */
const char *host_name(void);

#endif
