/*
 * unpack: a thread reads the compressed bytes, decodes them with zlib or
 * libzstd and writes the text into a pipe.  Concatenated members (gzip) and
 * frames (zstd) are read one after the other, as gzip -dc and zstd -dc do.
 * The reader closing its end early makes the writes fail (SIGPIPE is
 * blocked in the thread), and the thread ends.
 */
#define _GNU_SOURCE /* F_SETPIPE_SZ */
#include "core/load/unpack.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>
#include <zstd_errors.h>

#define IN_SIZE ((size_t)1 << 18)
#define OUT_SIZE ((size_t)1 << 18)

struct unpack {
	enum unpack_kind kind;
	int in, out;                /* compressed input; the pipe's write end */
	int read_end;
	size_t head_n;              /* bytes already read from in, in ibuf */
	pthread_t thread;
	_Atomic uint64_t position;
	char err[256];
	bool failed;
	unsigned char *ibuf, *obuf;
};

enum unpack_kind unpack_detect(const char *head, size_t n)
{
	const unsigned char *b = (const unsigned char *)head;

	if (n >= 2 && b[0] == 0x1f && b[1] == 0x8b)
		return UNPACK_GZIP;
	if (n >= 4 && b[0] == 0x28 && b[1] == 0xb5 && b[2] == 0x2f && b[3] == 0xfd)
		return UNPACK_ZSTD;
	/* a skippable frame (magic 0x184D2A5?), as pzstd writes first: zstd
	 * reads past it */
	if (n >= 4 && (b[0] & 0xf0) == 0x50 && b[1] == 0x2a && b[2] == 0x4d && b[3] == 0x18)
		return UNPACK_ZSTD;
	return UNPACK_NONE;
}

/* The first failure: what, and in brackets the library's detail. */
enum unpack_kind unpack_detect_fd(int fd)
{
	char magic[4];

	return pread(fd, magic, sizeof magic, 0) == (ssize_t)sizeof magic ? unpack_detect(magic, sizeof magic)
									 : UNPACK_NONE;
}

/* The first failure: what, and in brackets the library's detail. */
static void fail(struct unpack *u, const char *what, const char *detail)
{
	if (!u->failed) {
		u->failed = true;
		if (detail != NULL)
			snprintf(u->err, sizeof u->err, "%s (%s)", what, detail);
		else
			snprintf(u->err, sizeof u->err, "%s", what);
	}
}

/* The next compressed bytes (the head first); 0 at the end, -1 on error. */
static ssize_t next_in(struct unpack *u)
{
	ssize_t n;

	if (u->head_n > 0) {
		n = (ssize_t)u->head_n; /* copied in by unpack_start */
		u->head_n = 0;
	} else {
		do
			n = read(u->in, u->ibuf, IN_SIZE);
		while (n < 0 && errno == EINTR);
		if (n < 0) {
			fail(u, strerror(errno), NULL);
			return -1;
		}
	}
	atomic_fetch_add(&u->position, (uint64_t)n);
	return n;
}

/* Writes the decoded bytes; false when the reader has gone. */
static bool put(struct unpack *u, const unsigned char *b, size_t n)
{
	while (n > 0) {
		ssize_t w = write(u->out, b, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		b += w;
		n -= (size_t)w;
	}
	return true;
}

static void gunzip(struct unpack *u)
{
	z_stream z;
	int rc = Z_OK;
	bool member = false; /* inside a member */

	memset(&z, 0, sizeof z);
	if (inflateInit2(&z, 15 + 16) != Z_OK) {
		fail(u, "out of memory", NULL);
		return;
	}
	z.avail_out = 1; /* not full: read first */
	for (;;) {
		ssize_t n;

		/* more input only when the last call left room in the output
		 * (else inflate may have more to give from what it holds) */
		if (z.avail_in == 0 && (z.avail_out > 0 || !member)) {
			if ((n = next_in(u)) < 0)
				break;
			if (n == 0) {
				if (member)
					fail(u, "truncated gzip data", "the input ends inside the archive");
				break;
			}
			z.next_in = u->ibuf;
			z.avail_in = (uInt)n;
		}
		if (!member && z.next_in[0] != 0x1f) {
			fail(u, "corrupt gzip data", "bytes after its end that are not another member");
			break;
		}
		member = true; /* (a member's end leaves no output to come) */
		z.next_out = u->obuf;
		z.avail_out = (uInt)OUT_SIZE;
		rc = inflate(&z, Z_NO_FLUSH);
		if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
			fail(u, "corrupt gzip data", z.msg ? z.msg : "not deflate data");
			break;
		}
		if (!put(u, u->obuf, OUT_SIZE - z.avail_out))
			break;
		if (rc == Z_STREAM_END) {
			member = false;
			inflateReset(&z);
		}
	}
	inflateEnd(&z);
}

static void unzstd(struct unpack *u)
{
	ZSTD_DCtx *d = ZSTD_createDCtx();
	ZSTD_inBuffer in = { u->ibuf, 0, 0 };
	size_t rc = 0;
	bool frame = false, full = false;

	if (d == NULL) {
		fail(u, "out of memory", NULL);
		return;
	}
	for (;;) {
		ZSTD_outBuffer out = { u->obuf, OUT_SIZE, 0 };

		/* more input only when the last call did not fill the output
		 * (else zstd may have more to give from what it holds) */
		if (in.pos == in.size && !full) {
			ssize_t n = next_in(u);

			if (n < 0)
				break;
			if (n == 0) {
				if (frame)
					fail(u, "truncated zstd data", "the input ends inside the archive");
				break;
			}
			in.size = (size_t)n;
			in.pos = 0;
		}
		rc = ZSTD_decompressStream(d, &out, &in);
		if (ZSTD_isError(rc)) {
			/* not corrupt: made with a dictionary cutoff does not have */
			if (ZSTD_getErrorCode(rc) == ZSTD_error_dictionary_wrong)
				fail(u, "zstd data that needs a dictionary",
				     "decompress it first: zstd -d -D DICT FILE | cutoff -");
			else
				fail(u, "corrupt zstd data", ZSTD_getErrorName(rc));
			break;
		}
		frame = rc != 0; /* 0: a frame ended here */
		full = out.pos == out.size;
		if (!put(u, u->obuf, out.pos))
			break;
	}
	ZSTD_freeDCtx(d);
}

static void *unpack_main(void *arg)
{
	struct unpack *u = arg;
	sigset_t pipe_sig;

	sigemptyset(&pipe_sig);
	sigaddset(&pipe_sig, SIGPIPE);
	pthread_sigmask(SIG_BLOCK, &pipe_sig, NULL);
	if (u->kind == UNPACK_GZIP)
		gunzip(u);
	else
		unzstd(u);
	close(u->out); /* the reader sees the end */
	u->out = -1;
	return NULL;
}

int unpack_start(struct unpack **up, enum unpack_kind kind, int fd, const char *head, size_t n)
{
	struct unpack *u = calloc(1, sizeof *u);
	int p[2];

	*up = NULL;
	if (u == NULL)
		return -1;
	u->ibuf = malloc(IN_SIZE > n ? IN_SIZE : n);
	u->obuf = malloc(OUT_SIZE);
	if (u->ibuf == NULL || u->obuf == NULL || pipe(p) < 0)
		goto fail;
	fcntl(p[0], F_SETFD, FD_CLOEXEC);
	fcntl(p[1], F_SETFD, FD_CLOEXEC);
	fcntl(p[1], F_SETPIPE_SZ, 1 << 20); /* fewer switches; the default if refused */
	u->kind = kind;
	u->in = fd;
	u->read_end = p[0];
	u->out = p[1];
	memcpy(u->ibuf, head, n); /* the caller reuses its buffer at once */
	u->head_n = n;
	if (pthread_create(&u->thread, NULL, unpack_main, u) != 0) {
		close(p[0]);
		close(p[1]);
		goto fail;
	}
	*up = u;
	return p[0];
fail:
	free(u->ibuf);
	free(u->obuf);
	free(u);
	return -1;
}

uint64_t unpack_position(const struct unpack *u)
{
	return atomic_load(&((struct unpack *)u)->position);
}

int unpack_finish(struct unpack *u, char *err, size_t errlen)
{
	int rc;

	close(u->read_end); /* a writer still going stops */
	pthread_join(u->thread, NULL);
	rc = u->failed ? -1 : 0;
	if (u->failed)
		snprintf(err, errlen, "%s", u->err);
	free(u->ibuf);
	free(u->obuf);
	free(u);
	return rc;
}
