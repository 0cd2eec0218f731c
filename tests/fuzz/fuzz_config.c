/* The configuration file parser on the input as the file's text.  Whatever
 * the text, the result must stay inside its bounds: a language that is "",
 * "kk" or "ru", bindings and problems within their arrays, each problem a
 * string naming the file; and a key the parser describes must parse back to
 * the same key. */
#include "fuzz.h"

#include "base/settings.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fz_string(data, size);
	struct settings s;
	settings_defaults(&s);
	int n = settings_parse(&s, "config", text);
	if (n < 0 || s.nproblems < 0 || s.nproblems > SETTINGS_MAX_PROBLEMS ||
	    s.nbinds < 0 || s.nbinds > SETTINGS_MAX_BINDS)
		abort();
	if (s.language[0] && strcmp(s.language, "kk") && strcmp(s.language, "ru"))
		abort();
	for (int i = 0; i < s.nproblems; i++)
		if (!memchr(s.problems[i], '\0', sizeof s.problems[i]) || !strstr(s.problems[i], "config"))
			abort();
	for (int i = 0; i < s.nbinds; i++) {
		if (s.binds[i].action <= SET_ACT_NONE || s.binds[i].action >= SET_NACT)
			abort();
		char name[64];
		struct settings_key back;
		settings_key_name(&s.binds[i].key, name, sizeof name);
		if (settings_key_parse(name, &back) || back.kind != s.binds[i].key.kind ||
		    back.value != s.binds[i].key.value)
			abort();
	}
	/* A key's description alone, as the interface may read one. */
	struct settings_key k;
	if (size < 32 && settings_key_parse(text, &k) == 0) {
		char name[64];
		struct settings_key back;
		settings_key_name(&k, name, sizeof name);
		if (settings_key_parse(name, &back) || back.kind != k.kind || back.value != k.value)
			abort();
	}
	free(text);
	return 0;
}
