// SPDX-License-Identifier: GPL-2.0-or-later
#include "sys/log.hh"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>

#include "core/text.hh"

namespace mpb {

namespace {

int threshold(int verbosity)
{
    switch (verbosity) {
    case 0: return static_cast<int>(LogLevel::error);
    case 1: return static_cast<int>(LogLevel::warning);
    case 2: return static_cast<int>(LogLevel::info);
    default: return static_cast<int>(LogLevel::debug);
    }
}

void to_kmsg(LogLevel level, const char* program, const std::string& text)
{
    int fd = open("/dev/kmsg", O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return;
    // "<prio>tag: text": the kernel log reads the priority from the prefix.
    std::string line = "<" + std::to_string(static_cast<int>(level)) + ">" + program + ": " + text + "\n";
    ssize_t ignored = write(fd, line.data(), line.size());
    (void)ignored;
    close(fd);
}

}  // namespace

void Logger::log(LogLevel level, const std::string& text) const
{
    if (static_cast<int>(level) > threshold(verbosity))
        return;
    // One message, one line: a device's strings in it must not forge another.
    auto line = printable(text);
    std::fprintf(stderr, "%s: %s\n", program, line.c_str());
    if (kmsg)
        to_kmsg(level, program, line);
}

}  // namespace mpb
