// Messages: a department's own templates in YAML, in English and Chinese; clause texts.
#include <rulebook/verdict.hpp>

#include "support.hpp"

using namespace rulebook;
using test::judged;

namespace {
const std::string late_case = test::org + "shifts:\n" + test::day_shift("S1", "E001", "2026-03-02") +
                              "punches:\n  - {shift: S1, in: 2026-03-02T08:25, out: 2026-03-02T17:00}\n";
auto templated(const std::string& message) -> policy {
  std::vector<load_issue> issues;
  auto p = parse_policy({{"t.yaml",
                          "policy: {name: t}\nclauses:\n  leave.8: {en: Twenty minutes late is a violation., "
                          "zh: 迟到二十分钟及以上者按违纪处理。}\nrules:\n"
                          "  - {id: lateness, clause: leave.8, kind: duration_threshold, measure: late_arrival,\n"
                          "     threshold: 20min, effect: violation" +
                              message + "}\n"}},
                        issues);
  for (const auto& i : issues) FAIL(to_string(i));
  return p;
}
}  // namespace

TEST_SUITE("verdict") {
  TEST_CASE("a department's own message template replaces the kind's message, in each language") {
    const auto p = templated(
        ",\n     message: {en: \"{employee} was {late_minutes} min late for {shift} ({clause}, limit "
        "{threshold_minutes}).\", zh: \"{employee}迟到{late_minutes}分钟。\"}");
    judged j(late_case, p);
    REQUIRE(j.v.findings.size() == 1);
    CHECK(j.message(j.v.findings[0]) == "E001 was 25 min late for S1 (leave.8, limit 20).");
    CHECK(j.message(j.v.findings[0], lang::zh) == "张三（E001）迟到25分钟。");
  }
  TEST_CASE("a template with only one language falls back to the kind's message in the other") {
    const auto p = templated(",\n     message: {zh: \"{employee}迟到了。\"}");
    judged j(late_case, p);
    CHECK(j.message(j.v.findings[0]) == "E001 punched in 25 minutes late for S1 (limit 20).");
    CHECK(j.message(j.v.findings[0], lang::zh) == "张三（E001）迟到了。");
  }
  TEST_CASE("a placeholder with no value stays as written, so a typo shows; doubled braces are braces") {
    const auto p = templated(",\n     message: {en: \"{employe} {{late}} {late_minutes}\"}");
    judged j(late_case, p);
    CHECK(j.message(j.v.findings[0]) == "{employe} {late} 25");
  }
  TEST_CASE("the policy's clause texts are there to show with a finding") {
    const auto p = templated("");
    CHECK(p.clause_text("leave.8") == "Twenty minutes late is a violation.");
    CHECK(p.clause_text("leave.8", lang::zh) == "迟到二十分钟及以上者按违纪处理。");
    CHECK(p.clause_text("leave.9").empty());
    CHECK(test::shipped_policy().clause_text("swap.3", lang::zh) ==
          "每人每月换班不得超过2次。不允许连续换班，换班者、还班者不允许连班。");
  }
}
