/*
 * text: escaping of untrusted text for messages and the screen.
 * Printable ASCII and well-formed UTF-8 sequences (other than the C1
 * controls and the bidirectional controls) pass through; everything else
 * becomes \n, \t, \r, \xHH or \uHHHH.  Data text also has its backslashes
 * doubled, so that a literal "\x1b" and an ESC byte stay two things.
 */
#include "core/text.h"

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

/* The escaping of text_escape (data: backslashes doubled) and
 * text_sanitize (messages: already escaped text stays as it is). */
static char *escape(char *dst, size_t cap, const char *s, size_t len, size_t max_chars, bool data)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, o = 0, shown = 0;

	if (cap == 0)
		return dst;
	while (i < len) {
		char esc[8];
		size_t n = 0, adv = 1;

		if (shown == max_chars) {
			if (o + 4 <= cap) {
				memcpy(dst + o, "...", 3);
				o += 3;
			}
			break;
		}
		if (u[i] == '\\' && data)
			n = (size_t)snprintf(esc, sizeof esc, "\\\\");
		else if (u[i] >= 0x20 && u[i] < 0x7f)
			; /* as it is */
		else if (u[i] >= 0x80 && (adv = utf8_len(u + i, len - i, esc, &n)) > 0)
			; /* as it is, or a bidi control's \uHHHH */
		else if ((adv = 1) && u[i] == '\n')
			n = (size_t)snprintf(esc, sizeof esc, "\\n");
		else if (u[i] == '\t')
			n = (size_t)snprintf(esc, sizeof esc, "\\t");
		else if (u[i] == '\r')
			n = (size_t)snprintf(esc, sizeof esc, "\\r");
		else
			n = (size_t)snprintf(esc, sizeof esc, "\\x%02x", u[i]);
		if (n == 0) {
			if (o + adv >= cap)
				break;
			memcpy(dst + o, s + i, adv);
			o += adv;
		} else {
			if (o + n >= cap)
				break;
			memcpy(dst + o, esc, n);
			o += n;
		}
		i += adv;
		shown++;
	}
	dst[o] = '\0';
	return dst;
}

char *text_escape(char *dst, size_t cap, const char *s, size_t len, size_t max_chars)
{
	return escape(dst, cap, s, len, max_chars, true);
}

char *text_sanitize_all(const char *s)
{
	size_t len = strlen(s), cap = 6 * len + 1; /* \uHHHH for 3 bytes, \xHH for 1 */
	char *d = malloc(cap);

	if (d != NULL)
		escape(d, cap, s, len, SIZE_MAX, false);
	return d;
}

char *text_markdown(char *dst, size_t cap, const char *s, size_t max_chars)
{
	size_t o = 0, len = strlen(s), tcap = len * 4 + 8;
	char small[1024] = "", *tmp = tcap <= sizeof small ? small : malloc(tcap);
	const char *p;

	if (cap == 0)
		return dst;
	if (tmp == NULL) {
		tmp = small;
		tcap = sizeof small;
	}
	text_escape(tmp, tcap, s, len, max_chars);
	for (p = tmp; *p && o + 3 < cap; p++) {
		if (strchr("\\`*_[]<>|!~&#", *p) != NULL)
			dst[o++] = '\\';
		dst[o++] = *p;
	}
	dst[o] = '\0';
	if (tmp != small)
		free(tmp);
	return dst;
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

void text_json(FILE *f, const char *s)
{
	char *shown, *p;

	if (s == NULL) {
		fputs("null", f);
		return;
	}
	/* the text as every other output shows it: no control, bidi control
	 * or invalid byte reaches the JSON, and distinct values stay distinct */
	shown = text_escape_all(s);
	fputc('"', f);
	for (p = shown != NULL ? shown : "(out of memory)"; *p; p++) {
		if (*p == '"' || *p == '\\')
			fputc('\\', f);
		fputc(*p, f);
	}
	fputc('"', f);
	free(shown);
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
