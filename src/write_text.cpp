// The report for people: requests with their decisions and reasons, then conduct findings.
#include <rulebook/kind.hpp>
#include <rulebook/verdict.hpp>

#include "engine/render.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace rulebook {
namespace {

// The rulebook's own words for a clause, as a quoted line under a finding.
auto clause_line(const verdict& v, const std::string& clause, lang l, const char* indent) -> std::string {
  const auto text = v.policy.clause_text(clause, l);
  return text.empty() ? std::string() : fmt::format("{}{}: “{}”\n", indent, clause, text);
}

}  // namespace

void write_text(std::ostream& out, const verdict& v, const case_file& c, const write_options& o) {
  const bool zh = o.lang == lang::zh;
  std::string s;
  s += fmt::format("{} {} {}\n", zh ? "政策" : "Policy", v.policy.name(),
                   v.policy.version().empty() ? std::string() : "(" + v.policy.version() + ")");
  s += fmt::format("\n{} ({})\n", zh ? "申请" : "Requests", v.requests.size());
  for (const auto& rv : v.requests) {
    const auto& r = c.requests.at(rv.request);
    s += fmt::format("  {:<8} {:<9} {:<8} {}\n", r.id, to_string(r.type()), c.people.at(r.employee).id,
                     to_string(rv.decision));
    for (const auto& cr : rv.criteria) {
      // A promotion's criteria: what is required, what was found, whether it holds (grade.order).
      std::string test = cr.test;
      std::replace(test.begin(), test.end(), '_', ' ');
      if (zh) test = cr.test == "at_least" ? "至少" : cr.test == "at_most" ? "至多" : "等于";
      s += fmt::format("      {} {} {} {}: {}{}\n", cr.holds ? (zh ? "满足  " : "met   ") : (zh ? "不满足" : "unmet "),
                       zh && !cr.label_zh.empty() ? cr.label_zh : cr.name, test, evidence_text(cr.required, c),
                       cr.found ? evidence_text(*cr.found, c) : std::string(zh ? "无记录" : "nothing on record"),
                       cr.month ? " (" + format_month(*cr.month) + ")" : std::string());
    }
    if (!o.explain) {
      for (const auto& f : rv.findings) {
        const auto& h = v.header_of(f);
        s += fmt::format("      - {} [{} {}] {}\n", to_string(f.effect), h.clause, h.id, v.message(f, c, o.lang));
        if (o.clauses) s += clause_line(v, h.clause, o.lang, "          ");
      }
      continue;
    }
    // --explain: every rule that applied, whether it held, the numbers, and what would satisfy it.
    for (const auto& outcome : explain(v, c, rv.request)) {
      const auto& h = v.policy.rule_at(outcome.rule).header();
      const auto* state = !outcome.applies ? (zh ? "不适用" : "n/a   ")
                          : outcome.held   ? (zh ? "满足  " : "held  ")
                                           : (zh ? "不满足" : "unmet ");
      std::string about;
      if (outcome.gave_way_to) {
        const auto& other = v.policy.rule_at(*outcome.gave_way_to).header().id;
        about = zh ? " — 由" + other + "代替(二者择一)" : " — gives way to " + other + " (either/or)";
      } else if (!outcome.applies) {
        about = zh ? " — 不适用于本申请" : " — does not apply to this request";
      } else if (outcome.findings.empty() && !h.description.empty()) {
        about = " — " + h.description;
      }
      s += fmt::format("      {} [{} {}]{}\n", state, h.clause, h.id, about);
      for (const auto* f : outcome.findings) {
        std::string numbers;
        for (const auto& e : f->evidence) {
          if (const auto* n = std::get_if<std::int64_t>(&e.value)) {
            numbers += fmt::format("{}{} {}", numbers.empty() ? "" : ", ", e.key, *n);
          }
        }
        s += fmt::format("          {}: {}{}\n", to_string(f->effect), v.message(*f, c, o.lang),
                         numbers.empty() ? std::string() : " (" + numbers + ")");
        if (o.clauses) s += clause_line(v, h.clause, o.lang, "          ");
        const auto remedy = v.rule_of(*f).remedy(*f, message_context{c, o.lang});
        if (!remedy.empty()) s += fmt::format("          -> {}\n", remedy);
      }
    }
  }
  s += fmt::format("\n{} ({})\n", zh ? "考勤与纪律" : "Findings", v.findings.size());
  for (const auto& f : v.findings) {
    const auto& h = v.header_of(f);
    // A monthly finding shows its month, a weekly one its Monday, a daily one its date; one about no moment (a VIP
    // book) shows nothing there.
    const auto when = f.subject.month             ? format_month(*f.subject.month)
                      : f.subject.week            ? (zh ? "周 " : "week ") + format_date(*f.subject.week)
                      : f.subject.day             ? format_date(*f.subject.day)
                      : f.subject.at.is_special() ? std::string()
                                                  : format_time_point(f.subject.at);
    s += fmt::format("  {:<16} {:<8} {:<12} [{} {}] {}\n", when, c.people.at(f.subject.employee).id,
                     to_string(f.effect), h.clause, h.id, v.message(f, c, o.lang));
    if (o.clauses) s += clause_line(v, h.clause, o.lang, "      ");
    // --explain: what would put it right, where the kind knows (a duty: the report to hand in).
    if (o.explain) {
      const auto remedy = v.rule_of(f).remedy(f, message_context{c, o.lang});
      if (!remedy.empty()) s += fmt::format("      -> {}\n", remedy);
    }
  }
  s += fmt::format("\n{}: {} approved, {} pending, {} rejected; {} late, {} warning, {} violation, {} absenteeism\n",
                   zh ? "合计" : "Summary", v.count(decision::approved), v.count(decision::pending),
                   v.count(decision::rejected), v.count(effect::late), v.count(effect::warning),
                   v.count(effect::violation), v.count(effect::absenteeism));
  out << s;
}

}  // namespace rulebook
