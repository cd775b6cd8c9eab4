// SPDX-License-Identifier: GPL-2.0-or-later
// The one way this project writes a file: under the whole-file fcntl write
// lock that multipath-tools takes on bindings and wwids, read the text,
// change it, write a temp file in the same directory, fsync, rename over the
// target, fsync the directory. The lock is polled (F_SETLK) so the wait is
// bounded without signals. Symlinks are refused.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "core/result.hh"

namespace mpb {

// multipath-tools' open_file() (libmultipath/file.c) creates bindings and wwids with S_IRUSR|S_IWUSR.
inline constexpr unsigned state_file_mode = 0600;
// open_file() (libmultipath/file.c) creates missing directories such as /etc/multipath with 0700.
inline constexpr unsigned state_dir_mode = 0700;

struct WriteOptions {
    // A new file's mode (bindings/wwids: state_file_mode); a replaced file
    // keeps its own mode and owner, as multipath-tools' writes in place do.
    unsigned mode = 0644;
    std::chrono::milliseconds lock_timeout{30000};          // multipath-tools waits 30 s (FILE_TIMEOUT, libmultipath/file.h)
    // A whole run's writes share one wait: a held lock must not cost 30 s
    // per map. The earlier of this and lock_timeout from now ends a wait.
    std::optional<std::chrono::steady_clock::time_point> lock_deadline;
    bool create_parent = false;                             // mkdir -p the directory, with dir_mode
    unsigned dir_mode = state_dir_mode;                     // for directories create_parent makes (before umask)
};

struct Unit {};

// What update_file_locked() does to a file, given its text as read under the
// lock: the new text, nullopt to leave the file as it is, or an error (the
// file is then left as it is too). A missing file and an empty one both read
// as "": the lock creates a missing file empty, and a writer killed after
// that leaves exactly such a file behind, so the two cannot be told apart
// reliably and callers treat them alike anyway (multipath-tools writes its
// header into either). The function's error is returned as it is, so it
// should name the file.
using Change = std::function<Result<std::optional<std::string>>(const std::string& old)>;

// The one read-modify-write: opens `path` (creating it if missing), takes
// multipath-tools' whole-file write lock (polled, bounded by
// opts.lock_timeout; taken again when another writer renamed a new file over
// the name meanwhile, so the text read is never a replaced file's), reads
// the text, calls `change`, and writes the result as a temp file in the same
// directory, fsync, rename over `path`, fsync the directory, then unlocks.
// Fails, with a one-line reason naming the path, when the target or its
// directory is a symlink, the target is not a regular file, the lock is not
// granted in time, or any step fails; the old file is then untouched, and a
// file that this call created for the lock is removed again.
Result<Unit> update_file_locked(const std::string& path, const Change& change,
                                const WriteOptions& opts = {});

// update_file_locked() for the file `base` in the open directory `dirfd`,
// for writers that find the directory by their own rules (SysrootFiles
// resolves links inside a tree): the same checks, lock and replacement,
// every step relative to `dirfd`, which must stay open until this returns.
// `shown` names the file in errors. `base` must be one plain name (no "/",
// not "." or ".."); opts.create_parent and opts.dir_mode play no part.
Result<Unit> update_file_locked_at(int dirfd, const std::string& base, const std::string& shown,
                                   const Change& change, const WriteOptions& opts = {});

// update_file_locked() that replaces whatever is there with `content`.
Result<Unit> write_file_atomically(const std::string& path, const std::string& content,
                                   const WriteOptions& opts = {});

// No file mpath-boot reads is this large on a real system (a snapshot of a
// thousand paths is about 2 MiB): larger ones are refused unread, so that
// no input makes a command's memory grow without bound.
inline constexpr std::size_t max_read_size = std::size_t(16) << 20;

// Reads a whole regular file of at most max_read_size bytes. A missing file
// is an error whose text ends with "No such file or directory"; use
// file_exists() to tell the cases apart.
Result<std::string> read_file(const std::string& path);
// The same from a descriptor opened for reading (O_NONBLOCK, so a FIFO
// cannot hang); `path` names the file in errors. The descriptor stays open.
Result<std::string> read_fd(int fd, const std::string& path);
bool file_exists(const std::string& path);

}  // namespace mpb
