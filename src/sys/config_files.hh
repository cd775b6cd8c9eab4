// Reading multipath.conf, conf.d and the state files from disk into the
// core's text-in types.
#pragma once

#include <string>

#include "core/bindings.hh"
#include "core/config.hh"
#include "core/wwids.hh"
#include "sys/safe_write.hh"

namespace mpb {

// The main file (missing is fine: built-in defaults), then every *.conf in
// `conf_dir` in sorted order. An unreadable file is an error and the result
// holds the built-in defaults only.
Config read_config(const std::string& main_file, const std::string& conf_dir);

struct StateFiles {
    BindingsTable bindings;
    WwidsTable wwids;
    bool bindings_readable = true;  // false: no new friendly names may be handed out
    Diagnostics problems;
};

// `dir`/bindings and `dir`/wwids; missing files are empty tables.
StateFiles read_state(const std::string& dir);

// Add entries to `dir`/bindings and `dir`/wwids through the safe writer
// (lock, temp + fsync + rename, mode 0600), keeping every existing line;
// a missing file is created with multipath-tools' header. A file that
// exists but cannot be read is never replaced.
Result<Unit> add_bindings(const std::string& dir, const std::vector<Binding>& entries);
Result<Unit> add_wwids(const std::string& dir, const std::vector<std::string>& wwids);

}  // namespace mpb
