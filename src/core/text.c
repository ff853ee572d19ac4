/*
 * text: escaping of untrusted text for messages and the screen.
 * Printable ASCII and well-formed UTF-8 sequences (other than the C1
 * controls) pass through; everything else becomes \n, \t, \r or \xHH.
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

/* Like text_utf8_seq, but the C1 controls U+0080..U+009F count as invalid:
 * terminals obey some of them. */
static size_t utf8_len(const unsigned char *s, size_t len)
{
	unsigned int cp;
	size_t n = text_utf8_seq(s, len, &cp);

	return n > 0 && cp >= 0x80 && cp <= 0x9f ? 0 : n;
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

char *text_escape(char *dst, size_t cap, const char *s, size_t len, size_t max_chars)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, o = 0, shown = 0;

	if (cap == 0)
		return dst;
	while (i < len) {
		char esc[8];
		size_t n = 0, adv = 1;
		bool verbatim = false;

		if (shown == max_chars) {
			if (o + 4 <= cap) {
				memcpy(dst + o, "...", 3);
				o += 3;
			}
			break;
		}
		if (u[i] >= 0x20 && u[i] < 0x7f) {
			verbatim = true;
		} else if (u[i] >= 0x80 && (adv = utf8_len(u + i, len - i)) > 0) {
			verbatim = true;
		} else {
			adv = 1;
			if (u[i] == '\n')
				n = (size_t)snprintf(esc, sizeof esc, "\\n");
			else if (u[i] == '\t')
				n = (size_t)snprintf(esc, sizeof esc, "\\t");
			else if (u[i] == '\r')
				n = (size_t)snprintf(esc, sizeof esc, "\\r");
			else
				n = (size_t)snprintf(esc, sizeof esc, "\\x%02x", u[i]);
		}
		if (verbatim) {
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
	size_t len = strlen(s), cap = 4 * len + 1; /* \xHH is the longest */
	char *d = malloc(cap);

	if (d != NULL)
		text_escape(d, cap, s, len, SIZE_MAX);
	return d;
}

const char *text_show(const char *s, size_t len)
{
	/* per thread: the loader may run two */
	static _Thread_local char bufs[4][160];
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
	const unsigned char *u = (const unsigned char *)s;
	size_t len, i = 0;

	if (s == NULL) {
		fputs("null", f);
		return;
	}
	len = strlen(s);
	fputc('"', f);
	while (i < len) {
		unsigned int cp;
		size_t n;

		if (u[i] == '"' || u[i] == '\\') {
			fprintf(f, "\\%c", u[i]);
			i++;
		} else if (u[i] < 0x20 || u[i] == 0x7f) {
			fprintf(f, "\\u%04x", u[i]);
			i++;
		} else if (u[i] < 0x80) {
			fputc(u[i++], f);
		} else if ((n = text_utf8_seq(u + i, len - i, &cp)) > 0) {
			fwrite(u + i, 1, n, f);
			i += n;
		} else {
			fputs("\\ufffd", f); /* invalid UTF-8 byte */
			i++;
		}
	}
	fputc('"', f);
}

void text_csv(FILE *f, const char *s)
{
	char *esc = NULL;
	const char *p;

	if (s == NULL)
		return;
	/* control bytes and broken UTF-8 from the data never reach a
	 * terminal that shows the CSV: written as visible escapes */
	for (p = s; *p; p++)
		if ((unsigned char)*p < 0x20 || (unsigned char)*p == 0x7f || (unsigned char)*p >= 0x80)
			break;
	if (*p != '\0' && (esc = text_escape_all(s)) != NULL)
		s = esc;
	if (strpbrk(s, ",\"\r\n") == NULL) {
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
