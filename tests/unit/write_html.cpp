// The month view (`rulebook check --format html`): one self-contained page, every finding on it,
// everything from the case escaped, the same bytes for the same verdict, in English and Chinese.
#include <rulebook/verdict.hpp>

#include "support.hpp"

#include <fstream>
#include <sstream>

using namespace rulebook;
using test::judged;

namespace {

auto html(const judged& j, lang l = lang::en) -> std::string {
  std::ostringstream out;
  write_html(out, j.v, j.c, {.lang = l});
  return out.str();
}

auto occurrences(const std::string& text, const std::string& what) -> std::size_t {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

// What write_html escapes, for comparing with text from the verdict.
auto escaped(const std::string& s) -> std::string {
  std::string out;
  for (const char ch : s) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += ch;
    }
  }
  return out;
}

const std::string hostile_case = R"yaml(
period: {from: 2026-03-02, to: 2026-03-03}
people:
  - {id: E001, name: "<script>alert('x')</script>", role: agent, grade: junior, leader: L01}
  - {id: "E<b>2", name: "Tom & \"Jerry\"", role: agent, grade: junior, leader: L01}
  - {id: L01, name: "<img src=x onerror=alert(1)>", role: shift_leader}
shifts:
  - {id: "S<1>", employee: E001, start: 2026-03-02T08:00, end: 2026-03-02T17:00, kind: day}
  - {id: S2, employee: "E<b>2", start: 2026-03-03T08:00, end: 2026-03-03T17:00, kind: day}
punches:
  - {shift: "S<1>", in: 2026-03-02T08:30, out: 2026-03-02T17:00}
requests:
  - {id: "R</td>", type: leave, kind: personal, employee: "E<b>2", submitted_by: "E<b>2",
     submitted_at: 2026-03-03T07:00, shifts: [S2]}
)yaml";

}  // namespace

TEST_SUITE("write_html") {
  TEST_CASE("every finding of the shipped example is on the page, with its message, clause and evidence") {
    const judged j(test::source_file("examples/march-2026.yaml"));
    const auto page = html(j);
    REQUIRE_FALSE(j.v.findings.empty());
    for (std::size_t k = 0; k < j.v.findings.size(); ++k) {
      const auto& f = j.v.findings[k];
      const auto& h = j.v.header_of(f);
      CAPTURE(h.id);
      const auto at = page.find("id=\"f" + std::to_string(k + 1) + "\"");
      REQUIRE(at != std::string::npos);
      const auto chip = page.substr(at, page.find("</span></span>", at) - at);
      CHECK(chip.find("data-rule=\"" + h.id + "\"") != std::string::npos);
      CHECK(chip.find("data-employee=\"" + j.c.people[f.subject.employee].id + "\"") != std::string::npos);
      CHECK(chip.find(escaped(j.message(f))) != std::string::npos);
      const auto clause = j.v.policy.clause_text(h.clause);
      if (!clause.empty()) CHECK(chip.find(escaped(clause)) != std::string::npos);
      const auto remedy = j.v.rule_of(f).remedy(f, message_context{j.c, lang::en});
      if (!remedy.empty()) CHECK(chip.find(escaped(remedy)) != std::string::npos);
      for (const auto& e : f.evidence) CHECK(chip.find(std::string(e.key) + "=") != std::string::npos);
    }
    std::size_t request_findings = 0;
    for (const auto& rv : j.v.requests) {
      const auto& r = j.c.requests[rv.request];
      CHECK(page.find("data-request=\"" + r.id + "\" data-decision=\"" + to_string(rv.decision) + "\"") !=
            std::string::npos);
      for (std::size_t k = 0; k < rv.findings.size(); ++k) {
        ++request_findings;
        CHECK(page.find("id=\"r" + std::to_string(rv.request.value + 1) + "f" + std::to_string(k + 1) + "\"") !=
              std::string::npos);
        CHECK(page.find(escaped(j.message(rv.findings[k]))) != std::string::npos);
      }
    }
    CHECK(occurrences(page, "class=\"chip ") == j.v.findings.size() + request_findings);
  }

  TEST_CASE("one row per person and a cell for each day of the period; shifts in their cells") {
    const judged j(test::source_file("examples/march-2026.yaml"));
    const auto page = html(j);
    CHECK(occurrences(page, "<tr class=\"person\"") == j.c.people.size());
    CHECK(occurrences(page, "<td class=\"day") == j.c.people.size() * 31);
    CHECK(page.find("data-date=\"2026-03-01\"") != std::string::npos);
    CHECK(page.find("data-date=\"2026-03-31\"") != std::string::npos);
    CHECK(page.find("data-date=\"2026-04-01\"") == std::string::npos);
    // S104 is E001's, worked by E002 after the swap R7: it shows in E002's row, marked.
    const auto e002 = page.find("data-person=\"E002\"");
    const auto e003 = page.find("data-person=\"E003\"");
    const auto s104 = page.find("data-shift=\"S104\"");
    CHECK(e002 < s104);
    CHECK(s104 < e003);
    CHECK(page.find("⇄ R7 ← E001") != std::string::npos);
    CHECK(page.find("@page{size:A4 landscape") != std::string::npos);
  }

  TEST_CASE("without a period the days shown are those of the shifts") {
    const judged j(test::org + "shifts:\n" + test::day_shift("S1", "E001", "2026-03-02") +
                   test::day_shift("S2", "E002", "2026-03-05"));
    const auto page = html(j);
    CHECK(occurrences(page, "<td class=\"day") == j.c.people.size() * 4);
    CHECK(page.find("2026-03-02 – 2026-03-05") != std::string::npos);
  }

  TEST_CASE("everything from the case is escaped: a name cannot open a script") {
    const judged j(hostile_case);
    for (const auto l : {lang::en, lang::zh}) {
      const auto page = html(j, l);
      CHECK(occurrences(page, "<script") == 1);  // the page's own
      CHECK(page.find("<img") == std::string::npos);
      CHECK(page.find("E<b>2") == std::string::npos);
      CHECK(page.find("R</td>") == std::string::npos);
      CHECK(page.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") != std::string::npos);
      CHECK(page.find("Tom &amp; &quot;Jerry&quot;") != std::string::npos);
      CHECK(page.find("data-shift=\"S&lt;1&gt;\"") != std::string::npos);
      CHECK(page.find("data-request=\"R&lt;/td&gt;\"") != std::string::npos);
    }
  }

  TEST_CASE("the page fetches nothing: no links, no external scripts, fonts or images") {
    const auto page = html(judged(test::source_file("examples/march-2026.yaml")));
    for (const char* external : {"<link", " src=", "@import", "url(", "http://", "https://", "@font-face"}) {
      CAPTURE(external);
      CHECK(page.find(external) == std::string::npos);
    }
    CHECK(page.rfind("<!DOCTYPE html>\n", 0) == 0);
    CHECK(page.find("<meta charset=\"utf-8\">") != std::string::npos);
  }

  TEST_CASE("the same verdict gives the same bytes") {
    const judged a(test::source_file("examples/march-2026.yaml"));
    const judged b(test::source_file("examples/march-2026.yaml"));
    CHECK(html(a) == html(b));
    CHECK(html(a, lang::zh) == html(a, lang::zh));
  }

  TEST_CASE("in Chinese: the page's words, the effects and decisions, and names as 张三（E001）") {
    const judged j(test::source_file("examples/march-2026.yaml"));
    const auto page = html(j, lang::zh);
    CHECK(page.find("<html lang=\"zh-CN\">") != std::string::npos);
    for (const char* word : {"已批准", "待审批", "已驳回", "违纪", "旷工", "迟到", "提醒", "需审批", "材料不全", "驳回",
                             "月度视图", "申请", "合计", "按条款", "按班组", "图例", "张三（E001）"}) {
      CAPTURE(word);
      CHECK(page.find(word) != std::string::npos);
    }
    CHECK(page.find(escaped(j.message(j.v.findings[0], lang::zh))) != std::string::npos);
    for (const char* english : {"Approved", "Pending", "Rejected", "Month view", "Legend", "VIOL"}) {
      CAPTURE(english);
      CHECK(page.find(english) == std::string::npos);
    }
    const auto en = html(j);
    CHECK(en.find("张三 (E001)") != std::string::npos);
    CHECK(en.find("<html lang=\"en\">") != std::string::npos);
  }

  TEST_CASE("totals count every finding by effect, clause and team") {
    const judged j(test::source_file("examples/march-2026.yaml"));
    const auto page = html(j);
    std::size_t all = j.v.findings.size();
    for (const auto& rv : j.v.requests) all += rv.findings.size();
    CHECK(page.find("<tr><th>Total</th><td class=\"num\"><b>" + std::to_string(all) + "</b>") != std::string::npos);
    CHECK(page.find("<tr data-clause=\"leave.8\">") != std::string::npos);
    CHECK(page.find("<tr data-team=\"L01\"><th>陈班长 (L01)</th>") != std::string::npos);
  }
}
