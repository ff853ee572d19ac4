/*
 * unpack: compressed input.  gzip and zstd are told by their first bytes,
 * on files and on standard input alike; a thread decompresses into a pipe
 * that the reader reads as a stream, so every path after it (libcsv, the
 * scanner, streaming) is the plain one.  Archives that end early or do
 * not decode are said in one line when the reading is done.
 */
#ifndef CUTOFF_UNPACK_H
#define CUTOFF_UNPACK_H

#include <stddef.h>
#include <stdint.h>

enum unpack_kind { UNPACK_NONE, UNPACK_GZIP, UNPACK_ZSTD };

/* What the first n bytes of the input show. */
enum unpack_kind unpack_detect(const char *head, size_t n);

/* What a file's first bytes show (read at offset 0, the position kept). */
enum unpack_kind unpack_detect_fd(int fd);

struct unpack;

/* Starts decompressing: the head bytes (already read from fd), then the
 * rest of fd.  Returns the read end of the pipe the data comes out of, or
 * -1 with *u NULL (out of memory, no pipe or thread). */
int unpack_start(struct unpack **u, enum unpack_kind kind, int fd, const char *head, size_t n);

/* Compressed bytes read so far (for progress). */
uint64_t unpack_position(const struct unpack *u);

/* Stops reading (the reader may have stopped early), waits for the thread
 * and frees u.  Returns 0, or -1 with why the archive did not decode in
 * err ("truncated gzip data", ...). */
int unpack_finish(struct unpack *u, char *err, size_t errlen);

#endif
