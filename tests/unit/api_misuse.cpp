// An API that refuses misuse loudly (issue 12, item 6): judging with an empty policy, a case built
// in code with names the policy does not know, an index out of range. Each is an exception naming
// what is wrong, never a clean verdict, a std::out_of_range or a crash. What cannot happen at all
// does not compile (tests/compile_fail): a session over a temporary case, and putting a person,
// shift, punch or request into a case, taking one out or changing one behind `add_*`.
#include <rulebook/engine.hpp>

#include "check_case.hpp"
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
    c.add_shift({.id = "S3",
                 .employee = c.find_person("E001"),
                 .start = at("2026-03-04T22:00"),
                 .end = at("2026-03-05T06:00"),
                 .kind = "graveyard"});
    CHECK(refused(c).size() == 2);
    try {
      (void)judge(test::shipped_policy(), c);
    } catch (const case_error& e) {
      CHECK(std::string(e.what()).find("(and 1 more)") != std::string::npos);
    }
  }

  TEST_CASE("a case loaded under another policy is checked against the judging one, at its place in the file") {
    const auto lenient = test::policy_of(
        "policy: {name: lenient}\nvocabulary:\n  roles: [agent, boss, shift_leader, department_director, "
        "center_director]\n  grades: [junior]\n  shift_kinds: [day, night]\nrules: []\n");
    auto text = test::org + test::roster;
    const std::string agent = "{id: E002, name: 李四, role: agent";
    REQUIRE(text.find(agent) != std::string::npos);
    text.replace(text.find(agent), agent.size(), "{id: E002, name: 李四, role: boss");
    const auto c = test::case_of(text, lenient);
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
    SUBCASE("a shift or a punch out of range is refused when it is added") {
      CHECK_THROWS_WITH_AS(
          c.add_shift({.id = "S9", .employee = nobody, .start = at("2026-03-04T08:00"), .end = at("2026-03-04T17:00")}),
          "shift `S9` refers to a person who does not exist", case_error);
      CHECK_THROWS_WITH_AS(c.add_punch({.shift = no_shift, .in = at("2026-03-03T08:00")}),
                           "punch for a shift that does not exist", case_error);
      CHECK(c.shifts.size() == 2);
      CHECK(c.punches.size() == 1);
      CHECK(validate_case(c, test::shipped_policy()).empty());
    }
    SUBCASE("an away period of someone out of range") {
      c.away.push_back({.employee = nobody, .from = at("2026-03-02T10:00"), .to = at("2026-03-02T10:30")});
      CHECK(first_refusal(c) == "away[0]'s `employee` is person index 42, but the case has 3 people");
    }
    SUBCASE("a leader out of range, given to add_person") {
      c.add_person({.id = "E003", .role = "agent", .leader = nobody});
      CHECK(first_refusal(c) == "people[3] (`E003`)'s `leader` is person index 42, but the case has 4 people");
    }
    SUBCASE("a leader out of range is refused by set_superior, and nothing changes") {
      CHECK_THROWS_WITH_AS(c.set_superior(e1, superior_link::leader, nobody),
                           "`leader` of person `E001` would be person index 42, but the case has 3 people", case_error);
      CHECK(c.people[e1].leader == c.find_person("L01"));
    }
    // A request cannot change once added: a bad index comes with the request that carries it.
    const auto s2 = c.find_shift("S2");
    const auto leave = [&](leave_details d, std::vector<approval> approvals = {}) {
      c.add_request({.id = "R2",
                     .employee = e1,
                     .submitted_at = at("2026-03-01T09:00"),
                     .approvals = std::move(approvals),
                     .details = std::move(d)});
    };
    SUBCASE("an approval by someone out of range") {
      leave({.kind = "personal", .submitted_by = e1, .shifts = {s2}}, {{.by = nobody, .at = at("2026-03-01T10:00")}});
      CHECK(first_refusal(c) == "requests[1] (`R2`)'s `approvals[0].by` is person index 42, but the case has 3 people");
    }
    SUBCASE("a leave of a shift out of range") {
      leave({.kind = "personal", .submitted_by = e1, .shifts = {s2, no_shift}});
      CHECK(first_refusal(c) == "requests[1] (`R2`)'s `shifts[1]` is shift index 99, but the case has 2 shifts");
    }
    SUBCASE("a leave nobody handed in") {
      leave({.kind = "personal", .shifts = {s2}});
      CHECK(first_refusal(c) == "requests[1] (`R2`) has no `submitted_by`: no person index is set");
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

  TEST_CASE("a big case is checked on two threads with the problems one thread finds, in its order") {
    // Names on one thread, requests on the other: the lists are joined so that the problems read
    // as one thread finds them (the bar lowered, so a small case counts as big).
    auto c = small_case();
    const auto e2 = c.find_person("E002");
    c.add_person({.id = "E009", .role = "boss"});
    c.add_shift({.id = "S3",
                 .employee = e2,
                 .start = at("2026-03-04T22:00"),
                 .end = at("2026-03-05T06:00"),
                 .kind = "graveyard"});
    c.add_request({.id = "R2",
                   .employee = e2,
                   .submitted_at = at("2026-03-01T10:00"),
                   .details = leave_details{.kind = "sabbatical", .submitted_by = e2, .shifts = {shift_index(0)}}});
    const auto& p = test::shipped_policy();
    const auto messages = [&](unsigned threads) {
      std::vector<std::string> out;
      for (const auto& i : detail::validate_case(c, p, lang::en, threads)) out.push_back(i.message);
      return out;
    };
    const test::set_for_test<std::size_t> bar(detail::validate_parallel_from, 1);
    const auto one = messages(1), two = messages(2);
    std::vector<std::string> judged;
    try {
      (void)judge(p, c, {.threads = 2});
    } catch (const case_error& e) {
      for (const auto& i : e.issues()) judged.push_back(i.message);
    }
    REQUIRE(one.size() == 4);
    CHECK(one[0].rfind("unknown role `boss` of `E009`", 0) == 0);
    CHECK(one[1].rfind("unknown shift kind `graveyard` of shift `S3`", 0) == 0);
    CHECK(one[2].rfind("unknown leave kind `sabbatical` of request `R2`", 0) == 0);
    CHECK(one[3].rfind("leave `R2` names shift `S1` as `E002`'s, but it is `E001`'s", 0) == 0);
    CHECK(two == one);
    CHECK(judged == one);
  }
}
