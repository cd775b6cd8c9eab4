// SPDX-License-Identifier: GPL-2.0-or-later
// A file descriptor owned by one object, for code that walks the file
// system with openat() and must never leak a descriptor on an early return.
#pragma once

#include <cerrno>
#include <utility>

#include <unistd.h>

namespace mpb {

// Owns one file descriptor; closes it on scope exit.
class UniqueFd {
public:
    explicit UniqueFd(int fd = -1) : fd_(fd) {}
    UniqueFd(UniqueFd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
    UniqueFd& operator=(UniqueFd&& other) noexcept
    {
        if (this != &other) {
            reset();
            fd_ = std::exchange(other.fd_, -1);
        }
        return *this;
    }
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;
    ~UniqueFd() { reset(); }

    int get() const { return fd_; }
    bool valid() const { return fd_ >= 0; }
    // Hands the descriptor over (to fdopendir(), say); this object no longer closes it.
    int release() { return std::exchange(fd_, -1); }

    // Closes now and reports close()'s errno (0 on success): on some file
    // systems a deferred write error only shows up here.
    int close_checked()
    {
        int fd = std::exchange(fd_, -1);
        return fd >= 0 && ::close(fd) != 0 ? errno : 0;
    }

private:
    void reset()
    {
        if (fd_ >= 0)
            ::close(fd_);
        fd_ = -1;
    }

    int fd_;
};

}  // namespace mpb
