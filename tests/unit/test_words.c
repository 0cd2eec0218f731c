/* Words as each language writes them: dates in words (base/datewords), the
 * change log's labels (view/logwords), and room for the longest message of
 * the catalogs in a problem (base/problem). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/datewords.h"
#include "base/i18n.h"
#include "base/problem.h"
#include "harness.h"
#include "view/logwords.h"

static void test_dates(void)
{
	char b[128];
	CHECK_INT(date_weekday(2026, 5, 27), 2);   /* a Wednesday */
	CHECK_INT(date_weekday(2024, 2, 29), 3);
	CHECK_INT(date_weekday(2000, 1, 1), 5);
	CHECK_STR(date_words("ru", 2026, 5, 27, DW_DATE, b, sizeof b), "27 мая 2026 г.");
	CHECK_STR(date_words("ru", 2026, 5, 27, DW_WEEKDAY, b, sizeof b), "среда, 27 мая 2026 г.");
	CHECK_STR(date_words("ru", 2026, 5, 27, DW_DAY, b, sizeof b), "27 мая");
	CHECK_STR(date_words("ru", 2026, 5, 27, DW_WHEN, b, sizeof b), "27 мая 2026 г.");
	CHECK_STR(date_words("kk", 2026, 5, 27, DW_DATE, b, sizeof b), "2026 жылғы 27 мамыр");
	CHECK_STR(date_words("kk", 2026, 5, 27, DW_WEEKDAY, b, sizeof b), "2026 жылғы 27 мамыр, сәрсенбі");
	CHECK_STR(date_words("kk", 2026, 5, 27, DW_DAY, b, sizeof b), "27 мамыр");
	CHECK_STR(date_words("kk", 2027, 4, 5, DW_WHEN, b, sizeof b), "2027 жылғы 5 сәуірде");
	CHECK_STR(date_words("kk", 2027, 4, 12, DW_OF, b, sizeof b), "2027 жылғы 12 сәуірдегі");
	CHECK_STR(date_words("kk", 2026, 12, 7, DW_WEEKDAY, b, sizeof b), "2026 жылғы 7 желтоқсан, дүйсенбі");
	CHECK_STR(date_words("ru", 2026, 12, 6, DW_WEEKDAY, b, sizeof b), "воскресенье, 6 декабря 2026 г.");
	CHECK_STR(date_words_iso("ru", "2025-11-20", DW_DATE, b, sizeof b), "20 ноября 2025 г.");
	CHECK_STR(date_words_iso("kk", "2025-11-20T10:00:00Z", DW_DATE, b, sizeof b), "2025 жылғы 20 қараша");
	CHECK_STR(date_words_iso("ru", "not a date", DW_DATE, b, sizeof b), "not a date");
	CHECK_STR(date_words_iso("ru", "2025-13-01", DW_DATE, b, sizeof b), "2025-13-01");
	CHECK_STR(date_words("ru", 2025, 0, 1, DW_DATE, b, sizeof b), "2025-00-01");
	/* Cut, never overrun. */
	char small[8];
	date_words("ru", 2026, 5, 27, DW_WEEKDAY, small, sizeof small);
	CHECK_INT(strlen(small), 7);
}

/* The longest one-line translation in a catalog, in bytes. */
static size_t longest_msgstr(const char *path)
{
	FILE *f = fopen(path, "r");
	CHECK(f != NULL, "cannot read %s (run from the checkout)", path);
	if (!f)
		return 0;
	char line[4096];
	size_t longest = 0, cur = 0;
	int in_str = 0, multi = 0;
	while (fgets(line, sizeof line, f)) {
		if (!strncmp(line, "msgstr ", 7)) {
			in_str = 1;
			cur = 0;
			multi = 0;
		} else if (line[0] != '"') {
			if (in_str && !multi && cur > longest)
				longest = cur;
			in_str = 0;
			continue;
		}
		if (!in_str)
			continue;
		const char *q = strchr(line, '"');
		const char *e = strrchr(line, '"');
		if (q && e > q) {
			cur += (size_t)(e - q - 1);
			if (strstr(q, "\\n\""))
				multi = 1;   /* help texts: printed, never kept in a problem */
		}
	}
	fclose(f);
	return longest;
}

static void test_problem_room(void)
{
	size_t kk = longest_msgstr("po/kk.po"), ru = longest_msgstr("po/ru.po");
	size_t longest = kk > ru ? kk : ru;
	CHECK(longest > 200, "the catalogs' longest message: %zu bytes", longest);
	/* Room for the message and a quoted value or name of 256 bytes. */
	CHECK(longest + 256 < TZ_PROBLEM_MSG, "longest message %zu bytes, room %d", longest, TZ_PROBLEM_MSG);
	char *text = malloc(longest + 1);
	memset(text, 'x', longest);
	const char *end = "языке.";
	memcpy(text + longest - strlen(end), end, strlen(end));
	text[longest] = 0;
	struct problems p = {0};
	problems_add(&p, "basis_ru", "%s: %s", "Основание (на русском языке)", text);
	size_t got = strlen(p.item[0].msg);
	CHECK(got == strlen("Основание (на русском языке): ") + longest, "kept %zu bytes", got);
	CHECK(got >= strlen(end) && !strcmp(p.item[0].msg + got - strlen(end), end), "the end is cut: %s",
	      p.item[0].msg);
	free(text);
}

static void test_log_labels(void)
{
	i18n_set_lang("ru");
	CHECK_STR(logwords_object("reg_row"), "строка реестра");
	CHECK_STR(logwords_object("some_new_table"), "другие данные");
	CHECK_STR(logwords_action("update"), "изменено");
	CHECK_STR(logwords_action("insert"), "создано");
	/* The list's words: a word or two, the entry in full says it whole. */
	CHECK_STR(logwords_action("import"), "импортировано из файла");
	CHECK_STR(logwords_action_short("import"), "импортировано");
	CHECK_STR(logwords_action_short("seal"), "опечатано");
	CHECK_STR(logwords_action_short("restore"), "восстановлено");
	CHECK_STR(logwords_action_short("update"), "изменено");
	CHECK_STR(logwords_action_short("some_new_action"), "изменено");
	CHECK_STR(logwords_field("proposal", "safety_ru"),
	          "Обоснование: здоровье, жизнь, безопасность (на русском языке)");
	CHECK_STR(logwords_field("body", "code"), "Код органа");
	CHECK_STR(logwords_object_parse("строка реестра"), "reg_row");
	CHECK_STR(logwords_object_parse("reg_row"), "reg_row");
	CHECK(logwords_object_parse("строки") == NULL, "a label not whole is no object");
	char b[256];
	CHECK_STR(logwords_value(NULL, "reg_row", "section", "voluntary", b, sizeof b), "добровольный");
	CHECK_STR(logwords_value(NULL, "reg_version", "state", "submitted", b, sizeof b),
	          "внесён в Национальный совет");
	CHECK_STR(logwords_value(NULL, "change_decision", "decision", "approved", b, sizeof b), "утверждено");
	CHECK_STR(logwords_value(NULL, "body", "authorized", "0", b, sizeof b), "нет");
	CHECK_STR(logwords_value(NULL, "reg_row", "basis_ru", "", b, sizeof b), "-");
	i18n_set_lang("kk");
	CHECK_STR(logwords_object("reg_row"), "Тізілім жолы");
	CHECK_STR(logwords_action_short("import"), "импортталды");
	CHECK_STR(logwords_action_short("seal"), "мөрленді");
	CHECK_STR(logwords_value(NULL, "cycle", "season", "spring", b, sizeof b), "көктем");
	CHECK_STR(logwords_field("cycle", "season"), "Жартыжылдық");
}

int main(void)
{
	i18n_init("ru");
	test_dates();
	test_problem_room();
	test_log_labels();
	return tz_test_done();
}
