// The report for people: requests with their decisions and reasons, then conduct findings.
#include <rulebook/kind.hpp>
#include <rulebook/verdict.hpp>

#include "engine/render.hpp"
#include "words.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace rulebook {
namespace {

// The rulebook's own words for a clause, as a quoted line under a finding.
auto clause_line(const verdict& v, const std::string& clause, lang l, const char* indent) -> std::string {
  const auto text = v.policy.clause_text(clause, l);
  return text.empty() ? std::string() : fmt::format("{}{}{}“{}”\n", indent, clause, l == lang::zh ? "：" : ": ", text);
}

// A criterion's value: a grade by the policy's word for it, a month, yes or no, in Chinese; as the
// evidence has it in English.
auto criterion_value(const verdict& v, const case_file& c, const evidence_value& ev, lang l) -> std::string {
  if (l != lang::zh) return evidence_text(ev, c);
  if (const auto* b = std::get_if<bool>(&ev)) return *b ? "是" : "否";
  if (const auto* t = std::get_if<std::string>(&ev)) {
    return vocabulary::has(v.policy.vocabulary().grades, *t) ? v.policy.label("grades", *t, l) : *t;
  }
  if (const auto* m = std::get_if<month>(&ev)) return words::month(*m, l);
  if (const auto* d = std::get_if<date>(&ev)) return words::day(*d, l);
  if (const auto* t = std::get_if<time_point>(&ev)) return words::time(*t, l);
  if (const auto* p = std::get_if<person_ref>(&ev)) return words::person(c, p->index, l);
  return evidence_text(ev, c);
}

}  // namespace

void write_text(std::ostream& out, const verdict& v, const case_file& c, const write_options& o) {
  const bool zh = o.lang == lang::zh;
  const auto l = o.lang;
  const auto* ls = &v.policy.labels();
  // Punctuation and people: full-width and 张三（E001） in Chinese; as the case has them in English.
  const auto paren = [&](const std::string& x) { return zh ? "（" + x + "）" : " (" + x + ")"; };
  const auto colon = zh ? "：" : ": ";
  const auto who = [&](person_index p) { return zh ? words::person(c, p, l) : c.people.at(p).id; };
  std::string s;
  if (zh) {
    s += v.policy.title(l) + (v.policy.version().empty() ? std::string() : "（" + v.policy.version() + "）") + "\n";
  } else {
    s += fmt::format("Policy {} {}\n", v.policy.name(),
                     v.policy.version().empty() ? std::string() : "(" + v.policy.version() + ")");
  }
  s += fmt::format("\n{}{}\n", zh ? "申请" : "Requests", paren(std::to_string(v.requests.size())));
  for (const auto& rv : v.requests) {
    const auto& r = c.requests.at(rv.request);
    s += fmt::format("  {:<8} {:<9} {:<{}} {}\n", r.id, words::request_type_word(ls, r.type(), l), who(r.employee),
                     zh ? 13 : 8, words::decision_word(ls, rv.decision, l));
    for (const auto& cr : rv.criteria) {
      // A promotion's criteria: what is required, what was found, whether it holds (grade.order).
      std::string test = cr.test;
      std::replace(test.begin(), test.end(), '_', ' ');
      if (zh) test = cr.test == "at_least" ? "至少" : cr.test == "at_most" ? "至多" : "等于";
      s += fmt::format("      {} {} {} {}{}{}{}\n", cr.holds ? (zh ? "满足  " : "met   ") : (zh ? "不满足" : "unmet "),
                       zh && !cr.label_zh.empty() ? cr.label_zh : cr.name, test, criterion_value(v, c, cr.required, l),
                       colon,
                       cr.found ? criterion_value(v, c, *cr.found, l)
                                : std::string(zh ? "无记录" : "nothing on record"),
                       cr.month ? paren(zh ? words::month(*cr.month, l) : format_month(*cr.month)) : std::string());
    }
    if (!o.explain) {
      for (const auto& f : rv.findings) {
        const auto& h = v.header_of(f);
        s += fmt::format("      - {} [{} {}] {}\n", words::effect_word(ls, f.effect, l), h.clause, h.id,
                         v.message(f, c, o.lang));
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
        about = zh ? " — 由" + other + "代替（二者择一）" : " — gives way to " + other + " (either/or)";
      } else if (!outcome.applies) {
        about = zh ? " — 不适用于本申请" : " — does not apply to this request";
      } else if (outcome.findings.empty() && !h.description.empty() && !zh) {
        // The policy's description is written in one language, English: not shown in a Chinese report.
        about = " — " + h.description;
      }
      s += fmt::format("      {} [{} {}]{}\n", state, h.clause, h.id, about);
      for (const auto* f : outcome.findings) {
        std::string numbers;
        for (const auto& e : f->evidence) {
          if (const auto* n = std::get_if<std::int64_t>(&e.value)) {
            numbers += fmt::format("{}{} {}", numbers.empty() ? "" : (zh ? "，" : ", "), words::evidence_key(e.key, l),
                                   *n);
          }
        }
        s += fmt::format("          {}{}{}{}\n", words::effect_word(ls, f->effect, l), colon, v.message(*f, c, o.lang),
                         numbers.empty() ? std::string() : (zh ? "（" + numbers + "）" : " (" + numbers + ")"));
        if (o.clauses) s += clause_line(v, h.clause, o.lang, "          ");
        const auto remedy = v.rule_of(*f).remedy(*f, message_context{c, o.lang});
        if (!remedy.empty()) s += fmt::format("          -> {}\n", remedy);
      }
    }
  }
  s += fmt::format("\n{}{}\n", zh ? "考勤与纪律" : "Findings", paren(std::to_string(v.findings.size())));
  for (const auto& f : v.findings) {
    const auto& h = v.header_of(f);
    // A monthly finding shows its month, a weekly one its Monday, a daily one its date; one about no moment (a VIP
    // book) shows nothing there.
    const auto when = f.subject.month ? words::month(*f.subject.month, l)
                      : f.subject.week
                          ? (zh ? words::day(*f.subject.week, l) + "当周" : "week " + format_date(*f.subject.week))
                      : f.subject.day             ? words::day(*f.subject.day, l)
                      : f.subject.at.is_special() ? std::string()
                                                  : words::time(f.subject.at, l);
    // Chinese columns are wider: a moment is 2026年3月12日 08:00, a person 张三（E001）.
    s += fmt::format("  {:<{}} {:<{}} {:<{}} [{} {}] {}\n", when, zh ? 19 : 16, who(f.subject.employee), zh ? 13 : 8,
                     words::effect_word(ls, f.effect, l), zh ? 8 : 12, h.clause, h.id, v.message(f, c, o.lang));
    if (o.clauses) s += clause_line(v, h.clause, o.lang, "      ");
    // --explain: what would put it right, where the kind knows (a duty: the report to hand in).
    if (o.explain) {
      const auto remedy = v.rule_of(f).remedy(f, message_context{c, o.lang});
      if (!remedy.empty()) s += fmt::format("      -> {}\n", remedy);
    }
  }
  if (zh) {
    // 合计：申请已批准3项、待审批4项、已驳回5项；迟到3项、提醒9项、违纪8项、旷工7项。
    std::vector<std::string> requests, findings;
    for (auto d : {decision::approved, decision::pending, decision::rejected}) {
      requests.push_back(fmt::format("{}{}项", words::decision_word(ls, d, l), v.count(d)));
    }
    for (auto e : {effect::late, effect::warning, effect::violation, effect::absenteeism}) {
      findings.push_back(fmt::format("{}{}项", words::effect_word(ls, e, l), v.count(e)));
    }
    const auto join = [](const std::vector<std::string>& xs) {
      std::string joined;
      for (const auto& x : xs) joined += (joined.empty() ? "" : "、") + x;
      return joined;
    };
    s += "\n合计：申请" + join(requests) + "；" + join(findings) + "。\n";
  } else {
    s += fmt::format("\nSummary: {} {}, {} {}, {} {}; {} {}, {} {}, {} {}, {} {}\n", v.count(decision::approved),
                     words::decision_word(ls, decision::approved, l), v.count(decision::pending),
                     words::decision_word(ls, decision::pending, l), v.count(decision::rejected),
                     words::decision_word(ls, decision::rejected, l), v.count(effect::late),
                     words::effect_word(ls, effect::late, l), v.count(effect::warning),
                     words::effect_word(ls, effect::warning, l), v.count(effect::violation),
                     words::effect_word(ls, effect::violation, l), v.count(effect::absenteeism),
                     words::effect_word(ls, effect::absenteeism, l));
  }
  out << s;
}

}  // namespace rulebook
