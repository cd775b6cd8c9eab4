// SPDX-License-Identifier: GPL-2.0-or-later
// The rules behind diagnose's findings: one function per code, each
// returning the findings of that code, with a cause and a remedy.
#pragma once

#include <vector>

#include "core/diagnosis.hh"
#include "core/volumes.hh"

namespace mpb {

struct FindingContext {
    const DiagnoseInput& in;
    const std::vector<Volume>& volumes;
    const RootReport& root;
    const std::vector<Difference>& differences;
};

// Every finding, most likely cause first (sort_findings).
std::vector<Finding> find_problems(const FindingContext& c);

}  // namespace mpb
