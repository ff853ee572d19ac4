/* test_parse: the number and label grammar. */
#include "helpers.h"

#include "core/base/parse.h"
#include "core/base/text.h"

static enum parse_status num(const char *s, double *v)
{
	return parse_number(s, strlen(s), v);
}

static void test_numbers_valid(void **state)
{
	static const struct { const char *s; double v; } ok[] = {
		{ "0", 0 }, { "1", 1 }, { "0.5", 0.5 }, { ".5", 0.5 }, { "5.", 5 }, { "-0.25", -0.25 },
		{ "+3", 3 }, { "1e3", 1000 }, { "1E-3", 0.001 }, { "2.5e+2", 250 }, { "  0.75  ", 0.75 },
		{ "\t0.1", 0.1 }, { "007", 7 }, { "-12.5e-1", -1.25 }, { "1e-320", 1e-320 },
		{ "123456789012345678901234567890", 123456789012345678901234567890.0 },
	};
	size_t i;
	double v;

	(void)state;
	for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		assert_int_equal(num(ok[i].s, &v), PARSE_OK);
		if (v != ok[i].v)
			fail_msg("%s -> %.17g", ok[i].s, v);
	}
	assert_int_equal(num("-0", &v), PARSE_OK);
	assert_true(v == 0 && signbit(v));
}

static void test_numbers_rejected(void **state)
{
	static const char *const bad[] = {
		"abc", "0x10", "1e", "1e+", ".", "-", "+", "1.2.3", "1,5", "1 2", "e5", "--1", "1f",
		"0.5x", "١", "nan1", "infinite",
	};
	static const char *const missing[] = { "", "  ", "NA", "na", "N/A", "NaN", "nan", "null", "NULL" };
	static const char *const nonfinite[] = { "inf", "-inf", "+Inf", "Infinity", "-INFINITY", "1e999", "-2e400" };
	size_t i;
	double v;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (num(bad[i], &v) != PARSE_BAD)
			fail_msg("'%s' accepted", bad[i]);
	for (i = 0; i < sizeof missing / sizeof missing[0]; i++)
		assert_int_equal(num(missing[i], &v), PARSE_MISSING);
	for (i = 0; i < sizeof nonfinite / sizeof nonfinite[0]; i++)
		assert_int_equal(num(nonfinite[i], &v), PARSE_NONFINITE);
	/* not NUL-terminated: the length decides */
	assert_int_equal(parse_number("0.25junk", 4, &v), PARSE_OK);
	assert_true(v == 0.25);
	assert_int_equal(parse_number("1\0" "5", 3, &v), PARSE_BAD);
}

/* The fast path must give strtod's result to the last bit. */
static void test_numbers_equal_strtod(void **state)
{
	uint64_t x = 88172645463325252ULL;
	char buf[64];
	int i;

	(void)state;
	for (i = 0; i < 200000; i++) {
		double a, b;
		int digits, exp, point;
		size_t n = 0;

		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		digits = 1 + (int)(x % 25); /* past the 19 the fast path takes */
		point = (int)((x >> 8) % (unsigned)(digits + 1));
		exp = (int)((x >> 16) % 61) - 30;
		if (x & (1 << 24))
			buf[n++] = '-';
		for (int d = 0; d < digits; d++) {
			if (d == point && d > 0)
				buf[n++] = '.';
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			buf[n++] = (char)('0' + x % 10);
		}
		if (x & (1 << 25))
			n += (size_t)snprintf(buf + n, sizeof buf - n, "e%d", exp);
		buf[n] = '\0';
		assert_int_equal(num(buf, &a), PARSE_OK);
		b = strtod(buf, NULL);
		if (memcmp(&a, &b, sizeof a) != 0)
			fail_msg("%s: %.17g, strtod %.17g", buf, a, b);
	}
}

static void test_labels(void **state)
{
	static const char *const pos[] = { "1", "1.0", "true", "TRUE", "t", "Yes", "y", "pos", "Positive", "+1", " 1 " };
	static const char *const neg[] = { "0", "0.0", "false", "F", "no", "N", "neg", "negative", "-1", "\t0" };
	static const char *const miss[] = { "", "NA", "n/a", "null", "NaN", " " };
	static const char *const other[] = { "2", "malignant", "1.5", "yess", "01", "+0" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof pos / sizeof pos[0]; i++)
		assert_int_equal(parse_label(pos[i], strlen(pos[i])), LABEL_POS);
	for (i = 0; i < sizeof neg / sizeof neg[0]; i++)
		assert_int_equal(parse_label(neg[i], strlen(neg[i])), LABEL_NEG);
	for (i = 0; i < sizeof miss / sizeof miss[0]; i++)
		assert_int_equal(parse_label(miss[i], strlen(miss[i])), LABEL_MISSING);
	for (i = 0; i < sizeof other / sizeof other[0]; i++)
		if (parse_label(other[i], strlen(other[i])) != LABEL_OTHER)
			fail_msg("'%s' is in the vocabulary", other[i]);
}

static void test_text_escape(void **state)
{
	char buf[128];

	(void)state;
	assert_string_equal(text_escape(buf, sizeof buf, "plain", 5, 40), "plain");
	assert_string_equal(text_escape(buf, sizeof buf, "\x1b]0;owned\x07", 10, 40), "\\x1b]0;owned\\x07");
	assert_string_equal(text_escape(buf, sizeof buf, "a\nb\tc", 5, 40), "a\\nb\\tc");
	assert_string_equal(text_escape(buf, sizeof buf, "caf\xc3\xa9", 5, 40), "caf\xc3\xa9");
	assert_string_equal(text_escape(buf, sizeof buf, "\xff\xc3", 2, 40), "\\xff\\xc3");
	assert_string_equal(text_escape(buf, sizeof buf, "\xc2\x9b", 2, 40), "\\xc2\\x9b"); /* C1 CSI */
	assert_string_equal(text_escape(buf, sizeof buf, "abcdef", 6, 3), "abc...");
	assert_string_equal(text_escape(buf, 4, "abcdef", 6, 40), "abc");
}

/* :copy's cells and OSC 52's payload: a tab or line break from the data
 * never splits a cell, a would-be formula is kept text, base64 as RFC 4648. */
static void test_tsv_base64(void **state)
{
	char *buf = NULL, *b;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	(void)state;
	assert_non_null(f);
	text_tsv(f, "a\tb\nc");
	fputc('|', f);
	text_tsv(f, "=HYPERLINK(\"x\")");
	fputc('|', f);
	text_tsv(f, "-1.5");
	fputc('|', f);
	text_tsv(f, "@x");
	fclose(f);
	assert_null(strchr(buf, '\t'));
	assert_null(strchr(buf, '\n'));
	assert_non_null(strstr(buf, "|'=HYPERLINK(\"x\")|-1.5|'@x"));
	free(buf);
	assert_string_equal(b = text_base64("", 0), ""), free(b);
	assert_string_equal(b = text_base64("f", 1), "Zg=="), free(b);
	assert_string_equal(b = text_base64("fo", 2), "Zm8="), free(b);
	assert_string_equal(b = text_base64("foo", 3), "Zm9v"), free(b);
	assert_string_equal(b = text_base64("foobar", 6), "Zm9vYmFy"), free(b);
	assert_string_equal(b = text_base64("\xff\xfe\x00", 3), "//4A"), free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers_valid),
		cmocka_unit_test(test_numbers_rejected),
		cmocka_unit_test(test_numbers_equal_strtod),
		cmocka_unit_test(test_labels),
		cmocka_unit_test(test_text_escape),
		cmocka_unit_test(test_tsv_base64),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
