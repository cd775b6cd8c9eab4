// SPDX-License-Identifier: GPL-2.0-or-later
#include "sys/sysroot_files.hh"

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <deque>

#include "core/text.hh"
#include "sys/safe_write.hh"

namespace mpb {

namespace {

// The kernel's MAXSYMLINKS: more links on one path is a loop.
constexpr int max_links = 40;

std::deque<std::string> components(const std::string& path)
{
    std::deque<std::string> out;
    for (std::size_t at = 0; at < path.size();) {
        auto slash = path.find('/', at);
        auto end = slash == std::string::npos ? path.size() : slash;
        if (end > at)
            out.push_back(path.substr(at, end - at));
        at = end + 1;
    }
    return out;
}

// The target of the symlink `name` in `dirfd`; false when it is not one.
bool link_target(int dirfd, const std::string& name, std::string& target)
{
    char buf[PATH_MAX];
    ssize_t n = ::readlinkat(dirfd, name.c_str(), buf, sizeof buf);
    if (n < 0 || static_cast<std::size_t>(n) == sizeof buf)
        return false;
    target.assign(buf, static_cast<std::size_t>(n));
    return true;
}

// Where the walk stands: the directories entered below the sysroot, so
// that ".." goes back up without ever naming a path on the host.
struct Walk {
    std::deque<std::string> todo;     // components still to open
    std::size_t from_link = 0;        // how many at the front of `todo` a link's target gave
    std::vector<UniqueFd> dirs;       // entered, below the sysroot
    std::vector<std::string> names;   // their names, for messages
    std::string last_link;            // "/etc/multipath/wwids -> \"../x\"", for messages
    int links = 0;

    std::string next()
    {
        std::string n = std::move(todo.front());
        todo.pop_front();
        if (from_link > 0)
            --from_link;
        return n;
    }

    void enter(UniqueFd fd, std::string name)
    {
        dirs.push_back(std::move(fd));
        names.push_back(std::move(name));
    }

    void up()
    {
        dirs.pop_back();
        names.pop_back();
    }

    // `name` in the current directory, as a path inside the sysroot.
    std::string where(const std::string& name) const
    {
        std::string at;
        for (const auto& n : names)
            at += "/" + n;
        return at + "/" + name;
    }

    // The link `name` in the current directory now stands for `target`.
    void follow(const std::string& name, const std::string& target)
    {
        last_link = where(name) + " -> " + quoted(target);
        auto more = components(target);
        todo.insert(todo.begin(), more.begin(), more.end());
        from_link += more.size();
        if (target.starts_with("/")) {
            dirs.clear();
            names.clear();
        }
    }
};

// How a walk treats what it meets.
struct Rules {
    const SysrootFiles& files;
    int root;
    bool last_is_file;             // the last component is opened as a file, not a directory
    bool for_write;                // the walk finds a directory to write in: nothing may be missing
    std::optional<unsigned> make;  // the mode to create missing directories with, if any
};

enum class Next { go_on, missing };

// O_NONBLOCK: a FIFO in the sysroot must not hang the boot.
int open_component(int at, const std::string& name, bool directory)
{
    return ::openat(at, name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | (directory ? O_DIRECTORY : O_NONBLOCK));
}

// After `name` in `at` failed to open with `err`: a link is followed (its
// target put in front of what is left), anything else ends the walk.
Result<Next> not_entered(Walk& w, int at, const std::string& name, int err, bool via_link, const Rules& r)
{
    using R = Result<Next>;
    std::string target;
    if (link_target(at, name, target)) {
        if (++w.links > max_links)
            return R::fail("more than " + std::to_string(max_links) + " symbolic links, refused");
        w.follow(name, target);
        return R::ok(Next::go_on);
    }
    if (err == ENOENT && via_link)
        return R::fail("symbolic link " + w.last_link + " leads to nothing inside " + r.files.dir());
    if (err == ENOENT && !r.for_write)
        return R::ok(Next::missing);
    if (r.for_write)
        return R::fail("open directory " + r.files.shown(w.where(name)) + " failed: " + std::strerror(err));
    return R::fail(std::strerror(err));
}

// Takes the next component: ".", "..", a directory or file entered (made
// first if missing and the rules say so; never one a link named, which
// would build a tree after a link that was meant for another root), or a
// link followed.
Result<Next> enter_next(Walk& w, const Rules& r)
{
    using R = Result<Next>;
    const bool via_link = w.from_link > 0;
    std::string name = w.next();
    if (name == "." || (name == ".." && !w.dirs.empty())) {
        if (name == "..")
            w.up();
        return R::ok(Next::go_on);
    }
    if (name == "..")
        return R::fail("symbolic link " + w.last_link + " leads out of " + r.files.dir() + ", refused");
    const int at = w.dirs.empty() ? r.root : w.dirs.back().get();
    const bool dir_wanted = !w.todo.empty() || !r.last_is_file;
    UniqueFd fd(open_component(at, name, dir_wanted));
    if (!fd.valid() && errno == ENOENT && r.make && !via_link) {
        if (::mkdirat(at, name.c_str(), *r.make & 07777) != 0 && errno != EEXIST)
            return R::fail("mkdir " + r.files.shown(w.where(name)) + " failed: " + std::strerror(errno));
        fd = UniqueFd(open_component(at, name, true));
    }
    if (!fd.valid())
        return not_entered(w, at, name, errno, via_link, r);
    w.enter(std::move(fd), name);
    return R::ok(Next::go_on);
}

}  // namespace

struct SysrootFiles::Opened {
    UniqueFd fd;       // not valid: there is no such file
    std::string base;  // Want::parent: the name to write in `fd`
};

Result<SysrootFiles> SysrootFiles::open(const std::string& dir)
{
    UniqueFd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!fd.valid())
        return Result<SysrootFiles>::fail("cannot open sysroot " + quoted(dir) + ": " + std::strerror(errno));
    std::string shown = dir;
    while (shown.size() > 1 && shown.back() == '/')
        shown.pop_back();
    return Result<SysrootFiles>::ok(SysrootFiles(std::move(fd), shown));
}

std::string SysrootFiles::shown(const std::string& path) const
{
    return (dir_ == "/" ? std::string() : dir_) + path;
}

// Walks `path` one component at a time; a symlink's target is put in front
// of what is left, an absolute one restarting at the sysroot itself.
Result<SysrootFiles::Opened> SysrootFiles::open_inside(const std::string& path, Want want,
                                                      std::optional<unsigned> make) const
{
    using R = Result<Opened>;
    auto fail = [&](const std::string& why) { return R::fail(shown(path) + ": " + why); };
    Walk w;
    w.todo = components(path);
    std::string base;
    if (want == Want::parent) {
        if (w.todo.empty() || w.todo.back() == "." || w.todo.back() == ".." || path.ends_with("/"))
            return fail("not a file name");
        base = std::move(w.todo.back());
        w.todo.pop_back();
    }
    const Rules rules{*this, root_.get(), want == Want::file, want == Want::parent, make};
    while (!w.todo.empty()) {
        auto next = enter_next(w, rules);
        if (!next)
            return fail(next.error());
        if (next.value() == Next::missing)
            return R::ok(Opened{UniqueFd(), std::string()});
    }
    if (!w.dirs.empty())
        return R::ok(Opened{std::move(w.dirs.back()), std::move(base)});
    if (want != Want::parent)
        return fail(std::strerror(EISDIR));
    // The file stands right in the sysroot: a descriptor of its own, as root_ stays open here.
    UniqueFd root(::fcntl(root_.get(), F_DUPFD_CLOEXEC, 0));
    if (!root.valid())
        return fail(std::strerror(errno));
    return R::ok(Opened{std::move(root), std::move(base)});
}

Result<std::optional<std::string>> SysrootFiles::read(const std::string& path) const
{
    using R = Result<std::optional<std::string>>;
    auto opened = open_inside(path, Want::file);
    if (!opened)
        return R::fail(opened.error());
    if (!opened->fd.valid())
        return R::ok(std::nullopt);
    auto text = read_fd(opened->fd.get(), shown(path));
    return text ? R::ok(std::move(text.value())) : R::fail(text.error());
}

Result<std::vector<std::string>> SysrootFiles::names(const std::string& dir) const
{
    using R = Result<std::vector<std::string>>;
    auto opened = open_inside(dir, Want::directory);
    if (!opened)
        return R::fail(opened.error());
    std::vector<std::string> out;
    if (!opened.value().fd.valid())
        return R::ok(out);
    DIR* d = ::fdopendir(opened.value().fd.release());
    if (!d)
        return R::fail(shown(dir) + ": " + std::strerror(errno));
    while (const dirent* e = ::readdir(d))
        if (std::strcmp(e->d_name, ".") != 0 && std::strcmp(e->d_name, "..") != 0)
            out.emplace_back(e->d_name);
    ::closedir(d);
    return R::ok(out);
}

Result<Unit> SysrootFiles::update(const std::string& path, const Change& change, const WriteOptions& opts)
{
    auto dir = open_inside(path, Want::parent, opts.create_parent ? std::optional(opts.dir_mode) : std::nullopt);
    if (!dir)
        return Result<Unit>::fail(dir.error());
    return update_file_locked_at(dir->fd.get(), dir->base, shown(path), change, opts);
}

Result<Unit> SysrootFiles::write_atomically(const std::string& path, const std::string& content,
                                            const WriteOptions& opts)
{
    return update(
        path, [&](const std::string&) { return Result<std::optional<std::string>>::ok(content); }, opts);
}

bool SysrootFiles::exists(const std::string& path) const
{
    auto dir = open_inside(path, Want::parent);
    struct stat st;
    return dir && ::fstatat(dir->fd.get(), dir->base.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0;
}

}  // namespace mpb
