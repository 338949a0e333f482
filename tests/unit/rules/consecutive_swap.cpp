// Clause swap.3: no consecutive swaps (kind consecutive_swap), and swap chains in the ownership graph.
#include "rules/consecutive_swap.hpp"
#include "engine/state.hpp"

#include "support.hpp"

using namespace rulebook;
using test::judged;

namespace {
/// The consecutive-swap rule as the customer-service rulebook writes it, with the rule that rejects
/// a swap with no reason (swap.1), so a test can have a swap rejected, and the vocabulary of
/// `test::swap_org`.
auto swap_policy() -> const policy& {
  static const policy p = test::policy_of(R"(
policy: {name: consecutive-swaps}
)" + test::department_vocabulary + R"(rules:
  - id: swap-reason
    clause: swap.1
    kind: required_field
    field: reason
    effect: reject
  - id: swap-consecutive
    clause: swap.3
    kind: consecutive_swap
    effect: reject
)");
  return p;
}

auto roster() -> std::string {
  return test::swap_org + "shifts:\n" + test::day_shift("A2", "E001", "2026-03-02") +
         test::day_shift("A3", "E001", "2026-03-03") + test::day_shift("A4", "E001", "2026-03-04") +
         test::day_shift("B1", "E002", "2026-03-20") + test::day_shift("C1", "E003", "2026-03-22") + "requests:\n";
}
}  // namespace

TEST_SUITE("rules/consecutive_swap") {
  TEST_CASE("swap.3: a shift obtained by swap cannot be swapped again") {
    judged j(roster() + test::swap("R1", "E001", "E002", "A2", "2026-02-20T09:00") +
                 test::swap("R2", "E002", "E003", "A2", "2026-02-21T09:00"),
             swap_policy());
    REQUIRE(j.decision_of("R1") == decision::approved);
    const auto f = j.findings_of("R2", "swap-consecutive");
    REQUIRE(f.size() == 1);
    CHECK(f[0].effect == effect::reject);
    CHECK(std::get<std::string>(*f[0].find("holders")) == "E001 → E002");
    CHECK(j.message(f[0]) == "Shift A2 was itself obtained by swap R1 (E001 → E002): no swapping a swapped shift.");
  }
  TEST_CASE("swap.3: the shift right after an already swapped one cannot be swapped") {
    judged j(roster() + test::swap("R1", "E001", "E002", "A2", "2026-02-20T09:00") +
                 test::swap("R2", "E001", "E003", "A3", "2026-02-21T09:00"),
             swap_policy());
    const auto f = j.findings_of("R2", "swap-consecutive");
    REQUIRE(f.size() == 1);
    // With the dates: "next to" is in the roster, however far apart the shifts are.
    CHECK(j.message(f[0]) == "Shift A3 (2026-03-03) comes right after shift A2 (2026-03-02) in the roster, and R1 "
                             "already swapped A2: no consecutive swaps.");
  }
  TEST_CASE("swap.3: the shift right before an already swapped one cannot be swapped either") {
    judged j(roster() + test::swap("R1", "E001", "E002", "A3", "2026-02-20T09:00") +
                 test::swap("R2", "E001", "E003", "A2", "2026-02-21T09:00"),
             swap_policy());
    CHECK(j.findings_of("R2", "swap-consecutive").size() == 1);
  }
  TEST_CASE("swap.3: with an unswapped shift between them, two swaps are not consecutive") {
    judged j(roster() + test::swap("R1", "E001", "E002", "A2", "2026-02-20T09:00") +
                 test::swap("R2", "E001", "E003", "A4", "2026-02-21T09:00"),
             swap_policy());
    CHECK(j.findings_of("R2", "swap-consecutive").empty());
    CHECK(j.decision_of("R2") == decision::approved);
  }
  TEST_CASE("a rejected swap moves nothing, so it does not make the next one consecutive") {
    judged j(roster() + test::swap("R1", "E001", "E002", "A2", "2026-02-20T09:00", ", reason: \"\"") +
                 test::swap("R2", "E001", "E003", "A3", "2026-02-21T09:00"),
             swap_policy());
    CHECK(j.findings_of("R2", "swap-consecutive").empty());
  }
  TEST_CASE("a swap built in code that gives a shift the swapper does not hold is rejected") {
    const auto c = test::case_of(roster() + "  []\n", swap_policy());
    const session s(swap_policy(), c);
    request r;
    r.id = "Q";
    r.employee = c.find_person("E001");
    r.submitted_at = *parse_time_point("2026-02-20T09:00");
    r.details = swap_details{
        .counterpart = c.find_person("E003"), .give = c.find_shift("B1"), .reason = "x", .form_filed = true};
    const auto v = s.what_if(r);
    CHECK(v.decision == decision::rejected);
    bool said = false;
    for (const auto& f : v.findings)
      said = said || s.message(f, r) == "Shift B1 is E002's to work, not a party's to give.";
    CHECK(said);
  }
  TEST_CASE("the working roster follows a shift moved twice as a path of two moves") {
    // Under a policy without the consecutive rule a shift can move twice.
    std::vector<load_issue> issues;
    const auto p = parse_policy({{"open.yaml", "policy: {name: open}\nrules: []\n"}}, issues);
    REQUIRE(issues.empty());
    const auto c = test::case_of(roster() + test::swap("R1", "E001", "E002", "A2", "2026-02-20T09:00") +
                                     test::swap("R2", "E002", "E003", "A2", "2026-02-21T09:00"),
                                 p);
    detail::roster_state st(c);  // the engine's working roster, moved as the two swaps move it
    const auto a2 = c.find_shift("A2");
    st.move(a2, c.find_person("E002"), c.find_request("R1"));
    st.move(a2, c.find_person("E003"), c.find_request("R2"));
    const auto path = st.holders(c, a2);
    REQUIRE(path.size() == 3);
    CHECK(c.people[path[0]].id == "E001");
    CHECK(c.people[path[1]].id == "E002");
    CHECK(c.people[path[2]].id == "E003");
    CHECK(st.owner[a2] == c.find_person("E003"));
    CHECK(st.moved_by[a2] == c.find_request("R2"));
  }
}
