/*
 * text: escaping of untrusted text for messages and the screen.
 * Printable ASCII and well-formed UTF-8 sequences (other than the C1
 * controls and the bidirectional controls) pass through; everything else
 * becomes \n, \t, \r, \xHH or \uHHHH.  Data text also has its backslashes
 * doubled, so that a literal "\x1b" and an ESC byte stay two things.
 */
#include "core/base/text.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

size_t text_utf8_seq(const unsigned char *s, size_t len, unsigned int *out)
{
	unsigned int cp;
	size_t n, i;

	if (len == 0 || s[0] < 0xc2 || s[0] > 0xf4)
		return 0;
	n = s[0] < 0xe0 ? 2 : s[0] < 0xf0 ? 3 : 4;
	if (len < n)
		return 0;
	cp = s[0] & (0x7f >> n);
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) || cp > 0x10ffff ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	*out = cp;
	return n;
}

bool text_bidi(unsigned int cp)
{
	return cp == 0x061c || cp == 0x200e || cp == 0x200f || (cp >= 0x202a && cp <= 0x202e) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

/* Like text_utf8_seq, but the C1 controls U+0080..U+009F count as invalid
 * (terminals obey some of them), and a bidirectional control is written as
 * \uHHHH into esc (its length in *n, 0 otherwise): it reorders the text
 * around it. */
static size_t utf8_len(const unsigned char *s, size_t len, char *esc, size_t *n)
{
	unsigned int cp;
	size_t k = text_utf8_seq(s, len, &cp);

	*n = 0;
	if (k > 0 && text_bidi(cp))
		*n = (size_t)snprintf(esc, 8, "\\u%04x", cp);
	return k > 0 && cp >= 0x80 && cp <= 0x9f ? 0 : k;
}

char *text_dup(const char *s, size_t n)
{
	char *d = malloc(n + 1);

	if (d != NULL) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

char *text_list(char *dst, size_t cap, const char *const *items, size_t n, size_t max)
{
	size_t used = 0, i;

	dst[0] = '\0';
	/* snprintf says what it would have written: never past the end */
	for (i = 0; i < n && i < max && used < cap - 1; i++) {
		used += (size_t)snprintf(dst + used, cap - used, "%s%s", i ? ", " : "",
					 text_show(items[i], strlen(items[i])));
		if (used > cap - 1)
			used = cap - 1;
	}
	if (n > max && used < cap - 1)
		snprintf(dst + used, cap - used, ", ...");
	return dst;
}

/* One character of s at i: its length in s, and in esc its escape (*n
 * bytes; 0: it is written as it is). */
static size_t unit(const unsigned char *u, size_t len, size_t i, bool data, char *esc, size_t *n)
{
	size_t adv;

	*n = 0;
	if (u[i] == '\\' && data) {
		*n = (size_t)snprintf(esc, 8, "\\\\");
		return 1;
	}
	if (u[i] >= 0x20 && u[i] < 0x7f)
		return 1;
	if (u[i] >= 0x80 && (adv = utf8_len(u + i, len - i, esc, n)) > 0)
		return adv; /* as it is, or a bidi control's \uHHHH */
	if (u[i] == '\n')
		*n = (size_t)snprintf(esc, 8, "\\n");
	else if (u[i] == '\t')
		*n = (size_t)snprintf(esc, 8, "\\t");
	else if (u[i] == '\r')
		*n = (size_t)snprintf(esc, 8, "\\r");
	else
		*n = (size_t)snprintf(esc, 8, "\\x%02x", u[i]);
	return 1;
}

/* Appends the escape of s[*i..len) to dst[o..cap), at most max characters
 * (the rest is left at *i); returns the new end of dst. */
static size_t append(char *dst, size_t cap, size_t o, const char *s, size_t *i, size_t len, size_t max, bool data)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t shown = 0;

	while (*i < len && shown < max) {
		char esc[8];
		size_t n, adv = unit(u, len, *i, data, esc, &n);

		if (o + (n ? n : adv) >= cap)
			break;
		memcpy(dst + o, n ? esc : s + *i, n ? n : adv);
		o += n ? n : adv;
		*i += adv;
		shown++;
	}
	dst[o] = '\0';
	return o;
}

/* FNV-1a of bytes: the tag that tells cut names apart */
static uint32_t fnv_bytes(const char *s, size_t len)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

/* The escaping of text_escape (data: backslashes doubled) and
 * text_sanitize (messages: already escaped text stays as it is).  Text of
 * more than max_chars characters keeps its start and its last three
 * characters around "...", then "~" and a hash of the whole, so that two
 * long names that share a start and an end stay apart (narrower than
 * TEXT_FIT_MIN: the start and "..."). */
static char *escape(char *dst, size_t cap, const char *s, size_t len, size_t max_chars, bool data)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, o, units = 0, t;
	char esc[8], tag[16];

	if (cap == 0)
		return dst;
	for (t = 0; t < len && units <= max_chars; units++) {
		size_t n;

		t += unit(u, len, t, data, esc, &n);
	}
	if (units <= max_chars)
		return append(dst, cap, 0, s, &i, len, SIZE_MAX, data), dst;
	o = append(dst, cap, 0, s, &i, len, max_chars < TEXT_FIT_MIN ? max_chars : max_chars - 15, data);
	if (o + 4 <= cap)
		memcpy(dst + o, "...", 4), o += 3;
	if (max_chars < TEXT_FIT_MIN)
		return dst;
	/* the last three characters, from the start of each */
	for (t = len, units = 0; units < 3 && t > i; units++)
		while (--t > i && (u[t] & 0xc0) == 0x80)
			;
	o = append(dst, cap, o, s, &t, len, SIZE_MAX, data);
	snprintf(tag, sizeof tag, "~%08x", fnv_bytes(s, len));
	if (o + strlen(tag) < cap)
		memcpy(dst + o, tag, strlen(tag) + 1);
	return dst;
}

char *text_escape(char *dst, size_t cap, const char *s, size_t len, size_t max_chars)
{
	return escape(dst, cap, s, len, max_chars, true);
}

char *text_sanitize(char *dst, size_t cap, const char *s, size_t len, size_t max_chars)
{
	return escape(dst, cap, s, len, max_chars, false);
}

char *text_sanitize_all(const char *s)
{
	size_t len = strlen(s), cap = 6 * len + 1; /* \uHHHH for 3 bytes, \xHH for 1 */
	char *d = malloc(cap);

	if (d != NULL)
		escape(d, cap, s, len, SIZE_MAX, false);
	return d;
}

/* A backslash before each character Markdown would read as markup. */
static char *markdown(char *dst, size_t cap, const char *p)
{
	size_t o = 0;

	for (; *p && o + 3 < cap; p++) {
		if (strchr("\\`*_[]<>|!~&#", *p) != NULL)
			dst[o++] = '\\';
		dst[o++] = *p;
	}
	dst[o] = '\0';
	return dst;
}

char *text_markdown(char *dst, size_t cap, const char *s, size_t max_chars)
{
	size_t len = strlen(s), tcap = len * 4 + 8;
	char small[1024] = "", *tmp = tcap <= sizeof small ? small : malloc(tcap);

	if (cap == 0)
		return dst;
	if (tmp == NULL) {
		tmp = small;
		tcap = sizeof small;
	}
	text_escape(tmp, tcap, s, len, max_chars);
	markdown(dst, cap, tmp);
	if (tmp != small)
		free(tmp);
	return dst;
}

char *text_markdown_shown(char *dst, size_t cap, const char *shown, size_t width)
{
	char fit[512];

	if (cap == 0)
		return dst;
	return markdown(dst, cap, text_fit(fit, sizeof fit, shown, width));
}

char *text_escape_all(const char *s)
{
	size_t len = strlen(s), cap = 4 * len + 1; /* \xHH for 1 byte, \uHHHH for 3 */
	char *d = malloc(cap);

	if (d != NULL)
		text_escape(d, cap, s, len, SIZE_MAX);
	return d;
}

const char *text_show(const char *s, size_t len)
{
	/* per thread: the loader may run two */
	static _Thread_local char bufs[4][256];
	static _Thread_local int next;
	char *b = bufs[next++ & 3];

	return text_escape(b, sizeof bufs[0], s, len, 40);
}

const char *text_show_str(const char *s)
{
	return text_show(s, strlen(s));
}

/* Writes shown text as a JSON string: only " and \ need a backslash (a
 * control that slipped through is sanitized first). */
static void json_quote(FILE *f, const char *s)
{
	char *safe = text_sanitize_all(s);
	const char *p;

	fputc('"', f);
	for (p = safe != NULL ? safe : "(out of memory)"; *p; p++) {
		if (*p == '"' || *p == '\\')
			fputc('\\', f);
		fputc(*p, f);
	}
	fputc('"', f);
	free(safe);
}

void text_json(FILE *f, const char *s)
{
	char *shown;

	if (s == NULL) {
		fputs("null", f);
		return;
	}
	/* the text as every other output shows it: no control, bidi control
	 * or invalid byte reaches the JSON, and distinct values stay distinct */
	shown = text_escape_all(s);
	json_quote(f, shown != NULL ? shown : "(out of memory)");
	free(shown);
}

void text_json_shown(FILE *f, const char *shown)
{
	if (shown == NULL)
		fputs("null", f);
	else
		json_quote(f, shown);
}

/* Bytes of the first n code points of s (UTF-8), at most its length. */
static size_t cp_bytes(const char *s, size_t n)
{
	size_t i = 0;

	while (s[i] && n > 0) {
		i++;
		while ((s[i] & 0xc0) == 0x80)
			i++;
		n--;
	}
	return i;
}

static size_t cp_count(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += (*s & 0xc0) != 0x80;
	return n;
}

char *text_fit(char *dst, size_t cap, const char *shown, size_t width)
{
	size_t n = cp_count(shown), len = strlen(shown), hb, tb;

	if (cap == 0)
		return dst;
	if (n <= width || width < TEXT_FIT_MIN) {
		snprintf(dst, cap, "%s", shown);
		return dst;
	}
	/* head...end~tag, the tag a hash of the whole: two names that share
	 * their start and end stay apart */
	hb = cp_bytes(shown, width - 3 - 3 - 9);
	tb = len - cp_bytes(shown, n - 3);
	snprintf(dst, cap, "%.*s...%s~%08x", (int)hb, shown, shown + len - tb, fnv_bytes(shown, len));
	return dst;
}

bool text_number(const char *s)
{
	char *end;

	if (*s == '\0' || strspn(s, "+-0123456789.eE") != strlen(s))
		return false;
	(void)strtod(s, &end);
	return *end == '\0';
}

void text_csv(FILE *f, const char *s)
{
	char *esc;
	const char *p;

	if (s == NULL)
		return;
	/* control bytes and broken UTF-8 from the data never reach a
	 * terminal that shows the CSV: written as visible escapes */
	esc = text_escape_all(s);
	if (esc != NULL)
		s = esc;
	/* a spreadsheet runs a cell that starts with = + - @ as a formula
	 * (OWASP's CSV injection): a quote in front keeps it text; numbers
	 * such as -1 stay numbers (tab and CR are escaped above) */
	if (strchr("=+-@", s[0]) != NULL && s[0] != '\0' && !text_number(s)) {
		fputs("\"'", f);
		for (p = s; *p; p++) {
			if (*p == '"')
				fputc('"', f);
			fputc(*p, f);
		}
		fputc('"', f);
	} else if (strpbrk(s, ",\"\r\n") == NULL) {
		fputs(s, f);
	} else {
		fputc('"', f);
		for (p = s; *p; p++) {
			if (*p == '"')
				fputc('"', f);
			fputc(*p, f);
		}
		fputc('"', f);
	}
	free(esc);
}

void text_tsv(FILE *f, const char *s)
{
	char *esc;

	if (s == NULL)
		return;
	esc = text_escape_all(s); /* tab, CR and LF become visible escapes */
	if (esc != NULL)
		s = esc;
	if (s[0] != '\0' && strchr("=+-@", s[0]) != NULL && !text_number(s))
		fputc('\'', f);
	fputs(s, f);
	free(esc);
}

char *text_base64(const char *s, size_t n)
{
	static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char *u = (const unsigned char *)s;
	char *out, *o;
	size_t i;

	if (n > (SIZE_MAX - 1) / 4 * 3 - 3 || (out = malloc((n + 2) / 3 * 4 + 1)) == NULL)
		return NULL;
	for (i = 0, o = out; i + 2 < n; i += 3) {
		*o++ = digits[u[i] >> 2];
		*o++ = digits[(u[i] & 3) << 4 | u[i + 1] >> 4];
		*o++ = digits[(u[i + 1] & 15) << 2 | u[i + 2] >> 6];
		*o++ = digits[u[i + 2] & 63];
	}
	if (i < n) {
		*o++ = digits[u[i] >> 2];
		*o++ = digits[(u[i] & 3) << 4 | (i + 1 < n ? u[i + 1] >> 4 : 0)];
		*o++ = i + 1 < n ? digits[(u[i + 1] & 15) << 2] : '=';
		*o++ = '=';
	}
	*o = '\0';
	return out;
}

void text_xml(FILE *f, const char *s)
{
	char *esc = text_escape_all(s ? s : "");
	const char *p = esc ? esc : "";

	for (; *p; p++) {
		switch (*p) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\'': fputs("&apos;", f); break;
		default: fputc(*p, f); break;
		}
	}
	free(esc);
}
