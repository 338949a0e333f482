// What would put a finding right (`--explain`'s "->" lines, `what_if`): every kind gives one, and
// one that asks for an approval never names someone who has approved already.
#include "support.hpp"

#include <fstream>
#include <sstream>

using namespace rulebook;
using test::judged;

namespace {

/// Every finding of `j` (requests' and conduct), with whether it is a request's.
auto all_findings(const judged& j) -> std::vector<const finding*> {
  std::vector<const finding*> out;
  for (const auto& rv : j.v.requests) {
    for (const auto& f : rv.findings) out.push_back(&f);
  }
  for (const auto& f : j.v.findings) out.push_back(&f);
  return out;
}

}  // namespace

TEST_SUITE("remedies") {
  TEST_CASE("every finding of both shipped examples says what would put it right, in both languages") {
    const judged march(test::source_file("examples/march-2026.yaml"));
    const judged vip(test::source_file("examples/vip-team-2026.yaml"), test::vip_policy());
    for (const auto* j : {&march, &vip}) {
      REQUIRE_FALSE(all_findings(*j).empty());
      for (const auto* f : all_findings(*j)) {
        CAPTURE(j->v.rule_of(*f).header().id);
        CHECK_FALSE(j->v.rule_of(*f).remedy(*f, message_context{j->c, lang::en}).empty());
        CHECK_FALSE(j->v.rule_of(*f).remedy(*f, message_context{j->c, lang::zh}).empty());
      }
    }
  }

  TEST_CASE("no remedy of a shipped example asks for an approval from someone who has approved") {
    // The policy tests check the same on every test case as they run (src/policy_test.cpp).
    const judged march(test::source_file("examples/march-2026.yaml"));
    const judged vip(test::source_file("examples/vip-team-2026.yaml"), test::vip_policy());
    std::size_t asked = 0;
    for (const auto* j : {&march, &vip}) {
      for (const auto& rv : j->v.requests) {
        const auto& r = j->c.requests[rv.request];
        for (const auto& f : rv.findings) {
          if (f.effect != effect::needs_approval) continue;
          ++asked;
          const auto remedy = j->v.rule_of(f).remedy(f, message_context{j->c, lang::en});
          for (const auto& a : r.approvals) {
            const auto& id = j->c.people[a.by].id;
            CAPTURE(r.id);
            CAPTURE(remedy);
            CHECK(remedy.find(id + ",") == std::string::npos);
            CHECK(remedy.find(id + " ") == std::string::npos);
            CHECK_FALSE(remedy.ends_with(id));
          }
        }
      }
    }
    CHECK(asked > 5);  // the example asks for approvals: the check has something to check
  }

  TEST_CASE("the swap leader's remedy names the party's own leader, not the swapper's (R8)") {
    const judged march(test::source_file("examples/march-2026.yaml"));
    const auto f = march.findings_of("R8", "swap-leaders");
    REQUIRE(f.size() == 1);
    CHECK(march.c.people[f[0].subject.employee].id == "E004");  // the finding is about its party
    CHECK(march.v.rule_of(f[0]).remedy(f[0], message_context{march.c, lang::en}) ==
          "needs approval by L02, the shift leader of E004");
  }

  TEST_CASE("an approval above a missing level is not asked for again: the missing level is") {
    // E001's leave: L02 (another team's leader) and D01 approved; L01, E001's own leader, did not.
    const judged j(test::with_request("{id: R1, type: leave, kind: personal, employee: E001, submitted_by: E001, "
                                      "submitted_at: 2026-02-01T08:00, shifts: [S1], approvals: [{by: L02, at: "
                                      "2026-02-01T09:00}, {by: D01, at: 2026-02-01T10:00}]}"));
    const auto f = j.findings_of("R1", "leave-authority");
    REQUIRE(f.size() == 1);
    CHECK(j.v.rule_of(f[0]).remedy(f[0], message_context{j.c, lang::en}) ==
          "needs approval by L01, shift leader first: an approval counts once each level below has approved");
    const judged none(test::with_request("{id: R1, type: leave, kind: personal, employee: E001, submitted_by: E001, "
                                         "submitted_at: 2026-02-01T08:00, shifts: [S1]}"));
    const auto g = none.findings_of("R1", "leave-authority");
    REQUIRE(g.size() == 1);
    CHECK(none.v.rule_of(g[0]).remedy(g[0], message_context{none.c, lang::en}) ==
          "needs approval by L01, shift leader, then D01, department director");
  }

  TEST_CASE("a swap's over-the-cap findings are each about their own party") {
    std::string y = test::swap_org + "shifts:\n";
    for (int k = 1; k <= 3; ++k)
      y += test::day_shift("A" + std::to_string(k), "E001", "2026-03-0" + std::to_string(2 * k));
    y += "requests:\n" + test::swap("R1", "E001", "E002", "A1", "2026-02-20T09:00") +
         test::swap("R2", "E001", "E002", "A2", "2026-02-21T09:00") +
         test::swap("R3", "E001", "E002", "A3", "2026-02-22T09:00");
    const auto cap_only = test::policy_of(
        "policy: {name: p}\n" + test::department_vocabulary +
        "rules:\n  - {id: swap-cap, clause: swap.3, kind: count_cap, max: 2, per: month, "
        "effect: reject}\n");
    const judged j(y, cap_only);
    const auto f = j.findings_of("R3", "swap-cap");
    REQUIRE(f.size() == 2);
    CHECK(j.c.people[f[0].subject.employee].id != j.c.people[f[1].subject.employee].id);
  }
}
