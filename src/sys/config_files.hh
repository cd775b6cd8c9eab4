// SPDX-License-Identifier: GPL-2.0-or-later
// Reading multipath.conf, conf.d and the state files into the core's
// text-in types, and adding entries to the state files, through the Files
// seam (files.hh). The overloads without one use the host's files.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/bindings.hh"
#include "core/boot_settings.hh"
#include "core/config.hh"
#include "core/wwids.hh"
#include "sys/files.hh"

namespace mpb {

// Limits far above any real system's files, so that no input makes the
// udev callout's cost grow without bound. A larger file is unreadable.
inline constexpr std::size_t max_config_file_size = std::size_t(1) << 20;  // each of them
inline constexpr std::size_t max_conf_d_files = 256;
inline constexpr std::size_t max_boot_settings_size = std::size_t(64) << 10;
// About 80,000 bindings or wwids entries.
inline constexpr std::size_t max_state_file_size = std::size_t(4) << 20;

// The main file (missing is fine: built-in defaults), then every *.conf in
// `conf_dir` in sorted order. An unreadable file is an error and the result
// holds the built-in defaults only.
Config read_config(const std::string& main_file, const std::string& conf_dir);
Config read_config(const FileSource& files, const std::string& main_file, const std::string& conf_dir);

// The texts read_config loads, for a caller that carries them elsewhere.
// Fails with "PATH: REASON" for the first file that cannot be read.
Result<std::vector<ConfigText>> read_config_texts(const FileSource& files, const std::string& main_file,
                                                  const std::string& conf_dir);

// mpath-boot's own settings (/etc/mpath-boot.conf). A missing file means
// the built-in defaults, silently; an unreadable one, the defaults and an
// error diagnostic.
BootSettings read_boot_settings(const std::string& path);
BootSettings read_boot_settings(const FileSource& files, const std::string& path);

struct StateFiles {
    BindingsTable bindings;
    WwidsTable wwids;
    bool bindings_readable = true;  // false: no new friendly names may be handed out
    Diagnostics problems;
};

// `dir`/bindings and `dir`/wwids; missing files are empty tables.
StateFiles read_state(const std::string& dir);
StateFiles read_state(const FileSource& files, const std::string& dir);

// Add entries to `dir`/bindings and `dir`/wwids in one update under the
// lock (update_file_locked: mode 0600, missing directories made): the new
// lines are appended to the text read under the lock, so a line another
// writer added meanwhile is kept; a missing or empty file gets
// multipath-tools' header. What is there already adds nothing (and then
// nothing is written); a binding whose alias or WWID is bound otherwise in
// that text is an error and the file is left as it is (append_bindings),
// as is a file that cannot be read.
Result<Unit> add_bindings(const std::string& dir, const std::vector<Binding>& entries);
// `deadline`: see WriteOptions::lock_deadline.
using LockDeadline = std::optional<std::chrono::steady_clock::time_point>;
Result<Unit> add_bindings(Files& files, const std::string& dir, const std::vector<Binding>& entries,
                          LockDeadline deadline = std::nullopt);
Result<Unit> add_wwids(const std::string& dir, const std::vector<std::string>& wwids);
Result<Unit> add_wwids(Files& files, const std::string& dir, const std::vector<std::string>& wwids,
                       LockDeadline deadline = std::nullopt);

// Marks `wwids` removed in `dir`/wwids under the same lock (remove_wwids);
// nothing is written when none is listed.
Result<Unit> remove_wwids(Files& files, const std::string& dir, const std::vector<std::string>& wwids);

}  // namespace mpb
