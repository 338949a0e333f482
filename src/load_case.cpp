// Case files to the model. Every section of CONTRACT §1; every problem with its place.
#include <rulebook/policy.hpp>

#include "case_builder.hpp"
#include "check_case.hpp"
#include "engine/chain_of_command.hpp"
#include "id_table.hpp"
#include "read_calendar.hpp"
#include "side_by_side.hpp"
#include "source_io.hpp"
#include "words.hpp"

#include <array>
#include <map>
#include <optional>
#include <set>
#include <thread>
#include <tuple>
#include <unordered_set>
#include <utility>

namespace rulebook {
namespace {

auto ref(const source_node& n) -> source_ref { return {n.line, n.column}; }

// What belongs where a value is missing, in English and in Chinese ("a date", 日期).
struct say {
  const char* en;
  const char* zh;
};

// A day of the week in Chinese: 周一 …; `d.day_of_week().as_number()` counts from Sunday.
auto weekday_zh(const date& d) -> const char* {
  static constexpr std::array<const char*, 7> names{"周日", "周一", "周二", "周三", "周四", "周五", "周六"};
  return names.at(d.day_of_week().as_number());
}

class case_loader {
 public:
  case_loader(source_reader& rd, case_file& c) : rd_(&rd), c_(&c) {}

  void load(detail::case_source& source) {
    const auto before = rd_->issue_count();
    const auto& root = source.top();
    if (rd_->issue_count() != before) return;          // the file's syntax is broken: nothing is read
    if (root.kind == source_node::type::null) return;  // an empty case is a valid case
    field_reader top(*rd_, root, zh() ? "案例文件" : "the case file");
    if (!top.ok()) return;
    for (const auto& k : root.keys) c_->sections.push_back(k.text);
    // A section written with nothing after it (`punches:`, `"shifts": null`) is an error, never
    // taken as absent: a list dropped without a word would judge the case without it.
    if (const auto* n = value(top, "period", false, {"the period's `from` and `to`", "期间的`from`和`to`"})) {
      read_period(*n);
    }
    if (const auto* n = value(top, "calendar", false, {"its holidays and workdays", "节假日和调休上班日"})) {
      field_reader cal(*rd_, *n, "`calendar`");
      detail::read_calendar_entries(cal, c_->calendar);
      cal.finish();
    }
    // People first, so every later section can refer to them; leaders once everyone is known.
    const auto list = [&](const char* name, auto read, const detail::prepare_item& prepare = {}) {
      const auto* n = value(top, name, false, {"a list", "一个列表"});
      if (n == nullptr) return;
      if (n->kind == source_node::type::map && names_a_file(*n)) {
        // The list is in a file of its own: `shifts: {file: roster.csv, columns: {…}}`. People's
        // leaders are resolved before the file is left, so a dangling one is located in it.
        auto path = detail::external_list(c_->file, *n, name, *rd_, read, [&] {
          if (std::string_view(name) != "people") return;
          resolve_superiors();
          superiors_.clear();
        });
        if (!path.empty()) c_->list_files.emplace_back(name, std::move(path));
        return;
      }
      if (n->kind != source_node::type::sequence) {
        rd_->error(*n,
                   rd_->pick("`" + std::string(name) + "` must be a list, or a mapping naming the `file` that holds it",
                             "`" + std::string(name) + "`必须是列表，或是用`file`指明其所在文件的映射"));
        return;
      }
      const auto key = static_cast<std::size_t>(n - root.items.data());
      reserve(name, source.item_count(key));
      source.each_item(key, read, prepare);
    };
    list("people", [&](const source_node& n) { read_person(n); });
    resolve_superiors();
    // Flat items of long lists are worked out on the thread reading ahead, and added here without
    // field readers; the look for an id a few items ahead starts bringing its slot in.
    list("shifts", [&](const source_node& n) { read_shift(n); },
         {prepare_shift, [&](const detail::prepared_item& p) { detail::case_builder::prefetch_shift_id(*c_, p.hash); },
          [&](const detail::prepared_item& p) { return add_plain_shift(p); }});
    list("punches", [&](const source_node& n) { read_punch(n); },
         {prepare_punch, [&](const detail::prepared_item& p) { detail::case_builder::prefetch_shift_id(*c_, p.hash); },
          [&](const detail::prepared_item& p) { return add_plain_punch(p); }});
    list("away", [&](const source_node& n) { read_away(n); });
    list("requests", [&](const source_node& n) { read_request(n); });
    list("assessments", [&](const source_node& n) { read_assessment(n); });
    list("tickets", [&](const source_node& n) { read_ticket(n); },
         {prepare_ticket, [&](const detail::prepared_item& p) { ticket_ids_.prefetch(p.hash); },
          [&](const detail::prepared_item& p) { return add_plain_ticket(p); }});
    list("callbacks", [&](const source_node& n) { read_callback(n); });
    list("monitoring", [&](const source_node& n) { read_monitoring(n); });
    list("accounts", [&](const source_node& n) { read_account(n); });
    list("meetings", [&](const source_node& n) { read_meeting(n); });
    list("reports", [&](const source_node& n) { read_report(n); });
    list("trainings", [&](const source_node& n) { read_training(n); });
    top.finish();
  }

 private:
  // Whether messages are written in Chinese.
  [[nodiscard]] auto zh() const -> bool { return rd_->language() == lang::zh; }

  // Room for `count` items of list `name`, so that a big list is not copied as it grows.
  void reserve(std::string_view name, std::size_t count) {
    detail::case_builder::reserve(*c_, name, count);  // people, shifts, punches, requests
    if (name == "away") c_->away.reserve(count);
    if (name == "tickets") c_->tickets.reserve(count), ticket_ids_.reserve(count);
    if (name == "callbacks") c_->callbacks.reserve(count), callback_ids_.reserve(count);
  }

  template <typename F>
  void each(const source_node* list, const char* name, F&& read) {
    if (list == nullptr) return;
    if (list->kind != source_node::type::sequence) {
      rd_->error(*list,
                 rd_->pick("`" + std::string(name) + "` must be a list", "`" + std::string(name) + "`必须是列表"));
      return;
    }
    for (const auto& item : list->items) read(item);
  }

  // The value of `key` of an entity. An explicit null (`in: null`, `in:`) is an error, never taken
  // as absent: whoever wrote it meant a value. `give` says what belongs there.
  auto value(field_reader& f, std::string_view key, bool required, say give) -> const source_node* {
    const auto problems = rd_->issue_count();
    const auto* n = detail::given_value(f, key, give.en, give.zh, required);
    if (n == nullptr && required && f.ok() && rd_->issue_count() == problems) {  // absent, not null
      rd_->error(f.node(), rd_->pick("missing key `" + std::string(key) + "` in " + f.what(),
                                     f.what() + "缺少键`" + std::string(key) + "`"));
    }
    return n;
  }

  // Whether a mapping given for a list is meant to name its file (`{file: …}`, or a slip of those
  // keys), rather than one record written without its `-` (which is said to be not a list).
  static auto names_a_file(const source_node& n) -> bool {
    const std::vector<std::string> spec_keys{"file", "encoding", "columns"};
    for (std::size_t i = 0; i < n.keys.size(); ++i) {
      const auto& key = n.keys[i].text;
      if (vocabulary::has(spec_keys, key)) return true;
      // `files: roster.csv`: a slip of `file`, with a CSV file for its value.
      std::string value = n.items[i].text;
      for (auto& ch : value) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (!did_you_mean(key, spec_keys).empty() && value.find(".csv") != std::string::npos) return true;
    }
    return false;
  }

  // The readers below take the fast way when a value is what it should be; only a problem builds
  // the words of a message (a year of a center has tens of millions of fields).
  static auto plain(const source_node* n) -> bool { return n->kind == source_node::type::scalar && !n->text.empty(); }

  // A reference to a person; a dangling one is an error at its place.
  auto person_field(field_reader& f, std::string_view key, bool required = true) -> person_index {
    const auto* n = value(f, key, required, {"the id of a person", "人员编号"});
    if (n == nullptr) return no_index;
    if (plain(n)) {
      if (const auto p = c_->find_person(n->text); p != no_index) return p;
    }
    auto id = rd_->text(*n, f.what_of(key));
    if (!id) return no_index;
    const auto p = c_->find_person(*id);
    if (p == no_index) {
      std::vector<std::string> ids;
      if (c_->people.size() < 5000) {
        for (const auto& q : c_->people) ids.push_back(q.id);
      }
      rd_->error(*n, f.what_of(key) +
                         rd_->pick(" refers to `" + *id + "`, who is not among `people`",
                                   "为`" + *id + "`，此人不在`people`中") +
                         did_you_mean(*id, ids, rd_->language()));
    }
    return p;
  }
  // A reference to a shift. Punch clocks and rosters list shifts in the same order, so the shift
  // after the last one found is tried before the id table.
  template <typename What>
  auto shift_ref_of(const source_node& n, What&& what) -> shift_index {
    if (plain(&n)) {
      if (c_->shifts.has(next_shift_) && c_->shifts[next_shift_].id == n.text) {
        return std::exchange(next_shift_, shift_index(next_shift_.value + 1));
      }
      if (const auto s = c_->find_shift(n.text); s != no_index) {
        next_shift_ = shift_index(s.value + 1);
        return s;
      }
    }
    auto id = rd_->text(n, what());
    if (!id) return no_index;
    const auto s = c_->find_shift(*id);
    if (s == no_index) {
      rd_->error(n, what() + rd_->pick(" refers to shift `" + *id + "`, which is not among `shifts`",
                                       "为`" + *id + "`，该班次不在`shifts`中"));
    }
    return s;
  }
  auto shift_field(field_reader& f, std::string_view key, bool required = true) -> shift_index {
    const auto* n = value(f, key, required, {"the id of a shift", "班次编号"});
    return n ? shift_ref_of(*n, [&] { return f.what_of(key); }) : no_index;
  }
  auto time(field_reader& f, std::string_view key, bool required = true) -> std::optional<time_point> {
    const auto* n = value(f, key, required, {"a time like `2026-03-02T08:00`", "形如`2026-03-02T08:00`的时间"});
    if (n == nullptr) return std::nullopt;
    if (n->kind == source_node::type::scalar) {
      // A roster's times fall on few days: the last day read is kept with its text.
      const std::string_view text = n->text;
      if (text.size() >= 16 && (text[10] == 'T' || text[10] == ' ') && text.substr(0, 10) == last_day_text_) {
        if (auto t = parse_time_of_day(text.substr(11))) return time_point(last_day_, *t);
      }
      if (auto t = parse_time_point(text)) {
        last_day_text_.assign(text.substr(0, 10));
        last_day_ = t->date();
        return t;
      }
    }
    return rd_->time_value(*n, f.what_of(key));
  }
  auto text(field_reader& f, std::string_view key, bool required = false) -> std::string {
    const auto* n = value(f, key, required, {"a name", "名称"});
    if (n == nullptr) return {};
    if (plain(n)) return n->text;
    return rd_->text(*n, f.what_of(key)).value_or("");
  }
  // A name many records share (a shift's kind, a seat), given the symbol of the last record that
  // had the same, so a year of shifts holds each kind's text once.
  // The symbol for `text`, given the last one: the same text one symbol.
  auto shared_text(std::string_view text, symbol& last) -> symbol {
    if (text.empty()) return {};
    if (last == text) return last;
    auto at = symbols_.find(text);
    if (at == symbols_.end()) at = symbols_.emplace(std::string(text), symbol(text)).first;
    last = at->second;
    return last;
  }
  auto shared_text(field_reader& f, std::string_view key, symbol& last) -> symbol {
    const auto* n = value(f, key, false, {"a name", "名称"});
    if (n == nullptr) return {};
    std::string converted;  // a value that is not plain text, as text() reads it
    std::string_view text = n->text;
    if (!plain(n)) text = converted = rd_->text(*n, f.what_of(key)).value_or("");
    return shared_text(text, last);
  }

  void read_period(const source_node& n) {
    field_reader f(*rd_, n, "`period`");
    const auto* from = value(f, "from", true, {"a date", "日期"});
    const auto* to = value(f, "to", true, {"a date", "日期"});
    f.finish();
    auto a = from ? rd_->date_value(*from, zh() ? "`period`的`from`" : "`from` of `period`") : std::nullopt;
    auto b = to ? rd_->date_value(*to, zh() ? "`period`的`to`" : "`to` of `period`") : std::nullopt;
    if (!a || !b) return;
    if (*b < *a) {
      rd_->error(*to, rd_->pick("`period` ends before it starts", "`period`的结束日期早于开始日期"));
      return;
    }
    c_->period = rulebook::period{*a, *b};
  }

  void read_person(const source_node& n) {
    field_reader f(*rd_, n, "person", "人员");
    person p;
    p.id = text(f, "id", true);
    p.name = text(f, "name");
    p.role = text(f, "role", true);
    p.grade = text(f, "grade");
    p.seat = text(f, "seat");
    if (const auto* since = value(f, "grade_since", false, {"a date", "日期"})) {
      p.grade_since = rd_->date_value(*since, zh() ? "人员`" + p.id + "`的`grade_since`"
                                                   : "`grade_since` of person `" + p.id + "`");
    }
    if (const auto* hired = value(f, "hired", false, {"a date", "日期"})) {
      p.hired = rd_->date_value(*hired, zh() ? "人员`" + p.id + "`的`hired`" : "`hired` of person `" + p.id + "`");
    }
    const auto* leader = value(f, "leader", false, {"the id of a person", "人员编号"});
    const auto* reports_to = value(f, "reports_to", false, {"the id of a person", "人员编号"});
    f.finish();
    p.where = ref(n);
    if (p.id.empty()) return;
    if (c_->problem_adding(p) == add_problem::duplicate_id) {
      rd_->error(*n.find("id"), rd_->pick("duplicate person id `" + p.id + "`", "人员编号`" + p.id + "`重复"));
      return;
    }
    if (leader != nullptr && reports_to != nullptr) {
      rd_->error(*reports_to, rd_->pick("person `" + p.id + "` has both `leader` and `reports_to`: give one",
                                        "人员`" + p.id + "`同时有`leader`和`reports_to`：只能给出其一"));
    }
    const auto* up = leader != nullptr ? leader : reports_to;
    superiors_.push_back({c_->add_person(std::move(p)), up ? std::optional<source_node>(*up) : std::nullopt,
                          leader != nullptr});
  }
  // Leaders refer to people who may come later in the file: resolved once everyone is known.
  void resolve_superiors() {
    for (const auto& [self, node, is_leader] : superiors_) {
      if (!node) continue;
      const auto& p = c_->people[self];
      const auto key = is_leader ? "leader" : "reports_to";
      const auto what = zh() ? "人员`" + p.id + "`的`" + key + "`"
                             : std::string("`") + key + "` of person `" + p.id + "`";
      auto id = rd_->text(*node, what);
      if (!id) continue;
      const auto up = c_->find_person(*id);
      if (up == no_index) {
        rd_->error(*node, what + rd_->pick(" refers to `" + *id + "`, who is not among `people`",
                                           "为`" + *id + "`，此人不在`people`中"));
      } else if (up == self) {
        rd_->error(*node, rd_->pick("person `" + p.id + "` reports to themself", "人员`" + p.id + "`的上级是其本人"));
      } else {
        c_->set_superior(self, is_leader ? superior_link::leader : superior_link::reports_to, up);
      }
    }
  }

  // Works out, from a flat item's fields alone, whether a record is plain: each key one of `keys`,
  // given once, with a plain value; the first `required` there; and the times of keys
  // `first_time` and the one after (when given) read. Runs on the thread that reads ahead: it
  // reads nothing of the case. The hash is of key 0's value, the id that adding it looks at.
  template <std::size_t N>
  static void prepare_plain(std::span<const detail::flat_field> fields, detail::prepared_item& out,
                            const std::array<std::string_view, N>& keys, std::size_t required, std::size_t first_time) {
    static_assert(N <= std::tuple_size_v<decltype(out.text)>);
    out.plain = false;
    out.text.fill({});
    for (const auto& f : fields) {
      const auto k = static_cast<std::size_t>(std::find(keys.begin(), keys.end(), f.key) - keys.begin());
      // Plain as `plain()` has it: a scalar with text (so an empty view is a key not given).
      if (k == N || !out.text[k].empty() || !f.scalar || f.text.empty()) return;
      out.text[k] = f.text;
    }
    for (std::size_t k = 0; k < required; ++k) {
      if (out.text[k].empty()) return;
    }
    for (std::size_t k = first_time; k < first_time + 2; ++k) {
      if (out.text[k].empty()) continue;
      const auto t = parse_time_point(out.text[k]);
      if (!t) return;
      out.times[k - first_time] = *t;
    }
    out.hash = detail::id_table::hash(out.text[0]);
    out.plain = true;
  }
  // A shift's keys, in the order of `prepared_item::text`; the first four are required.
  static constexpr std::array<std::string_view, 6> shift_keys = {"id", "employee", "start", "end", "kind", "seat"};
  static void prepare_shift(std::span<const detail::flat_field> fields, detail::prepared_item& out) {
    prepare_plain(fields, out, shift_keys, 4, 2);
  }
  // A ticket's, the first three required.
  static constexpr std::array<std::string_view, 4> ticket_keys = {"id", "receiver", "received_at", "dispatched_at"};
  static void prepare_ticket(std::span<const detail::flat_field> fields, detail::prepared_item& out) {
    prepare_plain(fields, out, ticket_keys, 3, 2);
  }
  // A punch's: the shift, and `in`, `out` or both.
  static constexpr std::array<std::string_view, 3> punch_keys = {"shift", "in", "out"};
  static void prepare_punch(std::span<const detail::flat_field> fields, detail::prepared_item& out) {
    prepare_plain(fields, out, punch_keys, 1, 1);
    if (out.text[1].empty() && out.text[2].empty()) out.plain = false;
  }

  // A shift worked out ahead (`prepare_shift`): what the field readers would find, found without
  // them; false when it needs them after all (a problem to report), and nothing was added.
  auto add_plain_shift(const detail::prepared_item& ready) -> bool {
    shift s;
    s.employee = c_->find_person(ready.text[1]);
    if (s.employee == no_index) return false;
    s.id = ready.text[0];
    s.start = ready.times[0];
    s.end = ready.times[1];
    if (!ready.text[4].empty()) s.kind = shared_text(ready.text[4], last_kind_);
    if (!ready.text[5].empty()) s.seat = shared_text(ready.text[5], last_seat_);
    s.where = ready.where;
    // One look at the id: a shift refused (an end before its start, a duplicate) leaves the case as
    // it was, and the field readers then say why.
    try {
      c_->add_shift(std::move(s));
    } catch (const case_error&) {
      return false;
    }
    return true;
  }

  void read_shift(const source_node& n) {
    field_reader f(*rd_, n, "shift", "班次");
    shift s;
    s.id = text(f, "id", true);
    s.employee = person_field(f, "employee");
    auto start = time(f, "start");
    auto end = time(f, "end");
    s.kind = shared_text(f, "kind", last_kind_);
    s.seat = shared_text(f, "seat", last_seat_);
    f.finish();
    s.where = ref(n);
    if (s.id.empty() || s.employee == no_index || !start || !end) return;
    s.start = *start;
    s.end = *end;
    switch (c_->problem_adding(s)) {
      case add_problem::ends_before_start:
        rd_->error(*n.find("end"), rd_->pick("shift `" + s.id + "` ends at " + format_time_point(*end) +
                                                 ", not after it starts at " + format_time_point(*start),
                                             "班次`" + s.id + "`的结束时间（" + words::time(*end, lang::zh) +
                                                 "）不晚于开始时间（" + words::time(*start, lang::zh) + "）"));
        return;
      case add_problem::duplicate_id:
        rd_->error(*n.find("id"), rd_->pick("duplicate shift id `" + s.id + "`", "班次编号`" + s.id + "`重复"));
        return;
      default: c_->add_shift(std::move(s));
    }
  }

  // A punch worked out ahead (`prepare_punch`), as `add_plain_shift` does a shift.
  auto add_plain_punch(const detail::prepared_item& ready) -> bool {
    punch p;
    p.shift = c_->find_shift(ready.text[0]);
    if (!ready.text[1].empty()) p.in = ready.times[0];
    if (!ready.text[2].empty()) p.out = ready.times[1];
    p.where = ready.where;
    if (p.shift == no_index || c_->problem_adding(p) != add_problem::none) return false;
    c_->add_punch(p);
    return true;
  }

  void read_punch(const source_node& n) {
    field_reader f(*rd_, n, zh() ? "打卡记录" : "a punch");
    punch p;
    p.shift = shift_field(f, "shift");
    p.in = time(f, "in", false);
    p.out = time(f, "out", false);
    f.finish();
    p.where = ref(n);
    if (p.shift == no_index) return;
    if (!n.find("in") && !n.find("out")) {
      rd_->error(n, rd_->pick("a punch needs `in`, `out` or both", "打卡记录须有`in`或`out`，或两者都有"));
      return;
    }
    switch (c_->problem_adding(p)) {
      case add_problem::punched_twice:
        rd_->error(n, rd_->pick("shift `" + c_->shifts[p.shift].id + "` has punches recorded twice",
                                "班次`" + c_->shifts[p.shift].id + "`的打卡记录重复"));
        break;
      case add_problem::out_before_in:
        rd_->error(*n.find("out"), rd_->pick("punch-out before punch-in for shift `" + c_->shifts[p.shift].id + "`",
                                             "班次`" + c_->shifts[p.shift].id + "`的下班打卡早于上班打卡"));
        break;
      default: c_->add_punch(p);
    }
  }

  void read_away(const source_node& n) {
    field_reader f(*rd_, n, zh() ? "离岗时段" : "an away period");
    away_period a;
    a.employee = person_field(f, "employee");
    auto from = time(f, "from");
    auto to = time(f, "to");
    f.finish();
    a.where = ref(n);
    if (a.employee == no_index || !from || !to) return;
    if (*to <= *from) {
      rd_->error(*n.find("to"), rd_->pick("away period ends before it starts", "离岗时段的结束时间早于开始时间"));
      return;
    }
    a.from = *from;
    a.to = *to;
    c_->away.push_back(a);
  }

  auto approvals(field_reader& f) -> std::vector<approval> {
    std::vector<approval> out;
    const auto* list = value(f, "approvals", false, {"a list", "列表"});
    each(list, "approvals", [&](const source_node& n) {
      field_reader a(*rd_, n, zh() ? f.what() + "审批记录" : "an approval of " + f.what());
      approval ap;
      ap.by = person_field(a, "by");
      auto at = time(a, "at");
      a.finish();
      ap.where = ref(n);
      if (ap.by != no_index && at) {
        ap.at = *at;
        out.push_back(ap);
      }
    });
    return out;
  }

  void read_request(const source_node& n) {
    auto r = request_of(n);
    if (!r) return;
    if (c_->problem_adding(*r) == add_problem::duplicate_id) {
      rd_->error(*n.find("id"), rd_->pick("duplicate request id `" + r->id + "`", "申请编号`" + r->id + "`重复"));
      return;
    }
    c_->add_request(std::move(*r));
  }

 public:
  // One request read, not added: what a what-if question asks about (`parse_request`). Reads the
  // case only through its look-ups.
  auto request_of(const source_node& n) -> std::optional<request> {
    field_reader f(*rd_, n, "request", "申请");
    const auto before = rd_->issue_count();
    request r;
    r.id = text(f, "id", true);
    const auto type = text(f, "type", true);
    r.employee = person_field(f, "employee");
    auto at = time(f, "submitted_at");
    r.approvals = approvals(f);
    r.where = ref(n);
    if (type == "leave") {
      leave_details l;
      l.kind = text(f, "kind", true);
      l.submitted_by = person_field(f, "submitted_by");
      if (const auto* list = value(f, "shifts", false, {"a list of shifts", "班次列表"})) {
        const auto what = [&] { return zh() ? f.what() + "所列的班次" : "a shift of " + f.what(); };
        each(list, "shifts", [&](const source_node& s) {
          if (auto i = shift_ref_of(s, what); i != no_index) l.shifts.push_back(i);
        });
      }
      l.from = time(f, "from", false);
      l.to = time(f, "to", false);
      const bool by_shifts = n.find("shifts") != nullptr, by_range = n.find("from") || n.find("to");
      if (by_shifts == by_range) {
        rd_->error(n, f.what() + rd_->pick(" names either `shifts` or a `from`/`to` time range",
                                           "须列出`shifts`或给出`from`/`to`时间范围，二者只能选其一"));
      } else if (by_range && (!n.find("from") || !n.find("to"))) {
        rd_->error(n, f.what() + rd_->pick(" needs both `from` and `to`", "须同时给出`from`和`to`"));
      } else if (l.from && l.to && *l.to <= *l.from) {
        rd_->error(*n.find("to"), f.what() + rd_->pick(" ends before it starts", "的结束时间早于开始时间"));
      }
      each(value(f, "certificates", false, {"a list", "列表"}), "certificates", [&](const source_node& cn) {
        field_reader cf(*rd_, cn, zh() ? f.what() + "的证明" : "a certificate of " + f.what());
        certificate c;
        const auto* a = value(cf, "from", true, {"a date", "日期"});
        const auto* b = value(cf, "to", true, {"a date", "日期"});
        auto from = a ? rd_->date_value(*a, zh() ? "证明的`from`" : "`from` of a certificate") : std::nullopt;
        auto to = b ? rd_->date_value(*b, zh() ? "证明的`to`" : "`to` of a certificate") : std::nullopt;
        c.handed_in = time(cf, "handed_in", false);
        cf.finish();
        c.where = ref(cn);
        if (from && to && *to < *from) {
          rd_->error(*b, rd_->pick("certificate ends before it starts", "证明的结束日期早于开始日期"));
        } else if (from && to) {
          c.from = *from;
          c.to = *to;
          l.certificates.push_back(c);
        }
      });
      l.leader_notified_at = time(f, "leader_notified_at", false);
      r.details = std::move(l);
    } else if (type == "swap") {
      swap_details s;
      s.counterpart = person_field(f, "counterpart");
      s.give = shift_field(f, "give");
      s.take = shift_field(f, "take", false);
      // Clause swap.1 judges an empty reason, so an empty or null one loads as empty text.
      if (const auto* reason = f.optional("reason")) {
        if (reason->kind == source_node::type::scalar) {
          s.reason = reason->text;
        } else {
          rd_->error(*reason, f.what_of("reason") + rd_->pick(" must be text, not ", "必须是文本，不能是") +
                                  rd_->describe_node(*reason));
        }
      }
      if (const auto* b = value(f, "form_filed", false, {"`true` or `false`", "`true`或`false`"})) {
        s.form_filed = rd_->boolean(*b, zh() ? "换班申请的`form_filed`" : "`form_filed`").value_or(false);
      }
      if (s.counterpart != no_index && s.counterpart == r.employee) {
        rd_->error(*n.find("counterpart"),
                   f.what() + rd_->pick(" swaps with the employee themself", "的换班对象是员工本人"));
      }
      r.details = s;
    } else if (type == "promotion") {
      r.details = promotion_details{text(f, "to_grade", true)};
    } else if (!type.empty()) {
      rd_->error(*n.find("type"),
                 rd_->pick("unknown request type `" + type + "`", "申请类型`" + type + "`未知") +
                     did_you_mean(type, std::vector<std::string>{"leave", "swap", "promotion"}, rd_->language()));
    }
    f.finish();
    if (rd_->issue_count() != before || !at) return std::nullopt;
    r.submitted_at = *at;
    return r;
  }

 private:
  void read_assessment(const source_node& n) {
    field_reader f(*rd_, n, zh() ? "考核记录" : "an assessment");
    assessment a;
    a.employee = person_field(f, "employee");
    const auto* m = value(f, "month", true, {"a month", "月份"});
    auto mon = m ? rd_->month_value(*m, zh() ? "考核记录的`month`" : "`month` of an assessment") : std::nullopt;
    const auto* t = value(f, "typing_cpm", true, {"a whole number", "整数"});
    auto cpm = t ? rd_->integer(*t, zh() ? "考核记录的`typing_cpm`" : "`typing_cpm`") : std::nullopt;
    const auto* e = value(f, "exam_passed", true, {"`true` or `false`", "`true`或`false`"});
    auto passed = e ? rd_->boolean(*e, zh() ? "考核记录的`exam_passed`" : "`exam_passed`") : std::nullopt;
    f.finish();
    if (a.employee == no_index || !mon || !cpm || !passed) return;
    a.month = *mon;
    a.typing_cpm = *cpm;
    a.exam_passed = *passed;
    a.where = ref(n);
    if (!assessed_.insert({a.employee, format_month(a.month)}).second) {
      rd_->error(*m,
                 rd_->pick("a second assessment of `" + c_->people[a.employee].id + "` for " + format_month(a.month),
                           "人员`" + c_->people[a.employee].id + "`在" + words::month(a.month, lang::zh) +
                               "的考核记录重复"));
      return;
    }
    c_->assessments.push_back(a);
  }

  // A ticket worked out ahead (`prepare_ticket`), as `add_plain_shift` does a shift.
  auto add_plain_ticket(const detail::prepared_item& ready) -> bool {
    ticket t;
    t.receiver = c_->find_person(ready.text[1]);
    if (t.receiver == no_index) return false;
    t.received_at = ready.times[0];
    if (!ready.text[3].empty()) {
      if (ready.times[1] < t.received_at) return false;
      t.dispatched_at = ready.times[1];
    }
    t.id = ready.text[0];
    t.where = ready.where;
    const auto index = static_cast<std::uint32_t>(c_->tickets.size());
    if (ticket_ids_.add_unless_there(t.id, index, ticket_id_) != detail::id_table::none) return false;
    c_->tickets.push_back(std::move(t));
    return true;
  }

  void read_ticket(const source_node& n) {
    field_reader f(*rd_, n, "ticket", "工单");
    ticket t;
    t.id = text(f, "id", true);
    t.receiver = person_field(f, "receiver");
    auto received = time(f, "received_at");
    t.dispatched_at = time(f, "dispatched_at", false);
    f.finish();
    t.where = ref(n);
    if (t.id.empty() || t.receiver == no_index || !received) return;
    t.received_at = *received;
    if (t.dispatched_at && *t.dispatched_at < t.received_at) {
      rd_->error(*n.find("dispatched_at"), rd_->pick("ticket `" + t.id + "` is dispatched before it was received",
                                                     "工单`" + t.id + "`的派发时间早于受理时间"));
    } else if (ticket_ids_.add_unless_there(t.id, static_cast<std::uint32_t>(c_->tickets.size()), ticket_id_) !=
               detail::id_table::none) {
      rd_->error(*n.find("id"), rd_->pick("duplicate ticket id `" + t.id + "`", "工单编号`" + t.id + "`重复"));
    } else {
      c_->tickets.push_back(std::move(t));
    }
  }

  void read_callback(const source_node& n) {
    field_reader f(*rd_, n, zh() ? "回访单" : "callback case");
    callback_case cb;
    cb.id = text(f, "case", true);
    cb.agent = person_field(f, "agent");
    auto resolved = time(f, "resolved_at");
    each(value(f, "attempts", false, {"a list", "列表"}), "attempts", [&](const source_node& an) {
      field_reader a(*rd_, an, zh() ? "回访记录" : "a callback attempt");
      auto at = time(a, "at");
      const auto* r = value(a, "reached", true, {"`true` or `false`", "`true`或`false`"});
      auto reached = r ? rd_->boolean(*r, zh() ? "回访记录的`reached`" : "`reached`") : std::nullopt;
      a.finish();
      if (at && resolved && *at < *resolved) {
        rd_->error(*an.find("at"), rd_->pick("callback attempt at " + format_time_point(*at) + " is before case `" +
                                                 cb.id + "` was resolved at " + format_time_point(*resolved),
                                             "回访时间（" + words::time(*at, lang::zh) + "）早于回访单`" + cb.id +
                                                 "`的解决时间（" + words::time(*resolved, lang::zh) + "）"));
      } else if (at && reached) {
        cb.attempts.push_back({*at, *reached});
      }
    });
    if (const auto* c = f.optional("closed")) {
      cb.closed = rd_->text(*c, zh() ? "回访单的`closed`" : "`closed`").value_or("");
      if (cb.closed != "wrong_contact" && cb.closed != "unreachable") {
        rd_->error(*c, rd_->pick("`closed` is `wrong_contact`, `unreachable` or null, not `" + c->text + "`",
                                 "回访单的`closed`只能是`wrong_contact`、`unreachable`或空值，不能是" +
                                     rd_->describe_node(*c)) +
                           did_you_mean(c->text, {"wrong_contact", "unreachable"}, rd_->language()));
      }
    }
    f.finish();
    cb.where = ref(n);
    if (cb.id.empty() || cb.agent == no_index || !resolved) return;
    cb.resolved_at = *resolved;
    if (callback_ids_.add_unless_there(cb.id, static_cast<std::uint32_t>(c_->callbacks.size()), callback_id_) !=
        detail::id_table::none) {
      rd_->error(*n.find("case"), rd_->pick("duplicate callback case `" + cb.id + "`", "回访单`" + cb.id + "`重复"));
      return;
    }
    c_->callbacks.push_back(std::move(cb));
  }

  void read_monitoring(const source_node& n) {
    field_reader f(*rd_, n, zh() ? "监听记录" : "a monitoring session");
    monitoring_session m;
    m.agent = person_field(f, "agent");
    m.inspector = person_field(f, "inspector");
    auto at = time(f, "at");
    f.finish();
    m.where = ref(n);
    if (m.agent == no_index || m.inspector == no_index || !at) return;
    m.at = *at;
    c_->monitoring.push_back(m);
  }

  void read_account(const source_node& n) {
    field_reader f(*rd_, n, zh() ? "账户册" : "an account book");
    account_book a;
    a.manager = person_field(f, "manager");
    a.tier = text(f, "tier", true);
    const auto* cn = value(f, "customers", true, {"a whole number", "整数"});
    auto customers = cn ? rd_->integer(*cn, zh() ? "账户册的`customers`" : "`customers`") : std::nullopt;
    f.finish();
    a.where = ref(n);
    if (a.manager == no_index || a.tier.empty() || !customers) return;
    a.customers = *customers;
    c_->accounts.push_back(std::move(a));
  }

  void read_meeting(const source_node& n) {
    field_reader f(*rd_, n, "meeting", "会议");
    meeting m;
    m.id = text(f, "id", true);
    m.type = text(f, "type", true);
    auto start = time(f, "start");
    auto end = time(f, "end");
    m.chair = person_field(f, "chair");
    bool ok = true;
    if (const auto* a = value(f, "attendees", false, {"a list of people's ids", "人员编号列表"})) {
      // A list, or (as a CSV cell holds it) one text of ids apart by spaces, line breaks, commas or
      // semicolons (also the full-width ，、；). Each id of a plain text is placed at its own column.
      std::vector<const source_node*> items;
      std::vector<source_node> split;
      if (a->kind == source_node::type::scalar) {
        const std::string_view text = a->text;
        const auto separator_at = [&](std::size_t i) -> std::size_t {  // its length in bytes, or 0
          const char ch = text[i];
          if (ch == ' ' || ch == ',' || ch == ';' || ch == '\t' || ch == '\n' || ch == '\r') return 1;
          for (const std::string_view wide : {"，", "、", "；"}) {
            if (text.substr(i, wide.size()) == wide) return wide.size();
          }
          return 0;
        };
        std::size_t from = 0;
        for (std::size_t i = 0; i <= text.size();) {
          const auto sep = i < text.size() ? separator_at(i) : 1;
          if (sep == 0) {
            ++i;
            continue;
          }
          if (i > from) {
            source_node id;
            id.kind = source_node::type::scalar;
            id.quoted = true;  // an id is text, whatever it looks like
            id.line = a->line;
            id.column = a->column;
            if (!a->quoted && text.find('\n') == std::string_view::npos) {
              id.column += static_cast<int>(from);  // columns count bytes, as yaml-cpp does
            }
            id.text = text.substr(from, i - from);
            split.push_back(std::move(id));
          }
          i += sep;
          from = i;
        }
        if (split.empty()) {
          rd_->error(*a, f.what_of("attendees") + rd_->pick(" names nobody: give people's ids, or leave the key out",
                                                            "没有列出任何人：请给出人员编号，或删去这个键"));
          ok = false;
        }
        for (const auto& s : split) items.push_back(&s);
      } else if (a->kind == source_node::type::sequence) {
        for (const auto& item : a->items) items.push_back(&item);
      } else {
        rd_->error(*a, f.what_of("attendees") + rd_->pick(" must be a list of people's ids", "必须是人员编号列表"));
        ok = false;
      }
      std::unordered_set<std::uint32_t> seen;  // who is listed so far: a long list stays linear
      for (const auto* item : items) {
        auto id = rd_->text(*item, zh() ? f.what() + "的参会人" : "an attendee of " + f.what());
        if (!id) {
          ok = false;
          continue;
        }
        const auto p = c_->find_person(*id);
        if (p == no_index) {
          rd_->error(*item, rd_->pick("attendee `" + *id + "` of " + f.what() + " is not among `people`",
                                      f.what() + "的参会人`" + *id + "`不在`people`中"));
          ok = false;
        } else if (!seen.insert(p.value).second) {
          rd_->error(*item, rd_->pick("attendee `" + *id + "` of " + f.what() + " is listed twice",
                                      f.what() + "的参会人`" + *id + "`重复列出"));
          ok = false;
        } else {
          m.attendees.push_back(p);
        }
      }
    }
    f.finish();
    m.where = ref(n);
    if (m.id.empty() || m.type.empty() || !start || !end || m.chair == no_index || !ok) return;
    m.start = *start;
    m.end = *end;
    if (m.end <= m.start) {
      rd_->error(*n.find("end"), f.what() + rd_->pick(" does not end after it starts", "的结束时间不晚于开始时间"));
    } else if (meeting_ids_.add_unless_there(m.id, static_cast<std::uint32_t>(c_->meetings.size()), meeting_id_) !=
               detail::id_table::none) {
      rd_->error(*n.find("id"), rd_->pick("duplicate meeting id `" + m.id + "`", "会议编号`" + m.id + "`重复"));
    } else {
      c_->meetings.push_back(std::move(m));
    }
  }

  void read_report(const source_node& n) {
    field_reader f(*rd_, n, "report", "报告");
    report r;
    r.id = text(f, "id", true);
    r.type = text(f, "type", true);
    r.by = person_field(f, "by");
    bool ok = true;
    const source_node* covers = nullptr;
    std::string covers_key;  // the key it was named by
    const auto cover = [&](const char* key, period_unit unit) {
      const auto* c = value(f, key, false, unit == period_unit::month ? say{"a month", "月份"} : say{"a date", "日期"});
      if (c == nullptr) return;
      if (covers != nullptr) {
        rd_->error(*c, rd_->pick(f.what() + " names both `" + covers_key + "` and `" + key +
                                     "`: give the one period it covers",
                                 f.what() + "同时给出了`" + covers_key + "`和`" + key + "`：只能给出它涵盖的一个期间"));
        ok = false;
        return;
      }
      covers = c;
      covers_key = key;
      const auto what = f.what_of(key);
      if (unit == period_unit::month) {
        if (auto m = rd_->month_value(*c, what)) {
          r.covers = {{unit, date(static_cast<unsigned short>(m->year), static_cast<unsigned short>(m->number), 1)}};
        } else {
          ok = false;
        }
      } else if (auto d = rd_->date_value(*c, what)) {
        if (unit == period_unit::week && d->day_of_week() != boost::date_time::Monday) {
          rd_->error(*c, rd_->pick(what + " is " + format_date(*d) + ", a " + d->day_of_week().as_long_string() +
                                       ": a week is named by its Monday",
                                   what + "为" + words::day(*d, lang::zh) + "，是" + weekday_zh(*d) +
                                       "：一周应以其周一的日期表示"));
          ok = false;
        } else {
          r.covers = {{unit, *d}};
        }
      } else {
        ok = false;
      }
    };
    cover("month", period_unit::month);
    cover("week", period_unit::week);
    cover("date", period_unit::day);
    auto submitted = time(f, "submitted_at");
    f.finish();
    r.where = ref(n);
    if (r.id.empty() || r.type.empty() || r.by == no_index || !submitted || !ok) return;
    r.submitted_at = *submitted;
    if (report_ids_.add_unless_there(r.id, static_cast<std::uint32_t>(c_->reports.size()), report_id_) !=
        detail::id_table::none) {
      rd_->error(*n.find("id"), rd_->pick("duplicate report id `" + r.id + "`", "报告编号`" + r.id + "`重复"));
      return;
    }
    c_->reports.push_back(std::move(r));
  }

  void read_training(const source_node& n) {
    field_reader f(*rd_, n, zh() ? "培训记录" : "a training record");
    training t;
    t.employee = person_field(f, "employee");
    t.type = text(f, "type", true);
    auto completed = time(f, "completed_at");
    const auto* p = value(f, "passed", true, {"`true` or `false`", "`true`或`false`"});
    auto passed = p ? rd_->boolean(*p, zh() ? "培训记录的`passed`" : "`passed` of a training record") : std::nullopt;
    f.finish();
    t.where = ref(n);
    if (t.employee == no_index || t.type.empty() || !completed || !passed) return;
    t.completed_at = *completed;
    t.passed = *passed;
    c_->trainings.push_back(std::move(t));
  }

  source_reader* rd_;
  case_file* c_;
  shift_index next_shift_ = shift_index(0);             // the shift a reference most likely names next
  std::string last_day_text_;                           // the day of the last time read, as written
  std::map<std::string, symbol, std::less<>> symbols_;  // the names records share, by text
  symbol last_kind_, last_seat_;                        // the last shift's
  date last_day_;                                       // and as a date
  struct superior {
    person_index self;
    std::optional<source_node> node;  // a copy: a streamed item lives only while it is read
    bool is_leader;
  };
  std::vector<superior> superiors_;
  std::set<std::pair<person_index, std::string>> assessed_;
  detail::id_table ticket_ids_, callback_ids_;  // over the tickets and callbacks added so far
  detail::id_table meeting_ids_, report_ids_;   // and the meetings and reports
  std::function<std::string_view(std::uint32_t)> ticket_id_ = [this](std::uint32_t i) -> std::string_view {
    return c_->tickets[i].id;
  };
  std::function<std::string_view(std::uint32_t)> callback_id_ = [this](std::uint32_t i) -> std::string_view {
    return c_->callbacks[i].id;
  };
  std::function<std::string_view(std::uint32_t)> meeting_id_ = [this](std::uint32_t i) -> std::string_view {
    return c_->meetings[i].id;
  };
  std::function<std::string_view(std::uint32_t)> report_id_ = [this](std::uint32_t i) -> std::string_view {
    return c_->reports[i].id;
  };
};

// Where an entity of list `list` is written: its own file's line and column, or the case's.
auto at(const case_file& c, std::string_view list, const source_ref& r) -> source_position {
  return {c.file_of(list), r.line, r.column};
}

}  // namespace

auto validate_case(const case_file& c, const policy& p, lang language) -> std::vector<load_issue> {
  return detail::validate_case(c, p, language, 1);
}

auto detail::validate_case(const case_file& c, const policy& p, lang language, unsigned threads)
    -> std::vector<load_issue> {
  std::vector<load_issue> issues;
  // A case built in code may point past its lists, or hold entities `add_*` never saw: said
  // first, and with an index out of range nothing below may read through the case's indexes.
  if (!detail::check_indexes(c, issues, language)) return issues;
  const auto& v = p.vocabulary();
  const bool zh = language == lang::zh;
  // `whose()` names the entity; it is called only for a name the policy does not know, so a
  // quarter of a million shifts cost no string each. `what` is the kind of name, in English and Chinese.
  auto check = [&](std::vector<load_issue>& into, std::string_view given, const std::vector<std::string>& known,
                   say what, std::string_view in_list, const source_ref& where, const auto& whose) {
    if (given.empty() || known.empty() || vocabulary::has(known, given)) return;
    const std::string name(given);
    std::vector<std::string> names;
    names.reserve(known.size());
    for (const auto& k : known) names.push_back("`" + k + "`");
    into.push_back({at(c, in_list, where),
                    {},
                    zh ? whose() + "的" + what.zh + "`" + name + "`未知，政策`" + p.name() + "`中只有" +
                             words::list(names, lang::zh) + did_you_mean(name, known, lang::zh)
                       : "unknown " + std::string(what.en) + " `" + name + "` of " + whose() + ": the policy `" +
                             p.name() + "` knows " +
                             [&] {
                               std::string list;
                               for (const auto& k : known) list += (list.empty() ? "`" : ", `") + k + "`";
                               return list;
                             }() +
                             did_you_mean(name, known)});
  };
  // The names of every list on one thread and the requests on another (a big case): each into
  // its own list, joined in this order, so the problems read as one thread finds them.
  const auto names = [&] {
    for (const auto& q : c.people) {
      const auto who = [&] { return "`" + q.id + "`"; };
      check(issues, q.role, v.roles, {"role", "角色"}, "people", q.where, who);
      check(issues, q.grade, v.grades, {"grade", "级别"}, "people", q.where, who);
    }
    // A loader gives every shift of one kind the same symbol: a kind found known is not looked up again.
    const symbol* known_kind = nullptr;
    for (const auto& s : c.shifts) {
      if (known_kind != nullptr && s.kind.shares(*known_kind)) continue;
      const auto before = issues.size();
      check(issues, s.kind, v.shift_kinds, {"shift kind", "班次类型"}, "shifts", s.where,
            [&] { return zh ? "班次`" + s.id + "`" : "shift `" + s.id + "`"; });
      if (issues.size() == before) known_kind = &s.kind;
    }
    for (const auto& a : c.accounts) {
      check(issues, a.tier, v.tiers, {"tier", "客户等级"}, "accounts", a.where,
            [&] { return std::string(zh ? "账户册" : "an account book"); });
    }
    for (const auto& m : c.meetings) {
      check(issues, m.type, v.meeting_types, {"meeting type", "会议类型"}, "meetings", m.where,
            [&] { return zh ? "会议`" + m.id + "`" : "meeting `" + m.id + "`"; });
    }
    for (const auto& r : c.reports) {
      check(issues, r.type, v.report_types, {"report type", "报告类型"}, "reports", r.where,
            [&] { return zh ? "报告`" + r.id + "`" : "report `" + r.id + "`"; });
    }
    for (const auto& t : c.trainings) {
      check(issues, t.type, v.training_types, {"training type", "培训类型"}, "trainings", t.where, [&] {
        const auto& id = c.people[t.employee].id;
        return zh ? "`" + id + "`" : "the training record of `" + id + "`";  // `E001`的培训类型
      });
    }
  };
  std::vector<load_issue> of_requests;
  const auto requests = [&] {
    // A request names its employee's own shifts: rostered to them, or received by a swap in this case.
    // (shift, person) for every shift a swap of this case hands to someone: built once, so the check
    // is a look-up per request rather than a scan of every request.
    std::unordered_set<std::uint64_t> received;
    const auto pair_key = [](shift_index s, person_index who) { return (std::uint64_t{s.value} << 32) | who.value; };
    for (const auto& o : c.requests) {
      if (const auto* sw = o.swap()) {
        received.insert(pair_key(sw->give, sw->counterpart));
        if (sw->take != no_index) received.insert(pair_key(sw->take, o.employee));
      }
    }
    auto could_hold = [&](person_index who, shift_index s) {
      return c.shifts[s].employee == who || received.contains(pair_key(s, who));
    };
    auto not_theirs = [&](const request& r, person_index who, shift_index s) {
      of_requests.push_back(
          {at(c, "requests", r.where),
           {},
           zh ? words::request_type_word(&p.labels(), r.type(), lang::zh) + "`" + r.id + "`把班次`" + c.shifts[s].id +
                    "`当作`" + c.people[who].id + "`的班次，但它是`" + c.people[c.shifts[s].employee].id + "`的"
              : std::string(to_string(r.type())) + " `" + r.id + "` names shift `" + c.shifts[s].id + "` as `" +
                    c.people[who].id + "`'s, but it is `" + c.people[c.shifts[s].employee].id + "`'s"});
    };
    const auto request_named = [&](const request& r) { return zh ? "申请`" + r.id + "`" : "request `" + r.id + "`"; };
    for (const auto& r : c.requests) {
      if (const auto* l = r.leave()) {
        check(of_requests, l->kind, v.leave_kinds, {"leave kind", "假别"}, "requests", r.where,
              [&] { return request_named(r); });
        for (const auto s : l->shifts) {
          if (!could_hold(r.employee, s)) not_theirs(r, r.employee, s);
        }
      }
      if (const auto* sw = r.swap()) {
        if (!could_hold(r.employee, sw->give)) not_theirs(r, r.employee, sw->give);
        if (sw->take != no_index && !could_hold(sw->counterpart, sw->take)) not_theirs(r, sw->counterpart, sw->take);
      }
      if (const auto* pr = r.promotion())
        check(of_requests, pr->to_grade, v.grades, {"grade", "级别"}, "requests", r.where,
              [&] { return request_named(r); });
    }
  };
  if (threads > 1 && c.shifts.size() + c.requests.size() >= detail::validate_parallel_from) {
    detail::side_by_side(requests, names);
  } else {
    names();
    requests();
  }
  issues.insert(issues.end(), std::make_move_iterator(of_requests.begin()), std::make_move_iterator(of_requests.end()));
  if (const auto on_cycle = detail::find_cycle(c)) {
    std::string path = c.people[*on_cycle].id;
    for (const auto q : detail::superiors(c, *on_cycle)) {
      if (q == *on_cycle) break;
      path += " → " + c.people[q].id;
    }
    path += " → " + c.people[*on_cycle].id;
    issues.push_back({at(c, "people", c.people[*on_cycle].where),
                      {},
                      (zh ? "上下级关系形成了循环：" : "the chain of command is a cycle: ") + path});
  }
  return issues;
}

auto detail::case_from_source(const std::string& file, case_source& source, const policy& p,
                              std::vector<load_issue>& issues, lang l) -> case_file {
  const auto first = issues.size();
  case_file c;
  c.file = file;
  source_reader rd(file, issues, l);
  case_loader(rd, c).load(source);
  if (const auto* broken = source.broken()) {
    // The rest of the file was never read: issues found before (a leader not among the people
    // read so far) may be wrong, so the syntax error is the one said.
    auto issue = *broken;
    issues.resize(first);
    issues.push_back(std::move(issue));
    return case_file{};
  }
  // Names the policy does not know are reported with the rest, so one run shows every problem.
  auto more = detail::validate_case(c, p, l, std::thread::hardware_concurrency());
  issues.insert(issues.end(), more.begin(), more.end());
  // In reading order: the case file's problems, then each list file's, each by line and column.
  const auto order = [&](const std::string& f) {
    for (std::size_t k = 0; k < c.list_files.size(); ++k) {
      if (c.list_files[k].second == f) return k + 1;
    }
    return f == file ? std::size_t{0} : c.list_files.size() + 1;
  };
  const auto place = [&](const load_issue& i) {
    return std::tuple(order(i.where.file), std::string_view(i.where.file), i.where.line, i.where.column);
  };
  std::stable_sort(issues.begin() + static_cast<std::ptrdiff_t>(first), issues.end(),
                   [&](const load_issue& a, const load_issue& b) { return place(a) < place(b); });
  if (issues.size() != first) return case_file{};
  return c;
}

namespace {
// A document parsed whole (YAML): its lists are there already.
class tree_source final : public detail::case_source {
 public:
  explicit tree_source(const source_node& root) : root_(&root) {}
  auto top() -> const source_node& override { return *root_; }
  void each_item(std::size_t key, const std::function<void(const source_node&)>& read) override {
    for (const auto& item : root_->items[key].items) read(item);
  }
  auto item_count(std::size_t key) -> std::size_t override { return root_->items[key].items.size(); }

 private:
  const source_node* root_;
};
}  // namespace

auto detail::case_from_source(const std::string& file, const source_node& root, const policy& p,
                              std::vector<load_issue>& issues, lang l) -> case_file {
  tree_source source(root);
  return case_from_source(file, source, p, issues, l);
}

auto parse_case(std::string file, std::string text, const policy& p, std::vector<load_issue>& issues, lang l)
    -> case_file {
  const auto first = issues.size();
  if (detail::is_json_file(file)) {
    auto source = detail::json_case_source(file, std::move(text), issues, l);
    return detail::case_from_source(file, *source, p, issues, l);
  }
  auto doc = detail::parse_source(std::move(file), std::move(text), issues, l);
  if (issues.size() != first) return case_file{};
  return detail::case_from_source(doc.file, doc.root, p, issues, l);
}

auto parse_request(std::string file, std::string text, const case_file& c, const policy& p,
                   std::vector<load_issue>& issues, lang language) -> std::optional<request> {
  const auto first = issues.size();
  auto doc = detail::parse_source(std::move(file), std::move(text), issues, language);
  if (issues.size() != first) return std::nullopt;
  source_reader rd(doc.file, issues, language);
  // `request_of` reads the case only through its look-ups: nothing is added to it.
  auto r =
      case_loader(rd, const_cast<case_file&>(c)).request_of(doc.root);  // NOLINT(cppcoreguidelines-pro-type-const-cast)
  if (!r || issues.size() != first) return std::nullopt;
  const auto bad = [&](std::string message) {
    issues.push_back({{doc.file, r->where.line, r->where.column}, {}, std::move(message)});
  };
  if (c.find_request(r->id) != no_index)
    bad(rd.pick("request `" + r->id + "` is in the case already: give the question an id of its own",
                "申请`" + r->id + "`已在案例中：请给所问的申请另起一个编号"));
  const auto& v = p.vocabulary();
  const auto known = [&](const std::string& name, const std::vector<std::string>& names, say what) {
    if (name.empty() || names.empty() || vocabulary::has(names, name)) return;
    bad(rd.pick("unknown " + std::string(what.en) + " `" + name + "` of request `" + r->id + "`: the policy `" +
                    p.name() + "` does not know it",
                "申请`" + r->id + "`的" + what.zh + "`" + name + "`未知，政策`" + p.name() + "`中没有这种" + what.zh) +
        did_you_mean(name, names, language));
  };
  // A request names its employee's own shifts: rostered to them, or received by a swap of the case.
  const auto could_hold = [&](person_index who, shift_index s) {
    if (c.shifts[s].employee == who) return true;
    for (const auto& o : c.requests) {
      if (const auto* sw = o.swap();
          sw && ((sw->give == s && sw->counterpart == who) || (sw->take == s && o.employee == who)))
        return true;
    }
    return false;
  };
  const auto mine = [&](person_index who, shift_index s) {
    if (!could_hold(who, s)) {
      const auto owner = c.shifts[s].employee;  // nobody, in a case built in code
      bad(rd.pick(std::string(to_string(r->type())) + " `" + r->id + "` names shift `" + c.shifts[s].id + "` as `" +
                      c.people[who].id + "`'s, but it is " +
                      (owner == no_index ? "nobody's" : "`" + c.people[owner].id + "`'s"),
                  words::request_type_word(&p.labels(), r->type(), lang::zh) + "`" + r->id + "`把班次`" +
                      c.shifts[s].id + "`当作`" + c.people[who].id + "`的班次，但它" +
                      (owner == no_index ? "不属于任何人" : "是`" + c.people[owner].id + "`的")));
    }
  };
  if (const auto* l = r->leave()) {
    known(l->kind, v.leave_kinds, {"leave kind", "假别"});
    for (const auto s : l->shifts) mine(r->employee, s);
  } else if (const auto* sw = r->swap()) {
    mine(r->employee, sw->give);
    if (sw->take != no_index) mine(sw->counterpart, sw->take);
  } else if (const auto* pr = r->promotion()) {
    known(pr->to_grade, v.grades, {"grade", "级别"});
  }
  if (issues.size() != first) return std::nullopt;
  return r;
}

auto load_case(const std::string& path, const policy& p, std::vector<load_issue>& issues, lang l) -> case_file {
  return load_case(path, {}, p, issues, {}, l);
}

auto load_case(const std::string& path, const policy& p, lang l) -> case_file {
  std::vector<load_issue> issues;
  auto c = load_case(path, p, issues, l);
  if (!issues.empty()) throw load_error(std::move(issues));
  return c;
}

auto load_case(const std::string& path, std::span<const section_file> files, const policy& p,
               std::vector<load_issue>& issues, const load_progress& progress, lang l) -> case_file {
  const auto told = [&](std::size_t done, std::size_t total) {
    if (progress) progress(path, done, total);
  };
  const auto first = issues.size();
  const std::vector<std::string> lists(detail::case_lists.begin(), detail::case_lists.end());
  for (std::size_t i = 0; i < files.size(); ++i) {
    const auto& f = files[i];
    const auto bad = [&](std::string message) { issues.push_back({{f.path, 0, 0}, {}, std::move(message)}); };
    if (std::find(lists.begin(), lists.end(), f.section) == lists.end()) {
      bad(l == lang::zh
              ? "`" + f.section +
                    "`不是案例中的列表（CSV文件可存放`people`、`shifts`、`punches`、`away`、`requests`、`assessments`、"
                    "`tickets`、`callbacks`、`monitoring`、`accounts`、`meetings`、`reports`或`trainings`）" +
                    did_you_mean(f.section, lists, lang::zh)
              : "`" + f.section + "` is not a list of a case" + did_you_mean(f.section, lists) +
                    " (a CSV file holds `people`, `shifts`, `punches`, `away`, `requests`, `assessments`, `tickets`, "
                    "`callbacks`, `monitoring`, `accounts`, `meetings`, `reports` or `trainings`)");
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (files[j].section == f.section) {
        bad(l == lang::zh ? "`" + f.section + "`给出了两次：另一次在`" + files[j].path + "`"
                          : "`" + f.section + "` is given twice: also by `" + files[j].path + "`");
      }
    }
  }
  if (issues.size() != first) return case_file{};
  std::unique_ptr<detail::case_source> inner;
  detail::source_document doc;
  if (!path.empty() || files.empty()) {  // no case file and no lists: the empty path cannot be read
    if (detail::is_json_file(path)) {
      inner = detail::json_case_file(path, issues, l, told);
    } else if (told(0, 0); auto text = detail::read_text_file(path, issues, l)) {
      doc = detail::parse_source(path, std::move(*text), issues, l);
      inner = std::make_unique<tree_source>(doc.root);
    }
    if (issues.size() != first) return case_file{};
  }
  // Lists in CSV files are laid over the case's own; without any, the case is read as it is.
  auto source = files.empty() ? std::move(inner) : detail::with_section_files(std::move(inner), files);
  // Without a case file, a place outside the CSV files (an unknown role) is one of the people's.
  std::string name = path;
  if (name.empty()) {
    name = files.front().path;
    for (const auto& f : files) {
      if (f.section == "people") name = f.path;
    }
  }
  return detail::case_from_source(name, *source, p, issues, l);
}

}  // namespace rulebook
