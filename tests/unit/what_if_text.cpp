// A what-if question as text (parse_request), its answer as JSON (write_json of a request
// verdict), and shipped policies found by name: what the C API, the Python module and `serve` use.
#include <rulebook/engine.hpp>

#include "support.hpp"

#include <cstdlib>

using namespace rulebook;

namespace {

auto ask(const case_file& c, const std::string& text, std::vector<load_issue>& issues) -> std::optional<request> {
  return parse_request("q.yaml", text, c, test::shipped_policy(), issues);
}

auto messages(const std::vector<load_issue>& issues) -> std::vector<std::string> {
  std::vector<std::string> out;
  for (const auto& i : issues) out.push_back(to_string(i));
  return out;
}

}  // namespace

TEST_SUITE("what-if as text") {
  TEST_CASE("a request read as text is judged as the same request in the case would be") {
    const auto c = test::case_of(test::with_request(
        "{id: R1, type: leave, kind: personal, employee: E001, submitted_by: E001, submitted_at: 2026-03-01T20:00, "
        "shifts: [S1]}"));
    const auto& p = test::shipped_policy();
    const auto v = judge(p, c);
    // The same leave, asked as a what-if of a case without it.
    const auto without = test::case_of(test::org + test::roster);
    session s(p, without);
    std::vector<load_issue> issues;
    const auto r = ask(without,
                       "{id: Q1, type: leave, kind: personal, employee: E001, submitted_by: E001, "
                       "submitted_at: 2026-03-01T20:00, shifts: [S1]}",
                       issues);
    REQUIRE(messages(issues).empty());
    REQUIRE(r);
    const auto rv = s.what_if(*r);
    CHECK(rv.decision == v.requests[request_index(0)].decision);
    CHECK(rv.findings.size() == v.requests[request_index(0)].findings.size());
    // Its JSON is an item of a verdict's `requests`, message and all.
    std::ostringstream out;
    write_json(out, rv, *r, p, without);
    const auto json = out.str();
    CHECK(json.rfind(R"({"id": "Q1", "type": "leave", "employee": "E001", "decision": ")", 0) == 0);
    CHECK(json.find("\"message\": \"Personal leave needs 24h notice") != std::string::npos);
    CHECK(json.back() == '\n');
    std::ostringstream zh;
    write_json(zh, rv, *r, p, without, {.lang = lang::zh});
    CHECK(zh.str() != json);
    // --explain for a what-if answer: every rule that judged it, as for a request of the case.
    CHECK(json.find("\"explain\"") == std::string::npos);
    std::ostringstream explained;
    write_json(explained, rv, *r, p, without, {.explain = true});
    CHECK(explained.str().find("\"explain\": [") != std::string::npos);
    CHECK(explained.str().find("{\"rule\": \"leave-notice-personal\", \"clause\": \"leave.2\", \"held\": false, "
                               "\"remedy\": ") != std::string::npos);
    const auto outcomes = explain(p, without, *r, rv);
    const auto of_full = explain(v, c, request_index(0));
    REQUIRE(outcomes.size() == of_full.size());
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
      CHECK(outcomes[i].rule == of_full[i].rule);
      CHECK(outcomes[i].held == of_full[i].held);
      CHECK(outcomes[i].applies == of_full[i].applies);
    }
  }

  TEST_CASE("a what-if request in JSON reads like one in YAML") {
    const auto c = test::case_of(test::org + test::roster);
    std::vector<load_issue> issues;
    const auto yaml = ask(c,
                          "{id: Q1, type: swap, employee: E001, counterpart: E002, give: S1, take: T1, "
                          "submitted_at: 2026-02-20T09:00, reason: family, form_filed: true}",
                          issues);
    const auto json = ask(c, R"({"id": "Q1", "type": "swap", "employee": "E001", "counterpart": "E002", "give": "S1",
                                 "take": "T1", "submitted_at": "2026-02-20T09:00", "reason": "family", "form_filed": true})",
                          issues);
    REQUIRE(messages(issues).empty());
    REQUIRE(yaml);
    REQUIRE(json);
    CHECK(json->swap()->give == yaml->swap()->give);
    CHECK(json->swap()->take == yaml->swap()->take);
    CHECK(json->submitted_at == yaml->submitted_at);
  }

  TEST_CASE("a what-if request with a mistake is refused at its place, and nothing is added to the case") {
    const auto c = test::case_of(test::with_request(
        "{id: R1, type: leave, kind: personal, employee: E001, submitted_by: E001, submitted_at: 2026-03-01T20:00, "
        "shifts: [S1]}"));
    const auto count = c.requests.size();
    struct bad {
      const char* text;
      const char* expected;
    };
    for (
        const auto& b : {
            bad{"{id: Q, type: leave, kind: personal, employee: E009, submitted_by: E001, submitted_at: 2026-03-01T20:00, "
                "shifts: [S1]}",
                "q.yaml:1:48: `employee` of request `Q` refers to `E009`, who is not among `people`"},
            bad{"{id: R1, type: leave, kind: personal, employee: E001, submitted_by: E001, submitted_at: "
                "2026-03-01T20:00, shifts: [S2]}",
                "q.yaml:1:1: request `R1` is in the case already: give the question an id of its own"},
            bad{"{id: Q, type: leave, kind: personel, employee: E001, submitted_by: E001, submitted_at: 2026-03-01T20:00, "
                "shifts: [S1]}",
                "q.yaml:1:1: unknown leave kind `personel` of request `Q`: the policy `customer-service` does not know "
                "it: did you mean `personal`?"},
            bad{"{id: Q, type: leave, kind: personal, employee: E001, submitted_by: E001, submitted_at: 2026-03-01T20:00, "
                "shifts: [T1]}",
                "q.yaml:1:1: leave `Q` names shift `T1` as `E001`'s, but it is `E002`'s"},
            bad{"{id: Q, type: promotion, employee: E001, submitted_at: 2026-03-01T20:00, to_grade: senoir}",
                "q.yaml:1:1: unknown grade `senoir` of request `Q`: the policy `customer-service` does not know it: did "
                "you mean `senior`?"},
            bad{"{id: Q, type: leave, kind: personal, employee: E001, submitted_by: E001, submitted_at: 2026-02-30T20:00, "
                "shifts: [S1]}",
                "q.yaml:1:88: impossible date `2026-02-30`"},
            bad{"[1, 2", "q.yaml:1:"},
            bad{"", "q.yaml: request must be a mapping"},
        }) {
      CAPTURE(std::string(b.text));
      std::vector<load_issue> issues;
      CHECK_FALSE(ask(c, b.text, issues));
      REQUIRE_FALSE(issues.empty());
      CAPTURE(to_string(issues.front()));
      CHECK(to_string(issues.front()).rfind(b.expected, 0) == 0);
      CHECK(c.requests.size() == count);
    }
  }

  TEST_CASE("a shipped policy is found by name in RULEBOOK_POLICY_PATH, and a near miss is named") {
    const std::string dir = std::string(RULEBOOK_SOURCE_DIR) + "/policies";
    ::setenv("RULEBOOK_POLICY_PATH", ("/no/such/folder:" + dir).c_str(), 1);
    CHECK(find_policy("customer-service") == dir + "/customer-service.yaml");
    CHECK(find_policy("calendars/cn-2026") == dir + "/calendars/cn-2026.yaml");
    CHECK(find_policy("no-such-policy").empty());
    CHECK(find_policy("../policies/customer-service").empty());  // a name never leaves the folders
    CHECK(find_policy("/etc/passwd").empty());
    std::vector<load_issue> issues;
    const auto p = load_policy({"vip-account-managers"}, issues);
    CHECK(messages(issues).empty());
    CHECK(p.name() == "vip-account-managers");
    (void)load_policy({"customer-servise"}, issues);
    REQUIRE(issues.size() == 1);
    CHECK(to_string(issues.front()) ==
          "customer-servise: no policy file `customer-servise`, and no policy of that name in " + dir +
              ": did you mean `customer-service`?");
    ::unsetenv("RULEBOOK_POLICY_PATH");
  }
}
