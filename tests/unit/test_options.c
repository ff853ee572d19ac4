/* test_options: the command line contract's parsing and usage errors. */
#include "helpers.h"

#include "options.h"
#include "usage.h"

static char err[512];

static int parse(struct options *o, const char *line)
{
	static char buf[512];
	char *argv[40];
	int argc = 0, rc;
	char *tok;

	snprintf(buf, sizeof buf, "%s", line);
	argv[argc++] = "cutoff";
	for (tok = strtok(buf, " "); tok; tok = strtok(NULL, " "))
		argv[argc++] = tok;
	argv[argc] = NULL;
	err[0] = '\0';
	rc = options_parse(argc, argv, o, err, sizeof err);
	return rc;
}

static void ok(struct options *o, const char *line)
{
	if (parse(o, line) != OPTIONS_OK)
		fail_msg("'%s': %s", line, err);
}

static void usage(const char *line, const char *part)
{
	struct options o;

	if (parse(&o, line) != OPTIONS_USAGE)
		fail_msg("'%s' accepted", line);
	if (strstr(err, part) == NULL)
		fail_msg("'%s': message '%s' lacks '%s'", line, err, part);
	options_free(&o);
}

static void test_accepted(void **state)
{
	struct options o;

	(void)state;
	ok(&o, "-l y -s a,b --score c -p yes -t 0.25 --report --format json f.csv");
	assert_string_equal(o.data.label, "y");
	assert_int_equal(o.data.n_scores, 3);
	assert_string_equal(o.scores[0], "a");
	assert_string_equal(o.scores[1], "b");
	assert_string_equal(o.scores[2], "c");
	assert_string_equal(o.data.positive, "yes");
	assert_true(o.has_threshold && o.threshold == 0.25);
	assert_int_equal(o.mode, MODE_REPORT);
	assert_int_equal(o.format, FORMAT_JSON);
	assert_string_equal(o.data.path, "f.csv");
	options_free(&o);

	ok(&o, "--optimize cost --cost-fp 5 --cost-fn 200 --min-recall 0.9 --max-fpr 0.1 --min-precision 0 -");
	assert_int_equal(o.mode, MODE_OPTIMIZE);
	assert_int_equal(o.spec.objective, OBJ_COST);
	assert_true(o.spec.cost_fp == 5 && o.spec.cost_fn == 200);
	assert_true(o.spec.min_recall == 0.9 && o.spec.max_fpr == 0.1 && o.spec.min_precision == 0);
	assert_string_equal(o.data.path, "-");
	options_free(&o);

	ok(&o, "--counts pos,neg -d tab --no-header --strict --curve pr --format markdown x");
	assert_string_equal(o.data.counts_pos, "pos");
	assert_string_equal(o.data.counts_neg, "neg");
	assert_int_equal(o.data.delimiter, '\t');
	assert_int_equal(o.data.header, 0);
	assert_true(o.data.strict);
	assert_int_equal(o.mode, MODE_CURVE);
	assert_int_equal(o.curve, CURVE_PR);
	options_free(&o);

	ok(&o, "--optimize fbeta --beta 2 --report -w w -d ; --header --ascii --no-color --no-mouse");
	assert_true(o.spec.beta == 2);
	assert_int_equal(o.mode, MODE_OPTIMIZE);
	assert_int_equal(o.data.delimiter, ';');
	assert_int_equal(o.data.header, 1);
	assert_true(o.ascii && o.no_color && o.no_mouse);
	assert_null(o.data.path);
	options_free(&o);

	ok(&o, "-t inf --report a");
	assert_true(isinf(o.threshold));
	options_free(&o);
	ok(&o, "--help");
	assert_true(o.help);
	options_free(&o);
	ok(&o, "--version");
	assert_true(o.version);
	options_free(&o);
}

static void test_usage_errors(void **state)
{
	(void)state;
	usage("--bogus f", "unknown option '--bogus'");
	usage("-x f", "unknown option '-x'");
	usage("-t abc --report f", "--threshold: 'abc' is not a number");
	usage("-t 0.5x --report f", "is not a number");
	usage("--format xml f", "--format: unknown format 'xml'");
	usage("--optimize auc f", "--optimize: unknown objective 'auc'");
	usage("--curve det f", "--curve: unknown curve 'det'");
	usage("--curve roc --report f", "--curve cannot be combined");
	usage("--report --curve roc f", "--curve cannot be combined");
	usage("--min-recall 0.9 --report f", "go with --optimize");
	usage("--optimize f1 --min-recall 1.5 f", "not between 0 and 1");
	usage("--optimize f1 --beta 2 f", "--beta goes with --optimize fbeta");
	usage("--optimize fbeta --beta -1 f", "--beta must be positive");
	usage("--optimize cost --cost-fp -1 f", "takes a number from 0 to 1e100, not -1");
	usage("--optimize f1 --cost-fp 2 f", "go with --report, --optimize cost, --curve cost or the explorer");
	usage("--curve roc --cost-fn-col a f", "go with --report, --optimize cost, --curve cost or the explorer");
	usage("--report --cost-fp-col a --bins 10 f", "not with --bins");
	usage("--report --cost-fp-col a --cost-fn-col a f", "both name column 'a'");
	usage("--optimize f1 -t 0.3 f", "give one");
	usage("--counts pos f", "--counts takes two columns");
	usage("--counts a,b,c f", "--counts takes two columns");
	usage("--counts a,b -l y f", "--counts replaces");
	usage("-s a,,b f", "empty column name");
	usage("-d ab f", "--delimiter takes one character");
	usage("a b", "one input file at a time");
	usage("--report -l", "option '-l' needs a value");
	usage("--report --label", "option '--label' needs a value");
}

/* Every long option of the source is in the man page and in --help. */
static void test_documented(void **state)
{
	FILE *f = fopen("src/options.c", "r");
	char *src, *man = man_text(), *help, *p;
	size_t hlen = 0, n = 0;
	FILE *h = open_memstream(&help, &hlen);
	long len;

	(void)state;
	assert_non_null(f);
	fseek(f, 0, SEEK_END), len = ftell(f), rewind(f);
	src = malloc((size_t)len + 1);
	assert_int_equal(fread(src, 1, (size_t)len, f), (size_t)len);
	src[len] = '\0';
	fclose(f);
	usage_print(h);
	fclose(h);
	for (p = strstr(src, "static const struct option long_options[]"); p && (p = strstr(p, "{ \"")) != NULL; p += 3) {
		char name[64], want[70];

		if (sscanf(p, "{ \"%63[^\"]\"", name) != 1)
			break;
		snprintf(want, sizeof want, "--%s", name);
		if (strstr(man, want) == NULL)
			fail_msg("man page lacks %s", want);
		if (strstr(help, want) == NULL && strcmp(name, "help") != 0)
			fail_msg("--help lacks %s", want);
		n++;
	}
	assert_true(n >= 30);
	free(src), free(man), free(help);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_accepted),
		cmocka_unit_test(test_usage_errors),
		cmocka_unit_test(test_documented),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
