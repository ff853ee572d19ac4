/* test_sqlemit: the SQL lexer that keeps a statement one (quotes and their
 * escapes in each dialect, comments, ';'), and how names and values are
 * quoted so that the lexer and the engine read them the same way. */
#include "helpers.h"

#include "core/load/sqlemit.h"

#include <stdlib.h>
#include <string.h>

static bool one(enum sqlemit_dialect d, const char *sql)
{
	char err[200];

	return sqlemit_one_statement(d, sql, err, sizeof err);
}

static void test_lexer(void **state)
{
	(void)state;
	assert_true(one(SQL_POSTGRES, "SELECT 'a;b', \"c;d\" FROM t"));
	assert_false(one(SQL_POSTGRES, "t; DROP TABLE t"));
	assert_false(one(SQL_POSTGRES, "t -- x"));
	assert_false(one(SQL_POSTGRES, "t /* x */"));
	assert_false(one(SQL_POSTGRES, "t WHERE a = 'x"));
	/* a doubled quote stays inside; PostgreSQL's backslash only in E'' */
	assert_true(one(SQL_POSTGRES, "SELECT 'it''s;' FROM t"));
	assert_false(one(SQL_POSTGRES, "SELECT '\\' ; '"));
	assert_true(one(SQL_POSTGRES, "SELECT E'\\' ;' FROM t"));
	assert_true(one(SQL_SQLITE, "SELECT 'a\\' FROM t"));
	/* BigQuery and Spark: backslash escapes; '' is two strings; # comments */
	assert_true(one(SQL_BIGQUERY, "SELECT 'it\\'s;' FROM t"));
	assert_false(one(SQL_BIGQUERY, "SELECT 'a\\'; DROP"));
	assert_false(one(SQL_BIGQUERY, "SELECT 1 # x"));
	assert_true(one(SQL_BIGQUERY, "SELECT `a\\`;` FROM t"));
	assert_true(one(SQL_SPARK, "SELECT `a``;` FROM t"));
	assert_false(one(SQL_SPARK, "SELECT 'a'';' ; 'b'"));
}

/* Every dialect's statement for hostile names and values is one. */
static void test_quoting(void **state)
{
	const char *scores[] = { "s\";--", "s`\\\n'" };
	char pos[64], neg[64], err[200];

	(void)state;
	for (int d = 0; d < SQL_DIALECTS; d++) {
		struct sqlemit_query q = { .dialect = (enum sqlemit_dialect)d, .from = "t", .label = "l'\";`\\",
					   .scores = scores, .n_scores = 2, .positive = "p'\\;\n--",
					   .weight = "w", .group = "g/*" };
		char *sql;

		sqlemit_count_names(&q, pos, neg, sizeof pos);
		sql = sqlemit_build(&q, err, sizeof err);
		assert_non_null(sql);
		assert_true(one((enum sqlemit_dialect)d, sql));
		free(sql);
	}
}

static void test_names(void **state)
{
	const char *scores[] = { "positives", "negatives_" };
	struct sqlemit_query q = { .scores = scores, .n_scores = 2, .group = "negatives" };
	char pos[64], neg[64];

	(void)state;
	sqlemit_count_names(&q, pos, neg, sizeof pos);
	assert_string_equal(pos, "positives_");
	assert_string_equal(neg, "negatives__");
	assert_int_equal(sqlemit_dialect("snowflake"), SQL_SNOWFLAKE);
	assert_int_equal(sqlemit_dialect("mysql"), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lexer),
		cmocka_unit_test(test_quoting),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
