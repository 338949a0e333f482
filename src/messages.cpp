// Messages and evidence as text, and the default remedy.
#include <rulebook/kind.hpp>
#include <rulebook/verdict.hpp>

#include "engine/chain_of_command.hpp"
#include "engine/render.hpp"
#include "words.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <variant>

namespace rulebook {

auto evidence_text(const evidence_value& ev, const case_file& c) -> std::string {
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

auto verdict::message(const finding& f, const case_file& c, lang l) const -> std::string {
  return detail::render_message(rule_of(f), f, message_context{c, l});
}

auto rule::remedy(const finding& f, const message_context& m) const -> std::string {
  if (f.effect != effect::needs_approval || f.subject.employee == no_index) return {};
  const auto& people = m.c.people;
  // Leave goes up the chain level by level (leave.3): every level up to the one with the role
  // approves, lower first. Name those who have not approved; never one whose approval is in.
  const request* r = f.subject.request != no_index ? &m.req(f.subject.request) : nullptr;
  const auto approved = [&](person_index who) {
    return r != nullptr &&
           std::any_of(r->approvals.begin(), r->approvals.end(), [&](const approval& a) { return a.by == who; });
  };
  std::vector<person_index> levels;
  bool found = false;
  for (const auto up : detail::superiors(m.c, f.subject.employee)) {
    levels.push_back(up);
    if (people[up].role == f.approver_role) {
      found = true;
      break;
    }
  }
  const auto* ls = header().labels;
  if (!found) {
    return m.pick(fmt::format("needs approval by a {}, and there is none in {}'s chain of command",
                              detail::role_words(ls, f.approver_role, lang::en), people[f.subject.employee].id),
                  fmt::format("须经{}批准，但{}的逐级审批链中没有{}", detail::role_words(ls, f.approver_role, lang::zh),
                              m.person(f.subject.employee), detail::role_words(ls, f.approver_role, lang::zh)));
  }
  const auto target = levels.back();
  std::vector<person_index> missing;
  for (const auto up : levels) {
    if (!approved(up)) missing.push_back(up);
  }
  const auto named = [&](lang l) {
    std::string out;
    if (l == lang::zh) {
      std::vector<std::string> names;
      names.reserve(missing.size());
      for (const auto p : missing) names.push_back(detail::role_words(ls, people[p].role, l) + m.person(p));
      return (names.size() > 1 ? "依次" : "") + [&] {
        std::string joined;
        for (const auto& n : names) joined += (joined.empty() ? "" : "、") + n;
        return joined;
      }();
    }
    for (std::size_t i = 0; i < missing.size(); ++i) {
      if (i) out += ", then ";
      out += people[missing[i]].id + ", " + detail::role_words(ls, people[missing[i]].role, l);
    }
    return out;
  };
  if (missing.empty()) {
    // Everyone approved, yet it does not count: out of order (a higher level before a lower one).
    return m.pick(fmt::format("needs the approvals in order, each level at or after the one below it, up to {}",
                              people[target].id),
                  fmt::format("须逐级审批，下级批准后上级再批准，直至{}", m.person(target)));
  }
  if (approved(target)) {
    // The level above has approved; it is not named again, only those below it who must.
    return m.pick(fmt::format("needs approval by {} first: an approval counts once each level below has approved",
                              named(lang::en)),
                  fmt::format("须先经{}批准：下级批准后，上级的审批方才有效", named(lang::zh)));
  }
  return m.pick(fmt::format("needs approval by {}", named(lang::en)), fmt::format("须经{}批准", named(lang::zh)));
}

namespace detail {

auto role_words(const labels* ls, const std::string& role, lang l) -> std::string {
  return words::name_word(ls, "roles", role, l);
}

auto render_template(std::string_view text, const finding& f, const rule_header& h, const message_context& m)
    -> std::string {
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
      // In Chinese, moments, days, months and people are written for people; numbers stay numbers.
      if (const auto* t = std::get_if<time_point>(ev)) {
        value = m.time(*t);
      } else if (const auto* d = std::get_if<date>(ev)) {
        value = m.day(*d);
      } else if (const auto* mo = std::get_if<month>(ev)) {
        value = m.month_words(*mo);
      } else if (const auto* p = std::get_if<person_ref>(ev)) {
        value = m.person(p->index);
      } else {
        value = evidence_text(*ev, m.c);
      }
    } else if (key == "employee" && f.subject.employee != no_index) {
      value = m.person(f.subject.employee);
    } else if (key == "shift" && f.subject.shift != no_index) {
      value = m.c.shifts[f.subject.shift].id;
    } else if (key == "request" && f.subject.request != no_index) {
      value = m.req(f.subject.request).id;
    } else if (key == "rule") {
      value = h.id;
    } else if (key == "clause") {
      value = h.clause;
    } else if (key == "approver_role") {
      value = m.lang == lang::zh ? role_words(h.labels, f.approver_role, lang::zh) : f.approver_role;
    } else {
      known = false;
    }
    out += known ? value : std::string(text.substr(i, close - i + 1));
    i = close;
  }
  return out;
}

auto render_message(const rule& r, const finding& f, const message_context& m) -> std::string {
  const auto& text = m.lang == lang::zh ? r.header().message_zh : r.header().message_en;
  return text.empty() ? r.message(f, m) : render_template(text, f, r.header(), m);
}

}  // namespace detail
}  // namespace rulebook
