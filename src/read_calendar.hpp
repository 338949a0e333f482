// Reading holiday calendars, shared by the policy loader (calendar files) and the case loader
// (a case's own `calendar:` section); and which years of a case they cover, for the command. Also
// the one reading of a value that may be written as null (`given_value`), which both loaders use.
// Private to the library and the command.
#pragma once

#include <rulebook/calendar.hpp>
#include <rulebook/model.hpp>
#include <rulebook/policy.hpp>
#include <rulebook/source.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

namespace rulebook::detail {

/// Where to report `null`, a value of `f`: itself (`in: null`), or its key when it has no place of
/// its own (YAML's `in:` is placed where the next line begins).
inline auto place_of_null(const field_reader& f, const source_node& null) -> const source_node& {
  const auto& key = f.node().keys[static_cast<std::size_t>(&null - f.node().items.data())];
  return null.line > key.line ? key : null;
}

/// The value of `key` of `f`, or nullptr when absent. An explicit null (`name: null`, `name:`) is
/// an error, never taken as absent: whoever wrote it meant a value (`give` says what belongs there;
/// a key that is not `required` may be left out instead). The case loader's fields use it too.
inline auto given_value(field_reader& f, std::string_view key, const char* give_en, const char* give_zh,
                        bool required = false) -> const source_node* {
  const auto* n = f.given(key);
  if (n == nullptr || n->kind != source_node::type::null) return n;
  auto& rd = f.reader();
  rd.error(place_of_null(f, *n),
           rd.pick(f.what_of(key) + " is null: give " + give_en + (required ? "" : " or leave the key out"),
                   f.what_of(key) + "为空：请给出" + give_zh + (required ? "" : "，或删去这个键")));
  return nullptr;
}

/// Reads `holidays:` and `workdays:` of a calendar mapping into `out`.
/// holidays: `{date, name}` or `{from, to, name}`; workdays: a date or `{date, name}`.
inline void read_calendar_entries(field_reader& cal, calendar& out) {
  auto& rd = cal.reader();
  const bool zh = rd.language() == lang::zh;
  // How entries are named in messages.
  const char* const holiday = zh ? "节假日" : "a holiday";
  const char* const workday = zh ? "调休上班日" : "an adjusted working day";
  if (const auto* list = given_value(cal, "holidays", "a list of holidays", "节假日列表")) {
    if (list->kind != source_node::type::sequence) {
      rd.error(*list, rd.pick("`holidays` must be a list of `{date, name}` or `{from, to, name}`",
                              "`holidays`必须是由`{date, name}`或`{from, to, name}`组成的列表"));
    } else {
      for (const auto& item : list->items) {
        const auto problems = rd.issue_count();
        field_reader h(rd, item, holiday);
        const auto* one = given_value(h, "date", "a date", "日期");
        const auto* from = given_value(h, "from", "a date", "日期");
        const auto* to = given_value(h, "to", "a date", "日期");
        std::string name;
        if (const auto* n = given_value(h, "name", "its name", "名称")) {
          name = rd.text(*n, h.what_of("name")).value_or("");
        }
        h.finish();
        if (!h.ok() || rd.issue_count() != problems) continue;
        if (one != nullptr && from == nullptr && to == nullptr) {
          if (auto d = rd.date_value(*one, holiday)) out.add_holiday(*d, name);
        } else if (one == nullptr && from != nullptr && to != nullptr) {
          auto f = rd.date_value(*from, h.what_of("from"));
          auto t = rd.date_value(*to, h.what_of("to"));
          if (f && t && *t < *f) {
            rd.error(*to, rd.pick("holiday `" + name + "` ends before it starts",
                                  "节假日`" + name + "`的结束日期早于开始日期"));
          } else if (f && t) {
            out.add_holiday(*f, *t, name);
          }
        } else {
          rd.error(item, rd.pick("a holiday has either `date` or both `from` and `to`",
                                 "节假日要么写`date`，要么同时写`from`和`to`"));
        }
      }
    }
  }
  if (const auto* list = given_value(cal, "workdays", "a list of dates", "日期列表")) {
    if (list->kind != source_node::type::sequence) {
      rd.error(*list, rd.pick("`workdays` must be a list of dates", "`workdays`必须是日期列表"));
    } else {
      for (const auto& item : list->items) {
        if (item.kind == source_node::type::map) {
          field_reader w(rd, item, workday);
          const auto* d = w.required("date");
          std::string name;
          if (const auto* n = given_value(w, "name", "its name", "名称")) {
            name = rd.text(*n, zh ? "调休上班日的`name`" : "`name` of a working day").value_or("");
          }
          w.finish();
          if (d != nullptr) {
            if (auto day = rd.date_value(*d, workday)) out.add_workday(*day, name);
          }
        } else if (auto day = rd.date_value(item, workday)) {
          out.add_workday(*day);
        }
      }
    }
  }
}

/// Whether `cal` has an entry (a holiday or an adjusted working day) in `year`: a calendar covers
/// the years of its entries.
inline auto covers_year(const calendar& cal, int year) -> bool {
  if (cal.holiday_count() == 0 && cal.workday_count() == 0) return false;
  const auto y = static_cast<unsigned short>(year);
  for (date d(y, 1, 1), end(y, 12, 31); d <= end; d += boost::gregorian::days(1)) {
    if (cal.is_holiday(d) || cal.is_workday_adjusted(d)) return true;
  }
  return false;
}

/// The years in which `c` has shifts or leave that neither the policy's calendars nor the case's
/// own `calendar:` cover, as one problem at the first entity in such a year: holidays there are
/// not known, so the case would be judged as if there were none. Nothing when the policy has no
/// calendar at all (it judges no holidays) or every year is covered. The message has no
/// "warning: " of its own: the command says whether it is a warning or (with `--strict`) an error.
/// The message is in language `language`.
inline auto uncovered_calendar_years(const policy& p, const case_file& c, lang language = lang::en)
    -> std::optional<load_issue> {
  const auto& cal = p.calendar();
  if (cal.holiday_count() == 0 && cal.workday_count() == 0) return std::nullopt;
  std::map<int, bool> covered;  // by year
  // The first place, in reading order: the case file, then the lists in files of their own.
  const auto file_rank = [&](const std::string& file) -> std::size_t {
    for (std::size_t k = 0; k < c.list_files.size(); ++k) {
      if (c.list_files[k].second == file) return k + 1;
    }
    return 0;
  };
  std::optional<source_position> first;
  const auto look = [&](const date& d, const std::string& file, const source_ref& where) {
    const int year = d.year();
    auto it = covered.find(year);
    if (it == covered.end()) it = covered.emplace(year, covers_year(cal, year) || covers_year(c.calendar, year)).first;
    if (it->second) return;
    const source_position here{file, where.line, where.column};
    if (!first || std::tuple(file_rank(here.file), here.line, here.column) <
                      std::tuple(file_rank(first->file), first->line, first->column)) {
      first = here;
    }
  };
  const auto& shifts_file = c.file_of("shifts");
  const auto& requests_file = c.file_of("requests");
  for (const auto& s : c.shifts) {
    look(s.start.date(), shifts_file, s.where);
    look(s.end.date(), shifts_file, s.where);
  }
  // Meetings: a working day's briefing is judged by the calendar too.
  for (const auto& m : c.meetings) look(m.start.date(), c.file_of("meetings"), m.where);
  for (const auto& r : c.requests) {
    if (const auto* l = r.leave()) {
      if (l->from) look(l->from->date(), requests_file, r.where);
      if (l->to) look(l->to->date(), requests_file, r.where);
    }
  }
  if (!first) return std::nullopt;
  std::vector<int> years;
  for (const auto& [year, ok] : covered) {
    if (!ok) years.push_back(year);
  }
  const bool zh = language == lang::zh;
  std::string list;
  for (std::size_t i = 0; i < years.size(); ++i) {
    list += (i == 0                  ? ""
             : i + 1 == years.size() ? (zh ? "和" : " and ")
                                     : (zh ? "、" : ", ")) +
            std::to_string(years[i]) + (zh ? "年" : "");
  }
  load_issue issue;
  issue.where = *first;
  issue.message = zh ? "案例涉及" + list + "，政策的日历没有覆盖" + (years.size() == 1 ? "这一年" : "这些年份") +
                           "：其间的节假日无从得知"
                     : "the case runs into " + list +
                           ", which the policy's calendars do not cover: holidays there are not known";
  return issue;
}

}  // namespace rulebook::detail
