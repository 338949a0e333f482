// Clause service.complaint: complaint tickets are dispatched within 60 minutes of being received
// (kind dispatch_deadline).
#include "rules/dispatch_deadline.hpp"

#include "support.hpp"

using namespace rulebook;
using test::judged;

namespace {
/// The complaint-dispatch rule as the customer-service rulebook writes it, alone, with the
/// vocabulary of `test::org`.
auto dispatch_policy() -> const policy& {
  static const policy p = test::policy_of(R"(
policy: {name: complaint-dispatch}
)" + test::department_vocabulary + R"(rules:
  - id: complaint-dispatch
    clause: service.complaint
    kind: dispatch_deadline
    within: 60min
    effect: violation
)");
  return p;
}

const std::string march = test::org + "period: {from: 2026-03-01, to: 2026-03-31}\ntickets:\n";
}  // namespace

TEST_SUITE("rules/dispatch_deadline") {
  TEST_CASE("service.complaint: dispatched 60 minutes after receipt is in time") {
    judged j(march + "  - {id: T1, receiver: E001, received_at: 2026-03-02T09:00, dispatched_at: 2026-03-02T10:00}\n",
             dispatch_policy());
    CHECK(j.conduct("complaint-dispatch").empty());
  }

  TEST_CASE("service.complaint: dispatched 61 minutes after receipt is a violation for the receiver") {
    judged j(march + "  - {id: T1, receiver: E001, received_at: 2026-03-02T09:00, dispatched_at: 2026-03-02T10:01}\n",
             dispatch_policy());
    const auto f = j.conduct("complaint-dispatch");
    REQUIRE(f.size() == 1);
    CHECK(f[0].effect == effect::violation);
    CHECK(j.v.rule_of(f[0]).header().clause == "service.complaint");
    CHECK(f[0].subject.employee == j.c.find_person("E001"));
    CHECK(std::get<std::string>(*f[0].find("ticket")) == "T1");
    CHECK(f[0].number("dispatch_minutes") == 61);
    CHECK(f[0].number("limit_minutes") == 60);
    CHECK(j.message(f[0]) == "E001 dispatched complaint ticket T1 61 minutes after receiving it (limit 60 minutes).");
    CHECK(j.message(f[0], lang::zh) == "张三（E001）受理的投诉单T1在61分钟后才派发（须在60分钟内派发）。");
  }

  TEST_CASE("service.complaint: half a minute over the hour is already over it") {
    judged j(march +
                 "  - {id: T1, receiver: E001, received_at: 2026-03-02T09:00, dispatched_at: 2026-03-02T10:00:30}\n",
             dispatch_policy());
    REQUIRE(j.conduct("complaint-dispatch").size() == 1);
    CHECK(j.conduct("complaint-dispatch")[0].effect == effect::violation);
  }

  TEST_CASE("service.complaint: a ticket never dispatched is a violation") {
    judged j(march + "  - {id: T2, receiver: E002, received_at: 2026-03-31T23:30}\n", dispatch_policy());
    const auto f = j.conduct("complaint-dispatch");
    REQUIRE(f.size() == 1);
    CHECK(f[0].effect == effect::violation);
    CHECK(f[0].subject.employee == j.c.find_person("E002"));
    CHECK(f[0].find("dispatch_minutes") == nullptr);
    CHECK(f[0].find("dispatched_at") == nullptr);
    CHECK(f[0].number("limit_minutes") == 60);
    CHECK(j.message(f[0]) ==
          "E002 received complaint ticket T2 at 2026-03-31T23:30 and never dispatched it (limit 60 minutes).");
    CHECK(j.message(f[0], lang::zh) == "李四（E002）于2026年3月31日 23:30受理的投诉单T2未派发（须在60分钟内派发）。");
  }

  TEST_CASE("service.complaint: a ticket received outside the period is not judged") {
    judged j(march + "  - {id: T0, receiver: E001, received_at: 2026-02-28T23:30}\n"
                     "  - {id: T4, receiver: E001, received_at: 2026-04-01T00:00, dispatched_at: 2026-04-01T05:00}\n"
                     "  - {id: T3, receiver: E001, received_at: 2026-03-31T22:00, dispatched_at: 2026-04-01T00:30}\n",
             dispatch_policy());
    const auto f = j.conduct("complaint-dispatch");
    REQUIRE(f.size() == 1);
    CHECK(std::get<std::string>(*f[0].find("ticket")) == "T3");
    CHECK(f[0].number("dispatch_minutes") == 150);
  }

  TEST_CASE("service.complaint: each late ticket is its own finding, in time order") {
    judged j(march + "  - {id: T9, receiver: E002, received_at: 2026-03-05T09:00, dispatched_at: 2026-03-05T12:00}\n"
                     "  - {id: T8, receiver: E001, received_at: 2026-03-03T09:00}\n"
                     "  - {id: T7, receiver: E001, received_at: 2026-03-04T09:00, dispatched_at: 2026-03-04T09:59}\n",
             dispatch_policy());
    const auto f = j.conduct("complaint-dispatch");
    REQUIRE(f.size() == 2);
    CHECK(std::get<std::string>(*f[0].find("ticket")) == "T8");
    CHECK(std::get<std::string>(*f[1].find("ticket")) == "T9");
    CHECK(f[1].number("dispatch_minutes") == 180);
  }

  // Minutes are rounded down as everywhere, so a ticket dispatched 60min30s after receipt would
  // read "60 minutes (limit 60 minutes)": the seconds show why it is over.
  TEST_CASE("service.complaint: the evidence of a late ticket shows it over the limit") {
    judged j(march +
                 "  - {id: T1, receiver: E001, received_at: 2026-03-02T09:00, dispatched_at: 2026-03-02T10:00:30}\n",
             dispatch_policy());
    const auto f = j.conduct("complaint-dispatch");
    REQUIRE(f.size() == 1);
    CHECK(f[0].number("dispatch_seconds") > f[0].number("limit_minutes") * 60);
    CHECK(j.message(f[0]) ==
          "E001 dispatched complaint ticket T1 60 minutes 30 seconds after receiving it (limit 60 minutes).");
    CHECK(j.message(f[0], lang::zh) == "张三（E001）受理的投诉单T1在60分钟30秒后才派发（须在60分钟内派发）。");
  }
}
