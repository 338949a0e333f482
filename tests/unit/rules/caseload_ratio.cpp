// Clause vip.ratio: one account manager per 1,000 diamond, 1,500 gold or 2,000 silver customers
// (kind caseload_ratio; the rule as the second rulebook, policies/vip-account-managers.yaml, writes it).
#include "rules/caseload_ratio.hpp"

#include "support.hpp"

using namespace rulebook;
using test::judged;
using strings = std::vector<std::string>;

namespace {
/// The caseload rule of the VIP rulebook, alone, with its vocabulary. The policy keeps that
/// rulebook's name, which a case's input errors quote.
auto vip_caseload() -> const policy& {
  static const policy p = test::policy_of(R"(
policy: {name: vip-account-managers}
vocabulary:
  roles: [account_manager, team_leader]
  tiers: [diamond, gold, silver]
rules:
  - id: vip-caseload
    clause: vip.ratio
    kind: caseload_ratio
    per_manager: {diamond: 1000, gold: 1500, silver: 2000}
    mixed: shares
    when: {role: account_manager}
    effect: violation
)");
  return p;
}

/// M01 under team leader T01, with `books` as the body of `accounts:`.
auto team(const std::string& books) -> std::string {
  return "people:\n  - {id: T01, role: team_leader}\n  - {id: M01, role: account_manager, leader: T01}\n"
         "accounts:" +
         (books.empty() ? std::string(" []\n") : "\n" + books);
}
auto book(const std::string& tier, int customers) -> std::string {
  return "  - {manager: M01, tier: " + tier + ", customers: " + std::to_string(customers) + "}\n";
}
auto vip_errors(const std::string& rule) -> strings {
  return test::policy_errors(
      "policy: {name: v}\nvocabulary: {roles: [account_manager], tiers: [diamond, gold]}\nrules:\n" + rule, "v.yaml");
}
}  // namespace

TEST_SUITE("rules/caseload_ratio") {
  TEST_CASE("vip.ratio: 1,000 diamond customers fill one manager, 1,001 are a violation") {
    CHECK(judged(team(book("diamond", 1000)), vip_caseload()).conduct("vip-caseload").empty());
    judged j(team(book("diamond", 1001)), vip_caseload());
    const auto f = j.conduct("vip-caseload");
    REQUIRE(f.size() == 1);
    CHECK(f[0].effect == effect::violation);
    CHECK(j.v.rule_of(f[0]).header().clause == "vip.ratio");
    CHECK(f[0].subject.employee == j.c.find_person("M01"));
    CHECK(f[0].number("customers") == 1001);
    CHECK(f[0].number("max_customers") == 1000);
    CHECK(f[0].number("load_percent") == 101);  // rounded up: just over never shows as 100 %
    CHECK(j.message(f[0]) == "M01 serves 1001 diamond customers; one account manager serves at most 1000.");
    CHECK(j.message(f[0], lang::zh) == "M01服务1001名diamond客户，每名account manager最多服务1000名。");
  }
  TEST_CASE("vip.ratio: gold at 1,500 vs 1,501 and silver at 2,000 vs 2,001") {
    CHECK(judged(team(book("gold", 1500)), vip_caseload()).conduct("vip-caseload").empty());
    CHECK(judged(team(book("gold", 1501)), vip_caseload()).conduct("vip-caseload").size() == 1);
    CHECK(judged(team(book("silver", 2000)), vip_caseload()).conduct("vip-caseload").empty());
    judged j(team(book("silver", 2001)), vip_caseload());
    REQUIRE(j.conduct("vip-caseload").size() == 1);
    CHECK(j.conduct("vip-caseload")[0].number("max_customers") == 2000);
  }
  TEST_CASE("vip.ratio: books of one tier written in two lines add up") {
    CHECK(judged(team(book("gold", 700) + book("gold", 800)), vip_caseload()).conduct("vip-caseload").empty());
    CHECK(judged(team(book("gold", 700) + book("gold", 801)), vip_caseload()).conduct("vip-caseload").size() == 1);
  }
  TEST_CASE("vip.ratio: a book in several tiers takes a share of the manager for each") {
    SUBCASE("500 diamond (50 %) and 1,000 silver (50 %) fill one manager exactly") {
      CHECK(judged(team(book("diamond", 500) + book("silver", 1000)), vip_caseload()).conduct("vip-caseload").empty());
    }
    SUBCASE("500 diamond and 1,001 silver are over") {
      judged j(team(book("diamond", 500) + book("silver", 1001)), vip_caseload());
      const auto f = j.conduct("vip-caseload");
      REQUIRE(f.size() == 1);
      CHECK(f[0].number("customers") == 1501);
      CHECK(f[0].number("load_percent") == 101);
      CHECK(j.message(f[0]) == "M01's book (500 diamond, 1001 silver) is 101% of what one account manager may serve "
                               "(1:1000 diamond, 1:1500 gold, 1:2000 silver).");
    }
  }
  TEST_CASE("vip.ratio: a manager with no book, or an empty one, is within the ratio") {
    CHECK(judged(team(book("diamond", 0)), vip_caseload()).conduct("vip-caseload").empty());
    CHECK(judged(team(""), vip_caseload()).v.findings.empty());
  }
  TEST_CASE("vip.ratio: a tier the policy does not know is an input error of the case") {
    CHECK(test::case_errors(team(book("platinum", 10)), vip_caseload()) ==
          strings{"case.yaml:5:5: unknown tier `platinum` of an account book: the policy `vip-account-managers` knows "
                  "`diamond`, `gold`, `silver`"});
  }
  TEST_CASE("the ratios are checked when the policy is loaded") {
    SUBCASE("every tier of the vocabulary needs a ratio") {
      CHECK(vip_errors("  - {id: r, clause: vip.ratio, kind: caseload_ratio, per_manager: {diamond: 1000}, "
                       "effect: violation}\n") ==
            strings{"v.yaml:4:67: `per_manager` of rule `r` gives no ratio for the tier `gold`"});
    }
    SUBCASE("a tier not in the vocabulary, with a did-you-mean") {
      CHECK(vip_errors("  - {id: r, clause: vip.ratio, kind: caseload_ratio, per_manager: {diamond: 1000, gld: 1500}, "
                       "effect: violation}\n") ==
            strings{"v.yaml:4:83: unknown tier `gld` in rule `r`: did you mean `gold`?"});
    }
    SUBCASE("a ratio is a whole number of at least 1") {
      CHECK(vip_errors("  - {id: r, clause: vip.ratio, kind: caseload_ratio, per_manager: {diamond: 0, gold: 1500}, "
                       "effect: violation}\n")
                .size() == 1);
    }
  }
  TEST_CASE("vip.ratio with `mixed: per_tier`: each tier of a book against its own ratio alone") {
    const auto p = test::policy_of(
        "policy: {name: v}\nvocabulary: {roles: [account_manager, team_leader], tiers: [diamond, gold, silver]}\n"
        "rules:\n  - {id: vip-caseload, clause: vip.ratio, kind: caseload_ratio, per_manager: {diamond: 1000, gold: "
        "1500, silver: 2000}, mixed: per_tier, effect: violation}\n");
    CHECK(judged(team(book("diamond", 600) + book("gold", 900)), p).conduct("vip-caseload").empty());
    CHECK(judged(team(book("diamond", 1000) + book("gold", 1500)), p).conduct("vip-caseload").empty());
    judged j(team(book("diamond", 1001) + book("gold", 1500)), p);
    const auto f = j.conduct("vip-caseload");
    REQUIRE(f.size() == 1);
    CHECK(std::get<std::string>(*f[0].find("tier")) == "diamond");
    CHECK(f[0].number("customers") == 1001);
    CHECK(j.message(f[0]) == "M01 serves 1001 diamond customers; one account manager serves at most 1000.");
  }
  TEST_CASE("`mixed` is `shares` or `per_tier`") {
    CHECK(vip_errors("  - {id: r, clause: vip.ratio, kind: caseload_ratio, per_manager: {diamond: 1000, gold: 1500}, "
                     "mixed: per_teir, effect: violation}\n") ==
          strings{"v.yaml:4:103: `mixed` of rule `r` must be one of `shares`, `per_tier`, not `per_teir`: did you mean "
                  "`per_tier`?"});
  }
}
