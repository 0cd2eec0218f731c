/* debuglog — where a programmer finds what went wrong (SQLite's text, file, line).
 * Users never see it; they get a message in their language. */
#ifndef TZ_DEBUGLOG_H
#define TZ_DEBUGLOG_H

#if defined(__GNUC__)
#define TZ_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define TZ_PRINTF(a, b)
#endif

/* The log file: $TIZILIM_LOG, or nothing when unset. */
void tz_log(const char *fmt, ...) TZ_PRINTF(1, 2);

#endif
