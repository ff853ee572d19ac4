/* test_fmt: the one number formatter, at the edges people meet: millions,
 * rates below 1e-4, undefined values, money with and without units. */
#include "helpers.h"

#include "core/base/fmt.h"

static void test_counts(void **state)
{
	char b[64];

	(void)state;
	assert_string_equal(fmt_count(b, sizeof b, 0), "0");
	assert_string_equal(fmt_count(b, sizeof b, 999), "999");
	assert_string_equal(fmt_count(b, sizeof b, 1000), "1,000");
	assert_string_equal(fmt_count(b, sizeof b, 1428352), "1,428,352");
	assert_string_equal(fmt_count(b, sizeof b, 10000000), "10,000,000");
	assert_string_equal(fmt_count(b, sizeof b, -2269912), "-2,269,912");
	assert_string_equal(fmt_count(b, sizeof b, 5.75), "5.75");
	assert_string_equal(fmt_count(b, sizeof b, NAN), "n/a");
	assert_string_equal(fmt_count(b, sizeof b, 1e15), "1e+15");
}

static void test_rates(void **state)
{
	char b[64];

	(void)state;
	assert_string_equal(fmt_rate(b, sizeof b, 0), "0");
	assert_string_equal(fmt_rate(b, sizeof b, 1), "1.000");
	assert_string_equal(fmt_rate(b, sizeof b, 0.97612), "0.9761");
	assert_string_equal(fmt_rate(b, sizeof b, 0.005602), "0.005602");
	assert_string_equal(fmt_rate(b, sizeof b, 3.507e-05), "3.507e-05");
	assert_string_equal(fmt_rate(b, sizeof b, 9.997e-07), "9.997e-07");
	assert_string_equal(fmt_rate(b, sizeof b, NAN), "n/a");
	assert_int_equal(fmt_width(fmt_rate(b, sizeof b, 3.507e-05)), 9);
}

static void test_exact(void **state)
{
	char b[64];

	(void)state;
	assert_string_equal(fmt_exact(b, sizeof b, 0.1), "0.1");
	assert_string_equal(fmt_exact(b, sizeof b, 1.0 / 3), "0.3333333333333333");
	assert_true(strtod(fmt_exact(b, sizeof b, 3.507e-05), NULL) == 3.507e-05);
	assert_string_equal(fmt_exact(b, sizeof b, INFINITY), "inf");
	assert_string_equal(fmt_exact(b, sizeof b, -INFINITY), "-inf");
	assert_string_equal(fmt_exact(b, sizeof b, NAN), "nan");
}

static void test_money(void **state)
{
	char b[64];

	(void)state;
	assert_string_equal(fmt_money(b, sizeof b, 4325.4, ""), "4,325");
	assert_string_equal(fmt_money(b, sizeof b, 4325.5, "$"), "$4,326");
	assert_string_equal(fmt_money(b, sizeof b, 4.091e6, "EUR"), "4,091,000 EUR");
	assert_string_equal(fmt_money(b, sizeof b, 9333, "\xe2\x82\xac"), "9,333 \xe2\x82\xac");
	assert_int_equal(fmt_width("9,333 \xe2\x82\xac"), 7);
	assert_string_equal(fmt_money(b, sizeof b, 200, NULL), "200");
	assert_string_equal(fmt_money(b, sizeof b, 0.5, "$"), "$0.5");
	assert_string_equal(fmt_money(b, sizeof b, 12.25, ""), "12.25");
	assert_string_equal(fmt_money(b, sizeof b, 4090736.4, ""), "4,090,736");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_rates),
		cmocka_unit_test(test_exact),
		cmocka_unit_test(test_money),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
