// Kind `caseload_ratio`: how many customers of each tier one manager may serve (clause vip.ratio:
// one account manager per 1,000 diamond, 1,500 gold or 2,000 silver customers).
#pragma once

#include "common.hpp"

#include <climits>
#include <cstdint>
#include <map>
#include <numeric>

namespace rulebook::rules {

/// Each tier's customers take a share of one manager: 1,000 diamond customers, or 1,500 gold, fill
/// a manager. A manager (of those `when:` selects) whose books fill more than one manager is
/// reported: a book of 1,001 diamond customers, or 600 diamond and 900 gold (60 % + 60 %).
/// With `mixed: per_tier`, each tier of a book is held to its own ratio alone instead, and 600
/// diamond with 900 gold is within it.
///
///     per_manager: {diamond: 1000, gold: 1500, silver: 2000}
///     mixed: shares            # or per_tier
class caseload_ratio final : public rule {
 public:
  caseload_ratio(rule_header h, std::map<std::string, std::int64_t> per_manager, bool per_tier = false)
      : rule(std::move(h)), per_manager_(std::move(per_manager)), per_tier_(per_tier) {
    for (const auto& [tier, n] : per_manager_) whole_ = std::lcm(whole_, n);
  }

  static auto make(rule_header h, field_reader& params) -> std::unique_ptr<rule> {
    const auto mixed = detail::choice_param(params, "mixed", {"shares", "per_tier"});
    const auto* n = params.required("per_manager");
    if (n == nullptr || !mixed) return nullptr;
    auto& rd = params.reader();
    if (n->kind != source_node::type::map || n->keys.empty()) {
      rd.error(*n, params.what_of("per_manager") +
                       rd.pick(" must map tiers to customers per manager, like `{diamond: 1000}`, not ",
                               "必须把客户等级对应到每位经理负责的客户数，如`{diamond: 1000}`，不能是") +
                       rd.describe_node(*n));
      return nullptr;
    }
    const auto& tiers = h.vocabulary ? h.vocabulary->tiers : std::vector<std::string>{};
    std::map<std::string, std::int64_t> per;
    bool ok = true;
    for (std::size_t i = 0; i < n->keys.size(); ++i) {
      const auto& tier = n->keys[i].text;
      ok = detail::known_name(params, n->keys[i], tier, tiers, {"tier", "客户等级"}) && ok;
      const auto v = rd.integer(
          n->items[i],
          rd.pick("customers per manager of tier `" + tier + "`", "客户等级`" + tier + "`每位经理负责的客户数"), 1);
      ok = ok && v.has_value();
      if (v) per[tier] = *v;
    }
    std::int64_t whole = 1;
    for (const auto& [tier, v] : per) {
      whole = std::lcm(whole, v);
      if (whole > 1'000'000'000'000) {
        rd.error(*n, rd.pick("the ratios of `per_manager` in " + params.what() + " have no common multiple below 10^12",
                             params.what_of("per_manager") + "中各比例的最小公倍数超过10^12"));
        return nullptr;
      }
    }
    for (const auto& tier : tiers) {
      if (ok && !per.contains(tier)) {
        rd.error(*n, params.what_of("per_manager") + rd.pick(" gives no ratio for the tier `" + tier + "`",
                                                             "没有给出客户等级`" + tier + "`的比例"));
        ok = false;
      }
    }
    if (!ok) return nullptr;
    return std::make_unique<caseload_ratio>(std::move(h), std::move(per), *mixed == "per_tier");
  }

  [[nodiscard]] auto judges_case() const -> bool override { return true; }

  void judge_case(case_context& ctx) const override {
    const auto& c = ctx.c();
    // Per manager: each tier's customers, in the books' order.
    std::map<person_index, std::vector<std::pair<std::string, std::int64_t>>> books;
    for (const auto& a : c.accounts) {
      if (!per_manager_.contains(a.tier)) continue;
      auto& mine = books[a.manager];
      auto it = std::find_if(mine.begin(), mine.end(), [&](const auto& b) { return b.first == a.tier; });
      if (it == mine.end()) {
        mine.emplace_back(a.tier, a.customers);
      } else {
        it->second += a.customers;
      }
    }
    for (const auto& [manager, mine] : books) {
      if (per_tier_) {
        for (const auto& [tier, n] : mine) {
          if (n > per_manager_.at(tier)) report_tier(ctx, manager, tier, n);
        }
        continue;
      }
      if (mine.size() == 1) {
        if (mine.front().second > per_manager_.at(mine.front().first)) {
          report_tier(ctx, manager, mine.front().first, mine.front().second);
        }
        continue;
      }
      // In units of 1/whole_ of a manager, so the sum is exact; past int64 it is far over anyway.
      std::int64_t used = 0;
      bool overflow = false;
      std::int64_t customers = 0;
      std::string book;
      for (const auto& [tier, n] : mine) {
        std::int64_t share = 0;
        overflow = overflow || __builtin_mul_overflow(n, whole_ / per_manager_.at(tier), &share) ||
                   __builtin_add_overflow(used, share, &used);
        customers += n;
        book += fmt::format("{}{} {}", book.empty() ? "" : ", ", n, tier);
      }
      if (!overflow && used <= whole_) continue;
      auto f = make_finding(manager, no_index, timeless);
      f.variant = 1;  // a book in several tiers
      f.evidence.push_back({"customers", customers});
      f.evidence.push_back({"book", book});
      // Rounded up, so a book just over the ratio never shows as 100 %.
      if (!overflow) {
        const auto percent = used > INT64_MAX / 100 ? used / whole_ * 100 : (used * 100 + whole_ - 1) / whole_;
        f.evidence.push_back({"load_percent", percent});
      }
      ctx.report(header(), std::move(f));
    }
  }

  [[nodiscard]] auto covers(const rule& other) const -> bool override {
    const auto* o = dynamic_cast<const caseload_ratio*>(&other);
    return o != nullptr && o->per_manager_ == per_manager_ && o->per_tier_ == per_tier_;
  }

  [[nodiscard]] auto remedy(const finding& f, const message_context& m) const -> std::string override {
    const auto who = m.person(f.subject.employee);
    const auto role = manager_word(f, m);
    if (f.variant == 0) {
      const auto tier = std::get<std::string>(*f.find("tier"));
      const auto excess = f.number("customers") - f.number("max_customers");
      return m.pick(fmt::format("move {} {} customer(s) from {} to another account manager", excess, tier, who),
                    fmt::format("将{}的{}名{}客户转给其他{}", who, excess, tier_word(tier, m.lang), role));
    }
    return m.pick(fmt::format("move customers from {} until the book is at most one manager's (now {}%)", who,
                              f.number("load_percent")),
                  fmt::format("将{}的部分客户转出，直至不超过一名{}的服务量（现为{}%）", who, role,
                              f.number("load_percent")));
  }

  [[nodiscard]] auto message(const finding& f, const message_context& m) const -> std::string override {
    const auto who = m.person(f.subject.employee);
    const auto role = manager_word(f, m);
    if (f.variant == 0) {
      const auto tier = std::get<std::string>(*f.find("tier"));
      return m.pick(fmt::format("{} serves {} {} customers; one account manager serves at most {}.", who,
                                f.number("customers"), tier, f.number("max_customers")),
                    fmt::format("{}服务{}名{}客户，每名{}最多服务{}名。", who, f.number("customers"),
                                tier_word(tier, m.lang), role, f.number("max_customers")));
    }
    const auto book = std::get<std::string>(*f.find("book"));
    if (m.lang != lang::zh) {
      std::string ratios;
      for (const auto& [tier, n] : per_manager_)
        ratios += fmt::format("{}1:{} {}", ratios.empty() ? "" : ", ", n, tier);
      return fmt::format("{}'s book ({}) is {}% of what one account manager may serve ({}).", who, book,
                         f.number("load_percent"), ratios);
    }
    // In Chinese as the rulebook writes it: 钻石卡600名、金卡900名; 钻石卡1:1000、金卡1:1500.
    std::vector<std::string> ratios, parts;
    for (const auto& [tier, n] : per_manager_) ratios.push_back(fmt::format("{}1:{}", tier_word(tier, m.lang), n));
    for (std::size_t at = 0; at < book.size();) {
      auto end = book.find(", ", at);
      if (end == std::string::npos) end = book.size();
      const auto item = book.substr(at, end - at);
      const auto space = item.find(' ');
      parts.push_back(space == std::string::npos
                          ? item
                          : tier_word(item.substr(space + 1), m.lang) + item.substr(0, space) + "名");
      at = end + 2;
    }
    const auto join = [](const std::vector<std::string>& xs) {
      std::string out;
      for (const auto& x : xs) out += (out.empty() ? "" : "、") + x;
      return out;
    };
    return fmt::format("{}的客户（{}）达到一名{}服务标准（{}）的{}%。", who, join(parts), role, join(ratios),
                       f.number("load_percent"));
  }

 private:
  /// One tier of `manager`'s book, `n` customers, over its own ratio.
  void report_tier(case_context& ctx, person_index manager, const std::string& tier, std::int64_t n) const {
    auto f = make_finding(manager, no_index, timeless);
    f.variant = 0;
    f.evidence.push_back({"customers", n});
    f.evidence.push_back({"tier", tier});
    f.evidence.push_back({"max_customers", per_manager_.at(tier)});
    const auto max = per_manager_.at(tier);
    f.evidence.push_back({"load_percent", n > INT64_MAX / 100 ? n / max * 100 : (n * 100 + max - 1) / max});
    ctx.report(header(), std::move(f));
  }

  /// A tier as the policy's `labels.tiers` words it: 钻石卡.
  [[nodiscard]] auto tier_word(const std::string& tier, lang l) const -> std::string {
    return detail::label(header(), "tiers", tier, l);
  }

  /// What the policy calls the manager whose book it is (`labels.roles`): 客户服务经理.
  [[nodiscard]] auto manager_word(const finding& f, const message_context& m) const -> std::string {
    const auto& role = m.c.people[f.subject.employee].role;
    return role.empty() ? std::string(m.lang == lang::zh ? "经理" : "manager")
                        : detail::role_name(header(), role, m.lang);
  }

  std::map<std::string, std::int64_t> per_manager_;
  bool per_tier_ = false;   ///< `mixed: per_tier`: each tier against its own ratio alone
  std::int64_t whole_ = 1;  ///< the least common multiple of the ratios: one manager's capacity
};

}  // namespace rulebook::rules
