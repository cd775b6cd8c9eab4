// SPDX-License-Identifier: GPL-2.0-or-later
#include "sys/file_views.hh"

namespace mpb {

Result<std::optional<std::string>> RecordingSource::read(const std::string& path) const
{
    auto r = base_.read(path);
    if (r && r.value())
        record_[prefix_ + path] = **r;
    // The error names the file as the replay would: "PREFIX/PATH: REASON".
    const std::string base_name = base_.shown(path);
    if (!r && r.error().starts_with(base_name))
        return Result<std::optional<std::string>>::fail(shown(path) + r.error().substr(base_name.size()));
    return r;
}

Result<std::vector<std::string>> RecordingSource::names(const std::string& dir) const
{
    return base_.names(dir);
}

}  // namespace mpb
