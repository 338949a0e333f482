// The verdict as one CSV table for a spreadsheet: a row per request (its decision), a row per
// finding (a request's or a conduct finding). UTF-8 with a byte order mark, so that Excel reads
// Chinese names right; CRLF line ends and RFC 4180 quoting. Only `message` (and the header) is in
// the language asked for; the rest is language-neutral, as in the JSON verdict.
#include <rulebook/kind.hpp>
#include <rulebook/verdict.hpp>

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace rulebook {
namespace {

constexpr std::size_t column_count = 18;

constexpr std::array<const char*, column_count> header_en = {
    "kind",   "request",       "request_type", "employee", "employee_name", "team", "decision", "rule",    "clause",
    "effect", "approver_role", "at",           "shift",    "month",         "week", "date",     "message", "evidence"};
constexpr std::array<const char*, column_count> header_zh = {"类别", "申请", "申请类型", "工号", "姓名",     "班组",
                                                             "决定", "规则", "条款",     "性质", "审批角色", "时间",
                                                             "班次", "月份", "周",       "日期", "说明",     "依据"};

using row = std::array<std::string, column_count>;
// The columns, by position.
namespace col {
enum : std::size_t {
  kind,
  request,
  request_type,
  employee,
  employee_name,
  team,
  decision,
  rule,
  clause,
  effect,
  approver_role,
  at,
  shift,
  month,
  week,
  date,
  message,
  evidence,
};
}  // namespace col

/// Appends `s` as one field: quoted when it holds a comma, a quote or a line break (RFC 4180), and
/// with a leading `'` when a spreadsheet would take it for a formula (`=`, `+`, `-`, `@`): a name
/// in the case is data, never a formula.
void field(std::string& out, std::string_view s) {
  const bool formula = !s.empty() &&
                       (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r');
  const bool quoted = formula || s.find_first_of(",\"\r\n") != std::string_view::npos;
  if (quoted) out += '"';
  if (formula) out += '\'';
  for (const char ch : s) {
    if (ch == '"') out += '"';
    out += ch;
  }
  if (quoted) out += '"';
}

void line(std::string& out, const row& r) {
  for (std::size_t i = 0; i < r.size(); ++i) {
    if (i) out += ',';
    field(out, r[i]);
  }
  out += "\r\n";
}

struct csv_writer {
  const verdict& v;
  const case_file& c;
  write_options o;
  std::ostream& sink;
  std::string out;

  void flush(bool all = false) {
    if (all || out.size() >= (std::size_t{1} << 16)) {
      sink.write(out.data(), static_cast<std::streamsize>(out.size()));
      out.clear();
    }
  }

  // The leader of `p`'s team: their shift leader, else themselves when they lead someone.
  [[nodiscard]] auto team_of(person_index p, const std::vector<bool>& leads) const -> std::string {
    if (p == no_index || !c.people.has(p)) return {};
    const auto& person = c.people[p];
    if (person.leader != no_index) return c.people[person.leader].id;
    return leads[p.value] ? person.id : std::string();
  }

  void put_person(row& r, person_index p, const std::vector<bool>& leads) const {
    if (p == no_index || !c.people.has(p)) return;
    r[col::employee] = c.people[p].id;
    r[col::employee_name] = c.people[p].name;
    r[col::team] = team_of(p, leads);
  }

  void finding_row(const finding& f, const request* req, const request_verdict* rv, const std::vector<bool>& leads) {
    row r;
    const auto& h = v.header_of(f);
    r[col::kind] = "finding";
    if (req != nullptr) {
      r[col::request] = req->id;
      r[col::request_type] = to_string(req->type());
      r[col::decision] = to_string(rv->decision);
    }
    put_person(r, f.subject.employee, leads);
    r[col::rule] = h.id;
    r[col::clause] = h.clause;
    r[col::effect] = to_string(f.effect);
    if (f.effect == effect::needs_approval) r[col::approver_role] = f.approver_role;
    if (!f.subject.at.is_special()) r[col::at] = format_time_point(f.subject.at);
    if (f.subject.shift != no_index) r[col::shift] = c.shifts[f.subject.shift].id;
    if (f.subject.month) r[col::month] = format_month(*f.subject.month);
    if (f.subject.week) r[col::week] = format_date(*f.subject.week);
    if (f.subject.day) r[col::date] = format_date(*f.subject.day);
    r[col::message] = v.message(f, c, o.lang);
    for (const auto& e : f.evidence) {
      if (!r[col::evidence].empty()) r[col::evidence] += "; ";
      r[col::evidence] += std::string(e.key) + "=" + evidence_text(e.value, c);
    }
    line(out, r);
  }

  void write() {
    std::vector<bool> leads(c.people.size(), false);
    for (const auto& p : c.people) {
      if (p.leader != no_index) leads[p.leader.value] = true;
    }
    out += "\xEF\xBB\xBF";
    row head;
    const auto& names = o.lang == lang::zh ? header_zh : header_en;
    for (std::size_t i = 0; i < column_count; ++i) head[i] = names[i];
    line(out, head);
    for (const auto& rv : v.requests) {
      const auto& req = c.requests.at(rv.request);
      row r;
      r[col::kind] = "request";
      r[col::request] = req.id;
      r[col::request_type] = to_string(req.type());
      put_person(r, req.employee, leads);
      r[col::decision] = to_string(rv.decision);
      r[col::at] = format_time_point(req.submitted_at);
      line(out, r);
      for (const auto& f : rv.findings) finding_row(f, &req, &rv, leads);
      flush();
    }
    for (const auto& f : v.findings) {
      finding_row(f, nullptr, nullptr, leads);
      flush();
    }
    flush(true);
  }
};

}  // namespace

void write_csv(std::ostream& out, const verdict& v, const case_file& c, const write_options& o) {
  csv_writer w{v, c, o, out, {}};
  w.out.reserve(std::size_t{1} << 17);
  w.write();
}

}  // namespace rulebook
