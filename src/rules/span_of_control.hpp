// Kind `span_of_control`: how many people one leader may lead (clause vip.leader_ratio: one team
// leader per 10 account managers).
#pragma once

#include "common.hpp"

namespace rulebook::rules {

/// Counts, for each person `when:` selects, the people whose leader (or superior) they are, of the
/// roles in `members` (everyone, with no `members`), and reports more than `max`.
class span_of_control final : public rule {
 public:
  span_of_control(rule_header h, std::int64_t max, std::vector<std::string> members)
      : rule(std::move(h)), max_(max), members_(std::move(members)) {}

  static auto make(rule_header h, field_reader& params) -> std::unique_ptr<rule> {
    const auto max = detail::count_param(params, "max", 1);
    std::vector<std::string> members;
    bool ok = max.has_value();
    if (const auto* n = params.optional("members")) {
      members = params.reader().text_list(*n, params.what_of("members"));
      const auto& roles = h.vocabulary ? h.vocabulary->roles : std::vector<std::string>{};
      for (std::size_t i = 0; i < members.size(); ++i) {
        // An unknown role is reported at its own place in the list.
        const auto& at = n->kind == source_node::type::sequence && members.size() == n->items.size() ? n->items[i] : *n;
        ok = detail::known_name(params, at, members[i], roles, {"role", "角色"}) && ok;
      }
    }
    if (!ok) return nullptr;
    return std::make_unique<span_of_control>(std::move(h), *max, std::move(members));
  }

  [[nodiscard]] auto judges_case() const -> bool override { return true; }

  void judge_case(case_context& ctx) const override {
    const auto& people = ctx.c().people;
    indexed_vector<person_index, std::int64_t> led(people.size(), 0);
    for (const auto& p : people) {
      const auto up = p.superior();
      if (up != no_index &&
          (members_.empty() || std::find(members_.begin(), members_.end(), p.role) != members_.end())) {
        ++led[up];
      }
    }
    for (const auto p : people.indexes()) {
      if (led[p] <= max_) continue;
      auto f = make_finding(p, no_index, timeless);
      f.evidence.push_back({"members", led[p]});
      f.evidence.push_back({"max", max_});
      ctx.report(header(), std::move(f));
    }
  }

  [[nodiscard]] auto remedy(const finding& f, const message_context& m) const -> std::string override {
    const auto who = m.person(f.subject.employee);
    const auto excess = f.number("members") - max_;
    return m.pick(fmt::format("move {} of {}'s people to another leader", excess, who),
                  fmt::format("将{}带领的{}人调至其他{}", who, excess,
                              detail::role_name(header(), m.c.people[f.subject.employee].role, m.lang)));
  }

  [[nodiscard]] auto message(const finding& f, const message_context& m) const -> std::string override {
    const auto who = m.person(f.subject.employee);
    const auto what = members_.size() == 1 ? detail::role_words(header().labels, members_.front(), lang::en) + "s"
                                           : std::string("people");
    return m.pick(fmt::format("{} leads {} {}; one leader leads at most {}.", who, f.number("members"), what, max_),
                  fmt::format("{}带领{}人，每名{}最多带领{}人。", who, f.number("members"),
                              detail::role_name(header(), m.c.people[f.subject.employee].role, m.lang), max_));
  }

 private:
  std::int64_t max_;
  std::vector<std::string> members_;
};

}  // namespace rulebook::rules
