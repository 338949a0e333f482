// An API that refuses misuse loudly (issue 12, item 6): judging with an empty policy, a case built
// in code with names the policy does not know, an index out of range, an entity put straight into
// a list of the case. Each is an exception naming what is wrong, never a clean verdict, a
// std::out_of_range or a crash. (A session over a temporary case does not compile:
// tests/compile_fail.)
#include <rulebook/engine.hpp>

#include "support.hpp"

#include <functional>

using namespace rulebook;

namespace {

auto at(const char* text) -> time_point { return *parse_time_point(text); }

// L01 leads E001 and E002; E001 has S1 (punched) and S2, and a leave request R1 for S2.
auto small_case() -> case_file {
  case_file c;
  const auto l = c.add_person({.id = "L01", .role = "shift_leader"});
  const auto e1 = c.add_person({.id = "E001", .role = "agent", .leader = l});
  c.add_person({.id = "E002", .role = "agent", .leader = l});
  const auto s1 = c.add_shift(
      {.id = "S1", .employee = e1, .start = at("2026-03-02T08:00"), .end = at("2026-03-02T17:00")});
  const auto s2 = c.add_shift(
      {.id = "S2", .employee = e1, .start = at("2026-03-03T08:00"), .end = at("2026-03-03T17:00")});
  c.add_punch({.shift = s1, .in = at("2026-03-02T08:00"), .out = at("2026-03-02T17:00")});
  c.add_request({.id = "R1",
                 .employee = e1,
                 .submitted_at = at("2026-03-01T09:00"),
                 .details = leave_details{.kind = "personal", .submitted_by = e1, .shifts = {s2}}});
  return c;
}

// The messages of the case_error `judge` throws for `c` under the shipped policy; checks that
// `session` throws the same, and that `validate_case` returns them rather than reading on.
auto refused(const case_file& c) -> std::vector<std::string> {
  const auto& p = test::shipped_policy();
  std::vector<std::string> out;
  try {
    (void)judge(p, c, {.threads = 1});
    FAIL("judge gave a verdict");
  } catch (const case_error& e) {
    for (const auto& i : e.issues()) out.push_back(i.message);
    CHECK(!out.empty());
    CHECK(std::string(e.what()).rfind(out.front(), 0) == 0);  // the first problem is the headline
  }
  CHECK_THROWS_AS(session(p, c), case_error);
  std::vector<std::string> validated;
  for (const auto& i : validate_case(c, p)) validated.push_back(i.message);
  CHECK(validated == out);
  return out;
}

// The first message of `refused(c)`.
auto first_refusal(const case_file& c) -> std::string {
  const auto all = refused(c);
  return all.empty() ? std::string() : all.front();
}

}  // namespace

TEST_SUITE("api misuse") {
  TEST_CASE("the small case built in code judges without complaint") {
    const auto c = small_case();
    CHECK(validate_case(c, test::shipped_policy()).empty());
    CHECK_NOTHROW((void)judge(test::shipped_policy(), c));
  }

  TEST_CASE("judging with an empty policy is a policy_error, never a clean verdict") {
    const auto c = small_case();
    CHECK_THROWS_WITH_AS((void)judge(policy{}, c),
                         "judging with an empty policy: it has no rules (a default-constructed `policy`, or what "
                         "`load_policy(paths, issues)` returns when loading fails: check `issues` before judging)",
                         policy_error);
    CHECK_THROWS_AS(session(policy{}, c), policy_error);
    CHECK_THROWS_AS((void)judge(policy{}, case_file{}), std::invalid_argument);  // policy_error is one
  }

  TEST_CASE("judging with what a failed load_policy returns is a policy_error") {
    std::vector<load_issue> issues;
    const auto failed = load_policy({"no/such/policy.yaml"}, issues);
    REQUIRE_FALSE(issues.empty());
    const auto c = small_case();
    CHECK_THROWS_AS((void)judge(failed, c), policy_error);
    CHECK_THROWS_AS(session(failed, c), policy_error);
    issues.clear();
    const auto broken = parse_policy({{"broken.yaml", "policy: {name: x}\nrules:\n  - {id: a, kind: no_such_kind}\n"}},
                                     issues);
    REQUIRE_FALSE(issues.empty());
    CHECK_THROWS_AS((void)judge(broken, c), policy_error);
  }

  TEST_CASE("a policy file without rules is a policy_error: it would approve every request") {
    const auto open = test::policy_of("policy: {name: open}\nrules: []\n");
    CHECK_THROWS_WITH_AS((void)judge(open, small_case()),
                         "the policy `open` has no rules: judging with it would approve every request and find nothing",
                         policy_error);
  }

  TEST_CASE("judge and session check a case built in code against the policy's vocabulary") {
    auto c = small_case();
    c.add_person({.id = "E009", .role = "boss"});
    const auto only = refused(c);
    REQUIRE(only.size() == 1);
    CHECK(only[0].rfind("unknown role `boss` of `E009`: the policy `customer-service` knows `agent`", 0) == 0);
    // Every problem comes back; the headline says how many more there are.
    c.shifts[shift_index(0)].kind = "graveyard";
    CHECK(refused(c).size() == 2);
    try {
      (void)judge(test::shipped_policy(), c);
    } catch (const case_error& e) {
      CHECK(std::string(e.what()).find("(and 1 more)") != std::string::npos);
    }
  }

  TEST_CASE("a loaded case changed in code afterwards is checked again, at its place in the file") {
    auto c = test::case_of(test::org + test::roster);
    c.people[c.find_person("E002")].role = "boss";
    try {
      (void)judge(test::shipped_policy(), c);
      FAIL("judge gave a verdict");
    } catch (const case_error& e) {
      REQUIRE(e.issues().size() == 1);
      CHECK(to_string(e.issues()[0]).rfind("case.yaml:4:5: unknown role `boss` of `E002`", 0) == 0);
      CHECK(std::string(e.what()).rfind("case.yaml:4:5: unknown role `boss`", 0) == 0);
    }
  }

  TEST_CASE("a bad index is a case_error naming what is wrong, never std::out_of_range or a crash") {
    auto c = small_case();
    const auto e1 = c.find_person("E001");
    const auto s1 = c.find_shift("S1");
    const person_index nobody(42);
    const shift_index no_shift(99);
    SUBCASE("a ticket whose receiver is out of range") {
      c.tickets.push_back({.id = "T1", .receiver = nobody, .received_at = at("2026-03-02T09:00")});
      CHECK(first_refusal(c) == "tickets[0] (`T1`)'s `receiver` is person index 42, but the case has 3 people");
    }
    SUBCASE("a shift whose employee is out of range") {
      c.shifts.push_back(
          {.id = "S9", .employee = nobody, .start = at("2026-03-04T08:00"), .end = at("2026-03-04T17:00")});
      CHECK(first_refusal(c) == "shifts[2] (`S9`)'s `employee` is person index 42, but the case has 3 people");
    }
    SUBCASE("a punch for a shift out of range") {
      c.punches.push_back({.shift = no_shift, .in = at("2026-03-03T08:00")});
      CHECK(first_refusal(c) == "punches[1]'s `shift` is shift index 99, but the case has 2 shifts");
    }
    SUBCASE("an away period of someone out of range") {
      c.away.push_back({.employee = nobody, .from = at("2026-03-02T10:00"), .to = at("2026-03-02T10:30")});
      CHECK(first_refusal(c) == "away[0]'s `employee` is person index 42, but the case has 3 people");
    }
    SUBCASE("a leader out of range") {
      c.people[e1].leader = nobody;
      CHECK(first_refusal(c) == "people[1] (`E001`)'s `leader` is person index 42, but the case has 3 people");
    }
    SUBCASE("an approval by someone out of range") {
      c.requests[request_index(0)].approvals.push_back({.by = nobody, .at = at("2026-03-01T10:00")});
      CHECK(first_refusal(c) == "requests[0] (`R1`)'s `approvals[0].by` is person index 42, but the case has 3 people");
    }
    SUBCASE("a leave of a shift out of range") {
      std::get<leave_details>(c.requests[request_index(0)].details).shifts.push_back(no_shift);
      CHECK(first_refusal(c) == "requests[0] (`R1`)'s `shifts[1]` is shift index 99, but the case has 2 shifts");
    }
    SUBCASE("a leave nobody handed in") {
      std::get<leave_details>(c.requests[request_index(0)].details).submitted_by = no_index;
      CHECK(first_refusal(c) == "requests[0] (`R1`) has no `submitted_by`: no person index is set");
    }
    SUBCASE("a swap that takes back a shift out of range") {
      c.add_request({.id = "R2",
                     .employee = e1,
                     .submitted_at = at("2026-03-01T09:00"),
                     .details = swap_details{.counterpart = c.find_person("E002"), .give = s1, .take = no_shift}});
      CHECK(first_refusal(c) == "requests[1] (`R2`)'s `take` is shift index 99, but the case has 2 shifts");
    }
    SUBCASE("a swap with no counterpart") {
      c.add_request(
          {.id = "R2", .employee = e1, .submitted_at = at("2026-03-01T09:00"), .details = swap_details{.give = s1}});
      CHECK(first_refusal(c) == "requests[1] (`R2`) has no `counterpart`: no person index is set");
    }
    SUBCASE("records of every other list") {
      c.assessments.push_back({.employee = nobody, .month = {2026, 3}});
      c.callbacks.push_back({.id = "CB1", .agent = nobody, .resolved_at = at("2026-03-02T09:00")});
      c.monitoring.push_back({.agent = e1, .inspector = nobody, .at = at("2026-03-02T09:00")});
      c.accounts.push_back({.manager = nobody, .tier = "diamond", .customers = 3});
      c.meetings.push_back({.id = "M1",
                            .type = "team",
                            .start = at("2026-03-02T09:00"),
                            .end = at("2026-03-02T10:00"),
                            .chair = c.find_person("L01"),
                            .attendees = {e1, nobody}});
      c.reports.push_back({.id = "Q1", .type = "daily", .by = nobody, .submitted_at = at("2026-03-02T09:00")});
      c.trainings.push_back({.employee = nobody, .type = "pre_job", .completed_at = at("2026-03-01T09:00")});
      CHECK(refused(c) == std::vector<std::string>{
                              "assessments[0]'s `employee` is person index 42, but the case has 3 people",
                              "callbacks[0] (`CB1`)'s `agent` is person index 42, but the case has 3 people",
                              "monitoring[0]'s `inspector` is person index 42, but the case has 3 people",
                              "accounts[0]'s `manager` is person index 42, but the case has 3 people",
                              "meetings[0] (`M1`)'s `attendees[1]` is person index 42, but the case has 3 people",
                              "reports[0] (`Q1`)'s `by` is person index 42, but the case has 3 people",
                              "trainings[0]'s `employee` is person index 42, but the case has 3 people"});
    }
  }

  TEST_CASE("a shift pushed straight into case_file::shifts is refused: it would never be judged") {
    auto c = small_case();
    c.shifts.push_back({.id = "S9",
                        .employee = c.find_person("E002"),
                        .start = at("2026-03-04T08:00"),
                        .end = at("2026-03-04T17:00")});
    CHECK(refused(c) == std::vector<std::string>{"shifts[2] (`S9`) was put straight into `case_file::shifts`: it is on "
                                                 "no one's roster and would never be judged; add shifts with "
                                                 "`add_shift`"});
  }

  TEST_CASE("a shift whose employee is changed after add_shift is refused: neither roster judges it") {
    auto c = small_case();
    c.shifts[c.find_shift("S1")].employee = c.find_person("E002");
    CHECK(refused(c) ==
          std::vector<std::string>{"the employee of shifts[0] (`S1`) was changed after `add_shift` put it on `E001`'s "
                                   "roster: add a shift with the employee it has"});
  }

  TEST_CASE("people, punches and requests put straight into their lists are refused, each naming its add_*") {
    auto c = small_case();
    SUBCASE("a person") {
      c.people.push_back({.id = "E003", .role = "agent"});
      CHECK(refused(c) == std::vector<std::string>{"people[3] (`E003`) was put straight into `case_file::people`: add "
                                                   "people with `add_person`, which starts their roster"});
    }
    SUBCASE("a punch") {
      c.punches.push_back({.shift = c.find_shift("S2"), .in = at("2026-03-03T08:00")});
      CHECK(refused(c) == std::vector<std::string>{
                              "punches[1], for `S2`, is not the record `add_punch` made for that shift: it was put "
                              "straight into `case_file::punches` (or its shift changed since); add punches with "
                              "`add_punch`"});
    }
    SUBCASE("a request, even one whose id is taken") {
      c.requests.push_back(c.requests.front());
      CHECK(refused(c) ==
            std::vector<std::string>{"requests[1] (`R1`) was put straight into `case_file::requests`: add "
                                     "requests with `add_request`, which checks that its id is new"});
    }
    SUBCASE("a shift taken out of the list") {
      c.shifts.pop_back();
      const auto all = refused(c);
      CHECK(std::find(all.begin(), all.end(),
                      "shifts were taken out of `case_file::shifts` after `add_shift`: a case's lists only grow") !=
            all.end());
    }
  }
}
