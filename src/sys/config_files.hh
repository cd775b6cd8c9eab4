// Reading multipath.conf, conf.d and the state files from disk into the
// core's text-in types.
#pragma once

#include <string>

#include "core/bindings.hh"
#include "core/config.hh"
#include "core/wwids.hh"

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

}  // namespace mpb
