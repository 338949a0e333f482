// Clause vip.leader_ratio: one team leader per 10 account managers (kind span_of_control; the rule
// as the second rulebook, policies/vip-account-managers.yaml, writes it).
#include "rules/span_of_control.hpp"

#include "support.hpp"

using namespace rulebook;
using test::judged;

namespace {
/// The team-size rule of the VIP rulebook, alone, with its vocabulary.
auto vip_team_size() -> const policy& {
  static const policy p = test::policy_of(R"(
policy: {name: vip-team-size}
vocabulary:
  roles: [account_manager, team_leader]
rules:
  - id: vip-team-size
    clause: vip.leader_ratio
    kind: span_of_control
    members: [account_manager]
    max: 10
    when: {role: team_leader}
    effect: violation
)");
  return p;
}

/// Team leader T01 with `managers` account managers, and T02 with one.
auto teams(int managers) -> std::string {
  std::string s = "people:\n  - {id: T01, role: team_leader}\n  - {id: T02, role: team_leader}\n"
                  "  - {id: M99, role: account_manager, leader: T02}\n";
  for (int i = 1; i <= managers; ++i) {
    s += "  - {id: M" + std::to_string(i) + ", role: account_manager, leader: T01}\n";
  }
  return s;
}
}  // namespace

TEST_SUITE("rules/span_of_control") {
  TEST_CASE("vip.leader_ratio: a team leader may lead 10 account managers, not 11") {
    CHECK(judged(teams(10), vip_team_size()).conduct("vip-team-size").empty());
    judged j(teams(11), vip_team_size());
    const auto f = j.conduct("vip-team-size");
    REQUIRE(f.size() == 1);
    CHECK(f[0].effect == effect::violation);
    CHECK(j.v.rule_of(f[0]).header().clause == "vip.leader_ratio");
    CHECK(f[0].subject.employee == j.c.find_person("T01"));
    CHECK(f[0].number("members") == 11);
    CHECK(f[0].number("max") == 10);
    CHECK(j.message(f[0]) == "T01 leads 11 account managers; one leader leads at most 10.");
    CHECK(j.message(f[0], lang::zh) == "T01带领11人，每名team leader最多带领10人。");
  }
  TEST_CASE("vip.leader_ratio: only the roles in `members` count towards a team") {
    const auto p = test::policy_of(
        "policy: {name: v}\nvocabulary: {roles: [account_manager, assistant, team_leader]}\nrules:\n"
        "  - {id: span, clause: vip.leader_ratio, kind: span_of_control, members: [account_manager], max: 2, "
        "when: {role: team_leader}, effect: violation}\n");
    const std::string people = "people:\n  - {id: T01, role: team_leader}\n"
                               "  - {id: M1, role: account_manager, leader: T01}\n"
                               "  - {id: M2, role: account_manager, leader: T01}\n"
                               "  - {id: A1, role: assistant, leader: T01}\n";
    CHECK(judged(people, p).conduct("span").empty());
    CHECK(judged(people + "  - {id: M3, role: account_manager, leader: T01}\n", p).conduct("span").size() == 1);
  }
  TEST_CASE("a role in `members` the vocabulary does not know is a load error") {
    CHECK(test::policy_errors("policy: {name: v}\nvocabulary: {roles: [account_manager, team_leader]}\nrules:\n"
                              "  - {id: span, clause: c, kind: span_of_control, members: [acount_manager], max: 10, "
                              "effect: violation}\n",
                              "v.yaml") ==
          std::vector<std::string>{
              "v.yaml:4:60: unknown role `acount_manager` in rule `span`: did you mean `account_manager`?"});
  }
}
