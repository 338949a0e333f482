// `rulebook diff --policy OLD.yaml --against NEW.yaml CASE.yaml|FOLDER...`: what a policy edit changes on cases.
//
// Findings are matched by meaning: the rule that made them, their subject (employee, shift, month,
// week, date, request) and their effect; requests by id. A change of meaning is a decision or an
// effect that changed, or a finding that appeared or disappeared: those make exit status 1. A matched
// finding whose words (message, evidence, clause) changed is listed apart as reworded, and is no change.
#include "options.hpp"

#include "../words.hpp"

#include <rulebook/engine.hpp>
#include <rulebook/kind.hpp>

#include "../json_quote.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string_view>
#include <system_error>

namespace rulebook::cli {
namespace {

// ---------------------------------------------------------------------------------------------
// What the diff holds: findings as text, so a case can be dropped once it is compared.

/// Whom and what a finding is about, as ids (empty where the finding has none).
struct subject_ids {
  std::string employee, shift, month, week, day, request;
};

/// One piece of evidence: as JSON, and as words for the report.
struct evidence_words {
  std::string key, json, text;
  friend auto operator==(const evidence_words& a, const evidence_words& b) -> bool {
    return a.key == b.key && a.json == b.json;
  }
};

/// What a finding says, under one policy.
struct said {
  std::string clause;
  rulebook::effect effect = effect::warning;
  std::string approver_role;  ///< with `needs_approval`
  std::string message;        ///< in the language asked for
  std::vector<evidence_words> evidence;
};

/// A finding in the diff: only `before` (it disappeared), only `after` (it appeared), or both
/// (its effect changed, or it was reworded).
struct entry {
  std::string rule;
  subject_ids subject;
  std::optional<said> before, after;
};

/// How the findings of a request, or the conduct findings of a case, changed.
struct finding_changes {
  std::vector<entry> added, removed, effect_changed, reworded;
  [[nodiscard]] auto meaning_changed() const -> bool {
    return !added.empty() || !removed.empty() || !effect_changed.empty();
  }
  [[nodiscard]] auto empty() const -> bool { return !meaning_changed() && reworded.empty(); }
};

/// A request whose decision or findings changed, or whose findings were reworded.
struct request_change {
  std::string id, type, employee;
  std::optional<rulebook::decision> before, after;  ///< nothing on the side that lacks the request
  finding_changes findings;
  [[nodiscard]] auto decision_changed() const -> bool { return before != after; }
  [[nodiscard]] auto meaning_changed() const -> bool { return decision_changed() || findings.meaning_changed(); }
};

/// How many of each.
struct tally {
  std::size_t decisions_changed = 0, added = 0, removed = 0, effects_changed = 0, reworded = 0;
  [[nodiscard]] auto changes() const -> std::size_t { return decisions_changed + added + removed + effects_changed; }
  void add(const finding_changes& f) {
    added += f.added.size();
    removed += f.removed.size();
    effects_changed += f.effect_changed.size();
    reworded += f.reworded.size();
  }
  void add(const tally& t) {
    decisions_changed += t.decisions_changed;
    added += t.added;
    removed += t.removed;
    effects_changed += t.effects_changed;
    reworded += t.reworded;
  }
};

/// What the edit changes on one case.
struct case_diff {
  std::string file;
  std::vector<request_change> requests;  ///< only those with something to show, in file order
  finding_changes findings;              ///< the conduct findings
  tally count;
};

// ---------------------------------------------------------------------------------------------
// Comparing two verdicts of one case.

auto quote(std::string& out, std::string_view s) -> void { detail::json_quote(out, s); }

auto json_string(std::string_view s) -> std::string {
  std::string out;
  quote(out, s);
  return out;
}

/// Evidence as the verdict writes it: numbers and truth values bare, a list of days as a list.
auto evidence_json(const evidence_value& ev, const case_file& c) -> std::string {
  if (const auto* n = std::get_if<std::int64_t>(&ev)) return std::to_string(*n);
  if (const auto* b = std::get_if<bool>(&ev)) return *b ? "true" : "false";
  if (const auto* days = std::get_if<date_list>(&ev)) {
    std::string out = "[";
    for (std::size_t i = 0; i < days->size(); ++i) {
      if (i) out += ", ";
      quote(out, format_date((*days)[i]));
    }
    return out + ']';
  }
  return json_string(evidence_text(ev, c));
}

/// One side of the diff: a case judged under one policy, and the language its messages are wanted in.
struct judged {
  const verdict& v;
  const case_file& c;
  lang l;

  [[nodiscard]] auto subject_of(const finding& f) const -> subject_ids {
    const auto& s = f.subject;
    subject_ids out;
    if (s.employee != no_index) out.employee = c.people.at(s.employee).id;
    if (s.shift != no_index) out.shift = c.shifts.at(s.shift).id;
    if (s.month) out.month = format_month(*s.month);
    if (s.week) out.week = format_date(*s.week);
    if (s.day) out.day = format_date(*s.day);
    if (s.request != no_index) out.request = c.requests.at(s.request).id;
    return out;
  }
  /// What the findings of one meaning share: rule and subject. The effect is compared apart.
  [[nodiscard]] auto key(const finding& f) const -> std::string {
    const auto s = subject_of(f);
    std::string k = v.header_of(f).id;
    for (const auto* part : {&s.employee, &s.shift, &s.month, &s.week, &s.day, &s.request}) {
      k += '\x1f';
      k += *part;
    }
    return k;
  }
  [[nodiscard]] auto words(const finding& f) const -> said {
    said out{v.header_of(f).clause,
             f.effect,
             f.effect == effect::needs_approval ? f.approver_role : std::string(),
             v.message(f, c, l),
             {}};
    for (const auto& e : f.evidence) {
      auto text = std::holds_alternative<date_list>(e.value) ? evidence_json(e.value, c) : evidence_text(e.value, c);
      out.evidence.push_back({std::string(e.key), evidence_json(e.value, c), std::move(text)});
    }
    return out;
  }
};

auto same_effect(const finding& a, const finding& b) -> bool {
  return a.effect == b.effect && (a.effect != effect::needs_approval || a.approver_role == b.approver_role);
}

auto same_words(const said& a, const said& b) -> bool {
  return a.clause == b.clause && a.message == b.message && a.evidence == b.evidence;
}

/// Pairs the findings `before` (under the old policy) with `after` (under the new one) by rule and
/// subject: first those that say the same, then those with the same effect, then any; each in the
/// order of the verdicts. (Two findings of one rule and subject, a swap's two parties over the cap,
/// pair with the one that still says the same.)
auto compare(const judged& old_side, const std::vector<finding>& before, const judged& new_side,
             const std::vector<finding>& after) -> finding_changes {
  std::map<std::string, std::vector<std::size_t>> by_key;  // the old findings of each key, in order
  for (std::size_t i = 0; i < before.size(); ++i) by_key[old_side.key(before[i])].push_back(i);
  std::vector<std::string> keys;
  keys.reserve(after.size());
  for (const auto& f : after) keys.push_back(new_side.key(f));
  // What each finding says, rendered once and only for findings that have a partner to compare with.
  std::vector<std::optional<said>> old_words(before.size()), new_words(after.size());
  const auto old_said = [&](std::size_t i) -> const said& {
    if (!old_words[i]) old_words[i] = old_side.words(before[i]);
    return *old_words[i];
  };
  const auto new_said = [&](std::size_t j) -> const said& {
    if (!new_words[j]) new_words[j] = new_side.words(after[j]);
    return *new_words[j];
  };
  enum class pass { same_words, same_effect, any };
  const auto fits = [&](pass p, std::size_t i, std::size_t j) {
    if (p == pass::any) return true;
    return same_effect(before[i], after[j]) && (p == pass::same_effect || same_words(old_said(i), new_said(j)));
  };
  constexpr auto none = static_cast<std::size_t>(-1);
  std::vector<bool> taken(before.size(), false);
  std::vector<std::size_t> partner(after.size(), none);
  for (const auto p : {pass::same_words, pass::same_effect, pass::any}) {
    for (std::size_t j = 0; j < after.size(); ++j) {
      if (partner[j] != none) continue;
      const auto it = by_key.find(keys[j]);
      if (it == by_key.end()) continue;
      for (const auto i : it->second) {
        if (taken[i] || !fits(p, i, j)) continue;
        taken[i] = true;
        partner[j] = i;
        break;
      }
    }
  }
  finding_changes out;
  for (std::size_t i = 0; i < before.size(); ++i) {
    if (!taken[i]) {
      out.removed.push_back({old_side.v.header_of(before[i]).id, old_side.subject_of(before[i]), old_said(i), {}});
    }
  }
  for (std::size_t j = 0; j < after.size(); ++j) {
    const auto i = partner[j];
    if (i != none && same_effect(before[i], after[j]) && same_words(old_said(i), new_said(j))) continue;
    entry e{new_side.v.header_of(after[j]).id, new_side.subject_of(after[j]), std::nullopt, new_said(j)};
    if (i == none) {
      out.added.push_back(std::move(e));
      continue;
    }
    e.before = old_said(i);
    (same_effect(before[i], after[j]) ? out.reworded : out.effect_changed).push_back(std::move(e));
  }
  return out;
}

/// The findings of a request are listed under it: their subjects need not name it again.
void clear_request(finding_changes& f) {
  for (auto* list : {&f.added, &f.removed, &f.effect_changed, &f.reworded}) {
    for (auto& e : *list) e.subject.request.clear();
  }
}

auto compare_case(std::string file, const judged& old_side, const judged& new_side) -> case_diff {
  case_diff d{std::move(file), {}, {}, {}};
  std::map<std::string_view, request_index> old_requests;
  for (const auto i : old_side.v.requests.indexes()) {
    old_requests.emplace(old_side.c.requests.at(old_side.v.requests[i].request).id, i);
  }
  const std::vector<finding> nothing;
  for (const auto& rv : new_side.v.requests) {
    const auto& r = new_side.c.requests.at(rv.request);
    request_change rc{r.id, to_string(r.type()), new_side.c.people.at(r.employee).id, std::nullopt, rv.decision, {}};
    const auto it = old_requests.find(r.id);
    const std::vector<finding>* before = &nothing;
    if (it != old_requests.end()) {
      const auto& old_rv = old_side.v.requests[it->second];
      rc.before = old_rv.decision;
      before = &old_rv.findings;
      old_requests.erase(it);
    }
    rc.findings = compare(old_side, *before, new_side, rv.findings);
    if (rc.decision_changed()) ++d.count.decisions_changed;
    d.count.add(rc.findings);
    clear_request(rc.findings);
    if (rc.decision_changed() || !rc.findings.empty()) d.requests.push_back(std::move(rc));
  }
  // A request only the old verdict has (the same file is read under both policies, so never today).
  for (const auto& [id, i] : old_requests) {
    const auto& old_rv = old_side.v.requests[i];
    const auto& r = old_side.c.requests.at(old_rv.request);
    request_change rc{r.id,
                      to_string(r.type()),
                      old_side.c.people.at(r.employee).id,
                      old_rv.decision,
                      std::nullopt,
                      compare(old_side, old_rv.findings, new_side, nothing)};
    ++d.count.decisions_changed;
    d.count.add(rc.findings);
    clear_request(rc.findings);
    d.requests.push_back(std::move(rc));
  }
  d.findings = compare(old_side, old_side.v.findings, new_side, new_side.v.findings);
  d.count.add(d.findings);
  return d;
}

// ---------------------------------------------------------------------------------------------
// The cases to compare: files as given, folders as every case file in them.

auto is_case_file(const std::filesystem::path& p) -> bool {
  const auto ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

/// The case files of `args`, a folder giving every *.yaml, *.yml and *.json in it, sorted by name.
/// Prints (in language `l`) a folder it cannot read or that holds no case, and clears `ok`.
auto case_files(const std::vector<std::string>& args, lang l, bool& ok) -> std::vector<std::string> {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  for (const auto& a : args) {
    std::error_code ec;
    if (!fs::is_directory(a, ec)) {
      out.push_back(a);  // loading it says what is wrong with it
      continue;
    }
    std::vector<std::string> names;
    for (fs::directory_iterator it(a, ec), end; !ec && it != end; it.increment(ec)) {
      std::error_code file_ec;
      if (it->is_regular_file(file_ec) && is_case_file(it->path())) names.push_back(it->path().filename().string());
    }
    if (ec) {
      std::cerr << a << (l == lang::zh ? ": 无法读取文件夹：" : ": cannot read folder: ") << ec.message() << '\n';
      ok = false;
      continue;
    }
    if (names.empty()) {
      std::cerr << a
                << (l == lang::zh ? ": 文件夹中没有案例文件（*.yaml、*.yml、*.json）\n"
                                  : ": no case files (*.yaml, *.yml, *.json) in this folder\n");
      ok = false;
      continue;
    }
    std::sort(names.begin(), names.end());
    const auto folder = a.back() == '/' ? a : a + '/';
    for (const auto& n : names) out.push_back(folder + n);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The JSON document.

auto effect_json(const said& s) -> std::string {
  std::string out = "\"effect\": " + json_string(to_string(s.effect));
  if (s.effect == effect::needs_approval) out += ", \"approver_role\": " + json_string(s.approver_role);
  return out;
}

auto said_json(const said& s) -> std::string {
  std::string out = "\"clause\": " + json_string(s.clause) + ", " + effect_json(s) +
                    ", \"message\": " + json_string(s.message) + ", \"evidence\": {";
  for (std::size_t i = 0; i < s.evidence.size(); ++i) {
    if (i) out += ", ";
    out += json_string(s.evidence[i].key) + ": " + s.evidence[i].json;
  }
  return out + '}';
}

auto subject_json(const subject_ids& s) -> std::string {
  std::string out = "{";
  const std::pair<const char*, const std::string*> parts[] = {{"employee", &s.employee}, {"shift", &s.shift},
                                                              {"month", &s.month},       {"week", &s.week},
                                                              {"date", &s.day},          {"request", &s.request}};
  for (const auto& [name, value] : parts) {
    if (value->empty()) continue;
    if (out.size() > 1) out += ", ";
    out += json_string(name) + ": " + json_string(*value);
  }
  return out + '}';
}

/// A finding that appeared or disappeared, on one line; or one matched, with its old and new words on
/// a line each.
auto entry_json(const entry& e, const std::string& indent) -> std::string {
  std::string out = "{\"rule\": " + json_string(e.rule) + ", \"subject\": " + subject_json(e.subject);
  if (!e.before || !e.after) return out + ", " + said_json(e.before ? *e.before : *e.after) + '}';
  return out + ",\n" + indent + " \"old\": {" + said_json(*e.before) + "},\n" + indent + " \"new\": {" +
         said_json(*e.after) + "}}";
}

void changes_json(std::string& out, const finding_changes& f, const std::string& indent) {
  const std::pair<const char*, const std::vector<entry>*> lists[] = {
      {"added", &f.added}, {"removed", &f.removed}, {"effect_changed", &f.effect_changed}, {"reworded", &f.reworded}};
  out += '{';
  bool first = true;
  for (const auto& [name, list] : lists) {
    out += first ? "" : ",";
    out += '\n' + indent + "  " + json_string(name) + ": [";
    first = false;
    for (std::size_t i = 0; i < list->size(); ++i) {
      out += (i ? ",\n" : "\n") + indent + "    " + entry_json((*list)[i], indent + "    ");
    }
    out += list->empty() ? "]" : '\n' + indent + "  ]";
  }
  out += '\n' + indent + '}';
}

auto tally_json(const tally& t) -> std::string {
  return fmt::format(
      "\"decisions_changed\": {}, \"findings_added\": {}, \"findings_removed\": {}, \"effects_changed\": {}, "
      "\"reworded\": {}",
      t.decisions_changed, t.added, t.removed, t.effects_changed, t.reworded);
}

auto policy_json(const policy& p) -> std::string {
  return "{\"name\": " + json_string(p.name()) + ", \"version\": " + json_string(p.version()) +
         ", \"digest\": " + json_string(p.digest()) + '}';
}

auto decision_json(const std::optional<decision>& d) -> std::string { return d ? json_string(to_string(*d)) : "null"; }

void write_json(std::ostream& os, const policy& old_policy, const policy& new_policy,
                const std::vector<case_diff>& cases, const tally& total, std::size_t changed) {
  std::string out = "{\n  \"policies\": {\"old\": " + policy_json(old_policy) +
                    ",\n               \"new\": " + policy_json(new_policy) + "},\n  \"cases\": [";
  for (std::size_t k = 0; k < cases.size(); ++k) {
    const auto& d = cases[k];
    out += k ? ",\n    {" : "\n    {";
    out += "\"case\": " + json_string(d.file) + ", \"changed\": " + (d.count.changes() ? "true" : "false") +
           ",\n     \"summary\": {" + tally_json(d.count) + "},\n     \"requests\": [";
    for (std::size_t i = 0; i < d.requests.size(); ++i) {
      const auto& r = d.requests[i];
      out += i ? ",\n       {" : "\n       {";
      out += "\"id\": " + json_string(r.id) + ", \"type\": " + json_string(r.type) +
             ", \"employee\": " + json_string(r.employee) +
             ", \"changed\": " + (r.meaning_changed() ? "true" : "false") +
             ",\n        \"decision\": {\"old\": " + decision_json(r.before) + ", \"new\": " + decision_json(r.after) +
             "},\n        \"findings\": ";
      changes_json(out, r.findings, "        ");
      out += '}';
    }
    out += d.requests.empty() ? "],\n" : "\n     ],\n";
    out += "     \"findings\": ";
    changes_json(out, d.findings, "     ");
    out += '}';
    os << out;
    out.clear();
  }
  out += cases.empty() ? "],\n" : "\n  ],\n";
  out += fmt::format("  \"summary\": {{\"cases\": {}, \"cases_changed\": {}, {}}}\n}}\n", cases.size(), changed,
                     tally_json(total));
  os << out;
}

// ---------------------------------------------------------------------------------------------
// The report for people.

struct words {
  const char* no_change;
  const char* no_change_in_meaning;
  const char* decisions_changed;
  const char* added;
  const char* removed;
  const char* effects_changed;
  const char* reworded;
  const char* still;
  const char* findings;
  const char* reworded_heading;
  const char* was;
  const char* evidence;
  const char* clause;
  const char* cases;
  const char* none;
  const char* comma;      ///< between counts
  const char* semicolon;  ///< before the reworded count
};

constexpr words english{"no change",
                        "no change in meaning",
                        "{} decision(s) changed",
                        "{} finding(s) added",
                        "{} finding(s) removed",
                        "{} effect(s) changed",
                        "{} finding(s) reworded",
                        "still {}",
                        "findings:",
                        "reworded, the same meaning (not counted as changes):",
                        "was: ",
                        "evidence: ",
                        "clause: ",
                        "{} cases: {} with changes, {} without",
                        "(none)",
                        ", ",
                        "; "};
constexpr words chinese{"无变化",
                        "含义无变化",
                        "{} 项决定改变",
                        "新增 {} 条发现",
                        "消失 {} 条发现",
                        "{} 条发现效果改变",
                        "{} 条发现措辞改变",
                        "仍为 {}",
                        "考勤与纪律：",
                        "措辞改变、含义相同（不计为变化）：",
                        "原为：",
                        "证据：",
                        "条款：",
                        "{} 个案例：{} 个有变化，{} 个无变化",
                        "（无）",
                        "，",
                        "；"};

/// Whether `text` names `id` as a word of its own (not `E1` inside `E10`).
auto names(std::string_view text, std::string_view id) -> bool {
  if (id.empty()) return true;
  const auto word = [](char ch) {
    return (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || ch == '_';
  };
  for (auto at = text.find(id); at != std::string_view::npos; at = text.find(id, at + 1)) {
    const bool starts = at == 0 || !word(text[at - 1]);
    const bool ends = at + id.size() == text.size() || !word(text[at + id.size()]);
    if (starts && ends) return true;
  }
  return false;
}

struct text_writer {
  const words& w;
  std::string out;
  bool of_request = false;  ///< whether the findings written are a request's, under its id and employee
  rulebook::lang l = lang::en;
  const rulebook::labels* ls = nullptr;  ///< the edited policy's words for roles, effects, decisions

  [[nodiscard]] auto effect_text(effect e) const -> std::string { return rulebook::words::effect_word(ls, e, l); }
  [[nodiscard]] auto type_words(const std::string& type) const -> std::string {
    for (const auto t : {request_type::leave, request_type::swap, request_type::promotion}) {
      if (to_string(t) == type) return rulebook::words::request_type_word(ls, t, l);
    }
    return type;
  }
  [[nodiscard]] auto decision_text(const std::optional<rulebook::decision>& d) const -> std::string {
    return d ? rulebook::words::decision_word(ls, *d, l) : "-";
  }

  /// The message; a conduct finding's after the employee it is about where it does not name them.
  [[nodiscard]] auto message(const entry& e, const said& s) const -> std::string {
    if (of_request || names(s.message, e.subject.employee)) return s.message;
    return e.subject.employee + ": " + s.message;
  }
  [[nodiscard]] auto effect_words(const said& s, bool with_role) const -> std::string {
    std::string text = effect_text(s.effect);
    if (with_role && s.effect == effect::needs_approval) {
      const auto role = rulebook::words::name_word(ls, "roles", s.approver_role, l);
      text += l == lang::zh ? "（" + role + "）" : " (" + role + ")";
    }
    return text;
  }
  /// What else changed in a matched finding's words: the message before, the clause, the evidence.
  void details(const entry& e, const char* indent) {
    const auto& a = *e.before;
    const auto& b = *e.after;
    if (a.message != b.message) out += fmt::format("{}{}{}\n", indent, w.was, message(e, a));
    if (a.clause != b.clause) out += fmt::format("{}{}{} -> {}\n", indent, w.clause, a.clause, b.clause);
    if (a.evidence == b.evidence) return;
    std::string changed;
    const auto find = [](const said& s, const std::string& key) -> const evidence_words* {
      for (const auto& x : s.evidence) {
        if (x.key == key) return &x;
      }
      return nullptr;
    };
    const auto add = [&](const std::string& key, const evidence_words* x, const evidence_words* y) {
      if (x && y && *x == *y) return;
      changed += fmt::format("{}{} {} -> {}", changed.empty() ? "" : w.comma, rulebook::words::evidence_key(key, l),
                             x ? x->text : w.none, y ? y->text : w.none);
    };
    for (const auto& y : b.evidence) add(y.key, find(a, y.key), &y);
    for (const auto& x : a.evidence) {
      if (!find(b, x.key)) add(x.key, &x, nullptr);
    }
    out += fmt::format("{}{}{}\n", indent, w.evidence, changed);
  }
  void changes(const finding_changes& f, const char* indent, const char* detail_indent) {
    for (const auto& e : f.effect_changed) {
      const bool roles = e.before->effect == e.after->effect;
      out += fmt::format("{}~ {} -> {} [{} {}] {}\n", indent, effect_words(*e.before, roles),
                         effect_words(*e.after, roles), e.after->clause, e.rule, message(e, *e.after));
      details(e, detail_indent);
    }
    for (const auto& e : f.added) {
      out += fmt::format("{}+ {} [{} {}] {}\n", indent, effect_text(e.after->effect), e.after->clause, e.rule,
                         message(e, *e.after));
    }
    for (const auto& e : f.removed) {
      out += fmt::format("{}- {} [{} {}] {}\n", indent, effect_text(e.before->effect), e.before->clause, e.rule,
                         message(e, *e.before));
    }
  }
  void reworded(const entry& e, const std::string& request) {
    out += fmt::format("    {}{} [{} {}] {}\n", request.empty() ? std::string() : request + ": ",
                       effect_text(e.after->effect), e.after->clause, e.rule, message(e, *e.after));
    details(e, "        ");
  }
  auto summary(const tally& t) -> std::string {
    std::string s;
    const auto part = [&](const char* what, std::size_t n) {
      if (n) s += (s.empty() ? "" : w.comma) + fmt::format(fmt::runtime(what), n);
    };
    part(w.decisions_changed, t.decisions_changed);
    part(w.added, t.added);
    part(w.removed, t.removed);
    part(w.effects_changed, t.effects_changed);
    if (t.changes() == 0) s = t.reworded ? w.no_change_in_meaning : w.no_change;
    if (t.reworded) s += w.semicolon + fmt::format(fmt::runtime(w.reworded), t.reworded);
    return s;
  }
  void write(const case_diff& d) {
    out += fmt::format("{}: {}\n", d.file, summary(d.count));
    for (const auto& r : d.requests) {
      if (!r.meaning_changed()) continue;
      const auto decision = [&](const std::optional<rulebook::decision>& x) { return decision_text(x); };
      const auto type = l == lang::zh ? "（" + type_words(r.type) + "，" + r.employee + "）"
                                      : " (" + r.type + ", " + r.employee + ")";
      out += fmt::format("  {}{}: {}\n", r.id, type,
                         r.decision_changed() ? fmt::format("{} -> {}", decision(r.before), decision(r.after))
                                              : fmt::format(fmt::runtime(w.still), decision(r.after)));
      of_request = true;
      changes(r.findings, "    ", "        ");
      of_request = false;
    }
    if (d.findings.meaning_changed()) {
      out += fmt::format("  {}\n", w.findings);
      changes(d.findings, "    ", "        ");
    }
    if (d.count.reworded == 0) return;
    out += fmt::format("  {}\n", w.reworded_heading);
    for (const auto& r : d.requests) {
      of_request = true;
      for (const auto& e : r.findings.reworded) reworded(e, r.id);
      of_request = false;
    }
    for (const auto& e : d.findings.reworded) reworded(e, {});
  }
};

}  // namespace

auto run_diff(const options& o) -> int {
  if (o.files.empty() || o.against.empty()) {
    std::cerr << "rulebook diff: give --policy OLD.yaml --against NEW.yaml and one or more case files or folders\n";
    return exit_bad_input;
  }
  const auto old_policy = load_policies(o.policies, o.lang);
  const auto new_policy = load_policies(o.against, o.lang);
  bool folders_ok = true;
  const auto files = case_files(o.files, o.lang, folders_ok);
  if (!old_policy || !new_policy) return exit_bad_input;
  // Every case is read under both policies (each may know other roles and grades); any bad one
  // means no report, but every bad one is told.
  bool bad = !folders_ok;
  std::vector<case_diff> cases;
  for (const auto& file : files) {
    std::vector<load_issue> issues;
    const auto old_case = load_case(file, *old_policy, issues, o.lang);
    const auto new_case = issues.empty() ? load_case(file, *new_policy, issues, o.lang) : case_file{};
    if (!issues.empty()) {
      print_issues(issues, o.lang);
      bad = true;
    }
    if (bad) continue;
    const auto before = judge(*old_policy, old_case, {.threads = o.threads});
    const auto after = judge(*new_policy, new_case, {.threads = o.threads});
    cases.push_back(compare_case(file, judged{before, old_case, o.lang}, judged{after, new_case, o.lang}));
  }
  if (bad) return exit_bad_input;
  tally total;
  std::size_t changed = 0;
  for (const auto& d : cases) {
    total.add(d.count);
    changed += d.count.changes() ? 1 : 0;
  }
  if (writes_text(o)) {
    text_writer t{o.lang == lang::zh ? chinese : english, {}, false, o.lang, &new_policy->labels()};
    for (std::size_t k = 0; k < cases.size(); ++k) {
      if (k) t.out += '\n';
      t.write(cases[k]);
    }
    if (cases.size() > 1) {
      t.out += '\n' + fmt::format(fmt::runtime(t.w.cases), cases.size(), changed, cases.size() - changed) + '\n';
    }
    std::cout << t.out;
  } else {
    write_json(std::cout, *old_policy, *new_policy, cases, total, changed);
  }
  std::cout.flush();
  return changed ? exit_breach : exit_ok;
}

}  // namespace rulebook::cli
