// The month view: one self-contained HTML page (inline CSS and script, nothing fetched) with people
// by days of the case's period, each shift with its findings, then the requests and the totals.
// Colour is never the only signal: every finding and decision also carries a word and a symbol.
#include <rulebook/kind.hpp>
#include <rulebook/verdict.hpp>

#include <fmt/format.h>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rulebook {
namespace {

/// `s` as HTML text or attribute value: every character with a meaning in HTML escaped.
auto esc(std::string_view s) -> std::string {
  std::string out;
  out.reserve(s.size() + 8);
  for (const char ch : s) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += ch;
    }
  }
  return out;
}

constexpr std::size_t effect_count = std::size(all_effects);
auto slot(effect e) -> std::size_t { return static_cast<std::size_t>(e); }

// Every word of the page, in each language.
struct words {
  const char* html_lang;
  const char* colon;  // after a label: ": ", "："
  const char* title;
  const char* policy;
  const char* version;
  const char* period;
  const char* case_file;
  const char* person;
  const char* team;
  const char* no_team;
  const char* other;
  const char* requests;
  const char* findings;
  const char* totals;
  const char* by_effect;
  const char* by_clause;
  const char* by_team;
  const char* legend;
  const char* clause;
  const char* rule;
  const char* evidence;
  const char* remedy;
  const char* message;
  const char* effect_word;
  const char* request_findings;
  const char* decision;
  const char* id;
  const char* type;
  const char* employee;
  const char* submitted;
  const char* asks_for;
  const char* total;
  const char* when;
  const char* show;
  const char* print;
  const char* hint;
  const char* no_days;
  const char* none;
  const char* weekend;
  const char* holiday;
  const char* leave;
  const char* swapped;
  const char* swapped_title;  // {request} {from}
  const char* week_of;
  const char* met;
  const char* unmet;
  const char* nothing_on_record;
  const char* found;
  const char* approver;
  const char* summary;  // {requests} {approved} {pending} {rejected}
  const char* conduct_summary;
  const char* criteria;
  const char* shift_word;
  const char* digest;
  std::array<const char*, 7> weekdays;  // Sunday first, as boost numbers them
  std::array<const char*, effect_count> effect_names;
  std::array<const char*, effect_count> effect_abbrevs;
  std::array<const char*, 3> decisions;
  std::array<const char*, 3> request_types;
};

constexpr words english{
    "en",
    ": ",
    "Month view",
    "Policy",
    "version",
    "Period",
    "Case",
    "Person",
    "Team",
    "No team",
    "Month, week, other",
    "Requests",
    "Conduct findings",
    "Totals",
    "By effect",
    "By clause",
    "By team",
    "Legend",
    "Clause",
    "Rule",
    "Evidence",
    "Remedy",
    "Message",
    "Effect",
    "Findings",
    "Decision",
    "Id",
    "Type",
    "Employee",
    "Submitted",
    "Asks for",
    "Total",
    "When",
    "Show",
    "Print",
    "Hover over or click a finding for its message, the clause's text, the evidence and the remedy.",
    "No shifts and no period: there are no days to show.",
    "none",
    "Weekend",
    "Holiday",
    "Leave",
    "swapped",
    "Swapped by {} from {}",
    "week of",
    "met",
    "unmet",
    "nothing on record",
    "found",
    "approver",
    "{} requests: {} approved, {} pending, {} rejected",
    "Conduct",
    "Criteria",
    "Shift",
    "Policy digest",
    {"Su", "Mo", "Tu", "We", "Th", "Fr", "Sa"},
    {"reject", "needs approval", "incomplete", "late", "warning", "violation", "absenteeism"},
    {"REJ", "APPR", "INC", "LATE", "WARN", "VIOL", "ABS"},
    {"Approved", "Pending", "Rejected"},
    {"leave", "swap", "promotion"},
};

constexpr words chinese{
    "zh-CN",
    "：",
    "月度视图",
    "政策",
    "版本",
    "期间",
    "案卷",
    "人员",
    "班组",
    "无班组",
    "月/周/其他",
    "申请",
    "考勤与纪律",
    "合计",
    "按性质",
    "按条款",
    "按班组",
    "图例",
    "条款",
    "规则",
    "依据",
    "纠正办法",
    "说明",
    "性质",
    "审核结果",
    "决定",
    "编号",
    "类型",
    "员工",
    "提交时间",
    "内容",
    "合计",
    "时间",
    "显示",
    "打印",
    "将鼠标移到某项结果上或点击它，可查看说明、条款原文、依据和纠正办法。",
    "没有班次，也没有期间：无日可显示。",
    "无",
    "周末",
    "节假日",
    "请假",
    "换班",
    "经{}换班，原属{}",
    "周起",
    "满足",
    "不满足",
    "无记录",
    "实际",
    "审批人",
    "申请{}项：已批准{}，待审批{}，已驳回{}",
    "考勤与纪律",
    "条件",
    "班次",
    "政策摘要",
    {"日", "一", "二", "三", "四", "五", "六"},
    {"驳回", "需审批", "材料不全", "迟到", "提醒", "违纪", "旷工"},
    {"驳回", "需审批", "材料不全", "迟到", "提醒", "违纪", "旷工"},
    {"已批准", "待审批", "已驳回"},
    {"请假", "换班", "晋级"},
};

// The symbol beside each effect's and decision's word (text, so it prints and reads aloud).
constexpr std::array<const char*, effect_count> effect_icons = {"⊘", "✎", "☐", "◷", "⚠", "✖", "∅"};
constexpr std::array<const char*, 3> decision_icons = {"✓", "◔", "✕"};

// Colours by effect: text, background. Chosen apart in hue and lightness; the word says it anyway.
constexpr const char* style = R"(
:root{--line:#c9ced6;--muted:#5b6472;--head:#eef1f5}
*{box-sizing:border-box}
body{margin:16px;font:13px/1.35 system-ui,"Noto Sans CJK SC","WenQuanYi Micro Hei","Microsoft YaHei","PingFang SC",sans-serif;color:#1d2330;background:#fff}
h1{font-size:20px;margin:0 0 4px}
h2{font-size:16px;margin:22px 0 6px}
h3{font-size:14px;margin:12px 0 4px}
header p{margin:2px 0;color:var(--muted)}
.controls{margin:10px 0;display:flex;flex-wrap:wrap;gap:6px 14px;align-items:center}
.controls label{white-space:nowrap;cursor:pointer}
.hint{color:var(--muted);margin:4px 0 8px}
table{border-collapse:collapse}
th,td{border:1px solid var(--line);padding:2px 4px;vertical-align:top;text-align:left}
thead th{background:var(--head)}
table.month{width:100%;min-width:1200px;table-layout:fixed;font-size:10px}
table.month th.who{width:10em}
table.month th.oth{width:8em}
table.month thead th{text-align:center;font-weight:600;padding:2px 1px}
table.month thead th small{display:block;font-weight:400;color:var(--muted)}
table.month td.day{padding:1px 2px}
.we{background:#f4f5f8}
.hol{background:#fbeff7}
.who .nm{font-weight:600}
.who .tm{display:block;color:var(--muted);font-size:10px}
.sh{border-left:3px solid #7a8699;padding-left:3px;margin:1px 0 2px}
.sh .tt{display:block}
.sh .sid{color:var(--muted);font-size:10px}
.mk{display:block;font-size:10px;color:#33415c}
.chip,.tag{position:relative;display:inline-block;margin:1px 2px 1px 0;padding:0 3px;border:1px solid;border-radius:3px;font-size:9px;line-height:1.3;cursor:pointer;max-width:100%}
.ic,.ab{white-space:nowrap}
.tag{cursor:auto}
.controls .tag,.legend .tag,table.totals .tag,table.findings .tag{font-size:11px}
.chip:focus{outline:2px solid #1d4ed8;outline-offset:1px}
.chip .n,.tag .n{font-size:9px;opacity:.8}
.tip{display:none;position:absolute;left:0;top:100%;z-index:20;width:26em;max-width:80vw;padding:6px 8px;background:#fff;color:#1d2330;border:1px solid #59606d;border-radius:4px;box-shadow:0 3px 10px rgba(0,0,0,.25);white-space:normal;font-size:12px;cursor:auto;text-align:left}
.tip.flip{left:auto;right:0}
.chip:hover .tip,.chip:focus .tip,.chip.open .tip{display:block}
.tip>span{display:block;margin:2px 0}
.tip .k{font-weight:600}
.e-reject{color:#8a1010;background:#fbd5d5;border-color:#8a1010}
.e-needs_approval{color:#153e8a;background:#dce8fb;border-color:#153e8a}
.e-incomplete{color:#5b2a86;background:#ece0f8;border-color:#5b2a86}
.e-late{color:#7a4a00;background:#ffe9c2;border-color:#a8670a}
.e-warning{color:#5d5200;background:#fff7b8;border-color:#8f7f00}
.e-violation{color:#fff;background:#c0262d;border-color:#8d1016}
.e-absenteeism{color:#fff;background:#2b2f36;border-color:#000}
.d-approved{color:#1b5e20}
.d-pending{color:#8a5300}
.d-rejected{color:#a01010}
.dec{font-weight:600;white-space:nowrap}
table.list td.msg{min-width:28em}
table.totals td.num,table.totals th.num{text-align:right}
.legend{display:flex;flex-wrap:wrap;gap:4px 16px;margin:6px 0;padding:6px 8px;border:1px solid var(--line);border-radius:4px}
.legend span.sw{display:inline-block;width:1.2em;height:1em;border:1px solid var(--line);vertical-align:middle}
footer{margin-top:20px;color:var(--muted);font-size:11px}
)"
                              R"(
.hide-reject .chip.e-reject,.hide-needs_approval .chip.e-needs_approval,.hide-incomplete .chip.e-incomplete,
.hide-late .chip.e-late,.hide-warning .chip.e-warning,.hide-violation .chip.e-violation,
.hide-absenteeism .chip.e-absenteeism{display:none}
@page{size:A4 landscape;margin:8mm}
@media print{
body{margin:0;font-size:9pt}
.controls,.hint,.tip{display:none!important}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
table.month{min-width:0;font-size:6pt}
table.month th.who{width:20mm}
table.month th.oth{width:15mm}
table.list{width:100%}
.chip{font-size:5.5pt;padding:0 1px;cursor:auto}
.mk,.sh .sid,.who .tm{font-size:5.5pt}
tr{break-inside:avoid}
h2{break-after:avoid}
.legend{display:flex!important}
}
)";

// Records any error in `data-errors` of <body> (a test reads it), then makes findings open on a
// click or a key (or when the address names one: `month.html#f3`, or `?open=f3` to open it without
// scrolling) and the filters hide effects.
constexpr const char* script = R"(
(function(){
var b=document.body,errs=[];
window.onerror=function(m){errs.push(String(m));b.setAttribute('data-errors',errs.join(' | '));};
function shut(except){var o=document.querySelectorAll('.chip.open');for(var i=0;i<o.length;i++){if(o[i]!==except){o[i].classList.remove('open');o[i].setAttribute('aria-expanded','false');}}}
function place(c){var t=c.querySelector('.tip');if(!t)return;t.classList.remove('flip');var r=t.getBoundingClientRect();if(r.right>document.documentElement.clientWidth)t.classList.add('flip');}
function toggle(c){var open=!c.classList.contains('open');shut(c);c.classList.toggle('open',open);c.setAttribute('aria-expanded',open?'true':'false');if(open)place(c);}
document.addEventListener('click',function(e){var c=e.target.closest('.chip');if(c&&!e.target.closest('.tip')){toggle(c);}else if(!c){shut(null);}});
document.addEventListener('keydown',function(e){var c=e.target.closest&&e.target.closest('.chip');if(e.key==='Escape'){shut(null);}else if(c&&(e.key==='Enter'||e.key===' ')){e.preventDefault();toggle(c);}});
document.addEventListener('mouseover',function(e){var c=e.target.closest('.chip');if(c)place(c);});
document.addEventListener('focusin',function(e){var c=e.target.closest('.chip');if(c)place(c);});
var f=document.querySelectorAll('.controls input[data-effect]');
for(var i=0;i<f.length;i++){f[i].addEventListener('change',function(e){b.classList.toggle('hide-'+e.target.getAttribute('data-effect'),!e.target.checked);});}
var p=document.getElementById('print');if(p)p.addEventListener('click',function(){window.print();});
var q=/[?&]open=([^&#]+)/.exec(location.search),h=document.getElementById(decodeURIComponent(q?q[1]:location.hash.slice(1)));if(h&&h.classList.contains('chip')){var r=h.getBoundingClientRect();if(r.top<0||r.bottom>window.innerHeight)h.scrollIntoView({block:'center'});toggle(h);}
b.setAttribute('data-ready','1');
})();
)";

struct html_writer {
  const verdict& v;
  const case_file& c;
  write_options o;
  std::ostream& sink;
  const words& w;
  std::string out;

  // The days shown: the case's period, else the span of its shifts.
  date first{boost::gregorian::not_a_date_time};
  std::uint32_t day_count = 0;
  // The roster after the requests (CONTRACT §2: a swap not rejected moves its shifts).
  std::vector<person_index> owner;
  std::vector<request_index> moved_by;
  std::vector<person_index> moved_from;
  std::vector<std::vector<request_index>> leaves;  // per shift: the leave requests covering it
  std::vector<person_index> team;                  // per person: the leader of their team, if any

  html_writer(const verdict& vd, const case_file& cf, const write_options& opts, std::ostream& s)
      : v(vd), c(cf), o(opts), sink(s), w(opts.lang == lang::zh ? chinese : english) {}

  void flush(bool all = false) {
    if (all || out.size() >= (std::size_t{1} << 16)) {
      sink.write(out.data(), static_cast<std::streamsize>(out.size()));
      out.clear();
    }
  }

  [[nodiscard]] auto zh() const -> bool { return o.lang == lang::zh; }

  /// 张三（E001） in Chinese, "张三 (E001)" in English; the id alone without a name. Escaped.
  [[nodiscard]] auto name_id(person_index p) const -> std::string {
    if (p == no_index || !c.people.has(p)) return "?";
    const auto& person = c.people[p];
    if (person.name.empty()) return esc(person.id);
    return esc(person.name) + (zh() ? "（" : " (") + esc(person.id) + (zh() ? "）" : ")");
  }

  [[nodiscard]] auto shift_kind(std::string_view kind) const -> std::string {
    if (const auto* label = v.policy.labels().find("shift_kinds", kind, o.lang)) return esc(*label);
    if (zh()) {
      if (kind == "day") return "白班";
      if (kind == "night") return "夜班";
      if (kind == "evening") return "晚班";
    }
    return esc(kind);
  }

  [[nodiscard]] auto evidence_line(const finding& f) const -> std::string {
    std::string s;
    for (const auto& e : f.evidence) {
      if (!s.empty()) s += "; ";
      s += std::string(e.key) + "=" + evidence_text(e.value, c);
    }
    return s;
  }

  // Lays out the days, the roster after the requests, and the teams.
  void prepare() {
    if (c.period) {
      first = c.period->from;
      day_count = static_cast<std::uint32_t>((c.period->to - c.period->from).days() + 1);
    } else if (!c.shifts.empty()) {
      auto lo = c.shifts.front().start.date(), hi = lo;
      for (const auto& s : c.shifts) {
        lo = std::min(lo, s.start.date());
        hi = std::max(hi, s.start.date());
      }
      first = lo;
      day_count = static_cast<std::uint32_t>((hi - lo).days() + 1);
    }
    owner.resize(c.shifts.size());
    moved_by.assign(c.shifts.size(), no_index);
    moved_from.assign(c.shifts.size(), no_index);
    leaves.resize(c.shifts.size());
    for (const auto s : c.shifts.indexes()) owner[s.value] = c.shifts[s].employee;
    std::vector<std::vector<shift_index>> gained(c.people.size());
    std::vector<decision> decisions(c.requests.size(), decision::approved);
    for (const auto& rv : v.requests) {
      if (c.requests.has(rv.request)) decisions[rv.request.value] = rv.decision;
    }
    std::vector<request_index> order;
    for (const auto i : c.requests.indexes()) order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](request_index a, request_index b) {
      return c.requests[a].submitted_at < c.requests[b].submitted_at;
    });
    const auto move = [&](shift_index s, person_index to, request_index by) {
      if (s == no_index || to == no_index) return;
      moved_from[s.value] = owner[s.value];
      owner[s.value] = to;
      moved_by[s.value] = by;
      gained[to.value].push_back(s);
    };
    for (const auto i : order) {
      const auto& r = c.requests[i];
      if (const auto* sw = r.swap(); sw != nullptr && decisions[i.value] != decision::rejected) {
        move(sw->give, sw->counterpart, i);
        move(sw->take, r.employee, i);
      } else if (const auto* lv = r.leave()) {
        if (!lv->shifts.empty()) {
          for (const auto s : lv->shifts) leaves[s.value].push_back(i);
        } else if (lv->from && lv->to) {
          std::vector<shift_index> held = c.rostered_shifts(r.employee);
          held.insert(held.end(), gained[r.employee.value].begin(), gained[r.employee.value].end());
          std::sort(held.begin(), held.end());
          held.erase(std::unique(held.begin(), held.end()), held.end());
          for (const auto s : held) {
            const auto& sh = c.shifts[s];
            if (owner[s.value] == r.employee && sh.start < *lv->to && sh.end > *lv->from) leaves[s.value].push_back(i);
          }
        }
      }
    }
    team.assign(c.people.size(), no_index);
    std::vector<bool> leads(c.people.size(), false);
    for (const auto& p : c.people) {
      if (p.leader != no_index) leads[p.leader.value] = true;
    }
    for (const auto p : c.people.indexes()) {
      const auto& person = c.people[p];
      team[p.value] = person.leader != no_index ? person.leader : leads[p.value] ? p : person_index(no_index);
    }
  }

  // The index of day `d` among the days shown, or nothing.
  [[nodiscard]] auto day_of(date d) const -> std::optional<std::uint32_t> {
    if (day_count == 0 || d.is_special() || d < first) return std::nullopt;
    const auto n = (d - first).days();
    if (n >= static_cast<std::int64_t>(day_count)) return std::nullopt;
    return static_cast<std::uint32_t>(n);
  }

  // The day a conduct finding is shown on: its shift's, its date, the moment it is about; nothing
  // for a month's or a week's finding, or a day outside the view.
  [[nodiscard]] auto day_of(const finding& f) const -> std::optional<std::uint32_t> {
    if (f.subject.shift != no_index) return day_of(c.shifts[f.subject.shift].start.date());
    if (f.subject.day) return day_of(*f.subject.day);
    if (f.subject.month || f.subject.week || f.subject.at.is_special()) return std::nullopt;
    return day_of(f.subject.at.date());
  }

  [[nodiscard]] auto when_of(const finding& f) const -> std::string {
    if (f.subject.month) return format_month(*f.subject.month);
    if (f.subject.week) return std::string(w.week_of) + " " + format_date(*f.subject.week);
    if (f.subject.day) return format_date(*f.subject.day);
    if (f.subject.shift != no_index) return format_time_point(c.shifts[f.subject.shift].start);
    return f.subject.at.is_special() ? std::string() : format_time_point(f.subject.at);
  }

  void effect_label(effect e, bool abbrev) {
    out += fmt::format(R"(<span class="ic" aria-hidden="true">{}</span> <span class="ab">{}</span>)",
                       effect_icons[slot(e)], abbrev ? w.effect_abbrevs[slot(e)] : w.effect_names[slot(e)]);
  }

  void decision_label(decision d) {
    const auto i = static_cast<std::size_t>(d);
    out += fmt::format(R"(<span class="dec d-{}"><span aria-hidden="true">{}</span> {}</span>)", to_string(d),
                       decision_icons[i], w.decisions[i]);
  }

  // A finding as a chip: its effect as symbol and word, and what a hover or click shows.
  void chip(const finding& f, const std::string& id, request_index request, std::size_t number, bool abbrev) {
    const auto& h = v.header_of(f);
    out += fmt::format(R"(<span class="chip e-{}" id="{}" tabindex="0" role="button" aria-expanded="false")",
                       to_string(f.effect), id);
    out += fmt::format(R"( data-rule="{}" data-clause="{}" data-effect="{}" data-employee="{}")", esc(h.id),
                       esc(h.clause), to_string(f.effect), esc(c.people.at(f.subject.employee).id));
    if (f.subject.shift != no_index) out += fmt::format(R"( data-shift="{}")", esc(c.shifts[f.subject.shift].id));
    if (request != no_index) out += fmt::format(R"( data-request="{}")", esc(c.requests[request].id));
    out += '>';
    effect_label(f.effect, abbrev);
    if (number != 0) out += fmt::format(R"( <span class="n">{}</span>)", number);
    out += R"(<span class="tip" role="tooltip">)";
    out += fmt::format(R"(<span class="k">{} · {} {} · {} {}</span>)", w.effect_names[slot(f.effect)], w.clause,
                       esc(h.clause), w.rule, esc(h.id));
    if (f.effect == effect::needs_approval) {
      out += fmt::format("<span>{}{}{}</span>", w.approver, w.colon,
                         esc(v.policy.label("roles", f.approver_role, o.lang)));
    }
    out += fmt::format(R"(<span class="msg">{}</span>)", esc(v.message(f, c, o.lang)));
    if (const auto text = v.policy.clause_text(h.clause, o.lang); !text.empty()) {
      out += fmt::format(R"(<span class="cl"><i>{} {}{}</i>“{}”</span>)", w.clause, esc(h.clause), w.colon, esc(text));
    }
    if (!f.evidence.empty()) {
      out += fmt::format(R"(<span class="ev"><i>{}{}</i>{}</span>)", w.evidence, w.colon, esc(evidence_line(f)));
    }
    if (const auto remedy = v.rule_of(f).remedy(f, message_context{c, o.lang}); !remedy.empty()) {
      out += fmt::format(R"(<span class="rm"><i>{}{}</i>{}</span>)", w.remedy, w.colon, esc(remedy));
    }
    out += "</span></span>";
  }

  void head() {
    const auto& name = v.policy.name();
    std::string period_text;
    if (day_count != 0) {
      period_text = format_date(first) + " – " + format_date(first + boost::gregorian::days(day_count - 1));
    }
    std::string file = c.file;
    if (const auto slash = file.find_last_of('/'); slash != std::string::npos) file = file.substr(slash + 1);
    out += fmt::format("<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                       "<title>{} — {}{}{}</title>\n<style>{}</style>\n</head>\n<body>\n",
                       w.html_lang, w.title, esc(name), period_text.empty() ? "" : " — ", period_text, style);
    // The policy's title in the language (客服部规章制度) where it has one, with its name and version.
    const auto title = v.policy.title(o.lang);
    out += fmt::format("<header>\n<h1>{} — {}", w.title, esc(title == name ? w.policy + (" " + name) : title));
    std::string about = title == name ? std::string() : esc(name);
    if (!v.policy.version().empty()) {
      about += (about.empty() ? "" : zh() ? "，" : ", ") + std::string(w.version) + " " + esc(v.policy.version());
    }
    if (!about.empty())
      out += fmt::format(fmt::runtime(zh() ? " <small>（{}）</small>" : " <small>({})</small>"), about);
    out += "</h1>\n";
    out += fmt::format("<p>{}{}<b>{}</b>", w.period, w.colon, period_text.empty() ? w.none : period_text);
    if (!file.empty()) out += fmt::format(" · {}{}{}", w.case_file, w.colon, esc(file));
    out += "</p>\n<p>";
    out += fmt::format(fmt::runtime(w.summary), v.requests.size(), v.count(decision::approved),
                       v.count(decision::pending), v.count(decision::rejected));
    out += fmt::format(fmt::runtime(zh() ? "。{}：" : ". {}: "), w.conduct_summary);
    bool any = false;
    for (const auto e : all_effects) {
      const auto n = v.count(e);
      if (n == 0) continue;
      out += fmt::format(fmt::runtime(zh() ? "{}{}{}" : "{}{} {}"), any ? (zh() ? "，" : ", ") : "",
                         w.effect_names[slot(e)], n);
      any = true;
    }
    if (!any) out += w.none;
    out += "</p>\n</header>\n";
    // Screen only: filters by effect, and printing.
    out += fmt::format("<div class=\"controls\"><b>{}{}</b>", w.show, w.colon);
    for (const auto e : all_effects) {
      out += fmt::format(R"(<label><input type="checkbox" checked data-effect="{}"> <span class="tag e-{}">)",
                         to_string(e), to_string(e));
      effect_label(e, true);
      out += "</span></label>";
    }
    out += fmt::format(R"(<button type="button" id="print">{}</button></div>)", w.print);
    out += fmt::format("\n<p class=\"hint\">{}</p>\n", w.hint);
    legend();
  }

  void legend() {
    out += fmt::format("<div class=\"legend\" aria-label=\"{}\"><b>{}{}</b>", w.legend, w.legend, w.colon);
    for (const auto e : all_effects) {
      out += fmt::format(R"(<span><span class="tag e-{}">)", to_string(e));
      effect_label(e, true);
      out += fmt::format("</span> {}</span>", zh() ? "" : w.effect_names[slot(e)]);
    }
    for (const auto d : {decision::approved, decision::pending, decision::rejected}) {
      out += "<span>";
      decision_label(d);
      out += "</span>";
    }
    out += fmt::format(R"(<span>⇄ {}</span>)", w.swapped);
    out += fmt::format(R"(<span><span class="sw we"></span> {}</span>)", w.weekend);
    out += fmt::format(R"(<span><span class="sw hol"></span> {}</span>)", w.holiday);
    out += "</div>\n";
  }

  // The class of day `d`'s column: weekend, holiday, or none.
  [[nodiscard]] auto day_class(date d) const -> std::string {
    if (v.policy.calendar().is_holiday(d) || c.calendar.is_holiday(d)) return " hol";
    const bool adjusted = v.policy.calendar().is_workday_adjusted(d) || c.calendar.is_workday_adjusted(d);
    const auto wd = d.day_of_week().as_number();
    return !adjusted && (wd == 0 || wd == 6) ? " we" : "";
  }

  void month() {
    out += fmt::format("<h2>{}</h2>\n", w.title);
    if (day_count == 0) {
      out += fmt::format("<p>{}</p>\n", w.no_days);
    }
    // What each person's row holds: shifts and conduct findings by day, the rest at the end.
    struct row {
      std::vector<std::pair<std::uint32_t, shift_index>> shifts;
      std::vector<std::pair<std::uint32_t, std::uint32_t>> findings;  // (day, finding)
      std::vector<std::uint32_t> other;
    };
    std::vector<row> rows(c.people.size());
    for (const auto s : c.shifts.indexes()) {
      const auto d = day_of(c.shifts[s].start.date());
      if (d && owner[s.value] != no_index) rows[owner[s.value].value].shifts.emplace_back(*d, s);
    }
    bool has_other = false;
    for (std::uint32_t j = 0; j < v.findings.size(); ++j) {
      const auto& f = v.findings[j];
      if (!c.people.has(f.subject.employee)) continue;
      auto& r = rows[f.subject.employee.value];
      if (const auto d = day_of(f)) {
        r.findings.emplace_back(*d, j);
      } else {
        r.other.push_back(j);
        has_other = true;
      }
    }
    if (day_count == 0 && !has_other) return;
    out += "<table class=\"month\">\n<thead><tr>";
    out += fmt::format(R"(<th class="who">{}</th>)", w.person);
    for (std::uint32_t i = 0; i < day_count; ++i) {
      const auto d = first + boost::gregorian::days(i);
      const auto ymd = d.year_month_day();
      const auto label = i == 0 || ymd.day == 1 ? fmt::format("{}/{}", static_cast<int>(ymd.month), ymd.day)
                                                : fmt::format("{}", ymd.day);
      const auto holiday = v.policy.calendar().is_holiday(d) ? v.policy.calendar().holiday_name(d)
                                                             : c.calendar.holiday_name(d);
      out += fmt::format(R"(<th class="dh{}" data-date="{}"{}>{}<small>{}</small></th>)", day_class(d), format_date(d),
                         holiday.empty() ? std::string() : " title=\"" + esc(holiday) + "\"", label,
                         w.weekdays[d.day_of_week().as_number()]);
    }
    if (has_other) out += fmt::format(R"(<th class="oth">{}</th>)", w.other);
    out += "</tr></thead>\n<tbody>\n";
    for (const auto p : c.people.indexes()) {
      auto& r = rows[p.value];
      std::stable_sort(r.shifts.begin(), r.shifts.end(), [&](const auto& a, const auto& b) {
        return a.first < b.first ||
               (a.first == b.first && (c.shifts[a.second].start < c.shifts[b.second].start ||
                                       (c.shifts[a.second].start == c.shifts[b.second].start && a.second < b.second)));
      });
      std::stable_sort(r.findings.begin(), r.findings.end(),
                       [](const auto& a, const auto& b) { return a.first < b.first; });
      const auto& person = c.people[p];
      out += fmt::format(
          R"(<tr class="person" data-person="{}"><th class="who" scope="row"><span class="nm">{}</span>)",
          esc(person.id), name_id(p));
      if (team[p.value] != no_index && team[p.value] != p) {
        out += fmt::format(R"(<span class="tm">{}{}{}</span>)", w.team, w.colon, esc(c.people[team[p.value]].id));
      }
      out += "</th>";
      std::size_t si = 0, fi = 0;
      for (std::uint32_t i = 0; i < day_count; ++i) {
        const auto d = first + boost::gregorian::days(i);
        out += fmt::format(R"(<td class="day{}" data-date="{}">)", day_class(d), format_date(d));
        const auto findings_begin = fi;
        while (fi < r.findings.size() && r.findings[fi].first == i) ++fi;
        std::vector<bool> shown(fi - findings_begin, false);
        for (; si < r.shifts.size() && r.shifts[si].first == i; ++si) {
          const auto s = r.shifts[si].second;
          shift_cell(s);
          for (auto k = findings_begin; k < fi; ++k) {
            const auto& f = v.findings[r.findings[k].second];
            if (f.subject.shift == s) {
              conduct_chip(r.findings[k].second);
              shown[k - findings_begin] = true;
            }
          }
          out += "</div>";
        }
        for (auto k = findings_begin; k < fi; ++k) {
          if (!shown[k - findings_begin]) conduct_chip(r.findings[k].second);
        }
        out += "</td>";
      }
      if (has_other) {
        out += "<td class=\"oth\">";
        for (const auto j : r.other) {
          const auto when = when_of(v.findings[j]);
          if (!when.empty()) out += fmt::format(R"(<span class="mk">{}</span>)", esc(when));
          conduct_chip(j);
        }
        out += "</td>";
      }
      out += "</tr>\n";
      flush();
    }
    out += "</tbody>\n</table>\n";
  }

  // A shift in its cell: times, kind, id, and what the requests did to it. Left open for its findings.
  void shift_cell(shift_index s) {
    const auto& sh = c.shifts[s];
    const auto hm = [](const time_point& t) {
      const auto tod = t.time_of_day();
      return fmt::format("{:02}:{:02}", tod.hours(), tod.minutes());
    };
    out += fmt::format(R"(<div class="sh" data-shift="{}"><span class="tt">{}<wbr>–{}{}</span>)", esc(sh.id),
                       hm(sh.start), hm(sh.end), sh.kind.empty() ? std::string() : " " + shift_kind(sh.kind));
    out += fmt::format(R"(<span class="sid">{}</span>)", esc(sh.id));
    if (moved_by[s.value] != no_index) {
      const auto& by = c.requests[moved_by[s.value]].id;
      const auto from = moved_from[s.value] == no_index ? std::string("?") : c.people[moved_from[s.value]].id;
      out += fmt::format(R"(<span class="mk" title="{}">⇄ {} ← {}</span>)",
                         esc(fmt::format(fmt::runtime(w.swapped_title), by, from)), esc(by), esc(from));
    }
    for (const auto r : leaves[s.value]) {
      const auto d = v.requests.at(r).decision;
      const auto i = static_cast<std::size_t>(d);
      out += fmt::format(R"(<span class="mk d-{}" title="{} {}{}{}"><span aria-hidden="true">{}</span> {} {}</span>)",
                         to_string(d), w.leave, esc(c.requests[r].id), w.colon, w.decisions[i], decision_icons[i],
                         w.leave, esc(c.requests[r].id));
    }
  }

  void conduct_chip(std::uint32_t j) { chip(v.findings[j], fmt::format("f{}", j + 1), no_index, j + 1, true); }

  // What a request asks for, in a few words.
  [[nodiscard]] auto asks_for(const request& r) const -> std::string {
    const auto ids = [&](const std::vector<shift_index>& shifts) {
      std::string s;
      for (const auto x : shifts) s += (s.empty() ? "" : zh() ? "、" : ", ") + esc(c.shifts[x].id);
      return s;
    };
    if (const auto* lv = r.leave()) {
      std::string s = esc(v.policy.label("leave_kinds", lv->kind, o.lang)) + w.colon;
      if (!lv->shifts.empty()) {
        s += ids(lv->shifts);
      } else if (lv->from && lv->to) {
        s += format_time_point(*lv->from) + " – " + format_time_point(*lv->to);
      }
      return s;
    }
    if (const auto* sw = r.swap()) {
      std::string s = (sw->give != no_index ? esc(c.shifts[sw->give].id) : std::string("?")) + " → " +
                      name_id(sw->counterpart);
      if (sw->take != no_index) s += " · " + esc(c.shifts[sw->take].id) + " ←";
      return s;
    }
    if (const auto* pr = r.promotion()) return "→ " + esc(pr->to_grade);
    return {};
  }

  void requests() {
    out += fmt::format("<h2>{} ({})</h2>\n", w.requests, v.requests.size());
    if (v.requests.empty()) {
      out += fmt::format("<p>{}</p>\n", w.none);
      return;
    }
    out += fmt::format(
        "<table class=\"list requests\">\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th>"
        "<th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
        w.id, w.type, w.employee, w.submitted, w.asks_for, w.decision, w.request_findings);
    for (const auto& rv : v.requests) {
      const auto& r = c.requests.at(rv.request);
      out += fmt::format(R"(<tr class="request" id="r{}" data-request="{}" data-decision="{}">)", rv.request.value + 1,
                         esc(r.id), to_string(rv.decision));
      out += fmt::format("<td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>", esc(r.id),
                         w.request_types[static_cast<std::size_t>(r.type())], name_id(r.employee),
                         format_time_point(r.submitted_at), asks_for(r));
      decision_label(rv.decision);
      out += "</td><td class=\"msg\">";
      for (std::size_t k = 0; k < rv.findings.size(); ++k) {
        const auto& f = rv.findings[k];
        out += "<div>";
        chip(f, fmt::format("r{}f{}", rv.request.value + 1, k + 1), rv.request, 0, false);
        out += fmt::format(" {}</div>", esc(v.message(f, c, o.lang)));
      }
      if (!rv.criteria.empty()) {
        out += fmt::format("<div class=\"crit\"><i>{}{}</i><ul>", w.criteria, w.colon);
        for (const auto& cr : rv.criteria) {
          const char* test = cr.test == "at_least"  ? (zh() ? "至少" : "at least")
                             : cr.test == "at_most" ? (zh() ? "至多" : "at most")
                                                    : (zh() ? "等于" : "equals");
          out += fmt::format(R"(<li class="{}"><span aria-hidden="true">{}</span> {}{}{} {} {} — {} {}{}</li>)",
                             cr.holds ? "d-approved" : "d-rejected", cr.holds ? "✓" : "✕", cr.holds ? w.met : w.unmet,
                             w.colon, esc(zh() && !cr.label_zh.empty() ? cr.label_zh : cr.name), test,
                             esc(evidence_text(cr.required, c)), w.found,
                             cr.found ? esc(evidence_text(*cr.found, c)) : std::string(w.nothing_on_record),
                             cr.month ? " (" + format_month(*cr.month) + ")" : std::string());
        }
        out += "</ul></div>";
      }
      out += "</td></tr>\n";
      flush();
    }
    out += "</tbody>\n</table>\n";
  }

  void findings() {
    out += fmt::format("<h2>{} ({})</h2>\n", w.findings, v.findings.size());
    if (v.findings.empty()) {
      out += fmt::format("<p>{}</p>\n", w.none);
      return;
    }
    out += fmt::format(
        "<table class=\"list findings\">\n<thead><tr><th>#</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th>"
        "<th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
        w.when, w.employee, w.shift_word, w.effect_word, w.clause, w.rule, w.message);
    for (std::uint32_t j = 0; j < v.findings.size(); ++j) {
      const auto& f = v.findings[j];
      const auto& h = v.header_of(f);
      out += fmt::format(R"(<tr class="finding" data-n="{}"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>)", j + 1,
                         j + 1, esc(when_of(f)), name_id(f.subject.employee),
                         f.subject.shift == no_index ? std::string() : esc(c.shifts[f.subject.shift].id));
      out += fmt::format(R"(<span class="tag e-{}">)", to_string(f.effect));
      effect_label(f.effect, false);
      out += fmt::format("</span></td><td>{}</td><td>{}</td><td class=\"msg\">{}</td></tr>\n", esc(h.clause), esc(h.id),
                         esc(v.message(f, c, o.lang)));
      flush();
    }
    out += "</tbody>\n</table>\n";
  }

  void totals() {
    // Every finding, requests' and conduct, counted by effect, by clause and by team.
    std::array<std::size_t, effect_count> by_effect{};
    std::vector<std::string> clauses;  // in the order the policy first cites them
    for (const auto& r : v.policy.rules()) {
      const auto& clause = r->header().clause;
      if (std::find(clauses.begin(), clauses.end(), clause) == clauses.end()) clauses.push_back(clause);
    }
    std::vector<std::array<std::size_t, effect_count>> by_clause(clauses.size());
    std::map<std::uint32_t, std::array<std::size_t, effect_count>> by_team;  // leader index; no team last
    constexpr std::uint32_t no_team = 0xffffffffU;
    const auto count = [&](const finding& f) {
      by_effect[slot(f.effect)]++;
      const auto& clause = v.header_of(f).clause;
      const auto at = std::find(clauses.begin(), clauses.end(), clause);
      if (at != clauses.end()) by_clause[static_cast<std::size_t>(at - clauses.begin())][slot(f.effect)]++;
      const auto t = c.people.has(f.subject.employee) ? team[f.subject.employee.value] : person_index(no_index);
      by_team[t == no_index ? no_team : t.value][slot(f.effect)]++;
    };
    for (const auto& rv : v.requests) {
      for (const auto& f : rv.findings) count(f);
    }
    for (const auto& f : v.findings) count(f);

    out += fmt::format("<h2>{}</h2>\n", w.totals);
    const auto header = [&](const char* by, const char* first_column, const char* caption) {
      out += fmt::format("<h3>{}</h3>\n<table class=\"totals\" data-by=\"{}\">\n<thead><tr><th>{}</th>", caption, by,
                         first_column);
      for (const auto e : all_effects) {
        out += fmt::format(R"(<th class="num"><span class="tag e-{}">)", to_string(e));
        effect_label(e, true);
        out += "</span></th>";
      }
      out += fmt::format("<th class=\"num\">{}</th></tr></thead>\n<tbody>\n", w.total);
    };
    const auto numbers = [&](const std::array<std::size_t, effect_count>& n) {
      std::size_t sum = 0;
      for (const auto x : n) {
        out += fmt::format("<td class=\"num\">{}</td>", x == 0 ? std::string() : std::to_string(x));
        sum += x;
      }
      out += fmt::format("<td class=\"num\"><b>{}</b></td></tr>\n", sum);
    };

    out += fmt::format("<h3>{}</h3>\n<table class=\"totals\" data-by=\"effect\">\n<tbody>\n", w.by_effect);
    std::size_t all = 0;
    for (const auto e : all_effects) {
      out += fmt::format(R"(<tr data-effect="{}"><th><span class="tag e-{}">)", to_string(e), to_string(e));
      effect_label(e, false);
      out += fmt::format("</span></th><td class=\"num\">{}</td></tr>\n", by_effect[slot(e)]);
      all += by_effect[slot(e)];
    }
    out += fmt::format("<tr><th>{}</th><td class=\"num\"><b>{}</b></td></tr>\n</tbody>\n</table>\n", w.total, all);

    header("clause", w.clause, w.by_clause);
    for (std::size_t i = 0; i < clauses.size(); ++i) {
      std::size_t sum = 0;
      for (const auto x : by_clause[i]) sum += x;
      if (sum == 0) continue;
      const auto text = v.policy.clause_text(clauses[i], o.lang);
      out += fmt::format(R"(<tr data-clause="{}"><th{}>{}</th>)", esc(clauses[i]),
                         text.empty() ? std::string() : " title=\"" + esc(text) + "\"", esc(clauses[i]));
      numbers(by_clause[i]);
    }
    out += "</tbody>\n</table>\n";

    header("team", w.team, w.by_team);
    for (const auto& [t, n] : by_team) {
      out += fmt::format(R"(<tr data-team="{}"><th>{}</th>)",
                         t == no_team ? std::string() : esc(c.people[person_index(t)].id),
                         t == no_team ? std::string(w.no_team) : name_id(person_index(t)));
      numbers(n);
    }
    out += "</tbody>\n</table>\n";
  }

  void write() {
    prepare();
    head();
    month();
    requests();
    findings();
    totals();
    out += fmt::format("<footer>{}{}{}</footer>\n<script>{}</script>\n</body>\n</html>\n", w.digest, w.colon,
                       esc(v.policy.digest()), script);
    flush(true);
  }
};

}  // namespace

void write_html(std::ostream& out, const verdict& v, const case_file& c, const write_options& o) {
  html_writer w(v, c, o, out);
  w.out.reserve(std::size_t{1} << 17);
  w.write();
}

}  // namespace rulebook
