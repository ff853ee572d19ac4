/*
 * export: snapshots of the explorer's state (the current model at its
 * threshold) as Markdown, text or JSON, for tickets, documents and chats.
 * The JSON is exactly --report --format json at that threshold.  Files are
 * written atomically and a name cutoff chose never overwrites a file.
 */
#ifndef CUTOFF_EXPORT_H
#define CUTOFF_EXPORT_H

#include "app/cmd.h"
#include "app/view.h"

#include <stdio.h>

/* The snapshot into f; 0, or -1 with errno ENOMEM (nothing written). */
int export_write(FILE *f, const struct view *v, enum export_format fmt);

/* Writes a snapshot to path, or, with path NULL, to a new file in the
 * current folder named after the model and threshold.  An absent path or a
 * regular file (also through a symlink) is replaced atomically, keeping an
 * old file's mode; a FIFO or character device is written into; anything
 * else is refused.  Returns 0 with the path in used, or -1 with a message
 * in err. */
int export_file(const struct view *v, const char *path, enum export_format fmt, char *used,
		size_t usedlen, char *err, size_t errlen);

#endif
