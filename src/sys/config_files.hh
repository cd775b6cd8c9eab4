// Reading multipath.conf, conf.d and the state files from disk into the
// core's text-in types.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/bindings.hh"
#include "core/boot_settings.hh"
#include "core/config.hh"
#include "core/wwids.hh"
#include "sys/safe_write.hh"

namespace mpb {

// Where read_config and read_state find files: the host's file system, or
// the real root's tree before switch-root (sysroot_files.hh).
class FileSource {
public:
    virtual ~FileSource() = default;
    // The text of `path`; nullopt when there is no such file. Fails with
    // "PATH: REASON", PATH as shown() names it.
    virtual Result<std::optional<std::string>> read(const std::string& path) const = 0;
    // The entries of directory `dir`, unsorted; none when it does not exist.
    virtual Result<std::vector<std::string>> names(const std::string& dir) const = 0;
    // `path` as messages name it.
    virtual std::string shown(const std::string& path) const = 0;
};

// The host's files, by their paths.
const FileSource& host_files();

// The main file (missing is fine: built-in defaults), then every *.conf in
// `conf_dir` in sorted order. An unreadable file is an error and the result
// holds the built-in defaults only.
Config read_config(const std::string& main_file, const std::string& conf_dir);
Config read_config(const FileSource& files, const std::string& main_file, const std::string& conf_dir);

// mpath-boot's own settings (/etc/mpath-boot.conf). A missing file means
// the built-in defaults, silently; an unreadable one, the defaults and an
// error diagnostic.
BootSettings read_boot_settings(const std::string& path);

struct StateFiles {
    BindingsTable bindings;
    WwidsTable wwids;
    bool bindings_readable = true;  // false: no new friendly names may be handed out
    Diagnostics problems;
};

// `dir`/bindings and `dir`/wwids; missing files are empty tables.
StateFiles read_state(const std::string& dir);
StateFiles read_state(const FileSource& files, const std::string& dir);

// Add entries to `dir`/bindings and `dir`/wwids through the safe writer
// (lock, temp + fsync + rename, mode 0600), keeping every existing line;
// a missing file is created with multipath-tools' header. A file that
// exists but cannot be read is never replaced.
Result<Unit> add_bindings(const std::string& dir, const std::vector<Binding>& entries);
Result<Unit> add_wwids(const std::string& dir, const std::vector<std::string>& wwids);

}  // namespace mpb
