/* test_keys: the key table is the one source of the bindings; the man
 * page's list must say the same (names and help, for every binding).  A
 * key's action that is a command too takes the command's path. */
#include "helpers.h"

#include "app/cmd.h"
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

static void test_actions(void **state)
{
	double pos[] = { 0.4, 0.9, 0.8 }, neg[] = { 0.1, 0.7, 0.2, 0.4 };
	struct sweep sw;
	struct view_model m = { .name = "m", .threshold = 0.5 };
	struct view v;
	struct cmd c;
	size_t k;

	(void)state;
	assert_int_equal(sweep_build(&sw, pos, NULL, 3, neg, NULL, 4), 0);
	memset(&v, 0, sizeof v);
	m.sw = m.sample = &sw;
	v.models = &m;
	v.n_models = 1;
	view_init(&v);
	view_find_optima(&v);
	/* x, b and q are the commands export, bootstrap and quit */
	assert_int_equal(keys_apply(&v, keys_action('x'), &c), EFFECT_EXPORT);
	assert_ptr_equal(c.entry, &cmdview_export);
	assert_true(!c.has_file && c.format == EXPORT_MD);
	assert_int_equal(keys_apply(&v, keys_action('b'), &c), EFFECT_BOOTSTRAP);
	assert_true(c.entry == &cmdview_bootstrap && c.value == 1000);
	assert_int_equal(keys_apply(&v, keys_action('q'), &c), EFFECT_QUIT);
	assert_int_equal(keys_apply(&v, keys_action(':'), &c), EFFECT_PROMPT);
	/* the others change the view through its actions */
	k = m.k;
	assert_int_equal(keys_apply(&v, keys_action(K_RIGHT), &c), EFFECT_NONE);
	assert_true(m.k < k);
	assert_null(c.entry);
	keys_apply(&v, keys_action('e'), &c);
	assert_true(v.stakeholder);
	keys_apply(&v, keys_action('?'), &c);
	assert_true(v.help && v.help_what == HELP_KEYS);
	keys_apply(&v, keys_action('?'), &c);
	assert_false(v.help);
	for (k = 0; k < 3; k++)
		keys_apply(&v, keys_action('g'), &c);
	assert_int_equal(v.glyphs, GLYPHS_BRAILLE);
	keys_apply(&v, keys_action('g'), &c);
	assert_int_equal(v.glyphs, GLYPHS_BLOCK);
	sweep_free(&sw);
}

/* One entry a command, each with its parse and apply, names unique, in
 * the help's order. */
static void test_command_table(void **state)
{
	size_t i, j;

	(void)state;
	assert_true(cmd_count >= 17);
	for (i = 0; i < cmd_count; i++) {
		assert_non_null(cmd_table[i]->parse);
		assert_non_null(cmd_table[i]->apply);
		assert_int_equal(cmd_index(cmd_table[i]), (int)i);
		assert_ptr_equal(cmd_find(cmd_table[i]->name), cmd_table[i]);
		if (cmd_table[i]->alias != NULL)
			assert_ptr_equal(cmd_find(cmd_table[i]->alias), cmd_table[i]);
		for (j = 0; j < i; j++)
			assert_true(strcmp(cmd_table[i]->name, cmd_table[j]->name) != 0);
	}
	assert_int_equal(cmd_index(cmd_find("threshold")), 0);
	assert_int_equal(cmd_index(cmd_find("quit")), (int)cmd_count - 1);
	assert_int_equal(cmd_index(NULL), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_man_lists_every_binding),
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_actions),
		cmocka_unit_test(test_command_table),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
