// SPDX-License-Identifier: GPL-2.0-or-later
#include "sys/sysroot_files.hh"

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
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

    // The link `name` in the current directory now stands for `target`.
    void follow(const std::string& name, const std::string& target)
    {
        std::string at;
        for (const auto& n : names)
            at += "/" + n;
        last_link = at + "/" + name + " -> " + quoted(target);
        auto more = components(target);
        todo.insert(todo.begin(), more.begin(), more.end());
        from_link += more.size();
        if (target.starts_with("/")) {
            dirs.clear();
            names.clear();
        }
    }
};

}  // namespace

struct SysrootFiles::Opened {
    UniqueFd fd;  // not valid: there is no such file
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
Result<SysrootFiles::Opened> SysrootFiles::open_inside(const std::string& path, bool directory) const
{
    using R = Result<Opened>;
    auto fail = [&](const std::string& why) { return R::fail(shown(path) + ": " + why); };
    Walk w;
    w.todo = components(path);
    while (!w.todo.empty()) {
        const bool via_link = w.from_link > 0;
        std::string name = w.next();
        if (name == "." || (name == ".." && !w.dirs.empty())) {
            if (name == "..")
                w.up();
            continue;
        }
        if (name == "..")
            return fail("symbolic link " + w.last_link + " leads out of " + dir_ + ", refused");
        const int at = w.dirs.empty() ? root_.get() : w.dirs.back().get();
        // O_NONBLOCK: a FIFO in the sysroot must not hang the boot.
        const bool dir_wanted = !w.todo.empty() || directory;
        UniqueFd fd(::openat(at, name.c_str(),
                             O_RDONLY | O_NOFOLLOW | O_CLOEXEC | (dir_wanted ? O_DIRECTORY : O_NONBLOCK)));
        if (fd.valid()) {
            w.enter(std::move(fd), name);
            continue;
        }
        int err = errno;
        std::string target;
        if (link_target(at, name, target)) {
            if (++w.links > max_links)
                return fail("more than " + std::to_string(max_links) + " symbolic links, refused");
            w.follow(name, target);
        } else if (err == ENOENT && via_link) {
            return fail("symbolic link " + w.last_link + " leads to nothing inside " + dir_);
        } else if (err == ENOENT) {
            return R::ok(Opened{UniqueFd()});
        } else {
            return fail(std::strerror(err));
        }
    }
    if (w.dirs.empty())
        return fail(std::strerror(EISDIR));
    return R::ok(Opened{std::move(w.dirs.back())});
}

Result<std::optional<std::string>> SysrootFiles::read(const std::string& path) const
{
    using R = Result<std::optional<std::string>>;
    auto opened = open_inside(path, false);
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
    auto opened = open_inside(dir, true);
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

}  // namespace mpb
