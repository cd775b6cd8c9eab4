// SPDX-License-Identifier: GPL-2.0-or-later
#include "sys/initramfs_image.hh"

#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <thread>

namespace mpb {

Result<std::string> next_initramfs()
{
    struct utsname u;
    if (uname(&u) != 0)
        return Result<std::string>::fail(std::string("uname: ") + std::strerror(errno));
    const std::string release = u.release;
    const std::string names[] = {"/boot/initrd.img-" + release, "/boot/initramfs-" + release + ".img"};
    for (const auto& n : names) {
        struct stat st;
        if (stat(n.c_str(), &st) == 0 && S_ISREG(st.st_mode))
            return Result<std::string>::ok(n);
    }
    return Result<std::string>::fail("no " + names[0] + " or " + names[1]);
}

Result<TempDir> TempDir::make(const std::string& name)
{
    for (const char* base : {"/run", "/tmp"}) {
        std::string tmpl = std::string(base) + "/" + name + ".XXXXXX";
        if (mkdtemp(tmpl.data()))
            return Result<TempDir>::ok(TempDir(tmpl));
    }
    return Result<TempDir>::fail("cannot make a directory in /run or /tmp: " + std::string(std::strerror(errno)));
}

TempDir::~TempDir()
{
    if (path_.empty())
        return;
    // Depth first, never following links out of the directory.
    nftw(
        path_.c_str(),
        [](const char* p, const struct stat*, int, struct FTW*) {
            remove(p);
            return 0;
        },
        16, FTW_DEPTH | FTW_PHYS);
}

Result<Unit> unpack_initramfs(const std::string& image, const std::string& dir,
                              const std::vector<std::string>& patterns, std::chrono::milliseconds timeout)
{
    std::vector<std::string> args{"lsinitrd", "--unpack", image};
    args.insert(args.end(), patterns.begin(), patterns.end());
    std::vector<char*> argv;
    for (auto& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = fork();
    if (pid < 0)
        return Result<Unit>::fail(std::string("fork: ") + std::strerror(errno));
    if (pid == 0) {
        setpgid(0, 0);  // its own group, so a kill reaches cpio and the decompressor too
        int null = open("/dev/null", O_RDWR);
        if (null >= 0) {
            dup2(null, 0);
            dup2(null, 1);
            dup2(null, 2);
        }
        if (chdir(dir.c_str()) == 0)
            execvp(argv[0], argv.data());
        _exit(127);
    }
    setpgid(pid, pid);  // as the child does: whichever runs first
    const auto end = std::chrono::steady_clock::now() + timeout;
    int status = 0;
    while (waitpid(pid, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() >= end) {
            kill(-pid, SIGKILL);
            waitpid(pid, &status, 0);
            return Result<Unit>::fail("lsinitrd --unpack " + image + " took longer than " +
                                      std::to_string(timeout.count() / 1000) + " s; stopped");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
        return Result<Unit>::fail("no lsinitrd to read " + image + " (dracut's lsinitrd is not installed)");
    // lsinitrd exits non-zero when a pattern matched nothing; what was
    // there has been unpacked all the same.
    return Result<Unit>::ok({});
}

}  // namespace mpb
