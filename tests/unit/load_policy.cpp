// Bad policy input: every error with its place, collected together; the shipped policy is valid.
#include <rulebook/policy.hpp>

#include "support.hpp"

#include <chrono>
#include <fstream>
#include <future>
#include <memory>
#include <thread>

using namespace rulebook;
using strings = std::vector<std::string>;

namespace {
auto policy_errors(const std::vector<policy_text>& texts) -> strings {
  std::vector<load_issue> issues;
  (void)parse_policy(texts, issues);
  strings out;
  for (const auto& i : issues) out.push_back(to_string(i));
  return out;
}
auto policy_errors(const std::string& rules) -> strings {
  return policy_errors({{"p.yaml", "policy: {name: p}\nvocabulary: {roles: [agent, department_director], "
                                   "leave_kinds: [personal, sick]}\nrules:\n" +
                                       rules}});
}
// The errors of compiling `text`, or nothing when that takes longer than `seconds` (the thread is
// left behind: a regression to a hang fails the test instead of hanging the suite).
auto policy_errors_within(int seconds, std::string text) -> std::optional<strings> {
  auto done = std::make_shared<std::promise<strings>>();
  auto result = done->get_future();
  std::thread([done, text = std::move(text)] { done->set_value(policy_errors({{"p.yaml", text}})); }).detach();
  if (result.wait_for(std::chrono::seconds(seconds)) != std::future_status::ready) {
    FAIL_CHECK("compiling the policy did not finish within " << seconds << " s");
    return std::nullopt;
  }
  return result.get();
}
}  // namespace

TEST_SUITE("load_policy") {
  TEST_CASE("a duplicate key is one error: the file is not read further") {
    // Reading on would report the second key again as unknown ("did you mean `version`?"), or
    // keep the first `roles:` and report every label and approver of the second as unknown.
    CHECK(policy_errors({{"p.yaml", "policy: {name: p}\npolicy: {name: q}\nrules: []\n"}}) ==
          strings{"p.yaml:2:1: duplicate key `policy`"});
    CHECK(policy_errors({{"p.yaml", "policy:\n  name: p\n  version: 1\n  version: 2\nrules:\n"
                                    "  - {id: r, clause: leave.8, kind: duration_treshold, effect: violation}\n"}}) ==
          strings{"p.yaml:4:3: duplicate key `version`"});
    CHECK(policy_errors({{"p.yaml", "policy: {name: p}\nvocabulary:\n  roles: [agent]\n  roles: [agent, boss]\n"
                                    "rules:\n  - {id: r, clause: c, kind: count_cap, approver: boss}\n"}}) ==
          strings{"p.yaml:4:3: duplicate key `roles`"});
  }
  TEST_CASE("an unknown rule kind is an error with a did-you-mean hint") {
    CHECK(policy_errors("  - {id: r, clause: leave.8, kind: duration_treshold, effect: violation}\n") ==
          strings{
              "p.yaml:4:36: unknown rule kind `duration_treshold` in rule `r`: did you mean `duration_threshold`?"});
  }
  TEST_CASE("an unknown parameter of a kind is an error with a did-you-mean hint") {
    CHECK(policy_errors("  - {id: r, clause: leave.2, kind: notice_period, notic: 24h, effect: reject}\n") ==
          strings{"p.yaml:4:5: missing key `notice` in rule `r`",
                  "p.yaml:4:51: unknown key `notic` in rule `r`: did you mean `notice`?"});
  }
  TEST_CASE("a duration needs a unit and cannot be negative") {
    CHECK(policy_errors("  - {id: r, clause: leave.2, kind: notice_period, notice: 24, effect: reject}\n") ==
          strings{"p.yaml:4:59: `notice` of rule `r` `24` has no unit: write it like `24min`, `24h` or `24d`"});
    CHECK(policy_errors("  - {id: r, clause: leave.2, kind: notice_period, notice: -5min, effect: reject}\n") ==
          strings{"p.yaml:4:59: `notice` of rule `r` cannot be negative: `-5min`"});
  }
  TEST_CASE("an unknown effect and a missing clause are errors") {
    CHECK(policy_errors("  - {id: r, clause: leave.4, kind: in_person, effect: rejected}\n") ==
          strings{"p.yaml:4:55: unknown effect `rejected` in rule `r`: did you mean `reject`?"});
    CHECK(policy_errors("  - {id: r, kind: in_person, effect: reject}\n") ==
          strings{"p.yaml:4:5: missing key `clause` in rule `r`"});
  }
  TEST_CASE("needs_approval without an approver, or with an unknown role, is an error") {
    CHECK(policy_errors("  - {id: r, clause: leave.6, kind: blackout, effect: needs_approval}\n") ==
          strings{"p.yaml:4:5: rule `r` has the effect `needs_approval` but no `approver`"});
    CHECK(
        policy_errors(
            "  - {id: r, clause: leave.6, kind: blackout, effect: needs_approval, approver: [department_directer]}\n") ==
        strings{"p.yaml:4:80: unknown role `department_directer`: did you mean `department_director`?"});
  }
  TEST_CASE("a when: value the vocabulary does not know is an error") {
    CHECK(policy_errors(
              "  - {id: r, clause: leave.4, kind: in_person, effect: reject, when: {leave_kind: personel}}\n") ==
          strings{"p.yaml:4:82: unknown leave kind `personel`: did you mean `personal`?"});
    CHECK(policy_errors("  - {id: r, clause: leave.4, kind: in_person, effect: reject, when: {request: leaf}}\n") ==
          strings{"p.yaml:4:79: unknown request type `leaf`: did you mean `leave`?"});
  }
  TEST_CASE("a lesser threshold must be below the threshold") {
    CHECK(policy_errors(
              "  - {id: r, clause: leave.8, kind: duration_threshold, measure: late_arrival, threshold: 20min,\n"
              "     effect: violation, lesser: {threshold: 20min, effect: late}}\n") ==
          strings{"p.yaml:5:33: the `lesser` threshold of rule `r` must be below `threshold`"});
  }
  TEST_CASE("a rule id defined twice across merged files is an error naming the first") {
    const std::string rule =
        "rules:\n  - {id: lateness, clause: leave.8, kind: duration_threshold, measure: late_arrival, "
        "threshold: 20min, effect: violation}\n";
    CHECK(policy_errors({{"a.yaml", "policy: {name: a}\n" + rule}, {"b.yaml", rule}}) ==
          strings{"b.yaml:2:10: duplicate rule id `lateness`: first defined at a.yaml:3:10"});
  }
  TEST_CASE("a calendar file that does not exist is an error") {
    const auto errors = policy_errors({{"p.yaml", "policy: {name: p}\ncalendars: [no-such-calendar.yaml]\n"}});
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].rfind("p.yaml:2:13: calendar file `no-such-calendar.yaml` does not exist", 0) == 0);
  }
  TEST_CASE("a policy with errors collects them all and throws them together from the throwing form") {
    const auto errors = policy_errors("  - {id: a, clause: leave.4, kind: in_persn, effect: reject}\n"
                                      "  - {id: b, clause: leave.4, kind: in_person, effect: rejct}\n");
    CHECK(errors.size() == 2);
    CHECK_THROWS_AS((void)load_policy({"no/such/policy.yaml"}), load_error);
  }
  TEST_CASE("the shipped policy loads, and its digest follows its text") {
    const auto& p = test::shipped_policy();
    CHECK(p.name() == "customer-service");
    CHECK(p.digest().rfind("sha256:", 0) == 0);
    CHECK(p.digest().size() == 7 + 64);
    std::vector<load_issue> issues;
    const auto a = parse_policy({{"x.yaml", "policy: {name: x}\nrules: []\n"}}, issues);
    const auto b = parse_policy({{"x.yaml", "policy: {name: x}\nrules: []\n# edited\n"}}, issues);
    REQUIRE(issues.empty());
    CHECK(a.digest() != b.digest());
    CHECK(a.digest() == parse_policy({{"x.yaml", "policy: {name: x}\nrules: []\n"}}, issues).digest());
  }
  TEST_CASE("lint warns of a when: that can never match and of a rule another always shadows") {
    std::vector<load_issue> issues;
    const auto p = parse_policy(
        {{"p.yaml",
          "policy: {name: p}\nrules:\n"
          "  - {id: a, clause: leave.8, kind: duration_threshold, measure: late_arrival, threshold: 20min, effect: violation}\n"
          "  - {id: b, clause: leave.8, kind: duration_threshold, measure: late_arrival, threshold: 30min, effect: violation}\n"
          "  - {id: c, clause: leave.4, kind: in_person, effect: reject, when: {request: swap}}\n"}},
        issues);
    REQUIRE(issues.empty());
    strings warnings;
    for (const auto& w : lint_policy(p)) warnings.push_back(to_string(w));
    CHECK(warnings ==
          strings{"p.yaml:5:5: warning: `when` of rule `c` names requests that kind `in_person` never "
                  "judges: it can never match",
                  "p.yaml:4:5: warning: rule `b` is shadowed by rule `a` (p.yaml:3): whenever it fires, `a` "
                  "reports the same"});
    CHECK(lint_policy(test::shipped_policy()).empty());
  }
  TEST_CASE("a comma after a policy document is an error, not a hang") {
    CHECK(policy_errors_within(10, "policy: {name: p}\nrules: []\n,\n") ==
          strings{"p.yaml:3:1: not valid YAML: end of map not found"});
    CHECK(policy_errors_within(10, "{\"policy\": {\"name\": \"p\"}},") ==
          strings{"p.yaml:1:26: `,` after the end of the document: a file holds exactly one YAML or JSON document"});
    CHECK(policy_errors_within(10, "policy: {name: p}\n---\nrules: []\n") ==
          strings{"p.yaml:2:1: `---` after the end of the document: a file holds exactly one YAML or JSON document"});
  }
  TEST_CASE("a directory given as a policy, or named as a calendar file, is an error, not an empty policy") {
    const std::string dir = std::string(RULEBOOK_SOURCE_DIR) + "/policies";
    std::vector<load_issue> issues;
    (void)load_policy({dir}, issues);
    REQUIRE(issues.size() == 1);
    CHECK(to_string(issues[0]) == dir + ": cannot read file: it is a directory, not a file");
    const auto errors = policy_errors({{"p.yaml", "policy: {name: p}\ncalendars: [" + dir + "/calendars]\n"}});
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].rfind("p.yaml:2:13: calendar file `" + dir + "/calendars` is a directory, not a file", 0) == 0);
  }
  TEST_CASE("a policy file that cannot be read says why") {
    std::vector<load_issue> issues;
    (void)load_policy({"no/such/policy.yaml"}, issues);
    REQUIRE(issues.size() == 1);
    CHECK(to_string(issues[0]) == "no/such/policy.yaml: cannot read file: No such file or directory");
  }
  TEST_CASE("a count of days or months a kind does date arithmetic with is bounded, not an overflow") {
    const auto days = policy_errors(
        "  - {id: r, clause: leave.6, kind: deadline, time: \"12:00\", days_before: 999999999999999, effect: reject}\n");
    REQUIRE(days.size() == 1);
    CHECK(days[0].rfind("p.yaml:4:", 0) == 0);
    CHECK(days[0].find("`days_before` of rule `r`") != std::string::npos);
    CHECK(policy_errors(
              "  - {id: r, clause: leave.6, kind: deadline, time: \"12:00\", days_before: 3650, effect: reject}\n")
              .empty());
    const auto months = policy_errors("  - {id: r, clause: grade.x, kind: criteria, effect: reject,\n"
                                      "     criteria: [{measure: violations, months: 999999999999999, at_most: 0}]}\n");
    REQUIRE(months.size() == 1);
    CHECK(months[0].find("`months` of criterion 1") != std::string::npos);
    CHECK(policy_errors("  - {id: r, clause: grade.x, kind: criteria, effect: reject,\n"
                        "     criteria: [{measure: violations, months: 1200, at_most: 0}]}\n")
              .empty());
  }
  TEST_CASE("a duration past 3650 days is an error, not an overflow") {
    CHECK(policy_errors(
              "  - {id: r, clause: leave.2, kind: notice_period, notice: 100000000d100000000d, effect: reject}\n") ==
          strings{"p.yaml:4:59: `notice` of rule `r` `100000000d100000000d` is too long: a duration is at most 3650d"});
    CHECK(policy_errors("  - {id: r, clause: leave.2, kind: notice_period, notice: 3651d, effect: reject}\n") ==
          strings{"p.yaml:4:59: `notice` of rule `r` `3651d` is too long: a duration is at most 3650d"});
    CHECK(
        policy_errors(
            "  - {id: r, clause: leave.2, kind: notice_period, notice: 99999999999999999999999min, effect: reject}\n") ==
        strings{"p.yaml:4:59: `notice` of rule `r` `99999999999999999999999min` is too long: a duration is at most "
                "3650d"});
    CHECK(policy_errors("  - {id: r, clause: leave.2, kind: notice_period, notice: 3650d, effect: reject}\n").empty());
  }
  TEST_CASE("nesting, aliases and invalid UTF-8 are bounded in policies as in cases") {
    CHECK(policy_errors_within(10, "policy: " + std::string(100, '[') + std::string(100, ']') + "\n") ==
          strings{"p.yaml:1:72: nested too deep: lists and mappings nest at most 64 levels deep"});
    CHECK(policy_errors({{"p.yaml", "policy: {name: p\xff}\n"}}) ==
          strings{"p.yaml:1:17: not valid UTF-8 (byte 0xFF): a file must be UTF-8 text"});
  }
}
