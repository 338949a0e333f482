// The result of a judgement: a decision per request and the conduct findings.
#pragma once

#include <rulebook/finding.hpp>
#include <rulebook/policy.hpp>

#include <algorithm>
#include <array>
#include <ostream>
#include <string>
#include <vector>

namespace rulebook {

/// The judgement of one request.
struct request_verdict {
  index_t request = no_index;  ///< index into `case_file::requests`
  rulebook::decision decision = decision::approved;
  std::vector<finding> findings;  ///< in policy rule order
  std::vector<criterion> criteria;  ///< criteria measured (a promotion's), in rule order
};

/// One piece of evidence as text: ids for people and shifts, ISO dates and times.
[[nodiscard]] inline auto evidence_text(const evidence_value& ev, const case_file& c) -> std::string {
  return std::visit(
      [&](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::int64_t>) return std::to_string(x);
        if constexpr (std::is_same_v<T, bool>) return x ? "true" : "false";
        if constexpr (std::is_same_v<T, std::string>) return x;
        if constexpr (std::is_same_v<T, shift_ref>) return c.shifts.at(x.index).id;
        if constexpr (std::is_same_v<T, person_ref>) return c.people.at(x.index).id;
        if constexpr (std::is_same_v<T, date>) return format_date(x);
        if constexpr (std::is_same_v<T, time_point>) return format_time_point(x);
        if constexpr (std::is_same_v<T, month>) return format_month(x);
        if constexpr (std::is_same_v<T, date_list>) {
          std::string out;
          for (const auto& d : x) out += (out.empty() ? "" : ", ") + format_date(d);
          return out;
        }
      },
      ev);
}

/// Renders a policy's message template: `{key}` is the evidence under `key`, or one of
/// `employee`, `shift`, `request`, `rule`, `clause`, `approver_role`; `{{` and `}}` are braces.
/// A name with no value is left as written, so a typo shows in the message.
[[nodiscard]] inline auto render_template(std::string_view text, const finding& f, const rule_header& h,
                                          const message_context& m) -> std::string {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((text[i] == '{' || text[i] == '}') && i + 1 < text.size() && text[i + 1] == text[i]) {
      out += text[i++];
      continue;
    }
    const auto close = text[i] == '{' ? text.find('}', i) : std::string_view::npos;
    if (close == std::string_view::npos) {
      out += text[i];
      continue;
    }
    const auto key = text.substr(i + 1, close - i - 1);
    std::string value;
    bool known = true;
    if (const auto* ev = f.find(key)) {
      value = evidence_text(*ev, m.c);
    } else if (key == "employee" && f.subject.employee != no_index) {
      value = m.c.people[f.subject.employee].id;
    } else if (key == "shift" && f.subject.shift != no_index) {
      value = m.c.shifts[f.subject.shift].id;
    } else if (key == "request" && f.subject.request != no_index) {
      value = m.req(f.subject.request).id;
    } else if (key == "rule") {
      value = h.id;
    } else if (key == "clause") {
      value = h.clause;
    } else if (key == "approver_role") {
      value = f.approver_role;
    } else {
      known = false;
    }
    out += known ? value : std::string(text.substr(i, close - i + 1));
    i = close;
  }
  return out;
}

/// `f`'s message: the policy's own template for the language if it has one, else the kind's.
[[nodiscard]] inline auto render_message(const rule& r, const finding& f, const message_context& m) -> std::string {
  const auto& text = m.lang == lang::zh ? r.header().message_zh : r.header().message_en;
  return text.empty() ? r.message(f, m) : render_template(text, f, r.header(), m);
}

/// Everything a judgement found. Holds the policy it was judged by, so rules can render messages.
struct verdict {
  rulebook::policy policy;
  std::vector<request_verdict> requests;  ///< in input order
  std::vector<finding> findings;          ///< conduct findings: by subject time, employee, clause

  /// How many requests got decision `d`.
  [[nodiscard]] auto count(decision d) const -> std::size_t {
    std::size_t n = 0;
    for (const auto& r : requests) n += r.decision == d ? 1 : 0;
    return n;
  }
  /// How many conduct findings have effect `e`.
  [[nodiscard]] auto count(effect e) const -> std::size_t {
    std::size_t n = 0;
    for (const auto& f : findings) n += f.effect == e ? 1 : 0;
    return n;
  }
  /// CONTRACT §4: some request rejected, or some violation or absenteeism.
  [[nodiscard]] auto has_breach() const -> bool {
    return count(decision::rejected) > 0 || count(effect::violation) > 0 || count(effect::absenteeism) > 0;
  }
  /// The rule that made `f`.
  [[nodiscard]] auto rule_of(const finding& f) const -> const rule& { return policy.rule_at(f.rule); }
  /// `f`'s message, rendered now: the policy's own template for the language if it has one,
  /// else the rule kind's message.
  [[nodiscard]] auto message(const finding& f, const case_file& c, lang l = lang::en) const -> std::string {
    return render_message(rule_of(f), f, message_context{c, l});
  }
};

/// How one rule came out for one request, for `--explain`.
struct rule_outcome {
  std::uint32_t rule = 0;
  bool held = true;
  std::vector<const finding*> findings;  ///< the rule's findings on the request (none when it held)
};

/// Every rule that applied to request `i` of `c` (its kind judges the request type and its
/// `when:` matches), in policy order, and whether it held.
[[nodiscard]] inline auto explain(const verdict& v, const case_file& c, index_t i) -> std::vector<rule_outcome> {
  std::vector<rule_outcome> out;
  const auto& r = c.requests.at(i);
  const auto& rv = v.requests.at(i);
  for (const auto& rl : v.policy.rules()) {
    if (!rl->judges(r.type()) || !rl->header().when.matches_request(r, c)) continue;
    rule_outcome o{rl->header().index, true, {}};
    for (const auto& f : rv.findings) {
      if (f.rule == o.rule) o.findings.push_back(&f);
    }
    // A warning reports something, but the rule's requirement still holds.
    o.held = std::all_of(o.findings.begin(), o.findings.end(), [](const finding* f) { return f->effect == effect::warning; });
    out.push_back(std::move(o));
  }
  return out;
}

/// How a verdict is written.
struct write_options {
  rulebook::lang lang = lang::en;
  bool clauses = false;  ///< with each finding, the rulebook's text of its clause
  bool explain = false;  ///< with each request, every rule that applied and what would satisfy it
};

/// Writes the JSON verdict of CONTRACT §3. Same verdict, same bytes.
void write_json(std::ostream& out, const verdict& v, const case_file& c, const write_options& o = {});
/// Writes a report for people.
void write_text(std::ostream& out, const verdict& v, const case_file& c, const write_options& o = {});

}  // namespace rulebook
