// Clause service.callback: the customer of a resolved case is reached within 72 hours, unless the
// case is closed for a wrong contact or as unreachable after at least 3 failed attempts
// (kind callback_deadline).
#include "rules/callback_deadline.hpp"

#include "support.hpp"

using namespace rulebook;
using test::judged;

namespace {
/// The callback rule as the customer-service rulebook writes it, alone, with the vocabulary of
/// `test::org`.
auto callback_policy() -> const policy& {
  static const policy p = test::policy_of(R"(
policy: {name: callback}
)" + test::department_vocabulary + R"(rules:
  - id: callback
    clause: service.callback
    kind: callback_deadline
    within: 72h
    closable: {wrong_contact: 0, unreachable: 3}
    effect: violation
)");
  return p;
}

const std::string march = test::org + "period: {from: 2026-03-01, to: 2026-03-31}\ncallbacks:\n";

/// Case C1 of E003, resolved 2 March at noon, with `rest` (attempts, closed).
auto callback(const std::string& rest) -> std::string {
  return march + "  - {case: C1, agent: E003, resolved_at: 2026-03-02T12:00" + rest + "}\n";
}
const std::string two_failed =
    ", attempts: [{at: 2026-03-02T14:00, reached: false}, {at: 2026-03-03T10:00, reached: false}]";
const std::string three_failed =
    ", attempts: [{at: 2026-03-02T14:00, reached: false}, {at: 2026-03-03T10:00, reached: false}, "
    "{at: 2026-03-04T10:00, reached: false}]";
}  // namespace

TEST_SUITE("rules/callback_deadline") {
  TEST_CASE("service.callback: reached at exactly 72 hours is in time") {
    judged j(callback(", attempts: [{at: 2026-03-03T10:00, reached: false}, {at: 2026-03-05T12:00, reached: true}]"),
             callback_policy());
    CHECK(j.conduct("callback").empty());
  }

  TEST_CASE("service.callback: reached at 72 hours and a minute is a violation for the agent") {
    judged j(callback(", attempts: [{at: 2026-03-03T10:00, reached: false}, {at: 2026-03-05T12:01, reached: true}]"),
             callback_policy());
    const auto f = j.conduct("callback");
    REQUIRE(f.size() == 1);
    CHECK(f[0].effect == effect::violation);
    CHECK(j.v.rule_of(f[0]).header().clause == "service.callback");
    CHECK(f[0].subject.employee == j.c.find_person("E003"));
    CHECK(std::get<std::string>(*f[0].find("case")) == "C1");
    CHECK(f[0].number("callback_minutes") == 72 * 60 + 1);
    CHECK(f[0].number("failed_attempts") == 1);
    CHECK(format_time_point(std::get<time_point>(*f[0].find("deadline"))) == "2026-03-05T12:00");
    CHECK(j.message(f[0]) ==
          "E003 reached the customer of case C1 at 2026-03-05T12:01, after the 72h deadline of 2026-03-05T12:00.");
    CHECK(j.message(f[0], lang::zh) ==
          "E003于2026年3月5日 12:01才回访到回访单C1的用户，超过了72小时的期限（2026年3月5日 12:00）。");
  }

  TEST_CASE("service.callback: closed as a wrong contact needs no attempt") {
    judged j(callback(", attempts: [], closed: wrong_contact"), callback_policy());
    CHECK(j.conduct("callback").empty());
  }

  TEST_CASE("service.callback: closed as unreachable needs at least 3 failed attempts") {
    SUBCASE("after 2: a violation, naming the attempts needed") {
      judged j(callback(two_failed + ", closed: unreachable"), callback_policy());
      const auto f = j.conduct("callback");
      REQUIRE(f.size() == 1);
      CHECK(f[0].effect == effect::violation);
      CHECK(f[0].number("failed_attempts") == 2);
      CHECK(f[0].number("failed_attempts_needed") == 3);
      CHECK(std::get<std::string>(*f[0].find("closed")) == "unreachable");
      CHECK(j.message(f[0]) == "E003 closed case C1 as unreachable after 2 failed attempt(s); at least 3 are needed.");
      CHECK(j.message(f[0], lang::zh) == "E003在2次联系不上后即将回访单C1以联系不上结案，须至少联系3次。");
    }
    SUBCASE("after 3: closed in order") {
      judged j(callback(three_failed + ", closed: unreachable"), callback_policy());
      CHECK(j.conduct("callback").empty());
    }
    SUBCASE("3 failed attempts do not excuse a case that was not closed") {
      judged j(callback(three_failed), callback_policy());
      REQUIRE(j.conduct("callback").size() == 1);
      CHECK(j.conduct("callback")[0].number("failed_attempts") == 3);
    }
  }

  TEST_CASE("service.callback: not closed, 5 failed attempts and no success is a violation") {
    judged j(callback(", attempts: [{at: 2026-03-02T13:00, reached: false}, {at: 2026-03-02T16:00, reached: false}, "
                      "{at: 2026-03-03T10:00, reached: false}, {at: 2026-03-04T10:00, reached: false}, "
                      "{at: 2026-03-05T10:00, reached: false}]"),
             callback_policy());
    const auto f = j.conduct("callback");
    REQUIRE(f.size() == 1);
    CHECK(f[0].effect == effect::violation);
    CHECK(f[0].number("failed_attempts") == 5);
    CHECK(f[0].find("closed") == nullptr);
    CHECK(f[0].find("reached_at") == nullptr);
    CHECK(
        j.message(f[0]) ==
        "E003 did not reach the customer of case C1 within 72h of its resolution (by 2026-03-05T12:00); 5 failed attempt(s).");
    CHECK(j.message(f[0], lang::zh) ==
          "E003未在处理结果72小时内（即2026年3月5日 12:00前）回访到回访单C1的用户；联系失败5次。");
  }

  TEST_CASE("service.callback: a case resolved outside the period is not judged") {
    judged j(march + "  - {case: C0, agent: E003, resolved_at: 2026-02-28T12:00}\n"
                     "  - {case: C2, agent: E003, resolved_at: 2026-04-01T00:00}\n"
                     "  - {case: C3, agent: E003, resolved_at: 2026-03-31T23:00}\n",
             callback_policy());
    const auto f = j.conduct("callback");
    REQUIRE(f.size() == 1);
    CHECK(std::get<std::string>(*f[0].find("case")) == "C3");
    CHECK(f[0].number("failed_attempts") == 0);
  }

  // A call before the case was resolved is not a callback: in a case file it is an input error;
  // in a case built in code it does not count, so three failed calls a month earlier do not let
  // the case be closed as unreachable.
  TEST_CASE("service.callback: an attempt before the resolution is an input error of the case file") {
    CHECK(test::case_errors(callback(", closed: unreachable, attempts: [{at: 2026-02-01T10:00, reached: false}]"),
                            callback_policy()) ==
          std::vector<std::string>{"case.yaml:12:97: callback attempt at 2026-02-01T10:00 is before case `C1` was "
                                   "resolved at 2026-03-02T12:00"});
  }
  TEST_CASE("service.callback: attempts before the resolution are not callbacks and do not allow closing") {
    auto c = test::case_of(callback(", closed: unreachable"), callback_policy());
    for (int day = 1; day <= 3; ++day) {
      c.callbacks[0].attempts.push_back({*parse_time_point("2026-02-0" + std::to_string(day) + "T10:00"), false});
    }
    const auto v = judge(callback_policy(), c);
    REQUIRE(v.findings.size() == 1);
    CHECK(v.rule_of(v.findings[0]).header().id == "callback");
    CHECK(v.findings[0].number("failed_attempts") == 0);
    CHECK(v.findings[0].number("failed_attempts_needed") == 3);
  }
  TEST_CASE("a close reason the contract does not know is an input error with a did-you-mean") {
    CHECK(test::case_errors(callback(", closed: unreachabel"), callback_policy()) ==
          std::vector<std::string>{"case.yaml:12:68: `closed` is `wrong_contact`, `unreachable` or null, not "
                                   "`unreachabel`: did you mean `unreachable`?"});
  }
}
