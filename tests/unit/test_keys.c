/* test_keys: the key table is the one source of the bindings; the man
 * page's list must say the same (names and help, for every binding). */
#include "helpers.h"

#include "app/keys.h"

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
