// SPDX-License-Identifier: GPL-2.0-or-later
// Child processes for unit tests that need a second writer, a lock held
// by another process, or a writer to kill: children only use plain calls
// and _exit().
#pragma once

#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <string>
#include <string_view>

namespace mpb::test {

struct Pipe {
    int fds[2] = {-1, -1};
    Pipe() { BOOST_REQUIRE(::pipe(fds) == 0); }
    ~Pipe()
    {
        close_read();
        close_write();
    }
    Pipe(const Pipe&) = delete;
    Pipe& operator=(const Pipe&) = delete;
    int r() const { return fds[0]; }
    int w() const { return fds[1]; }
    void close_read() { close_fd(fds[0]); }
    void close_write() { close_fd(fds[1]); }
    static void close_fd(int& fd)
    {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
};

inline void send(int fd, const std::string& s)
{
    std::string_view rest = s;
    while (!rest.empty()) {
        ssize_t n = ::write(fd, rest.data(), rest.size());
        if (n <= 0)
            return;
        rest.remove_prefix(static_cast<std::size_t>(n));
    }
}

inline std::string receive_all(int fd)
{
    std::string out;
    char buf[512];
    ssize_t n;
    while ((n = ::read(fd, buf, sizeof buf)) > 0)
        out.append(buf, static_cast<std::size_t>(n));
    return out;
}

// Runs `body` in a forked child that then _exit()s with its return value.
template <class F>
pid_t spawn(F body)
{
    pid_t pid = ::fork();
    BOOST_REQUIRE(pid >= 0);
    if (pid == 0)
        ::_exit(body());
    return pid;
}

inline int exit_status(pid_t pid)
{
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

inline bool lock_whole_file(int fd)
{
    struct flock fl {};
    fl.l_type = F_WRLCK;
    fl.l_whence = SEEK_SET;
    return ::fcntl(fd, F_SETLK, &fl) == 0;
}

// Another process holding the write lock on `path` until release().
class LockHolder {
public:
    explicit LockHolder(const std::string& path)
    {
        pid_ = spawn([&] {
            locked_.close_read();
            release_.close_write();
            int fd = ::open(path.c_str(), O_RDWR);
            if (fd < 0 || !lock_whole_file(fd))
                return 1;
            send(locked_.w(), "L");
            char c;
            (void)::read(release_.r(), &c, 1);  // until the parent closes its end
            return 0;                           // the lock goes with the process
        });
        locked_.close_write();
        release_.close_read();
        char c = 0;
        BOOST_REQUIRE(::read(locked_.r(), &c, 1) == 1);
    }

    // Lets the lock go; the holder's exit status (0: it held the lock).
    int release()
    {
        release_.close_write();
        return exit_status(pid_);
    }

private:
    Pipe locked_, release_;
    pid_t pid_ = -1;
};

}  // namespace mpb::test
