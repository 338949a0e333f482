// Clause leave.6: leave from a night shift is asked for before 12:00 the day it starts (kind deadline)
// and is effective only with a manager's approval (kind blackout).
#include "rules/deadline.hpp"

#include "support.hpp"

using namespace rulebook;
using test::judged;
using test::with_request;

namespace {
/// The two night-shift rules of the customer-service rulebook (leave.6), with the vocabulary of
/// `test::org` and `test::roster`.
auto night_policy() -> const policy& {
  static const policy p = test::policy_of(R"(
policy: {name: night-leave}
)" + test::department_vocabulary + R"(rules:
  - id: night-leave-deadline
    clause: leave.6
    kind: deadline
    when: {request: leave, shift_kind: night}
    time: "12:00"
    days_before: 0
    effect: reject
  - id: night-leave-approval
    clause: leave.6
    kind: blackout
    when: {request: leave, shift_kind: night}
    effect: needs_approval
    approver: [department_director, center_director]
)");
  return p;
}

auto night_leave(const std::string& submitted_at, const std::string& extra = "") -> std::string {
  return "{id: R1, type: leave, kind: personal, employee: E001, submitted_by: E001, submitted_at: " + submitted_at +
         ", shifts: [SN]" + extra + "}";
}
}  // namespace

TEST_SUITE("rules/deadline") {
  // Judges both leave.6 rules together, the deadline (kind deadline) and the approval (kind blackout).
  TEST_CASE("leave.6: night-shift leave asked at or after 12:00 on the day the shift starts is rejected") {
    SUBCASE("11:59: not rejected, but needs a manager's approval") {
      judged j(with_request(night_leave("2026-03-04T11:59")), night_policy());
      CHECK(j.findings_of("R1", "night-leave-deadline").empty());
      const auto f = j.findings_of("R1", "night-leave-approval");
      REQUIRE(f.size() == 1);
      CHECK(f[0].effect == effect::needs_approval);
      CHECK(j.v.rule_of(f[0]).header().clause == "leave.6");
      CHECK(j.decision_of("R1") == decision::pending);
    }
    SUBCASE("12:00: rejected, citing leave.6") {
      judged j(with_request(night_leave("2026-03-04T12:00")), night_policy());
      const auto f = j.findings_of("R1", "night-leave-deadline");
      REQUIRE(f.size() == 1);
      CHECK(f[0].effect == effect::reject);
      CHECK(j.decision_of("R1") == decision::rejected);
      CHECK(j.message(f[0]) ==
            "Personal leave touching shift SN had to be submitted before 2026-03-04T12:00; it was submitted at "
            "2026-03-04T12:00.");
    }
    SUBCASE("asked days ahead and approved by the department director: approved") {
      judged j(
          with_request(night_leave("2026-03-01T09:00",
                                   ", approvals: [{by: L01, at: 2026-03-01T10:00}, {by: D01, at: 2026-03-01T11:00}]")),
          night_policy());
      CHECK(j.decision_of("R1") == decision::approved);
    }
    SUBCASE("a day shift has no deadline") {
      judged j(
          with_request(
              "{id: R1, type: leave, kind: personal_special, employee: E001, submitted_by: E001, submitted_at: 2026-03-03T06:00, shifts: [S2]}"),
          night_policy());
      CHECK(j.findings_of("R1", "night-leave-deadline").empty());
      CHECK(j.findings_of("R1", "night-leave-approval").empty());
    }
  }

  TEST_CASE("CONTRACT §2: a shift with no kind is night when it crosses midnight or starts at 20:00 or later") {
    auto night = [](const std::string& start, const std::string& end) {
      shift s;
      s.start = *parse_time_point(start);
      s.end = *parse_time_point(end);
      return s.is_night();
    };
    CHECK(night("2026-03-02T20:00", "2026-03-02T23:00"));
    CHECK_FALSE(night("2026-03-02T19:59", "2026-03-02T23:59"));
    CHECK(night("2026-03-02T18:00", "2026-03-03T00:30"));
  }
}
