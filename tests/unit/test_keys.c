/* test_keys: the key table is the one source of the bindings; the man
 * page's list must say the same (names and help, for every binding). */
#include "helpers.h"

#include "ui/keys.h"

/* The man page without roff's font escapes and with "\-" as "-". */
static char *man_text(void)
{
	FILE *f = fopen("man/cutoff.1", "r");
	char *buf, *o, *p;
	long len;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	rewind(f);
	buf = malloc((size_t)len + 1);
	assert_int_equal(fread(buf, 1, (size_t)len, f), (size_t)len);
	buf[len] = '\0';
	fclose(f);
	for (p = o = buf; *p; p++) {
		if (p[0] == '\\' && p[1] == 'f' && p[2] != '\0') {
			p += 2;
			continue;
		}
		if (p[0] == '\\' && p[1] == '-') {
			*o++ = '-';
			p++;
			continue;
		}
		*o++ = *p;
	}
	*o = '\0';
	return buf;
}

static void test_man_lists_every_binding(void **state)
{
	char *man = man_text(), *keys = strstr(man, ".SS Keys"), *end;
	size_t i;

	(void)state;
	assert_non_null(keys);
	end = strstr(keys + 1, ".SS ");
	assert_non_null(end);
	*end = '\0';
	for (i = 0; i < keys_count; i++) {
		if (strstr(keys, keys_table[i].help) == NULL)
			fail_msg("man page lacks the help '%s'", keys_table[i].help);
		if (strstr(keys, keys_table[i].name) == NULL)
			fail_msg("man page lacks the key '%s'", keys_table[i].name);
	}
	free(man);
}

static void test_lookup(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < keys_count; i++)
		assert_int_equal(keys_action(keys_table[i].key), keys_table[i].action);
	assert_int_equal(keys_action('Z'), ACT_NONE);
	assert_int_equal(keys_action('q'), ACT_QUIT);
	assert_int_equal(keys_action(K_RIGHT), ACT_UP_FINE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_man_lists_every_binding),
		cmocka_unit_test(test_lookup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
