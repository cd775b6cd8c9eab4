// SPDX-License-Identifier: GPL-2.0-or-later
// Errors as values: a Result holds either a value or a one-line reason.
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace mpb {

template <class T>
class Result {
public:
    static Result ok(T v) { Result r; r.value_ = std::move(v); return r; }
    static Result fail(std::string why) { Result r; r.error_ = std::move(why); return r; }

    bool has_value() const { return value_.has_value(); }
    explicit operator bool() const { return has_value(); }
    const T& value() const { return *value_; }
    T& value() { return *value_; }
    const T& operator*() const { return *value_; }
    T& operator*() { return *value_; }
    const T* operator->() const { return &*value_; }
    T* operator->() { return &*value_; }
    // Empty when has_value().
    const std::string& error() const { return error_; }

private:
    std::optional<T> value_;
    std::string error_;
};

}  // namespace mpb
