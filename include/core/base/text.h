/*
 * text: making text from the data safe to show.  Column names, label values
 * and file names come from files other programs wrote; before they reach a
 * message, a report or the screen, control characters, bidirectional
 * controls and invalid UTF-8 are written as visible escapes (\n \t \r
 * \xHH \uHHHH) so they can never drive the terminal or reorder the text,
 * and a backslash is doubled so that distinct values stay distinct.
 */
#ifndef CUTOFF_TEXT_H
#define CUTOFF_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* A NUL-terminated copy of s[0..n) in memory the caller frees; NULL when
 * out of memory. */
char *text_dup(const char *s, size_t n);

/* "a, b, c" into dst[0..cap): the first max of the n items, each as
 * text_show writes it, then ", ..." when there are more.  Returns dst. */
char *text_list(char *dst, size_t cap, const char *const *items, size_t n, size_t max);

/* Writes an escaped, NUL-terminated copy of s[0..len) into dst[0..cap).
 * Text of more than max_chars characters (an escape counts as one) keeps
 * its start and last three characters around "...", then "~" and 8 hex
 * digits of a hash of the whole ("abcdefgh...nd1~c7a8b367"), so that two
 * names that share a start and an end stay apart; below TEXT_FIT_MIN
 * characters only the start and "...".  Returns dst.  Distinct texts give
 * distinct escapes. */
char *text_escape(char *dst, size_t cap, const char *s, size_t len, size_t max_chars);

/* An escaped copy of the whole of s (paths in messages are never cut), in
 * memory the caller frees; NULL when out of memory. */
char *text_escape_all(const char *s);

/* text_sanitize_all into dst[0..cap), at most max_chars characters. */
char *text_sanitize(char *dst, size_t cap, const char *s, size_t len, size_t max_chars);

/* A whole message made safe for a terminal, leaving what text_escape
 * already wrote (and every backslash) as it is: escaping it again changes
 * nothing.  In memory the caller frees; NULL when out of memory. */
char *text_sanitize_all(const char *s);

/* Whether a code point is a bidirectional control (U+061C, U+200E/F,
 * U+202A..E, U+2066..9), which reorders the text that follows it. */
bool text_bidi(unsigned int cp);

/* Whether s is a number as strtod reads it (and nothing else). */
bool text_number(const char *s);

/* text_escape, then a backslash before each character Markdown would read
 * as markup (\ ` * _ [ ] < > | ! ~ & #), so that a name such as
 * "[x](http://...)" or "<img onerror=...>" stays text.  Returns dst. */
char *text_markdown(char *dst, size_t cap, const char *s, size_t max_chars);

/* An escaped copy of data text for a message, at most 40 characters
 * (then "..."), in one of four static per-thread buffers, so that one
 * message can hold a few. */
const char *text_show(const char *s, size_t len);

/* text_show of a NUL-terminated string. */
const char *text_show_str(const char *s);

/* Length of the well-formed UTF-8 sequence at s (and its code point in
 * *cp), or 0 when s does not start one.  Rejects overlongs, surrogates and
 * values past U+10FFFF. */
size_t text_utf8_seq(const unsigned char *s, size_t len, unsigned int *cp);

/* s as a JSON string holding its text_escape form (what every other
 * output shows: a backslash doubled, \xHH for control and invalid bytes,
 * \uHHHH for bidirectional controls); NULL is null. */
void text_json(FILE *f, const char *s);

/* Shown text (text_escape's output, e.g. a group's name) as a JSON
 * string, as it is; NULL is null. */
void text_json_shown(FILE *f, const char *shown);

/* Shown text into at most width characters: as it is when it fits, else
 * cut in the middle to "head...end~hhhhhhhh", the tag a hash of the whole
 * text, so that two long names that share a start and an end stay apart
 * (narrower than TEXT_FIT_MIN: as it is, whatever its width).  Returns
 * dst. */
#define TEXT_FIT_MIN 18
char *text_fit(char *dst, size_t cap, const char *shown, size_t width);

/* text_fit, then Markdown's escapes (as text_markdown). */
char *text_markdown_shown(char *dst, size_t cap, const char *shown, size_t width);

/* s as a CSV field in its text_escape form (the CSV may end up on a
 * terminal), quoted when it holds a comma or quote; a field that starts
 * with = + - or @ and is not a number gets a ' in front, so that a
 * spreadsheet reads it as text, not as a formula; NULL is an empty field. */
void text_csv(FILE *f, const char *s);

/* The same as a tab-separated cell: escaped (a tab or a line break in s
 * is written as a visible escape, never as a cell or row break), the '
 * before a would-be formula; NULL is an empty cell. */
void text_tsv(FILE *f, const char *s);

/* s as text inside XML or HTML (an element's text or an attribute in
 * double quotes): its text_escape form, then & < > " ' as entities, so
 * that data can neither drive a terminal that shows the file nor end the
 * element; NULL is "". */
void text_xml(FILE *f, const char *s);

/* s[0..n) in base64 (RFC 4648, padded), NUL-terminated, in memory the
 * caller frees; NULL when out of memory. */
char *text_base64(const char *s, size_t n);

#endif
