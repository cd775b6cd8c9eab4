// The one way this project writes a file: a temp file in the same directory,
// fsync, rename over the target, fsync the directory. The whole-file fcntl
// write lock that multipath-tools takes on bindings and wwids is held on the
// target meanwhile; it is polled (F_SETLK) so the wait is bounded without
// signals. Symlinks are refused.
#pragma once

#include <chrono>
#include <string>

#include "core/result.hh"

namespace mpb {

// multipath-tools' open_file() (libmultipath/file.c) creates bindings and wwids with S_IRUSR|S_IWUSR.
inline constexpr unsigned state_file_mode = 0600;
// open_file() (libmultipath/file.c) creates missing directories such as /etc/multipath with 0700.
inline constexpr unsigned state_dir_mode = 0700;

struct WriteOptions {
    unsigned mode = 0644;                                   // generic default; bindings/wwids: state_file_mode
    std::chrono::milliseconds lock_timeout{30000};          // multipath-tools waits 30 s (FILE_TIMEOUT, libmultipath/file.h)
    bool create_parent = false;                             // mkdir -p the directory (state_dir_mode, before umask)
};

struct Unit {};

// Replaces `path` with `content`. Fails, with a one-line reason naming the
// path, when the target or its directory is a symlink, the target is not a
// regular file, the lock is not granted in time, or any step fails; the old
// file is then untouched. (The lock is taken on the target itself, so a
// target that did not exist is left behind empty if a later step fails, as
// multipath-tools' open_file() does too.)
Result<Unit> write_file_atomically(const std::string& path, const std::string& content,
                                   const WriteOptions& opts = {});

// Reads a whole regular file. A missing file is an error whose text ends with
// "No such file or directory"; use file_exists() to tell the cases apart.
Result<std::string> read_file(const std::string& path);
// The same from a descriptor opened for reading (O_NONBLOCK, so a FIFO
// cannot hang); `path` names the file in errors. The descriptor stays open.
Result<std::string> read_fd(int fd, const std::string& path);
bool file_exists(const std::string& path);

}  // namespace mpb
