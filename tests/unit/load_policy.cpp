// Bad policy input: every error with its place, collected together; the shipped policy is valid.
#include <rulebook/policy.hpp>

#include "support.hpp"

#include <fstream>

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
                                   "leave_kinds: [personal, sick]}\nrules:\n" + rules}});
}
}  // namespace

TEST_SUITE("load_policy") {
  TEST_CASE("an unknown rule kind is an error with a did-you-mean hint") {
    CHECK(policy_errors("  - {id: r, clause: leave.8, kind: duration_treshold, effect: violation}\n") ==
          strings{"p.yaml:4:36: unknown rule kind `duration_treshold` in rule `r`: did you mean `duration_threshold`?"});
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
    CHECK(policy_errors("  - {id: r, clause: leave.6, kind: blackout, effect: needs_approval, approver: [department_directer]}\n") ==
          strings{"p.yaml:4:80: unknown role `department_directer`: did you mean `department_director`?"});
  }
  TEST_CASE("a when: value the vocabulary does not know is an error") {
    CHECK(policy_errors("  - {id: r, clause: leave.4, kind: in_person, effect: reject, when: {leave_kind: personel}}\n") ==
          strings{"p.yaml:4:82: unknown leave kind `personel`: did you mean `personal`?"});
    CHECK(policy_errors("  - {id: r, clause: leave.4, kind: in_person, effect: reject, when: {request: leaf}}\n") ==
          strings{"p.yaml:4:79: unknown request type `leaf`: did you mean `leave`?"});
  }
  TEST_CASE("a lesser threshold must be below the threshold") {
    CHECK(policy_errors("  - {id: r, clause: leave.8, kind: duration_threshold, measure: late_arrival, threshold: 20min,\n"
                        "     effect: violation, lesser: {threshold: 20min, effect: late}}\n") ==
          strings{"p.yaml:5:33: the `lesser` threshold of rule `r` must be below `threshold`"});
  }
  TEST_CASE("a rule id defined twice across merged files is an error naming the first") {
    const std::string rule = "rules:\n  - {id: lateness, clause: leave.8, kind: duration_threshold, measure: late_arrival, "
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
    const auto p = parse_policy({{"p.yaml", "policy: {name: p}\nrules:\n"
        "  - {id: a, clause: leave.8, kind: duration_threshold, measure: late_arrival, threshold: 20min, effect: violation}\n"
        "  - {id: b, clause: leave.8, kind: duration_threshold, measure: late_arrival, threshold: 30min, effect: violation}\n"
        "  - {id: c, clause: leave.4, kind: in_person, effect: reject, when: {request: swap}}\n"}}, issues);
    REQUIRE(issues.empty());
    strings warnings;
    for (const auto& w : lint_policy(p)) warnings.push_back(to_string(w));
    CHECK(warnings == strings{"p.yaml:5:5: warning: `when` of rule `c` names requests that kind `in_person` never "
                              "judges: it can never match",
                              "p.yaml:4:5: warning: rule `b` is shadowed by rule `a` (p.yaml:3): whenever it fires, `a` "
                              "reports the same"});
    CHECK(lint_policy(test::shipped_policy()).empty());
  }
}
