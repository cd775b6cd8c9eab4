// SPDX-License-Identifier: GPL-2.0-or-later
#include "sys/safe_write.hh"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <string_view>
#include <thread>
#include <utility>

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sys/unique_fd.hh"

namespace mpb {

namespace {

using Clock = std::chrono::steady_clock;

// How often a held lock is tried again: short against the 30 s budget, long
// enough not to spin.
constexpr std::chrono::milliseconds lock_poll_interval{10};

template <class T>
Result<T> failure(std::string why)
{
    return Result<T>::fail(std::move(why));
}

std::string step_failed(const std::string& path, const std::string& step, int err)
{
    return path + ": " + step + " failed: " + std::strerror(err);
}

std::string symlink_target(const std::string& path)
{
    return path + ": is a symbolic link, refusing to write";
}

std::string symlink_dir(const std::string& path, const std::string& dir)
{
    return path + ": directory " + dir + " is a symbolic link, refusing to write";
}

std::string not_regular(const std::string& path)
{
    return path + ": not a regular file, refusing to write";
}

std::string lock_timed_out(const std::string& path, std::chrono::milliseconds timeout)
{
    return path + ": timed out after " + std::to_string(timeout.count()) +
           " ms waiting for the write lock";
}

struct PathParts {
    std::string dir;
    std::string base;
};

// Splits into directory and last component. Trailing slashes are dropped from
// the directory because "link/" would make lstat() follow the link.
std::optional<PathParts> split_path(const std::string& path)
{
    auto slash = path.find_last_of('/');
    std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
    if (base.empty() || base == "." || base == "..")
        return std::nullopt;
    std::string dir = slash == std::string::npos ? "." : path.substr(0, slash);
    while (dir.size() > 1 && dir.back() == '/')
        dir.pop_back();
    if (dir.empty())
        dir = "/";
    return PathParts{dir, base};
}

bool is_symlink(const std::string& p)
{
    struct stat st;
    return ::lstat(p.c_str(), &st) == 0 && S_ISLNK(st.st_mode);
}

bool is_symlink_at(int dirfd, const std::string& name)
{
    struct stat st;
    return ::fstatat(dirfd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode);
}

// Opens an existing directory, refusing a symlink: lstat gives the clear
// message, O_NOFOLLOW closes the window between lstat and open.
Result<UniqueFd> open_parent(const std::string& path, const std::string& dir)
{
    struct stat st;
    if (::lstat(dir.c_str(), &st) != 0)
        return failure<UniqueFd>(step_failed(path, "open directory " + dir, errno));
    if (S_ISLNK(st.st_mode))
        return failure<UniqueFd>(symlink_dir(path, dir));
    UniqueFd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!fd.valid()) {
        int err = errno;
        if (err == ELOOP && is_symlink(dir))
            return failure<UniqueFd>(symlink_dir(path, dir));
        return failure<UniqueFd>(step_failed(path, "open directory " + dir, err));
    }
    return Result<UniqueFd>::ok(std::move(fd));
}

int open_subdir(int parent, const std::string& name)
{
    return ::openat(parent, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
}

// Opens `name` under `parent`, creating it first if missing. Opening before
// mkdir keeps a read-only or unwritable but existing ancestor from failing.
Result<UniqueFd> enter_or_make(const std::string& path, int parent, const std::string& name,
                               const std::string& shown, unsigned mode)
{
    UniqueFd fd(open_subdir(parent, name));
    if (!fd.valid() && errno == ENOENT) {
        if (::mkdirat(parent, name.c_str(), mode & 07777) != 0 && errno != EEXIST)
            return failure<UniqueFd>(step_failed(path, "mkdir " + shown, errno));
        fd = UniqueFd(open_subdir(parent, name));
    }
    if (!fd.valid()) {
        int err = errno;
        if (is_symlink_at(parent, name))
            return failure<UniqueFd>(symlink_dir(path, shown));
        return failure<UniqueFd>(step_failed(path, "open directory " + shown, err));
    }
    return Result<UniqueFd>::ok(std::move(fd));
}

// mkdir -p, one component at a time relative to the previous one's fd, so no
// component (existing or just made) can be a symlink that redirects the walk.
Result<UniqueFd> make_parents(const std::string& path, const std::string& dir, unsigned mode)
{
    const bool absolute = dir.front() == '/';
    const std::string start = absolute ? "/" : ".";
    UniqueFd cur(::open(start.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!cur.valid())
        return failure<UniqueFd>(step_failed(path, "open directory " + start, errno));

    std::string walked;
    std::string_view rest = dir;
    while (!rest.empty()) {
        auto slash = rest.find('/');
        std::string comp(rest.substr(0, slash));
        rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash + 1);
        if (comp.empty() || comp == ".")
            continue;
        walked += (walked.empty() && !absolute ? "" : "/") + comp;
        auto next = enter_or_make(path, cur.get(), comp, walked, mode);
        if (!next)
            return next;
        cur = std::move(next.value());
    }
    return Result<UniqueFd>::ok(std::move(cur));
}

// Refuses before anything is created: a symlink or a non-regular target.
Result<Unit> check_target(const std::string& path, int dirfd, const std::string& base)
{
    struct stat st;
    if (::fstatat(dirfd, base.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
        if (errno == ENOENT)
            return Result<Unit>::ok({});
        return failure<Unit>(step_failed(path, "stat", errno));
    }
    if (S_ISLNK(st.st_mode))
        return failure<Unit>(symlink_target(path));
    if (!S_ISREG(st.st_mode))
        return failure<Unit>(not_regular(path));
    return Result<Unit>::ok({});
}

// Tries F_SETLK until granted or `deadline`. Polling instead of F_SETLKW +
// alarm() keeps signal handlers out of the process. Returns 0, ETIMEDOUT or
// the fcntl errno.
int wait_for_lock(int fd, Clock::time_point deadline)
{
    struct flock fl {};
    fl.l_type = F_WRLCK;
    fl.l_whence = SEEK_SET;
    fl.l_start = 0;
    fl.l_len = 0;  // the whole file, however long it grows
    for (;;) {
        if (::fcntl(fd, F_SETLK, &fl) == 0)
            return 0;
        if (errno == EINTR)
            continue;
        if (errno != EAGAIN && errno != EACCES)
            return errno;
        auto now = Clock::now();
        if (now >= deadline)
            return ETIMEDOUT;
        std::this_thread::sleep_for(std::min<Clock::duration>(lock_poll_interval, deadline - now));
    }
}

enum class Still { same, replaced, symlink, stat_failed };

struct NameCheck {
    Still state;
    int err = 0;  // for stat_failed
};

// Whether `name` still refers to the inode `held` was taken from.
NameCheck still_at_name(int dirfd, const std::string& name, const struct stat& held)
{
    struct stat now;
    if (::fstatat(dirfd, name.c_str(), &now, AT_SYMLINK_NOFOLLOW) != 0)
        return errno == ENOENT ? NameCheck{Still::replaced} : NameCheck{Still::stat_failed, errno};
    if (S_ISLNK(now.st_mode))
        return {Still::symlink};
    return {now.st_dev == held.st_dev && now.st_ino == held.st_ino ? Still::same : Still::replaced};
}

struct Opened {
    UniqueFd fd;
    bool created = false;  // this call made the file: remove it again if nothing is written
};

// Opens `base`, creating it if missing. The plain open comes first and
// O_EXCL second so that `created` is true only for the call that made it.
// O_NONBLOCK: a FIFO swapped in since check_target() must not hang us.
Result<Opened> open_target(const std::string& path, int dirfd, const std::string& base, unsigned mode)
{
    const int flags = O_RDWR | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK;
    // Each turn sees the name appear or vanish under a racing writer; a few
    // suffice, and a bound keeps a pathological flip-flop from spinning.
    for (int attempt = 0; attempt < 100; ++attempt) {
        UniqueFd fd(::openat(dirfd, base.c_str(), flags));
        bool created = false;
        if (!fd.valid() && errno == ENOENT) {
            fd = UniqueFd(::openat(dirfd, base.c_str(), flags | O_CREAT | O_EXCL, mode & 07777));
            created = fd.valid();
            if (!fd.valid() && errno == EEXIST)
                continue;
        }
        if (fd.valid())
            return Result<Opened>::ok(Opened{std::move(fd), created});
        int err = errno;
        if (err == ELOOP && is_symlink_at(dirfd, base))
            return failure<Opened>(symlink_target(path));
        return failure<Opened>(step_failed(path, "open", err));
    }
    return failure<Opened>(step_failed(path, "open", EAGAIN));
}

// Opens (creating if needed) the target and takes the whole-file write lock
// on it, the way multipath-tools serializes bindings/wwids writers. The fd
// must stay open until after the rename: closing any fd of the file drops
// the lock. fcntl locks are per process, so this excludes other processes,
// not other threads of this one.
Result<Opened> lock_target(const std::string& path, int dirfd, const std::string& base,
                           unsigned mode, std::chrono::milliseconds timeout,
                           std::optional<Clock::time_point> run_deadline)
{
    const auto start = Clock::now();
    const auto deadline = std::min(start + timeout, run_deadline.value_or(Clock::time_point::max()));
    // What this call may wait, for the message: the run may have spent some.
    timeout = std::max(std::chrono::milliseconds(0),
                       std::chrono::duration_cast<std::chrono::milliseconds>(deadline - start));
    for (;;) {
        auto opened = open_target(path, dirfd, base, mode);
        if (!opened)
            return opened;
        const int fd = opened->fd.get();
        struct stat held;
        if (::fstat(fd, &held) != 0)
            return failure<Opened>(step_failed(path, "stat", errno));
        if (!S_ISREG(held.st_mode))
            return failure<Opened>(not_regular(path));

        int err = wait_for_lock(fd, deadline);
        if (err == ETIMEDOUT)
            return failure<Opened>(lock_timed_out(path, timeout));
        if (err != 0)
            return failure<Opened>(step_failed(path, "lock", err));

        // Another writer may have renamed a new file over the name (or
        // removed the one it created) while we waited: its text is stale and
        // our lock on it would exclude nobody.
        auto still = still_at_name(dirfd, base, held);
        if (still.state == Still::stat_failed)
            return failure<Opened>(step_failed(path, "stat", still.err));
        if (still.state == Still::symlink)
            return failure<Opened>(symlink_target(path));
        if (still.state == Still::same)
            return opened;
        if (Clock::now() >= deadline)
            return failure<Opened>(lock_timed_out(path, timeout));
    }
}

// Six characters from [A-Za-z0-9], like mkstemp's XXXXXX.
std::string random_suffix()
{
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    unsigned char raw[6];
    if (::getrandom(raw, sizeof raw, GRND_NONBLOCK) != static_cast<ssize_t>(sizeof raw)) {
        // Entropy pool not ready yet (early boot). O_EXCL guarantees
        // uniqueness; the suffix only has to change between tries.
        static unsigned long long state =
            static_cast<unsigned long long>(Clock::now().time_since_epoch().count()) ^
            (static_cast<unsigned long long>(::getpid()) << 32);
        for (auto& b : raw) {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            b = static_cast<unsigned char>(state >> 56);
        }
    }
    std::string out;
    for (unsigned char b : raw)
        out += alphabet[b % (sizeof alphabet - 1)];
    return out;
}

struct TempFile {
    UniqueFd fd;
    std::string name;
};

// ".<base>.XXXXXX" in the target's directory: same file system, so the
// rename is atomic; hidden, so globbing tools skip it.
Result<TempFile> create_temp(const std::string& path, int dirfd, const std::string& base)
{
    for (int attempt = 0; attempt < 100; ++attempt) {
        std::string name = "." + base + "." + random_suffix();
        UniqueFd fd(::openat(dirfd, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
        if (fd.valid())
            return Result<TempFile>::ok(TempFile{std::move(fd), std::move(name)});
        if (errno != EEXIST)
            return failure<TempFile>(step_failed(path, "create temp file", errno));
    }
    return failure<TempFile>(step_failed(path, "create temp file", EEXIST));
}

// Unlinks the temp file on every early return; dismissed once renamed.
class UnlinkGuard {
public:
    UnlinkGuard(int dirfd, std::string name) : dirfd_(dirfd), name_(std::move(name)) {}
    UnlinkGuard(const UnlinkGuard&) = delete;
    UnlinkGuard& operator=(const UnlinkGuard&) = delete;
    ~UnlinkGuard()
    {
        if (armed_)
            ::unlinkat(dirfd_, name_.c_str(), 0);
    }
    void dismiss() { armed_ = false; }

private:
    int dirfd_;
    std::string name_;
    bool armed_ = true;
};

// Returns 0 or the errno of the failed write; short writes are continued.
int write_all(int fd, std::string_view data)
{
    while (!data.empty()) {
        ssize_t n = ::write(fd, data.data(), data.size());
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        if (n == 0)
            return EIO;  // a regular file never accepts nothing; do not spin
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return 0;
}

// Temp file, fsync, rename over `base`, fsync the directory. The target is
// untouched until the rename, and the rename is the last step that can fail
// without leaving the new content in place.
// The mode and owner the new file gets: those of the file it replaces, as
// multipath-tools (which writes in place) keeps them; a new file's are
// WriteOptions::mode and the writer's.
struct Attributes {
    unsigned mode;
    std::optional<std::pair<uid_t, gid_t>> owner;
};

Result<Unit> replace_contents(const std::string& path, int dirfd, const std::string& base,
                              const std::string& content, const Attributes& attrs)
{
    auto temp = create_temp(path, dirfd, base);
    if (!temp)
        return failure<Unit>(temp.error());
    TempFile& tmp = temp.value();
    UnlinkGuard guard(dirfd, tmp.name);

    if (attrs.owner && ::fchown(tmp.fd.get(), attrs.owner->first, attrs.owner->second) != 0)
        return failure<Unit>(step_failed(path, "chown", errno));
    // fchmod, not the create mode: the umask must not change the result.
    if (::fchmod(tmp.fd.get(), attrs.mode & 07777) != 0)
        return failure<Unit>(step_failed(path, "chmod", errno));
    if (int err = write_all(tmp.fd.get(), content))
        return failure<Unit>(step_failed(path, "write", err));
    if (::fsync(tmp.fd.get()) != 0)
        return failure<Unit>(step_failed(path, "fsync", errno));
    if (int err = tmp.fd.close_checked())
        return failure<Unit>(step_failed(path, "close", err));
    if (::renameat(dirfd, tmp.name.c_str(), dirfd, base.c_str()) != 0)
        return failure<Unit>(step_failed(path, "rename", errno));
    guard.dismiss();
    // Makes the rename itself durable. If this fails the new content is in
    // place but may not survive a crash; the caller still hears about it.
    if (::fsync(dirfd) != 0)
        return failure<Unit>(step_failed(path, "fsync directory", errno));
    return Result<Unit>::ok({});
}

// Removes the empty file open_target() created when nothing replaced it,
// so a failed or empty-handed update leaves a missing file missing. Only
// while the name is still that file: after the rename it is the new one.
void forget_created(const Opened& target, int dirfd, const std::string& base)
{
    struct stat held;
    if (!target.created || ::fstat(target.fd.get(), &held) != 0)
        return;
    if (still_at_name(dirfd, base, held).state == Still::same)
        ::unlinkat(dirfd, base.c_str(), 0);
}

// Everything after the lock is granted: read, change, replace.
Result<Unit> change_locked(const std::string& path, int dirfd, const std::string& base, const Opened& target,
                           const Change& change, unsigned mode)
{
    const int fd = target.fd.get();
    Attributes attrs{mode, std::nullopt};
    struct stat old_st;
    if (!target.created) {
        if (::fstat(fd, &old_st) != 0)
            return failure<Unit>(step_failed(path, "stat", errno));
        attrs = {old_st.st_mode, std::pair{old_st.st_uid, old_st.st_gid}};
    }
    auto old = read_fd(fd, path);
    if (!old)
        return failure<Unit>(old.error());
    auto next = change(old.value());
    if (!next)
        return failure<Unit>(next.error());
    if (!next.value())
        return Result<Unit>::ok({});
    return replace_contents(path, dirfd, base, **next, attrs);
}

}  // namespace

Result<Unit> update_file_locked_at(int dirfd, const std::string& base, const std::string& shown,
                                   const Change& change, const WriteOptions& opts)
{
    if (base.empty() || base == "." || base == ".." || base.find('/') != std::string::npos)
        return failure<Unit>(shown + ": not a file name");
    if (auto ok = check_target(shown, dirfd, base); !ok)
        return ok;
    auto lock = lock_target(shown, dirfd, base, opts.mode, opts.lock_timeout, opts.lock_deadline);
    if (!lock)
        return failure<Unit>(lock.error());
    auto done = change_locked(shown, dirfd, base, lock.value(), change, opts.mode);
    forget_created(lock.value(), dirfd, base);
    // `lock` (and with it the lock) is released on return, after the rename.
    return done;
}

Result<Unit> update_file_locked(const std::string& path, const Change& change, const WriteOptions& opts)
{
    auto parts = split_path(path);
    if (!parts)
        return failure<Unit>(path + ": not a file name");

    auto dir = opts.create_parent ? make_parents(path, parts->dir, opts.dir_mode) : open_parent(path, parts->dir);
    if (!dir)
        return failure<Unit>(dir.error());
    return update_file_locked_at(dir->get(), parts->base, path, change, opts);
}

Result<Unit> write_file_atomically(const std::string& path, const std::string& content,
                                   const WriteOptions& opts)
{
    return update_file_locked(
        path, [&](const std::string&) { return Result<std::optional<std::string>>::ok(content); }, opts);
}

Result<std::string> read_file(const std::string& path)
{
    // O_NONBLOCK: opening a FIFO by mistake must not hang.
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
    if (!fd.valid())
        return failure<std::string>(path + ": " + std::strerror(errno));
    return read_fd(fd.get(), path);
}

Result<std::string> read_fd(int fd, const std::string& path)
{
    struct stat st;
    if (::fstat(fd, &st) != 0)
        return failure<std::string>(path + ": " + std::strerror(errno));
    if (S_ISDIR(st.st_mode))
        return failure<std::string>(path + ": " + std::strerror(EISDIR));
    if (!S_ISREG(st.st_mode))
        return failure<std::string>(path + ": not a regular file");
    auto too_large = [&](unsigned long long size) {
        return failure<std::string>(path + ": larger than " + std::to_string(max_read_size >> 20) +
                                    " MiB (" + std::to_string(size) + " bytes)");
    };
    if (static_cast<unsigned long long>(st.st_size) > max_read_size)
        return too_large(static_cast<unsigned long long>(st.st_size));

    std::string out;
    out.reserve(static_cast<std::size_t>(st.st_size));
    char buf[65536];
    for (;;) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return failure<std::string>(path + ": " + std::strerror(errno));
        }
        if (n == 0)
            break;
        out.append(buf, static_cast<std::size_t>(n));
        if (out.size() > max_read_size)  // grown since fstat
            return too_large(out.size());
    }
    return Result<std::string>::ok(std::move(out));
}

bool file_exists(const std::string& path)
{
    struct stat st;
    return ::lstat(path.c_str(), &st) == 0;
}

}  // namespace mpb
