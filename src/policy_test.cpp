// Policy test files (see policy_test.hpp): read, judge, compare, report.
#include <rulebook/engine.hpp>
#include <rulebook/kind.hpp>
#include <rulebook/policy_test.hpp>

#include "source_io.hpp"

#include <filesystem>
#include <regex>
#include <set>

namespace rulebook {
namespace {

namespace fs = std::filesystem;

auto pick(lang l, std::string en, std::string zh) -> std::string {
  return l == lang::zh ? std::move(zh) : std::move(en);
}

constexpr std::string_view spec_keys[] = {"request", "rule",  "clause", "effect", "employee",
                                          "shift",   "month", "week",   "date",   "approver_role"};

// A finding as a test file describes it: only the keys given must match.
struct finding_spec {
  std::vector<std::pair<std::string, std::string>> keys;
  std::string request;  // empty: a conduct finding

  [[nodiscard]] auto text() const -> std::string {
    std::string out = "{";
    for (const auto& [k, v] : keys) out += (out.size() > 1 ? ", " : "") + k + ": " + v;
    return out + "}";
  }
};

auto read_spec(source_reader& rd, const source_node& n, const std::string& what) -> std::optional<finding_spec> {
  field_reader f(rd, n, what);
  finding_spec spec;
  for (const auto key : spec_keys) {
    if (const auto* v = f.optional(key)) {
      if (auto t = rd.text(*v, rd.key_of(key, what))) {
        spec.keys.emplace_back(key, *t);
        if (key == "request") spec.request = *t;
      }
    }
  }
  f.finish();
  if (!f.ok()) return std::nullopt;
  return spec;
}

struct judged_case {
  const case_file& c;
  const verdict& v;

  [[nodiscard]] auto field(const finding& f, std::string_view key) const -> std::string {
    const auto& h = v.header_of(f);
    if (key == "rule") return h.id;
    if (key == "clause") return h.clause;
    if (key == "effect") return to_string(f.effect);
    if (key == "employee") return f.subject.employee == no_index ? "" : c.people[f.subject.employee].id;
    if (key == "shift") return f.subject.shift == no_index ? "" : c.shifts[f.subject.shift].id;
    if (key == "month") return f.subject.month ? format_month(*f.subject.month) : "";
    if (key == "week") return f.subject.week ? format_date(*f.subject.week) : "";
    if (key == "date") return f.subject.day ? format_date(*f.subject.day) : "";
    if (key == "approver_role") return f.approver_role;
    if (key == "request") return f.subject.request == no_index ? "" : c.requests[f.subject.request].id;
    return "";
  }
  [[nodiscard]] auto matches(const finding_spec& s, const finding& f) const -> bool {
    return std::all_of(s.keys.begin(), s.keys.end(), [&](const auto& kv) { return field(f, kv.first) == kv.second; });
  }
  [[nodiscard]] auto describe(const finding& f) const -> std::string {
    std::string out = field(f, "clause") + " " + field(f, "effect") + " (" + field(f, "rule");
    if (f.subject.employee != no_index && f.subject.request == no_index) out += ", " + field(f, "employee");
    if (f.subject.shift != no_index) out += ", " + field(f, "shift");
    return out + ")";
  }
  // The findings a spec is matched against: a request's, or the conduct findings.
  [[nodiscard]] auto pool(const finding_spec& s) const -> const std::vector<finding>* {
    if (s.request.empty()) return &v.findings;
    const auto i = c.find_request(s.request);
    return i == no_index ? nullptr : &v.requests[i].findings;
  }
  [[nodiscard]] auto list(const std::vector<finding>& findings, const finding_spec& s) const -> std::string {
    std::string out;
    std::size_t shown = 0;
    for (const auto& f : findings) {
      // Keep the list short: only findings about the same employee, when the spec names one.
      bool related = true;
      for (const auto& [k, val] : s.keys) related = related && (k != "employee" || field(f, k) == val);
      if (!related) continue;
      if (shown++ == 8) {
        out += ", …";
        break;
      }
      out += (out.empty() ? "" : ", ") + describe(f);
    }
    return out.empty() ? "none" : out;
  }
};

// Whether `text` names the person `id` as a word of its own (L01, not L012).
auto names_person(std::string_view text, std::string_view id) -> bool {
  const auto word = [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) != 0 || ch == '_' || ch == '-'; };
  for (auto at = text.find(id); at != std::string_view::npos; at = text.find(id, at + 1)) {
    const bool starts = at == 0 || !word(text[at - 1]);
    const bool ends = at + id.size() == text.size() || !word(text[at + id.size()]);
    if (starts && ends) return true;
  }
  return false;
}

void run_test(const policy& p, const std::string& file, const source_node& node, const std::string& default_name,
              const std::regex* only, lang l, policy_test_report& report, std::set<std::uint32_t>& fired) {
  policy_test_result result;
  result.file = file;
  result.name = default_name;
  source_reader rd(file, result.errors, l);
  field_reader t(rd, node, rd.pick("test `" + default_name + "`", "测试`" + default_name + "`"));
  if (const auto* n = t.optional("name")) {
    result.name = rd.text(*n, rd.pick("`name` of a test", "测试的`name`")).value_or(default_name);
  }
  if (only != nullptr && result.errors.empty() && !std::regex_search(result.name, *only)) return;
  const auto* case_node = t.required("case");
  const auto* expect = t.required("expect");
  t.finish();
  case_file c;
  if (case_node != nullptr && case_node->kind == source_node::type::scalar) {
    const auto path = (fs::path(file).parent_path() / case_node->text).string();
    c = load_case(path, p, result.errors, rd.language());
  } else if (case_node != nullptr) {
    c = detail::case_from_source(file, *case_node, p, result.errors, rd.language());
  }
  std::map<std::string, std::pair<std::string, source_node>> decisions;
  std::vector<finding_spec> present, absent;
  // request id → (criterion name, met?), with the place of the request id for errors
  std::map<std::string, std::pair<std::vector<std::pair<std::string, bool>>, source_node>> criteria;
  if (expect != nullptr) {
    field_reader e(rd, *expect,
                   rd.pick("`expect` of test `" + result.name + "`", "测试`" + result.name + "`的`expect`"));
    if (const auto* d = e.optional("decisions")) {
      if (d->kind != source_node::type::map) {
        rd.error(*d, rd.pick("`decisions` maps request ids to `approved`, `pending` or `rejected`",
                             "`decisions`须把申请编号对应到`approved`、`pending`或`rejected`"));
      } else {
        for (std::size_t i = 0; i < d->keys.size(); ++i) {
          const auto& want = d->items[i];
          if (want.text != "approved" && want.text != "pending" && want.text != "rejected") {
            rd.error(want, rd.pick("decision `" + want.text + "` of `" + d->keys[i].text +
                                       "` is not `approved`, `pending` or `rejected`",
                                   "`" + d->keys[i].text + "`的审批结果`" + want.text +
                                       "`不是`approved`、`pending`或`rejected`"));
          }
          decisions[d->keys[i].text] = {want.text, d->keys[i]};
        }
      }
    }
    for (auto [key, out] : {std::pair{"findings", &present}, std::pair{"absent", &absent}}) {
      const auto* list = e.optional(key);
      if (list == nullptr) continue;
      if (list->kind != source_node::type::sequence) {
        const std::string k(key);
        rd.error(*list, rd.pick("`" + k + "` is a list of finding specs", "`" + k + "`须是预期发现的列表"));
        continue;
      }
      for (const auto& item : list->items) {
        if (auto s = read_spec(rd, item, rd.pick("a finding spec", "预期发现"))) out->push_back(std::move(*s));
      }
    }
    if (const auto* cr = e.optional("criteria")) {
      if (cr->kind != source_node::type::map) {
        rd.error(*cr, rd.pick("`criteria` maps request ids to `{criterion: met | unmet}`",
                              "`criteria`须把申请编号对应到`{criterion: met | unmet}`"));
      } else {
        for (std::size_t i = 0; i < cr->keys.size(); ++i) {
          auto& wants = criteria[cr->keys[i].text];
          wants.second = cr->keys[i];
          const auto& m = cr->items[i];
          if (m.kind != source_node::type::map) {
            rd.error(m, rd.pick("the criteria of `" + cr->keys[i].text + "` map criterion names to `met` or `unmet`",
                                "`" + cr->keys[i].text + "`下须把各考核项的名称对应到`met`或`unmet`"));
            continue;
          }
          for (std::size_t k = 0; k < m.keys.size(); ++k) {
            const auto& want = m.items[k];
            if (want.text != "met" && want.text != "unmet") {
              rd.error(want,
                       rd.pick("criterion `" + m.keys[k].text + "` is expected `met` or `unmet`, not `" + want.text +
                                   "`",
                               "考核项`" + m.keys[k].text + "`的预期须是`met`或`unmet`，不能是`" + want.text + "`"));
            }
            wants.first.emplace_back(m.keys[k].text, want.text == "met");
          }
        }
      }
    }
    e.finish();
  }
  if (result.errors.empty()) {
    const auto no_request = [&](const std::string& id) {
      return rd.pick("no request `" + id + "` in the case", "案例中没有申请`" + id + "`");
    };
    for (const auto& [id, want] : decisions) {
      if (c.find_request(id) == no_index) rd.error(want.second, no_request(id));
    }
    for (const auto& [id, want] : criteria) {
      if (c.find_request(id) == no_index) rd.error(want.second, no_request(id));
    }
    for (const auto* specs : {&present, &absent}) {
      for (const auto& s : *specs) {
        if (!s.request.empty() && c.find_request(s.request) == no_index) {
          result.errors.push_back({{file, 0, 0}, {}, no_request(s.request)});
        }
      }
    }
  }
  if (!result.errors.empty()) {
    report.tests.push_back(std::move(result));
    return;
  }
  const auto v = judge(p, c);
  for (const auto& rv : v.requests) {
    for (const auto& f : rv.findings) fired.insert(f.rule);
  }
  for (const auto& f : v.findings) fired.insert(f.rule);
  const judged_case j{c, v};
  for (const auto& [id, want] : decisions) {
    const auto& rv = v.requests[c.find_request(id)];
    test_check check{id + " is " + want.first, {}, to_string(rv.decision) == want.first};
    if (!check.passed) {
      std::string why;
      for (const auto& f : rv.findings) why += (why.empty() ? ": " : ", ") + j.describe(f);
      check.actual = id + " is " + to_string(rv.decision) + why;
    }
    result.checks.push_back(std::move(check));
  }
  for (const auto& [id, wants] : criteria) {
    const auto& rv = v.requests[c.find_request(id)];
    for (const auto& [name, met] : wants.first) {
      const auto it = std::find_if(rv.criteria.begin(), rv.criteria.end(),
                                   [&name = name](const criterion& cr) { return cr.name == name; });
      test_check check{id + "'s criterion " + name + " is " + (met ? "met" : "unmet"),
                       {},
                       it != rv.criteria.end() && it->holds == met};
      if (it == rv.criteria.end()) {
        std::string names;
        for (const auto& cr : rv.criteria) names += (names.empty() ? "" : ", ") + cr.name;
        check.actual = id + " has no criterion " + name + "; it has: " + (names.empty() ? "none" : names);
      } else if (!check.passed) {
        check.actual = id + "'s criterion " + name + " is " + (it->holds ? "met" : "unmet") + " (required " +
                       evidence_text(it->required, c) + ", found " +
                       (it->found ? evidence_text(*it->found, c) : std::string("nothing")) + ")";
      }
      result.checks.push_back(std::move(check));
    }
  }
  for (const auto& s : present) {
    const auto* pool = j.pool(s);
    const bool found = std::any_of(pool->begin(), pool->end(), [&](const finding& f) { return j.matches(s, f); });
    result.checks.push_back({"a finding " + s.text(),
                             found ? ""
                                   : "not found; " +
                                         (s.request.empty() ? std::string("findings") : s.request + "'s findings") +
                                         ": " + j.list(*pool, s),
                             found});
  }
  for (const auto& s : absent) {
    const auto* pool = j.pool(s);
    std::string hits;
    for (const auto& f : *pool) {
      if (j.matches(s, f)) hits += (hits.empty() ? "" : ", ") + j.describe(f) + " \"" + v.message(f, c) + "\"";
    }
    result.checks.push_back({"no finding " + s.text(), hits.empty() ? "" : "found " + hits, hits.empty()});
  }
  // Every test also holds the remedies to account: one that asks for an approval never names
  // someone who has approved the request already (their approval counts, or was refused for
  // another reason the finding gives).
  std::string wrong;
  for (const auto& rv : v.requests) {
    const auto& r = c.requests[rv.request];
    for (const auto& f : rv.findings) {
      if (f.effect != effect::needs_approval) continue;
      const auto remedy = v.rule_of(f).remedy(f, message_context{c, lang::en});
      for (const auto& a : r.approvals) {
        if (names_person(remedy, c.people[a.by].id)) {
          wrong += (wrong.empty() ? "" : "; ") + r.id + ": \"" + remedy + "\" names " + c.people[a.by].id +
                   ", who approved";
        }
      }
    }
  }
  if (!wrong.empty()) result.checks.push_back({"remedies that ask only those who have not approved", wrong, false});
  report.tests.push_back(std::move(result));
}

void xml_escape(std::ostream& out, std::string_view s) {
  for (const char ch : s) {
    switch (ch) {
      case '&': out << "&amp;"; break;
      case '<': out << "&lt;"; break;
      case '>': out << "&gt;"; break;
      case '"': out << "&quot;"; break;
      default: out << ch;
    }
  }
}

}  // namespace

auto run_policy_tests(const policy& p, const std::vector<std::string>& paths, const std::string& only, lang l)
    -> policy_test_report {
  std::optional<std::regex> selected;
  if (!only.empty()) selected.emplace(only, std::regex::ECMAScript);
  const auto* filter = selected ? &*selected : nullptr;
  policy_test_report report;
  std::set<std::uint32_t> fired;
  for (const auto& path : paths) {
    std::vector<load_issue> issues;
    const auto doc = detail::read_source(path, issues, l);
    const auto stem = fs::path(path).stem().string();
    if (!issues.empty()) {
      report.tests.push_back({path, stem, std::move(issues), {}});
      continue;
    }
    if (const auto* list = doc.root.find("tests")) {
      for (std::size_t i = 0; i < list->items.size(); ++i) {
        run_test(p, path, list->items[i], stem + " #" + std::to_string(i + 1), filter, l, report, fired);
      }
      if (list->kind != source_node::type::sequence || doc.root.keys.size() != 1) {
        report.tests.push_back({path,
                                stem,
                                {{{path, list->line, list->column},
                                  {},
                                  pick(l,
                                       "`tests` is the only key of a "
                                       "file of tests, and it is a list",
                                       "`tests`须是测试文件唯一的键，并且是一个列表")}},
                                {}});
      }
    } else {
      run_test(p, path, doc.root, stem, filter, l, report, fired);
    }
  }
  for (const auto& r : p.rules()) {
    (fired.count(r->header().index) ? report.rules_fired : report.rules_never_fired).push_back(r->header().id);
  }
  return report;
}

void write_junit(std::ostream& out, const policy_test_report& report) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n  <testsuite name=\"rulebook\" tests=\""
      << report.tests.size() << "\" failures=\"" << report.failures() << "\">\n";
  for (const auto& t : report.tests) {
    out << "    <testcase classname=\"";
    xml_escape(out, t.file);
    out << "\" name=\"";
    xml_escape(out, t.name);
    out << "\"";
    if (t.passed()) {
      out << "/>\n";
      continue;
    }
    out << ">\n      <failure message=\"";
    xml_escape(out, t.errors.empty() ? "expectations not met" : "the test could not be read");
    out << "\">";
    for (const auto& e : t.errors) {
      xml_escape(out, to_string(e));
      out << '\n';
    }
    for (const auto& c : t.checks) {
      if (c.passed) continue;
      xml_escape(out, "expected " + c.expected + "\n  actual: " + c.actual);
      out << '\n';
    }
    out << "</failure>\n    </testcase>\n";
  }
  out << "  </testsuite>\n</testsuites>\n";
}

}  // namespace rulebook
