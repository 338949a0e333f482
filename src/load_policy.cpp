// Policy files to a compiled policy: the header of every rule, then its kind's own parameters.
#include <rulebook/kind.hpp>
#include <rulebook/policy.hpp>

#include "policy_data.hpp"
#include "read_calendar.hpp"
#include "sha256.hpp"
#include "source_io.hpp"

#include <dlfcn.h>

#include <filesystem>
#include <set>

namespace rulebook {
namespace {

namespace fs = std::filesystem;

// Contract §1 lists the leave kinds; a policy may name its own in `vocabulary.leave_kinds`.
const std::vector<std::string> default_leave_kinds = {"personal", "personal_special", "sick", "sick_emergency",
                                                      "business"};

struct loaded_file {
  detail::source_document doc;
  fs::path dir;
};

// The policies shipped in `dir` and its subfolders, as names: `customer-service`, `calendars/cn-2026`.
auto shipped_names(const std::string& dir) -> std::vector<std::string> {
  std::vector<std::string> names;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (it->path().extension() != ".yaml") continue;
    auto name = fs::relative(it->path(), dir, ec).replace_extension().generic_string();
    if (name.rfind("tests/", 0) != 0) names.push_back(std::move(name));
  }
  std::sort(names.begin(), names.end());
  return names;
}

auto no_policy_named(const std::string& name, lang l) -> std::string {
  const bool zh = l == lang::zh;
  const auto dirs = policy_dirs();
  std::string where;
  std::vector<std::string> known;
  for (const auto& d : dirs) {
    where += zh ? (where.empty() ? "`" : "、`") + d + "`" : (where.empty() ? "" : ", ") + d;
    for (auto& n : shipped_names(d)) known.push_back(std::move(n));
  }
  std::string message = zh ? "没有政策文件`" + name + "`，" + (where.empty() ? "" : where + "中") + "也没有名为`" +
                                 name + "`的政策"
                           : "no policy file `" + name + "`, and no policy of that name in " + where;
  if (const auto hint = did_you_mean(name, known, l); !hint.empty()) {
    message += hint;
  } else if (!known.empty()) {  // no near name: say what there is
    message += zh ? "（现有的政策：" : " (there are";
    for (std::size_t i = 0; i < known.size(); ++i) {
      message += zh ? (i == 0 ? "`" : "、`") + known[i] + "`" : " `" + known[i] + "`";
    }
    message += zh ? "）" : ")";
  }
  return message;
}

class policy_loader {
 public:
  policy_loader(std::vector<load_issue>& issues, const kind_registry& kinds, lang l)
      : issues_(&issues), kinds_(&kinds), lang_(l) {}

  // `en` or `zh`, whichever messages are written in.
  [[nodiscard]] auto pick(std::string en, std::string zh) const -> std::string {
    return lang_ == lang::zh ? std::move(zh) : std::move(en);
  }

  void add_file(const std::string& given) {
    // A name (`customer-service`, `calendars/cn-2026`) is a shipped policy; a path is read as it is.
    auto path = given;
    if (std::error_code ec; !fs::exists(path, ec) && fs::path(path).extension().empty()) {
      path = find_policy(given);
      if (path.empty()) {
        issues_->push_back({{given, 0, 0}, {}, no_policy_named(given, lang_)});
        return;
      }
    }
    if (!seen_.insert(key_of(path)).second) return;
    // A file whose text is broken (its syntax, a duplicate key, a byte that is not UTF-8) says so
    // and is not read further: what it means is unknown, and guesses would only add errors that
    // contradict the first (a second `version:` reported again as an unknown key).
    const auto before = issues_->size();
    auto doc = detail::read_source(path, *issues_, lang_);
    if (issues_->size() == before) add(std::move(doc), fs::path(path).parent_path());
  }
  void add_text(const policy_text& t) {
    seen_.insert(key_of(t.file));
    const auto before = issues_->size();
    auto doc = detail::parse_source(t.file, t.text, *issues_, lang_);
    if (issues_->size() == before) add(std::move(doc), fs::path());
  }

  auto finish() -> policy {
    auto data = std::make_shared<detail::policy_data>();
    std::string all_bytes;
    // Pass 1: headers, vocabularies and calendars of every file, so rules may use names any file declares.
    for (auto& f : files_) read_header(f, *data);
    if (data->vocabulary.leave_kinds.empty()) data->vocabulary.leave_kinds = default_leave_kinds;
    check_labels(*data);
    // Pass 2: the rules.
    std::map<std::string, source_position> rule_ids;
    for (auto& f : files_) {
      all_bytes += std::to_string(f.doc.bytes.size()) + ':' + f.doc.bytes;
      read_rules(f, *data, rule_ids);
    }
    resolve_precedence(*data);
    if (data->name.empty() && !files_.empty()) data->name = fs::path(files_.front().doc.file).stem().string();
    data->digest = "sha256:" + detail::sha256_hex(all_bytes);
    for (std::uint32_t i = 0; i < data->rules.size(); ++i) const_cast<rule&>(*data->rules[i]).set_index(i);
    if (issues_->size() != first_issue_) return policy();
    return policy(std::move(data));
  }

 private:
  // `title:` of the policy header: one text for both languages, or `{en: …, zh: …}`.
  static void read_title(source_reader& rd, const source_node& n, detail::policy_data& data) {
    if (n.kind == source_node::type::scalar) {
      if (auto t = rd.text(n, rd.key_of("title", rd.pick("the policy", "政策")));
          t && data.title_en.empty() && data.title_zh.empty()) {
        data.title_en = data.title_zh = *t;
      }
      return;
    }
    field_reader t(rd, n, rd.key_of("title", rd.pick("the policy", "政策")));
    std::string en, zh;
    if (const auto* e = t.optional("en")) en = rd.text(*e, rd.key_of("en", rd.pick("the title", "标题"))).value_or("");
    if (const auto* z = t.optional("zh")) zh = rd.text(*z, rd.key_of("zh", rd.pick("the title", "标题"))).value_or("");
    t.finish();
    if (data.title_en.empty() && data.title_zh.empty()) {
      data.title_en = std::move(en);
      data.title_zh = std::move(zh);
    }
  }

  // `labels:`: section → name → `{en: …, zh: …}` (either may be left out). The names are checked
  // against the vocabulary once every file's is read (`check_labels`).
  void read_labels(source_reader& rd, const source_node& n, detail::policy_data& data) {
    if (n.kind != source_node::type::map) {
      rd.error(n, rd.pick("`labels` maps sections (`roles`, `grades`, …) to names with `{en: …, zh: …}`",
                          "`labels`须按类别（`roles`、`grades`等）列出名称，每个名称写作`{en: …, zh: …}`"));
      return;
    }
    std::vector<std::string> sections(std::begin(labels::sections), std::end(labels::sections));
    for (std::size_t i = 0; i < n.keys.size(); ++i) {
      const auto& section = n.keys[i].text;
      if (!vocabulary::has(sections, section)) {
        const auto hint = did_you_mean(section, sections, rd.language());
        rd.error(n.keys[i], rd.pick("unknown section `" + section + "` in `labels`" + hint,
                                    "`labels`中有未知的类别`" + section + "`" + hint));
        continue;
      }
      const auto& names = n.items[i];
      if (names.kind != source_node::type::map) {
        rd.error(names, rd.pick("`" + section + "` of `labels` maps names to `{en: …, zh: …}`",
                                "`labels`的`" + section + "`须把名称对应到`{en: …, zh: …}`"));
        continue;
      }
      for (std::size_t j = 0; j < names.keys.size(); ++j) {
        const auto& name = names.keys[j].text;
        field_reader w(rd, names.items[j],
                       rd.pick("the label of `" + name + "` in `labels." + section + "`",
                               "`labels." + section + "`中`" + name + "`的标签"));
        std::string en, zh;
        if (const auto* e = w.optional("en"))
          en = rd.text(*e, rd.key_of("en", rd.pick("a label", "标签"))).value_or("");
        if (const auto* z = w.optional("zh"))
          zh = rd.text(*z, rd.key_of("zh", rd.pick("a label", "标签"))).value_or("");
        w.finish();
        // The first file to give a word keeps it, as with the policy's name.
        auto it = std::find_if(data.labels.entries.begin(), data.labels.entries.end(),
                               [&](const labels::entry& e) { return e.section == section && e.name == name; });
        if (it == data.labels.entries.end()) {
          data.labels.entries.push_back({section, name, std::move(en), std::move(zh)});
        } else {
          if (it->en.empty()) it->en = std::move(en);
          if (it->zh.empty()) it->zh = std::move(zh);
        }
        label_refs_.push_back({rd.file(), &names.keys[j], section, name});
      }
    }
  }

  // Every label names a name the policy knows: one of its vocabulary, or an effect, decision or
  // request type of the contract.
  void check_labels(const detail::policy_data& data) {
    const auto known = [&](const std::string& section) -> std::vector<std::string> {
      const auto& v = data.vocabulary;
      if (section == "roles") return v.roles;
      if (section == "grades") return v.grades;
      if (section == "leave_kinds") return v.leave_kinds;
      if (section == "shift_kinds") {
        auto k = v.shift_kinds;
        if (!vocabulary::has(k, "night")) k.push_back("night");
        return k;
      }
      if (section == "tiers") return v.tiers;
      if (section == "meeting_types") return v.meeting_types;
      if (section == "report_types") return v.report_types;
      if (section == "training_types") return v.training_types;
      std::vector<std::string> out;
      if (section == "effects") {
        for (auto e : all_effects) out.emplace_back(to_string(e));
      } else if (section == "decisions") {
        out = {"approved", "pending", "rejected"};
      } else if (section == "request_types") {
        out = {"leave", "swap", "promotion"};
      }
      return out;
    };
    for (const auto& ref : label_refs_) {
      const auto names = known(ref.section);
      if (vocabulary::has(names, ref.name)) continue;
      source_reader rd(ref.file, *issues_, lang_);
      const bool fixed = ref.section == "effects" || ref.section == "decisions" || ref.section == "request_types";
      const auto hint = did_you_mean(ref.name, names, lang_);
      rd.error(*ref.key,
               pick("label for `" + ref.name + "` in `labels." + ref.section + "`, but " +
                        (fixed ? "the contract has no such name"
                               : "`vocabulary." + ref.section + "` has no such name") +
                        (names.empty() ? " (it is empty)" : hint),
                    "`labels." + ref.section + "`中给了`" + ref.name + "`的标签，但" +
                        (fixed ? "数据约定中没有这个名称" : "`vocabulary." + ref.section + "`中没有这个名称") +
                        (names.empty() ? "（它是空的）" : hint)));
    }
  }

  // A name `labels:` gives words for, where it is written.
  struct label_ref {
    std::string file;
    const source_node* key;
    std::string section, name;
  };
  std::vector<label_ref> label_refs_;

  // One name in a rule's `overrides:` or `instead_of:`, where it is written.
  struct precedence_ref {
    std::string rule, names, key;
    source_position where;
  };

  // Ties `overrides:` and `instead_of:` to the rules they name: each an existing rule other than
  // itself, judging the same things (requests, or conduct), with no rule overriding itself
  // through others.
  void resolve_precedence(detail::policy_data& data) {
    std::map<std::string, std::uint32_t> index;
    std::vector<std::string> ids;
    for (std::uint32_t i = 0; i < data.rules.size(); ++i) {
      index.emplace(data.rules[i]->header().id, i);
      ids.push_back(data.rules[i]->header().id);
    }
    const auto judges_requests = [&](std::uint32_t i) {
      const auto& r = *data.rules[i];
      return r.judges(request_type::leave) || r.judges(request_type::swap) || r.judges(request_type::promotion);
    };
    std::vector<std::vector<std::uint32_t>> overridden_by(data.rules.size()), replaced_by(data.rules.size());
    for (const auto& ref : precedence_) {
      const auto bad = [&](std::string en, std::string zh) {
        issues_->push_back({ref.where, {}, pick(std::move(en), std::move(zh))});
      };
      const auto self = index.find(ref.rule);
      const auto other = index.find(ref.names);
      if (self == index.end()) continue;  // the rule itself did not load: its problems are said
      if (other == index.end()) {
        const auto hint = did_you_mean(ref.names, ids, lang_);
        bad("`" + ref.key + "` of rule `" + ref.rule + "` names `" + ref.names +
                "`, which is not a rule of the policy" + hint,
            "规则`" + ref.rule + "`的`" + ref.key + "`中的`" + ref.names + "`不是本政策的规则" + hint);
      } else if (other->second == self->second) {
        bad("rule `" + ref.rule + "` names itself in `" + ref.key + "`",
            "规则`" + ref.rule + "`在`" + ref.key + "`中列了它自己");
      } else if (judges_requests(self->second) != judges_requests(other->second)) {
        const bool self_requests = judges_requests(self->second);
        bad("rule `" + ref.rule + "` judges " + (self_requests ? "requests" : "conduct") + " and `" + ref.names + "` " +
                (judges_requests(other->second) ? "requests" : "conduct") + ": `" + ref.key +
                "` ties rules that judge the same things",
            "规则`" + ref.rule + "`审查的是" + (self_requests ? "申请" : "排班") + "，而`" + ref.names + "`审查的是" +
                (self_requests ? "排班" : "申请") + "：`" + ref.key + "`只能用于审查同类对象的规则之间");
      } else {
        auto& list = (ref.key == "overrides" ? overridden_by : replaced_by)[other->second];
        if (std::find(list.begin(), list.end(), self->second) == list.end()) list.push_back(self->second);
      }
    }
    // A rule that overrides itself through others would silence every rule on the way.
    for (std::uint32_t start = 0; start < data.rules.size(); ++start) {
      std::vector<std::uint32_t> stack{start};
      std::vector<bool> seen(data.rules.size());
      bool cycle = false;
      while (!stack.empty() && !cycle) {
        const auto at = stack.back();
        stack.pop_back();
        for (const auto by : overridden_by[at]) {
          if (by == start) cycle = true;
          if (!seen[by]) seen[by] = true, stack.push_back(by);
        }
      }
      if (cycle) {
        issues_->push_back({data.rules[start]->header().where,
                            {},
                            pick("rule `" + data.rules[start]->header().id +
                                     "` overrides itself through the rules that override it: `overrides:` must not go "
                                     "round in a circle",
                                 "规则`" + data.rules[start]->header().id +
                                     "`经由取代它的规则又取代了它自己：`overrides:`不能形成循环")});
        break;
      }
    }
    for (std::uint32_t i = 0; i < data.rules.size(); ++i) {
      const_cast<rule&>(*data.rules[i]).set_precedence(std::move(overridden_by[i]), std::move(replaced_by[i]));
    }
  }

  std::vector<precedence_ref> precedence_;
  static auto key_of(const std::string& path) -> std::string {
    std::error_code ec;
    auto canon = fs::weakly_canonical(path, ec);
    return ec ? path : canon.string();
  }

  void add(detail::source_document doc, fs::path dir) {
    files_.push_back({std::move(doc), std::move(dir)});
    // Calendars a policy names are loaded right after it, relative to its directory.
    const auto& root = files_.back().doc.root;
    const auto file = files_.back().doc.file;
    const auto base = files_.back().dir;
    if (const auto* cals = root.find("calendars")) {
      source_reader rd(file, *issues_, lang_);
      if (cals->kind != source_node::type::sequence) {
        rd.error(*cals, rd.pick("`calendars` must be a list of calendar files", "`calendars`必须是日历文件的列表"));
        return;
      }
      std::vector<std::string> paths;
      for (const auto& c : cals->items) {
        if (auto p = rd.text(c, rd.pick("a calendar file", "日历文件"))) {
          const auto full = (base / *p).string();
          std::error_code ec;
          if (!fs::exists(full, ec)) {
            rd.error(c, rd.pick("calendar file `" + *p + "` does not exist (looked for `" + full + "`)",
                                "日历文件`" + *p + "`不存在（查找的是`" + full + "`）"));
          } else if (fs::is_directory(full, ec)) {
            rd.error(c, rd.pick("calendar file `" + *p + "` is a directory, not a file (looked at `" + full + "`)",
                                "日历文件`" + *p + "`是一个目录，不是文件（查找的是`" + full + "`）"));
          } else {
            paths.push_back(full);
          }
        }
      }
      for (const auto& p : paths) add_file(p);
    }
  }

  void read_header(loaded_file& f, detail::policy_data& data) {
    source_reader rd(f.doc.file, *issues_, lang_);
    if (f.doc.root.kind == source_node::type::null && f.doc.bytes.empty()) return;  // unreadable: reported
    field_reader top(rd, f.doc.root, rd.pick("the policy file", "政策文件"));
    if (const auto* p = top.optional("policy")) {
      field_reader head(rd, *p, "`policy`");
      if (const auto* n = head.required("name")) {
        if (auto t = rd.text(*n, rd.key_of("name", rd.pick("the policy", "政策"))); t && data.name.empty()) {
          data.name = *t;
        }
      }
      if (const auto* n = head.optional("version")) {
        if (auto t = rd.text(*n, rd.key_of("version", rd.pick("the policy", "政策"))); t && data.version.empty()) {
          data.version = *t;
        }
      }
      head.optional("description");
      if (const auto* n = head.optional("title")) read_title(rd, *n, data);
      head.finish();
    }
    top.optional("calendars");  // read when the file was added
    if (const auto* c = top.optional("calendar")) {
      field_reader cal(rd, *c, "`calendar`");
      cal.optional("name");
      cal.optional("source");
      detail::read_calendar_entries(cal, data.calendar);
      cal.finish();
    }
    if (const auto* v = top.optional("vocabulary")) {
      field_reader voc(rd, *v, "`vocabulary`");
      auto read = [&](std::string_view key, std::vector<std::string>& out) {
        if (const auto* n = voc.optional(key)) {
          const std::string k(key);
          for (auto& name : rd.text_list(*n, rd.pick("`" + k + "` of the vocabulary", "`vocabulary`的`" + k + "`"))) {
            if (!vocabulary::has(out, name)) out.push_back(name);
          }
        }
      };
      read("roles", data.vocabulary.roles);
      read("grades", data.vocabulary.grades);
      read("leave_kinds", data.vocabulary.leave_kinds);
      read("shift_kinds", data.vocabulary.shift_kinds);
      read("tiers", data.vocabulary.tiers);
      read("meeting_types", data.vocabulary.meeting_types);
      read("report_types", data.vocabulary.report_types);
      read("training_types", data.vocabulary.training_types);
      voc.finish();
    }
    if (const auto* n = top.optional("labels")) read_labels(rd, *n, data);
    if (const auto* cl = top.optional("clauses")) {
      // The rulebook's own words, per clause id: `leave.2: {zh: …, en: …}`.
      if (cl->kind != source_node::type::map) {
        rd.error(*cl, rd.pick("`clauses` maps clause ids to `{zh: …, en: …}`",
                              "`clauses`须把条款编号对应到`{zh: …, en: …}`"));
      } else {
        for (std::size_t i = 0; i < cl->keys.size(); ++i) {
          field_reader t(rd, cl->items[i],
                         rd.pick("clause `" + cl->keys[i].text + "`", "条款`" + cl->keys[i].text + "`"));
          auto& [en, zh] = data.clause_texts[cl->keys[i].text];
          if (const auto* n = t.optional("en"))
            en = rd.text(*n, rd.key_of("en", rd.pick("a clause", "条款"))).value_or("");
          if (const auto* n = t.optional("zh"))
            zh = rd.text(*n, rd.key_of("zh", rd.pick("a clause", "条款"))).value_or("");
          t.finish();
        }
      }
    }
    top.optional("rules");
    top.finish();
  }

  void read_rules(loaded_file& f, detail::policy_data& data, std::map<std::string, source_position>& ids) {
    const auto* rules = f.doc.root.find("rules");
    if (rules == nullptr || rules->kind == source_node::type::null) return;
    source_reader rd(f.doc.file, *issues_, lang_);
    if (rules->kind != source_node::type::sequence) {
      rd.error(*rules, rd.pick("`rules` must be a list of rules", "`rules`必须是规则的列表"));
      return;
    }
    for (std::size_t i = 0; i < rules->items.size(); ++i) {
      const auto& node = rules->items[i];
      const auto* idn = node.find("id");
      const std::string what = idn && idn->kind == source_node::type::scalar
                                   ? rd.pick("rule `" + idn->text + "`", "规则`" + idn->text + "`")
                                   : rd.pick("rule " + std::to_string(i + 1), "第" + std::to_string(i + 1) + "条规则");
      field_reader fr(rd, node, what);
      if (!fr.ok()) continue;
      if (auto r = read_rule(rd, fr, data, ids, static_cast<std::uint32_t>(data.rules.size()))) {
        data.rules.push_back(std::move(r));
      }
    }
  }

  auto read_rule(source_reader& rd, field_reader& fr, const detail::policy_data& data,
                 std::map<std::string, source_position>& ids, std::uint32_t index) -> std::unique_ptr<rule> {
    const auto before = rd.issue_count();
    rule_header h;
    h.index = index;
    h.where = {rd.file(), fr.node().line, fr.node().column};
    if (const auto* n = fr.required("id")) {
      if (auto t = rd.text(*n, rd.pick("`id` of a rule", "规则的`id`"))) {
        h.id = *t;
        auto [it, fresh] = ids.emplace(h.id, source_position{rd.file(), n->line, n->column});
        if (!fresh) {
          const auto first = it->second.file + ":" + std::to_string(it->second.line) + ":" +
                             std::to_string(it->second.column);
          rd.error(*n, rd.pick("duplicate rule id `" + h.id + "`: first defined at " + first,
                               "规则编号`" + h.id + "`重复（首次定义于" + first + "）"));
        }
      }
    }
    if (const auto* n = fr.required("clause")) h.clause = rd.text(*n, fr.what_of("clause")).value_or("");
    if (const auto* n = fr.optional("description")) h.description = rd.text(*n, fr.what_of("description")).value_or("");
    if (const auto* n = fr.required("effect")) {
      if (auto t = rd.text(*n, fr.what_of("effect"))) {
        if (auto e = parse_effect(*t)) {
          h.effect = *e;
        } else {
          std::vector<std::string> names;
          for (auto e2 : all_effects) names.emplace_back(to_string(e2));
          const auto hint = did_you_mean(*t, names, lang_);
          rd.error(*n, pick("unknown effect `" + *t + "` in " + fr.what() + hint,
                            fr.what() + "中有未知的效力`" + *t + "`" + hint));
        }
      }
    }
    if (const auto* n = fr.optional("message")) {
      field_reader m(rd, *n, fr.what_of("message"));
      if (const auto* en = m.optional("en")) {
        h.message_en = rd.text(*en, pick("`en` of `message`", "`message`的`en`")).value_or("");
      }
      if (const auto* zh = m.optional("zh")) {
        h.message_zh = rd.text(*zh, pick("`zh` of `message`", "`message`的`zh`")).value_or("");
      }
      m.finish();
    }
    if (const auto* n = fr.optional("approver")) {
      h.approvers = rd.text_list(*n, fr.what_of("approver"));
      check_names(rd, *n, h.approvers, data.vocabulary.roles, "role", "角色");
    }
    if (const auto* n = fr.optional("when")) read_when(rd, *n, fr.what(), data, h.when);
    // Precedence: resolved once every rule of every file is read (a rule may name a later one).
    for (auto [key, list] : {std::pair{"overrides", &h.overrides}, std::pair{"instead_of", &h.instead_of}}) {
      const auto* n = fr.optional(key);
      if (n == nullptr) continue;
      *list = rd.text_list(*n, fr.what_of(key));
      for (std::size_t i = 0; i < list->size(); ++i) {
        const auto& at = n->kind == source_node::type::sequence && list->size() == n->items.size() ? n->items[i] : *n;
        precedence_.push_back({h.id, (*list)[i], key, {rd.file(), at.line, at.column}});
      }
    }
    h.vocabulary = &data.vocabulary;
    h.labels = &data.labels;
    const rule_factory* make = nullptr;
    if (const auto* n = fr.required("kind")) {
      if (auto t = rd.text(*n, fr.what_of("kind"))) {
        h.kind = *t;
        make = kinds_->find(*t);
        if (make == nullptr) {
          const auto hint = did_you_mean(*t, kinds_->names(), lang_);
          rd.error(*n, pick("unknown rule kind `" + *t + "` in " + fr.what() + hint,
                            fr.what() + "中有未知的规则种类`" + *t + "`" + hint));
        }
      }
    }
    if (make == nullptr) return nullptr;
    const bool clean = rd.issue_count() == before;
    const bool without_approver = h.effect == effect::needs_approval && h.approvers.empty();
    auto r = (*make)(std::move(h), fr);
    if (clean && without_approver && r != nullptr && !r->chooses_approver()) {
      // Reported ahead of the kind's own problems, where the rule's common keys are read.
      issues_->insert(issues_->begin() + static_cast<std::ptrdiff_t>(before),
                      load_issue{{rd.file(), fr.node().line, fr.node().column},
                                 {},
                                 pick(fr.what() + " has the effect `needs_approval` but no `approver`",
                                      fr.what() + "的效力是`needs_approval`，却没有写`approver`")});
    }
    fr.finish();  // after the kind has asked for its own keys
    if (rd.issue_count() != before) return nullptr;
    if (r == nullptr) rd.error(fr.node(), pick("invalid " + fr.what(), fr.what() + "无效"));
    return r;
  }

  static void check_names(source_reader& rd, const source_node& at, const std::vector<std::string>& names,
                          const std::vector<std::string>& known, const std::string& what, const std::string& what_zh) {
    if (known.empty()) return;
    for (const auto& n : names) {
      if (!vocabulary::has(known, n)) {
        const auto hint = did_you_mean(n, known, rd.language());
        rd.error(at, rd.pick("unknown " + what + " `" + n + "`" + hint, "未知的" + what_zh + "`" + n + "`" + hint));
      }
    }
  }

  static void read_when(source_reader& rd, const source_node& node, const std::string& what,
                        const detail::policy_data& data, condition& out) {
    field_reader w(rd, node, rd.key_of("when", what));
    const auto of = [&](const char* key) {
      return rd.pick(std::string("`") + key + "` of `when`", what + "中`when`的`" + key + "`");
    };
    if (const auto* n = w.optional("request")) {
      for (const auto& t : rd.text_list(*n, of("request"))) {
        if (t == "leave") {
          out.requests.push_back(request_type::leave);
        } else if (t == "swap") {
          out.requests.push_back(request_type::swap);
        } else if (t == "promotion") {
          out.requests.push_back(request_type::promotion);
        } else {
          const auto hint = did_you_mean(t, std::vector<std::string>{"leave", "swap", "promotion"}, rd.language());
          rd.error(*n, rd.pick("unknown request type `" + t + "`" + hint, "未知的申请类型`" + t + "`" + hint));
        }
      }
    }
    if (const auto* n = w.optional("leave_kind")) {
      out.leave_kinds = rd.text_list(*n, of("leave_kind"));
      check_names(rd, *n, out.leave_kinds, data.vocabulary.leave_kinds, "leave kind", "假别");
    }
    if (const auto* n = w.optional("shift_kind")) {
      out.shift_kinds = rd.text_list(*n, of("shift_kind"));
      auto known = data.vocabulary.shift_kinds;
      if (!known.empty() && !vocabulary::has(known, "night")) known.push_back("night");
      check_names(rd, *n, out.shift_kinds, known, "shift kind", "班次类型");
    }
    if (const auto* n = w.optional("holiday")) out.holiday = rd.boolean(*n, of("holiday"));
    if (const auto* n = w.optional("swapped")) out.swapped = rd.boolean(*n, of("swapped"));
    if (const auto* n = w.optional("role")) {
      out.roles = rd.text_list(*n, of("role"));
      check_names(rd, *n, out.roles, data.vocabulary.roles, "role", "角色");
    }
    if (const auto* n = w.optional("grade")) {
      out.grades = rd.text_list(*n, of("grade"));
      check_names(rd, *n, out.grades, data.vocabulary.grades, "grade", "级别");
    }
    if (const auto* n = w.optional("to_grade")) {
      out.to_grades = rd.text_list(*n, of("to_grade"));
      check_names(rd, *n, out.to_grades, data.vocabulary.grades, "grade", "级别");
    }
    w.finish();
  }

  std::vector<load_issue>* issues_;
  const kind_registry* kinds_;
  lang lang_;
  std::vector<loaded_file> files_;
  std::set<std::string> seen_;
  std::size_t first_issue_ = issues_->size();
};

}  // namespace

// ---- policy ----

policy::policy() : data_(std::make_shared<detail::policy_data>()) {}
auto policy::name() const -> const std::string& { return data_->name; }
auto policy::version() const -> const std::string& { return data_->version; }
auto policy::digest() const -> const std::string& { return data_->digest; }
auto policy::rules() const -> std::span<const std::unique_ptr<const rule>> { return data_->rules; }
auto policy::rule_at(std::uint32_t i) const -> const rule& { return *data_->rules.at(i); }
auto policy::header_at(std::uint32_t i) const -> const rule_header& { return data_->rules.at(i)->header(); }
auto policy::calendar() const -> const rulebook::calendar& { return data_->calendar; }
auto policy::vocabulary() const -> const rulebook::vocabulary& { return data_->vocabulary; }
auto policy::clause_text(const std::string& id, lang l) const -> std::string {
  auto it = data_->clause_texts.find(id);
  if (it == data_->clause_texts.end()) return {};
  return l == lang::zh && !it->second.second.empty() ? it->second.second : it->second.first;
}

auto policy_dirs() -> std::vector<std::string> {
  std::vector<std::string> dirs;
  std::vector<fs::path> seen;  // the same folder twice (a link, `a/../a`) is searched once
  const auto add = [&](const fs::path& d) {
    std::error_code ec;
    if (d.empty() || !fs::is_directory(d, ec)) return;
    auto same = fs::weakly_canonical(d, ec);
    if (std::find(seen.begin(), seen.end(), same) != seen.end()) return;
    seen.push_back(std::move(same));
    dirs.push_back(d.string());  // as given: messages name it as the user wrote it
  };
  if (const char* path = std::getenv("RULEBOOK_POLICY_PATH")) {
    std::string_view rest = path;
    while (!rest.empty()) {
      const auto colon = rest.find(':');
      add(fs::path(rest.substr(0, colon)));
      rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
    }
  }
  // Beside the library (`lib/../share/rulebook/policies`, for librulebook.so wherever it is
  // installed) and the program (`bin/../share/…`): an install moved elsewhere still finds them.
  const auto beside = [&](const fs::path& file) {
    add(file.parent_path().parent_path() / "share" / "rulebook" / "policies");
  };
  Dl_info self{};
  if (dladdr(reinterpret_cast<const void*>(&policy_dirs), &self) != 0 && self.dli_fname != nullptr) {  // NOLINT
    std::error_code ec;
    beside(fs::weakly_canonical(fs::path(self.dli_fname), ec));
  }
  std::error_code ec;
  if (const auto exe = fs::read_symlink("/proc/self/exe", ec); !ec) beside(exe);
#ifdef RULEBOOK_INSTALL_POLICY_DIR
  add(fs::path(RULEBOOK_INSTALL_POLICY_DIR));
#endif
  return dirs;
}

auto find_policy(const std::string& name) -> std::string {
  if (name.empty() || fs::path(name).is_absolute() || name.find("..") != std::string::npos) return {};
  for (const auto& d : policy_dirs()) {
    const auto file = fs::path(d) / (name + ".yaml");
    std::error_code ec;
    if (fs::is_regular_file(file, ec)) return file.string();
  }
  return {};
}

auto load_policy(const std::vector<std::string>& paths, std::vector<load_issue>& issues, lang l) -> policy {
  return load_policy(paths, issues, kind_registry::builtin(), l);
}
auto load_policy(const std::vector<std::string>& paths, lang l) -> policy {
  return load_policy(paths, kind_registry::builtin(), l);
}
auto parse_policy(const std::vector<policy_text>& texts, std::vector<load_issue>& issues, lang l) -> policy {
  return parse_policy(texts, issues, kind_registry::builtin(), l);
}

auto load_policy(const std::vector<std::string>& paths, std::vector<load_issue>& issues, const kind_registry& kinds,
                 lang l) -> policy {
  policy_loader loader(issues, kinds, l);
  for (const auto& p : paths) loader.add_file(p);
  return loader.finish();
}

auto load_policy(const std::vector<std::string>& paths, const kind_registry& kinds, lang l) -> policy {
  std::vector<load_issue> issues;
  auto p = load_policy(paths, issues, kinds, l);
  if (!issues.empty()) throw load_error(std::move(issues));
  return p;
}

auto parse_policy(const std::vector<policy_text>& texts, std::vector<load_issue>& issues, const kind_registry& kinds,
                  lang l) -> policy {
  policy_loader loader(issues, kinds, l);
  for (const auto& t : texts) loader.add_text(t);
  return loader.finish();
}

}  // namespace rulebook
