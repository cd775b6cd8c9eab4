// SPDX-License-Identifier: GPL-2.0-or-later
#include "sys/dm.hh"

#include <libdevmapper.h>

#include <cstdarg>
#include <cstdio>

#include "core/text.hh"
#include "sys/dynlib.hh"

namespace mpb {

namespace {

// libdevmapper, loaded when a command first talks to device-mapper (dynlib.hh).
struct DmLib {
#define MPB_DM_FUNCTIONS(X)                                                                       \
    X(dm_task_create) X(dm_task_destroy) X(dm_task_set_name) X(dm_task_set_uuid) X(dm_task_run)  \
    X(dm_task_get_info) X(dm_task_get_uuid) X(dm_task_get_names) X(dm_get_next_target)          \
    X(dm_task_add_target) X(dm_task_set_cookie) X(dm_udev_wait) X(dm_udev_set_sync_support)      \
    X(dm_log_with_errno_init) X(dm_task_set_newname) X(dm_task_set_message) X(dm_task_set_sector) \
    X(dm_get_library_version)
    MPB_DM_FUNCTIONS(MPB_DYNLIB_POINTER)
};

constexpr const char* dm_soname = "libdevmapper.so.1.02.1";

Result<DmLib> load_dm_lib()
{
    return load_library<DmLib>(dm_soname, [](void* handle, DmLib& table, std::string& missing) {
        MPB_DM_FUNCTIONS(MPB_DYNLIB_LOAD)
    });
}

// Loaded once per process; the handle stays open until exit.
const Result<DmLib>& dm_lib()
{
    static const Result<DmLib> lib = load_dm_lib();
    return lib;
}

const DmLib& dm() { return dm_lib().value(); }

// libdevmapper reports failures through its log callback, not return
// values; the last error message becomes the reason of the failed call.
std::string last_dm_error;

void capture_log(int level, const char* /*file*/, int /*line*/, int /*dm_errno*/, const char* f, ...)
{
    if ((level & 7) > 3)  // _LOG_ERR is 3; less urgent messages are noise here
        return;
    char buf[512];
    va_list ap;
    va_start(ap, f);
    std::vsnprintf(buf, sizeof buf, f, ap);
    va_end(ap);
    last_dm_error = buf;
}

struct TaskDeleter {
    void operator()(dm_task* t) const { dm().dm_task_destroy(t); }
};
using Task = std::unique_ptr<dm_task, TaskDeleter>;

std::string failure(const std::string& what)
{
    std::string why = last_dm_error.empty() ? "device-mapper call failed" : last_dm_error;
    last_dm_error.clear();
    return what + ": " + why;
}

Task named_task(int type, const std::string& name)
{
    Task t(dm().dm_task_create(type));
    if (t && !dm().dm_task_set_name(t.get(), name.c_str()))
        t.reset();
    return t;
}

// All targets of a table or status reply, one "START LENGTH TYPE PARAMS" line each.
std::string targets_text(dm_task* t)
{
    std::string text;
    void* next = nullptr;
    do {
        uint64_t start = 0, length = 0;
        char* type = nullptr;
        char* params = nullptr;
        next = dm().dm_get_next_target(t, next, &start, &length, &type, &params);
        if (!type)
            break;
        if (!text.empty())
            text += "\n";
        text += std::to_string(start) + " " + std::to_string(length) + " " + type;
        if (params && *params)
            text += std::string(" ") + params;
    } while (next);
    return text;
}

Result<DmMap> read_map(const std::string& name)
{
    using R = Result<DmMap>;
    Task t = named_task(DM_DEVICE_TABLE, name);
    if (!t || !dm().dm_task_run(t.get()))
        return R::fail(failure("reading the table of " + name));
    dm_info info{};
    if (!dm().dm_task_get_info(t.get(), &info) || !info.exists)
        return R::fail(name + ": gone while being read");
    DmMap m;
    m.name = name;
    const char* uuid = dm().dm_task_get_uuid(t.get());
    m.uuid = uuid ? uuid : "";
    m.devt = {info.major, info.minor};
    m.open_count = info.open_count;
    m.read_only = info.read_only != 0;
    m.table = targets_text(t.get());
    if (split_words(m.table).size() > 2 && split_words(m.table)[2] == "multipath") {
        Task s = named_task(DM_DEVICE_STATUS, name);
        if (s && dm().dm_task_run(s.get()))
            m.status = targets_text(s.get());
    }
    return R::ok(std::move(m));
}

struct TableLine {
    uint64_t start = 0, length = 0;
    std::string type, params;
};

Result<TableLine> parse_line(const std::string& table)
{
    auto w = split_words(table);
    long long start = 0, length = 0;
    if (w.size() < 3 || !parse_int(w[0], start) || !parse_int(w[1], length) || start < 0 || length <= 0)
        return Result<TableLine>::fail("malformed table " + quoted(table));
    auto type_at = table.find(w[2], w[0].size() + w[1].size());
    std::string params(trim(table.substr(type_at + w[2].size())));
    return Result<TableLine>::ok({static_cast<uint64_t>(start), static_cast<uint64_t>(length), w[2], params});
}

uint16_t udev_flags(DmChange c)
{
    uint16_t f = 0;
    if (c.reload)
        f |= DM_SUBSYSTEM_UDEV_FLAG0;
    if (c.skip_kpartx)
        f |= DM_SUBSYSTEM_UDEV_FLAG1;
    return f;
}

class LiveDm : public DmOps {
public:
    LiveDm()
    {
        if (!dm_lib())
            return;
        dm().dm_log_with_errno_init(capture_log);
        dm().dm_udev_set_sync_support(1);
    }

    ~LiveDm() override { wait_for_udev(); }
    LiveDm(const LiveDm&) = delete;
    LiveDm& operator=(const LiveDm&) = delete;

    // libdevmapper counts the tasks of one cookie: udev releases it once
    // it has run the rules of every event the cookie was given to.
    void wait_for_udev() override
    {
        if (batch_cookie_ == 0)
            return;
        dm().dm_udev_wait(batch_cookie_);
        batch_cookie_ = 0;
    }

    Result<std::vector<DmMap>> list() override
    {
        using R = Result<std::vector<DmMap>>;
        if (!dm_lib())
            return R::fail(dm_lib().error());
        Task t(dm().dm_task_create(DM_DEVICE_LIST));
        if (!t || !dm().dm_task_run(t.get()))
            return R::fail(failure("listing device-mapper maps"));
        std::vector<DmMap> maps;
        dm_names* n = dm().dm_task_get_names(t.get());
        if (!n || !n->dev)
            return R::ok(maps);
        for (;;) {
            auto m = read_map(n->name);
            if (m)
                maps.push_back(std::move(m.value()));  // a map removed meanwhile is skipped
            if (!n->next)
                break;
            n = reinterpret_cast<dm_names*>(reinterpret_cast<char*>(n) + n->next);
        }
        return R::ok(std::move(maps));
    }

    Result<DevT> create(const std::string& name, const std::string& uuid, const std::string& table,
                        DmChange change) override
    {
        using R = Result<DevT>;
        if (!dm_lib())
            return R::fail(dm_lib().error());
        auto line = parse_line(table);
        if (!line)
            return R::fail(name + ": " + line.error());
        Task t = named_task(DM_DEVICE_CREATE, name);
        if (!t || !dm().dm_task_set_uuid(t.get(), uuid.c_str()) ||
            !dm().dm_task_add_target(t.get(), line->start, line->length, line->type.c_str(),
                                line->params.c_str()) ||
            !run_synced(t.get(), change))
            return R::fail(failure("creating " + name));
        dm_info info{};
        if (!dm().dm_task_get_info(t.get(), &info))
            return R::fail(failure("creating " + name));
        return R::ok(DevT{info.major, info.minor});
    }

    Result<Unit> reload(const std::string& name, const std::string& table, DmChange change) override
    {
        using R = Result<Unit>;
        if (!dm_lib())
            return R::fail(dm_lib().error());
        auto line = parse_line(table);
        if (!line)
            return R::fail(name + ": " + line.error());
        Task load = named_task(DM_DEVICE_RELOAD, name);
        if (!load || !dm().dm_task_add_target(load.get(), line->start, line->length, line->type.c_str(),
                                         line->params.c_str()) ||
            !dm().dm_task_run(load.get()))
            return R::fail(failure("loading the new table of " + name));
        Task resume = named_task(DM_DEVICE_RESUME, name);
        if (!resume || !run_synced(resume.get(), change))
            return R::fail(failure("resuming " + name));
        return R::ok({});
    }

    Result<Unit> rename(const std::string& name, const std::string& new_name, DmChange change) override
    {
        using R = Result<Unit>;
        if (!dm_lib())
            return R::fail(dm_lib().error());
        Task t = named_task(DM_DEVICE_RENAME, name);
        if (!t || !dm().dm_task_set_newname(t.get(), new_name.c_str()) || !run_synced(t.get(), change))
            return R::fail(failure("renaming " + name + " to " + new_name));
        return R::ok({});
    }

    Result<Unit> message(const std::string& name, const std::string& text) override
    {
        using R = Result<Unit>;
        if (!dm_lib())
            return R::fail(dm_lib().error());
        Task t = named_task(DM_DEVICE_TARGET_MSG, name);
        if (!t || !dm().dm_task_set_sector(t.get(), 0) || !dm().dm_task_set_message(t.get(), text.c_str()) ||
            !dm().dm_task_run(t.get()))
            return R::fail(failure("sending \"" + text + "\" to " + name));
        return R::ok({});
    }

private:
    // Runs `t` with a udev cookie: its own, waited for here, so callers see
    // the device node and the udev database entry; or the batch's.
    bool run_synced(dm_task* t, DmChange change)
    {
        uint32_t own = 0;
        uint32_t* cookie = change.wait ? &own : &batch_cookie_;
        if (!dm().dm_task_set_cookie(t, cookie, udev_flags(change)))
            return false;
        bool ok = dm().dm_task_run(t) != 0;
        if (change.wait)
            dm().dm_udev_wait(own);
        return ok;
    }

    uint32_t batch_cookie_ = 0;  // 0: no batch under way
};

}  // namespace

std::unique_ptr<DmOps> live_dm() { return std::make_unique<LiveDm>(); }

Result<std::string> dm_library_version()
{
    if (!dm_lib())
        return Result<std::string>::fail(dm_lib().error());
    char version[128] = "";
    if (!dm().dm_get_library_version(version, sizeof version))
        return Result<std::string>::fail(std::string(dm_soname) + ": dm_get_library_version failed");
    return Result<std::string>::ok(version);
}

}  // namespace mpb
